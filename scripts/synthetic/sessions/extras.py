"""Where the planted extra rows go in the session log, and how each one is altered.

Each extra row copies a distinct clean row (its source) and is written straight after a
later clean row of the same chunk (its anchor), so extra rows sit among the clean ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scripts.synthetic.sessions.calendar import MINUTES
from scripts.synthetic.sessions.dirt import (
    BAD_DATETIMES,
    BAD_IS_CLICKS,
    DIRTY_KINDS,
    KIND_CLEAN,
    KIND_CONFLICT,
    KIND_DUPLICATE,
)
from scripts.synthetic.sessions.plan import Plan


@dataclass(frozen=True)
class Extras:
    """The planted extra rows: each copies clean row `source`, written after `anchor`."""

    kind: np.ndarray
    source: np.ndarray
    anchor: np.ndarray
    tiebreak: np.ndarray
    variant: np.ndarray  # picks the defect text / the conflicting change


def draw_extras(rng: np.random.Generator, plan: Plan) -> Extras:
    """Pick distinct clean sources and, for each, a later row in the same chunk."""
    kinds = np.concatenate(
        [
            np.full(plan.extras["exact_duplicate_rows"], KIND_DUPLICATE),
            np.full(plan.extras["conflicting_session_ids"], KIND_CONFLICT),
            *[np.full(plan.extras[name], 2 + i) for i, name in enumerate(DIRTY_KINDS)],
        ]
    )
    # Distinct sources: no clean row feeds two extras, so every planted row is countable.
    source = rng.choice(plan.clean_rows, size=kinds.size, replace=False).astype(np.int64)
    chunk_end = np.minimum((source // plan.chunk_rows + 1) * plan.chunk_rows, plan.clean_rows)
    anchor = source + (rng.random(kinds.size) * (chunk_end - source)).astype(np.int64)
    order = np.argsort(source, kind="stable")
    return Extras(
        kind=kinds[order],
        source=source[order],
        anchor=np.minimum(anchor, chunk_end - 1)[order],
        tiebreak=rng.random(kinds.size)[order],
        variant=rng.integers(0, 1 << 30, size=kinds.size)[order],
    )


@dataclass(frozen=True)
class Layout:
    """A chunk's output rows: which clean row each copies, its kind, its extra's index."""

    source: np.ndarray
    kind: np.ndarray
    extra: np.ndarray  # index into Extras, -1 for clean rows


def chunk_layout(extras: Extras, chunk: slice, start: int, clean_count: int) -> Layout:
    """Clean rows in order, each extra straight after its anchor (the extras in `chunk`
    all have their source and anchor in this chunk, and anchor >= source)."""
    key = np.concatenate((2 * np.arange(clean_count), 2 * (extras.anchor[chunk] - start) + 1))
    tie = np.concatenate((np.zeros(clean_count), extras.tiebreak[chunk]))
    order = np.lexsort((tie, key))
    source = np.concatenate((np.arange(clean_count), extras.source[chunk] - start))
    kind = np.concatenate((np.full(clean_count, KIND_CLEAN), extras.kind[chunk]))
    extra = np.concatenate((np.full(clean_count, -1), np.arange(chunk.start, chunk.stop)))
    return Layout(source[order], kind[order], extra[order])


def conflicting_changes(extras: Extras, layout: Layout, minute: np.ndarray, is_click: np.ndarray) -> None:
    """Make each conflicting copy differ: flip is_click, or move DateTime 1-30 minutes
    (backwards when forwards would leave the window)."""
    rows = np.flatnonzero(layout.kind == KIND_CONFLICT)
    variant = extras.variant[layout.extra[rows]]
    flip = variant % 2 == 0
    is_click[rows[flip]] ^= 1
    moved = rows[~flip]
    shift = 1 + (variant[~flip] // 2) % 30
    minute[moved] = np.where(minute[moved] + shift < MINUTES, minute[moved] + shift, minute[moved] - shift)


def plant_defects(extras: Extras, layout: Layout, columns: list[list[str]]) -> None:
    """Give each dirty row its one defect (columns: 0 session_id, 1 DateTime, 2 user_id,
    4 campaign_id, 14 is_click)."""
    for row in np.flatnonzero(layout.kind > KIND_CONFLICT).tolist():
        reason = DIRTY_KINDS[int(layout.kind[row]) - 2]
        variant = int(extras.variant[layout.extra[row]])
        if reason == "missing_session_id":
            columns[0][row] = ""
        elif reason == "invalid_datetime":
            columns[1][row] = BAD_DATETIMES[variant % len(BAD_DATETIMES)]
        elif reason == "invalid_id" and variant % 2:
            columns[2][row] = "u" + columns[2][row]
        elif reason == "invalid_id":
            columns[4][row] = "cmp_" + columns[4][row]
        else:
            columns[14][row] = BAD_IS_CLICKS[variant % len(BAD_IS_CLICKS)]
