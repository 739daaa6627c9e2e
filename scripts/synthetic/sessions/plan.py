"""The run plan of the session log: per-product, per-hour and dirt counts, ids and salt.

- Products A-J get exactly the published session shares (largest-remainder apportionment
  of the clean rows). Clicks: round(clean rows x 31,331 / 463,291) in all, so the overall
  CTR is the published 6.7627 %, split over the products in proportion to published
  CTR x sessions, so each product's CTR is its published one up to rounding.
- Sunday holds exactly 79,045 / 463,291 = 17.06 % of the clean rows; the rest of the
  clean rows go to the weekday hours by their hourly profile.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scripts.synthetic.sessions.calendar import SUNDAY_HOURS, WEEKDAY_FACTORS, WEEKDAY_HOURS
from scripts.synthetic.sessions.dirt import dirt_counts
from scripts.synthetic.sessions.hashing import id_bits, mix_int
from scripts.synthetic.sessions.reference import (
    PRODUCTS,
    PUBLISHED_CLICKS,
    PUBLISHED_ROWS,
    PUBLISHED_WEEKEND_ROWS,
)

# Clean sessions per chunk: rows are built in numpy, formatted, written and discarded, so
# memory stays flat at any size. Read when a run is planned, so a test can shrink it.
CHUNK_ROWS = 100_000
# Distinct users in the pool per clean row: with the skew in `users`, ~3 sessions per
# distinct user (many singles, a long tail of returners).
USER_POOL_PER_ROW = 0.36
# The salt hashes the seed's low 64 bits: numpy accepts seeds wider than that.
_MASK64 = (1 << 64) - 1


@dataclass(frozen=True)
class Plan:
    """Everything about a run that is fixed before the first row is drawn."""

    rows: int
    clean_rows: int
    chunk_rows: int
    extras: dict[str, int]
    slot_bounds: np.ndarray  # clean-row index where each hour slot (6 days x 24) starts
    product_rows: np.ndarray
    product_clicks: np.ndarray
    user_pool: int
    session_id_bits: int
    user_id_bits: int
    salt: int


def _apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Largest-remainder split of `total` in proportion to `weights` (sums exactly)."""
    exact = total * weights / weights.sum()
    counts = np.floor(exact).astype(np.int64)
    leftover = total - int(counts.sum())
    counts[np.argsort(-(exact - counts), kind="stable")[:leftover]] += 1
    return counts


def _slot_bounds(clean_rows: int) -> np.ndarray:
    """Hour-slot starts: Sunday gets exactly the published weekend share."""
    sunday = round(clean_rows * PUBLISHED_WEEKEND_ROWS / PUBLISHED_ROWS)
    sunday_slots = _apportion(sunday, np.array(SUNDAY_HOURS))
    weekday_weights = np.outer(WEEKDAY_FACTORS, WEEKDAY_HOURS).ravel()
    weekday_slots = _apportion(clean_rows - sunday, weekday_weights)
    return np.concatenate(([0], np.cumsum(np.concatenate((sunday_slots, weekday_slots)))))


def make_plan(rows: int, seed: int) -> Plan:
    extras = dirt_counts(rows)
    clean_rows = rows - sum(extras.values())
    published_rows = np.array([p[1] for p in PRODUCTS], dtype=np.float64)
    published_clicks = published_rows * np.array([p[2] for p in PRODUCTS]) / 100
    product_rows = _apportion(clean_rows, published_rows)
    total_clicks = round(clean_rows * PUBLISHED_CLICKS / PUBLISHED_ROWS)
    # Clicks per product follow the published CTR; the split is over the per-product
    # click expectation so the overall rate stays exactly the published one.
    product_clicks = _apportion(total_clicks, published_clicks * product_rows / published_rows)
    user_pool = max(1, round(clean_rows * USER_POOL_PER_ROW))
    return Plan(
        rows=rows,
        clean_rows=clean_rows,
        chunk_rows=CHUNK_ROWS,
        extras=extras,
        slot_bounds=_slot_bounds(clean_rows),
        product_rows=product_rows,
        product_clicks=product_clicks,
        user_pool=user_pool,
        session_id_bits=id_bits(rows),
        user_id_bits=id_bits(user_pool),
        salt=mix_int(seed & _MASK64),
    )
