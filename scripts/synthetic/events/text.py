"""CSV text of clean events: every value comes from a pre-formatted lookup table, so a
chunk's lines are a handful of numpy object-array concatenations rather than per-row
formatting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from numpy.random import Generator

from scripts.synthetic.events.behaviour import Events
from scripts.synthetic.events.calendar import ELECTRONICS_WINDOW, Window
from scripts.synthetic.events.catalog import BRAND_BLANK_RATE, CATEGORY_CODE_BLANK_RATE, Catalog
from scripts.synthetic.events.ids import IdFormat

HEADER = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"
# Indexed by event kind (behaviour's VIEW, CART, PURCHASE, REMOVE).
EVENT_TYPES = ("view", "cart", "purchase", "remove_from_cart")
EVENT_TYPE_TEXT = np.array([f"{name}," for name in EVENT_TYPES], dtype=object)


@dataclass(frozen=True)
class TimeText:
    """Pre-formatted "YYYY-MM-DD " per window day and "HH:MM:SS UTC," per second of day, and
    the second of the first day at which window time 0 falls."""

    days: np.ndarray
    clock: np.ndarray
    start_second: int


def time_text(window: Window = ELECTRONICS_WINDOW) -> TimeText:
    days = [(window.start + timedelta(days=d)).isoformat() + " " for d in range(window.last_day + 1)]
    clock = [f"{s // 3_600:02d}:{s // 60 % 60:02d}:{s % 60:02d} UTC," for s in range(86_400)]
    return TimeText(
        days=np.array(days, dtype=object),
        clock=np.array(clock, dtype=object),
        start_second=window.start_second,
    )


def format_lines(
    rng: Generator,
    events: Events,
    catalog: Catalog,
    times: TimeText,
    ids: IdFormat,
    first_user: int,
    first_session: int,
    empty_session: np.ndarray,
) -> list[str]:
    """CSV lines of time-sorted events; `empty_session` holds the rows to leave sessionless."""
    n_users = int(events.user.max()) + 1
    n_sessions = int(events.session.max()) + 1
    user_ids = ids.users(np.arange(first_user, first_user + n_users))
    session_user = np.zeros(n_sessions, dtype=np.int64)
    session_user[events.session] = events.user
    session_ids = ids.sessions(np.arange(first_session, first_session + n_sessions))
    identity = (user_ids[session_user] + ",") + session_ids
    row_identity = identity[events.session]
    row_identity[empty_session] = user_ids[events.user[empty_session]] + ","
    # Row-level catalog blanks: the product keeps its brand and category code elsewhere.
    brand_blank = rng.random(events.time.size) < BRAND_BLANK_RATE
    code_blank = rng.random(events.time.size) < CATEGORY_CODE_BLANK_RATE
    variant = 4 * events.product + 2 * brand_blank + code_blank
    day, second = np.divmod(events.time + times.start_second, 86_400)
    lines = (
        times.days[day]
        + times.clock[second]
        + EVENT_TYPE_TEXT[events.kind]
        + catalog.fields[variant]
        + row_identity
    )
    return lines.tolist()
