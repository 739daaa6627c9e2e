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
from scripts.synthetic.events.calendar import LAST_DAY, START_SECOND_OF_DAY, WINDOW_START
from scripts.synthetic.events.catalog import BRAND_BLANK_RATE, CATEGORY_CODE_BLANK_RATE, Catalog
from scripts.synthetic.events.ids import IdKeys, session_id_texts, user_id_texts

HEADER = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"
# Indexed by event kind (behaviour's VIEW, CART, PURCHASE).
EVENT_TYPE_TEXT = np.array(["view,", "cart,", "purchase,"], dtype=object)


@dataclass(frozen=True)
class TimeText:
    """Pre-formatted "YYYY-MM-DD " per window day and "HH:MM:SS UTC," per second of day."""

    days: np.ndarray
    clock: np.ndarray


def time_text() -> TimeText:
    days = [(WINDOW_START + timedelta(days=d)).isoformat() + " " for d in range(LAST_DAY + 1)]
    clock = [f"{s // 3_600:02d}:{s // 60 % 60:02d}:{s % 60:02d} UTC," for s in range(86_400)]
    return TimeText(days=np.array(days, dtype=object), clock=np.array(clock, dtype=object))


def format_lines(
    rng: Generator,
    events: Events,
    catalog: Catalog,
    times: TimeText,
    keys: IdKeys,
    first_user: int,
    first_session: int,
    empty_session: np.ndarray,
) -> list[str]:
    """CSV lines of time-sorted events; `empty_session` holds the rows to leave sessionless."""
    n_users = int(events.user.max()) + 1
    n_sessions = int(events.session.max()) + 1
    user_ids = user_id_texts(np.arange(first_user, first_user + n_users), keys.user)
    session_user = np.zeros(n_sessions, dtype=np.int64)
    session_user[events.session] = events.user
    identity = (user_ids[session_user] + ",") + session_id_texts(
        np.arange(first_session, first_session + n_sessions), keys.session
    )
    row_identity = identity[events.session]
    row_identity[empty_session] = user_ids[events.user[empty_session]] + ","
    # Row-level catalog blanks: the product keeps its brand and category code elsewhere.
    brand_blank = rng.random(events.time.size) < BRAND_BLANK_RATE
    code_blank = rng.random(events.time.size) < CATEGORY_CODE_BLANK_RATE
    variant = 4 * events.product + 2 * brand_blank + code_blank
    day, second = np.divmod(events.time + START_SECOND_OF_DAY, 86_400)
    lines = (
        times.days[day]
        + times.clock[second]
        + EVENT_TYPE_TEXT[events.kind]
        + catalog.fields[variant]
        + row_identity
    )
    return lines.tolist()
