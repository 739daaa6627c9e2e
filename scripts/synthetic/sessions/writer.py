"""The session log from start to end: plan, chunks of clean rows with their extras, manifest.

Deterministic: the same `rows` and `seed` give byte-identical `.csv` / `.csv.gz` output.
Streaming: rows are built in numpy chunks of `plan.CHUNK_ROWS` clean sessions, formatted,
written and discarded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

import numpy as np

from scripts.synthetic.planting import window
from scripts.synthetic.sessions.clean_sessions import clean_sessions
from scripts.synthetic.sessions.dirt import DIRTY_KINDS
from scripts.synthetic.sessions.extras import chunk_layout, draw_extras
from scripts.synthetic.sessions.plan import Plan, make_plan
from scripts.synthetic.sessions.reference import PUBLISHED_ROWS
from scripts.synthetic.sessions.text import HEADER, chunk_text
from scripts.synthetic.sink import open_csv

# The real file's size.
DEFAULT_ROWS = PUBLISHED_ROWS
GENERATOR_VERSION = 1


def _manifest(plan: Plan, seed: int) -> dict:
    return {
        "dataset": "sessions",
        "seed": seed,
        "rows": plan.rows,
        "clean_rows": plan.clean_rows,
        "exact_duplicate_rows": plan.extras["exact_duplicate_rows"],
        "conflicting_session_ids": plan.extras["conflicting_session_ids"],
        "conflicting_session_rows": 2 * plan.extras["conflicting_session_ids"],
        "dirty_rows": {name: plan.extras[name] for name in DIRTY_KINDS},
        "generator_version": GENERATOR_VERSION,
    }


def _write_sessions(out: TextIO, rng: np.random.Generator, plan: Plan) -> int:
    extras = draw_extras(rng, plan)
    rows_left = plan.product_rows.copy()
    clicks_left = plan.product_clicks.copy()
    written = 0
    for start in range(0, plan.clean_rows, plan.chunk_rows):
        stop = min(start + plan.chunk_rows, plan.clean_rows)
        sessions = clean_sessions(rng, plan, start, stop, rows_left, clicks_left)
        layout = chunk_layout(extras, window(extras.source, start, stop), start, stop - start)
        out.write(chunk_text(plan, extras, sessions, layout, written))
        written += layout.source.size
    return written


def generate(path: Path, rows: int, seed: int) -> dict:
    """Write `rows` data rows (header excluded) to `path` (.csv or .csv.gz) and return the
    manifest of what was planted (see `dirt` for how the counts relate)."""
    plan = make_plan(rows, seed)
    if plan.clean_rows < sum(plan.extras.values()):
        raise ValueError(f"rows={rows:,} is too small for the planted extra rows")
    rng = np.random.Generator(np.random.PCG64(seed))
    with open_csv(path) as out:
        out.write(HEADER + "\n")
        written = _write_sessions(out, rng, plan)
    if written != rows:
        raise RuntimeError(f"wrote {written:,} rows, planned {rows:,}")
    return _manifest(plan, seed)
