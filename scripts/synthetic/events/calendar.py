"""The event window and the timestamps of each user's sessions and events.

The electronics window runs from 2020-09-24 11:57:06 UTC (the very first row) to 2021-02-28
23:59:59 UTC, with per-month levels, a weekday cycle, a few special days (Singles' Day, Black
Friday, New Year) and an hour-of-day profile with quiet nights (UTC). A monthly file (the
cosmetics and multi-category exports are one file per month) runs from the 1st 00:00:00 UTC
to the last day 23:59:59 UTC with the same weekday, special-day and hour profiles, and
shorter gaps between a user's sessions so that a user's span stays well inside the month.

A user's events lie on a time line whose timestamps strictly increase (gaps of at least one
second), so a cart always follows a view of the same product by the same user (unless the
user never views), a purchase always follows its cart (unless the user never carts), and no
two clean rows are identical.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from numpy.random import Generator

# Later sessions of a user start this many days after (or, near the window end, before)
# the first one: exponential, capped so a user's span stays well inside the window.
SESSION_GAP_DAYS = 6.0
MAX_SESSION_GAP_DAYS = 60
# The same in a one-month window: a user's sessions lie within 2 x 8 days of each other.
MONTH_SESSION_GAP_DAYS = 3.0
MONTH_MAX_SESSION_GAP_DAYS = 8
# Seconds between events of one session: 1 + log-normal (median ~40 s), capped.
CLICK_GAP_MEDIAN_SECONDS = 40.0
CLICK_GAP_SIGMA = 1.1
MAX_CLICK_GAP_SECONDS = 1_800

WINDOW_START = date(2020, 9, 24)
START_SECOND_OF_DAY = 11 * 3_600 + 57 * 60 + 6  # 2020-09-24 11:57:06 UTC, the first row
LAST_DAY = (date(2021, 2, 28) - WINDOW_START).days
# Relative activity per day: month level x weekday level x special days.
MONTH_LEVEL = {
    (2020, 9): 0.90,
    (2020, 10): 0.85,
    (2020, 11): 0.95,
    (2020, 12): 1.10,  # the run-up to New Year
    (2021, 1): 1.15,
    (2021, 2): 1.05,
}
WEEKDAY_LEVEL = (1.06, 1.05, 1.03, 1.00, 0.96, 0.92, 0.98)  # Monday first
SPECIAL_DAYS = {
    date(2020, 11, 11): 1.3,  # Singles' Day
    date(2020, 11, 27): 1.6,  # Black Friday
    date(2020, 12, 31): 0.6,
    date(2021, 1, 1): 0.5,
    date(2021, 1, 2): 0.7,
}
# Relative activity per UTC hour: a Russian store, busy 06-16 UTC, quiet 21-02 UTC.
HOUR_LEVEL = (
    0.9, 1.2, 1.8, 2.6, 3.4, 4.0, 4.5, 4.8, 5.0, 5.0, 5.0, 5.0,
    4.9, 4.9, 4.8, 4.6, 4.3, 4.0, 3.6, 3.0, 2.3, 1.6, 1.1, 0.9,
)  # fmt: skip
# Keeps users apart in the per-user running maximum (larger than any time in the window).
USER_STRIDE = 1 << 36


@dataclass(frozen=True)
class Window:
    """The time span of one file. Times are seconds since `start` at `start_second` UTC."""

    start: date
    start_second: int  # second of the first day at which the window opens
    last_day: int  # days after `start`
    # The first day's share of a full day's traffic (the electronics window opens at noon).
    first_day_level: float
    session_gap_days: float
    max_session_gap_days: int

    @property
    def end(self) -> int:
        """The last second of the window (23:59:59 of the last day), in window seconds."""
        return self.last_day * 86_400 + 86_399 - self.start_second


ELECTRONICS_WINDOW = Window(
    start=WINDOW_START,
    start_second=START_SECOND_OF_DAY,
    last_day=LAST_DAY,
    first_day_level=0.5,
    session_gap_days=SESSION_GAP_DAYS,
    max_session_gap_days=MAX_SESSION_GAP_DAYS,
)


def month_window(year: int, month: int) -> Window:
    """One calendar month, from the 1st 00:00:00 UTC to the last day 23:59:59 UTC."""
    return Window(
        start=date(year, month, 1),
        start_second=0,
        last_day=calendar.monthrange(year, month)[1] - 1,
        first_day_level=1.0,
        session_gap_days=MONTH_SESSION_GAP_DAYS,
        max_session_gap_days=MONTH_MAX_SESSION_GAP_DAYS,
    )


def _day_cdf(window: Window) -> np.ndarray:
    levels = []
    for offset in range(window.last_day + 1):
        day = window.start + timedelta(days=offset)
        month_level = MONTH_LEVEL.get((day.year, day.month), 1.0)
        level = month_level * WEEKDAY_LEVEL[day.weekday()] * SPECIAL_DAYS.get(day, 1.0)
        levels.append(level * (window.first_day_level if offset == 0 else 1.0))
    return np.cumsum(levels)


def _session_starts(
    rng: Generator, session_user: np.ndarray, first_of_user: np.ndarray, n_users: int, window: Window
) -> np.ndarray:
    """Start second of each session, chronological within each user."""
    day_cdf = _day_cdf(window)
    hour_cdf = np.cumsum(HOUR_LEVEL)
    anchor = np.searchsorted(day_cdf, rng.random(n_users) * day_cdf[-1], side="right")
    n = session_user.size
    gap = np.minimum(
        np.floor(rng.exponential(window.session_gap_days, n)), window.max_session_gap_days
    ).astype(np.int64)
    gap[first_of_user] = 0
    day = anchor[session_user] + gap
    # Past the window's end, the session goes as many days before the first one instead.
    day = np.where(day > window.last_day, np.maximum(anchor[session_user] - gap, 0), day)
    hour = np.searchsorted(hour_cdf, rng.random(n) * hour_cdf[-1], side="right")
    start = day * 86_400 + hour * 3_600 + rng.integers(0, 3_600, n) - window.start_second
    # First day before the window opens: folded into its afternoon.
    start = np.where(start < 0, start + window.start_second, start)
    return start[np.lexsort((start, session_user))]


def _click_gaps(rng: Generator, opens_session: np.ndarray) -> np.ndarray:
    gaps = np.exp(rng.normal(math.log(CLICK_GAP_MEDIAN_SECONDS), CLICK_GAP_SIGMA, opens_session.size))
    gaps = 1 + np.minimum(np.floor(gaps), MAX_CLICK_GAP_SECONDS).astype(np.int64)
    gaps[opens_session] = 0
    return gaps


def _strictly_increasing(time: np.ndarray, user: np.ndarray) -> np.ndarray:
    """Push each event to at least one second after the user's previous event.

    t'[i] = i + running max of (t[j] - j): a vectorised form of t'[i] = max(t[i],
    t'[i-1] + 1). The per-user lift keeps the running max from crossing users.
    """
    index = np.arange(time.size, dtype=np.int64)
    lift = user.astype(np.int64) * USER_STRIDE
    return np.maximum.accumulate(time - index + lift) - lift + index


def draw_times(
    rng: Generator, user: np.ndarray, session: np.ndarray, n_users: int, opens_window: bool, window: Window
) -> np.ndarray:
    opens_session = np.r_[True, session[1:] != session[:-1]]
    first_event = np.flatnonzero(opens_session)
    session_user = user[first_event]
    first_of_user = np.r_[True, session_user[1:] != session_user[:-1]]
    start = _session_starts(rng, session_user, first_of_user, n_users, window)
    elapsed = np.cumsum(_click_gaps(rng, opens_session))
    time = start[session] + elapsed - elapsed[first_event][session]
    time = _strictly_increasing(time, user)
    # A user pushed past the window's end moves back as a whole (spans are far shorter
    # than the window, so nobody moves before its start).
    last_event = np.r_[user[1:] != user[:-1], True]
    time -= np.maximum(time[last_event] - window.end, 0)[user]
    if time.size and time.min() < 0:
        # Not expected (see above); a file with rows outside its window would be wrong silently.
        raise RuntimeError("a user's events span more than the window; shorten the session gaps")
    if opens_window:
        # The file's very first row sits exactly at the window start.
        time[user == 0] -= time[0]
    return time
