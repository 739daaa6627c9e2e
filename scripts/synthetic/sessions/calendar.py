"""The session window, 2017-07-02 (Sunday) to 2017-07-07 (Friday), and minutes within it.

DateTime has minute resolution. Each day follows an hourly profile (weekday peak 19-21h);
Sunday holds exactly the published weekend share (see `plan`). Clean rows are written in
time order (extra rows sit among them and carry their source's time, so the file as a
whole is only nearly sorted).
"""

from __future__ import annotations

import numpy as np

# Hourly activity, relative weights for hours 0..23.
WEEKDAY_HOURS = (
    1.2,
    0.8,
    0.6,
    0.5,
    0.5,
    0.7,
    1.2,
    2.0,
    2.8,
    3.3,
    3.6,
    3.8,
    4.0,
    4.0,
    3.9,
    3.9,
    4.0,
    4.3,
    4.8,
    5.6,
    5.9,
    5.5,
    3.8,
    2.2,
)
SUNDAY_HOURS = (
    1.8,
    1.2,
    0.8,
    0.6,
    0.5,
    0.6,
    0.9,
    1.5,
    2.4,
    3.2,
    3.8,
    4.1,
    4.2,
    4.1,
    4.0,
    3.9,
    3.9,
    4.0,
    4.2,
    4.5,
    4.7,
    4.6,
    3.6,
    2.5,
)
WEEKDAY_FACTORS = (1.03, 0.98, 1.00, 0.99, 1.00)  # Monday 3 July .. Friday 7 July
DAYS = 6  # 2017-07-02 (Sunday) .. 2017-07-07
MINUTES = DAYS * 24 * 60


def draw_minutes(rng: np.random.Generator, bounds: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Minute of the window for clean rows start..stop: spread evenly (with jitter) over
    their hour slot, so time never decreases along the clean rows."""
    j = np.arange(start, stop)
    slot = np.searchsorted(bounds, j, side="right") - 1
    size = bounds[slot + 1] - bounds[slot]
    offset = ((j - bounds[slot] + rng.random(j.size)) * 60 / size).astype(np.int64)
    return slot * 60 + np.minimum(offset, 59)
