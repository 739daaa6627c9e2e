"""CSV text of a chunk of the session log: 15 columns in the real file's value shapes.

Nullable demographics are written as pandas-style floats (`4.0`), empty when missing.
Session ids are a scrambled output position, so every row's id is fresh and unique except
where a copy is meant to repeat its source's.
"""

from __future__ import annotations

import numpy as np

from scripts.synthetic.scramble import scramble
from scripts.synthetic.sessions.calendar import MINUTES
from scripts.synthetic.sessions.clean_sessions import Sessions
from scripts.synthetic.sessions.dirt import KIND_CLEAN, KIND_CONFLICT, KIND_DUPLICATE
from scripts.synthetic.sessions.extras import Extras, Layout, conflicting_changes, plant_defects
from scripts.synthetic.sessions.hashing import mix_int
from scripts.synthetic.sessions.plan import Plan
from scripts.synthetic.sessions.reference import CAMPAIGNS, CATEGORY_2_IDS, PRODUCTS

HEADER = (
    "session_id,DateTime,user_id,product,campaign_id,webpage_id,product_category_1,"
    "product_category_2,user_group_id,gender,age_level,user_depth,city_development_index,"
    "var_1,is_click"
)

# Text of every coded value, so formatting is a lookup rather than per-row str().
# Nullable numeric demographics read as floats in pandas, hence "4.0"; "" = missing.
_MINUTE_TEXT = np.array(
    [f"2017-07-{2 + m // 1440:02d} {m // 60 % 24:02d}:{m % 60:02d}" for m in range(MINUTES)],
    dtype=object,
)
_PRODUCT_TEXT = np.array([p[0] for p in PRODUCTS], dtype=object)
_CAMPAIGN_TEXT = np.array([str(c[0]) for c in CAMPAIGNS], dtype=object)
_WEBPAGE_TEXT = np.array([str(c[1]) for c in CAMPAIGNS], dtype=object)
_CATEGORY_TEXT = np.array(["", "1", "2", "3", "4", "5"], dtype=object)  # indexed by 1..5
_CATEGORY_2_TEXT = np.array([""] + [f"{i}.0" for ids in CATEGORY_2_IDS for i in ids], dtype=object)
_GENDER_TEXT = np.array(["", "Male", "Female"], dtype=object)  # codes 0 missing, 1, 2
_FLOAT_TEXT = np.array([""] + [f"{v}.0" for v in range(13)], dtype=object)  # code v + 1
_DIGIT_TEXT = np.array(["0", "1"], dtype=object)


def _session_ids(plan: Plan, layout: Layout, first_position: int) -> np.ndarray:
    """Scrambled output position, so clean and dirty rows get fresh unique ids; copies
    (exact and conflicting) reuse their source's id."""
    position = np.arange(first_position, first_position + layout.source.size, dtype=np.uint64)
    session_id = scramble(position, plan.session_id_bits, plan.salt) + np.uint64(1)
    clean_rows_at = np.flatnonzero(layout.kind == KIND_CLEAN)  # output row of clean row i
    copies = (layout.kind == KIND_DUPLICATE) | (layout.kind == KIND_CONFLICT)
    session_id[copies] = session_id[clean_rows_at[layout.source[copies]]]
    return session_id


def _columns(
    plan: Plan,
    sessions: Sessions,
    layout: Layout,
    session_id: np.ndarray,
    minute: np.ndarray,
    is_click: np.ndarray,
) -> list[list[str]]:
    """The 15 output columns as lists of text, in header order."""
    src = layout.source
    users = sessions.users
    # A salt of its own, so user ids and session ids are scrambled differently.
    user_id = scramble(users.index[src], plan.user_id_bits, mix_int(plan.salt)) + np.uint64(1)
    gender = users.gender[src]
    age = users.age[src]
    # user_group_id: 0 for age level 0, 1-6 males by age, 7-12 females by age.
    group = np.where(age <= 0, age, age + np.where(gender == 2, 6, 0))
    depth = users.depth[src]
    city = users.city[src]
    campaign = sessions.campaign[src]
    return [
        list(map(str, session_id.tolist())),
        _MINUTE_TEXT[minute].tolist(),
        list(map(str, user_id.tolist())),
        _PRODUCT_TEXT[sessions.product[src]].tolist(),
        _CAMPAIGN_TEXT[campaign].tolist(),
        _WEBPAGE_TEXT[campaign].tolist(),
        _CATEGORY_TEXT[sessions.category[src]].tolist(),
        _CATEGORY_2_TEXT[sessions.category_2[src]].tolist(),
        _FLOAT_TEXT[group + 1].tolist(),
        _GENDER_TEXT[gender].tolist(),
        _FLOAT_TEXT[age + 1].tolist(),
        _FLOAT_TEXT[np.where(depth == 0, 0, depth + 1)].tolist(),
        _FLOAT_TEXT[np.where(city == 0, 0, city + 1)].tolist(),
        _DIGIT_TEXT[sessions.var_1[src]].tolist(),
        _DIGIT_TEXT[is_click].tolist(),
    ]


def chunk_text(plan: Plan, extras: Extras, sessions: Sessions, layout: Layout, first_position: int) -> str:
    """The chunk's rows as CSV lines, each extra row altered as planted."""
    minute = sessions.minute[layout.source]
    is_click = sessions.is_click[layout.source]
    conflicting_changes(extras, layout, minute, is_click)
    columns = _columns(plan, sessions, layout, _session_ids(plan, layout, first_position), minute, is_click)
    plant_defects(extras, layout, columns)
    return "\n".join(map(",".join, zip(*columns, strict=False))) + "\n"
