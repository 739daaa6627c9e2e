"""The events file from start to end: seeds, chunks of users, and the order rows land in.

Users are simulated in chunks of at most 50,000, each sized to the rows still needed.
Rows are sorted by time within each chunk of users but NOT globally: the file is a
concatenation of chunks.

Determinism: one `numpy.random.SeedSequence(seed)`, spawned into independent PCG64
streams (catalog, placement of planted rows, users); ids, cents and seconds are integer
arithmetic; nothing depends on hash order, time or locale. Same seed, same bytes. A monthly
layout seeds its catalog from (seed, layout) and the rest from (seed, layout, month), so its
months are different files of one store (see `layouts`).

The manifest: rows, clean_rows (distinct usable rows), exact_duplicate_rows, dirty_rows
(reject reason -> rows), empty_session_rows (clean rows without a session),
clean_rows_by_event_type (the clean rows per event type, remove_from_cart included), layout,
month (None for electronics), seed.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from numpy.random import PCG64, Generator

from scripts.synthetic.events.behaviour import simulate_chunk
from scripts.synthetic.events.catalog import build_catalog
from scripts.synthetic.events.dirt import (
    PUBLISHED_ROWS,
    insert_planted,
    make_plan,
    place,
)
from scripts.synthetic.events.ids import IdFormat, IdKeys
from scripts.synthetic.events.layouts import DEFAULT_LAYOUT, file_spec
from scripts.synthetic.events.text import EVENT_TYPES, HEADER, format_lines, time_text
from scripts.synthetic.planting import window
from scripts.synthetic.sink import open_csv

# The real file's size.
DEFAULT_ROWS = PUBLISHED_ROWS
# Below this the planted rows (at least one of each kind) would crowd the clean ones.
MIN_ROWS = 1_000
# 2: unknown event types no longer include remove_from_cart, an accepted type.
# 3: multi-category users browse as in the real month (~14 rows, ~3 sessions per user).
GENERATOR_VERSION = 3
CHUNK_USERS = 50_000


def _chunk_users(remaining_rows: int, rows_per_user: float) -> int:
    # A little over the expected need, so the last chunk is rarely followed by a tiny one.
    return min(CHUNK_USERS, math.ceil(remaining_rows / rows_per_user * 1.02) + 8)


def generate(
    path: Path, rows: int, seed: int, layout: str = DEFAULT_LAYOUT, month: str | None = None
) -> dict:
    """Write `rows` data rows (plus a header) to `path` and return the manifest.

    `layout` is electronics, cosmetics or multicategory; `month` (YYYY-MM) picks the month of
    a monthly layout (default: its layout's), and must be None for electronics.
    """
    if rows < MIN_ROWS:
        raise ValueError(f"rows must be at least {MIN_ROWS:,}, got {rows:,}")
    spec = file_spec(layout, seed, month)
    style = spec.layout
    plan = make_plan(rows, style.dirt)
    catalog = build_catalog(Generator(PCG64(spec.catalog_seed)), style.catalog)
    placement = place(Generator(PCG64(spec.placement_seed)), plan, style.dirt)
    rng = Generator(PCG64(spec.users_seed))
    keys = IdKeys(user=int(rng.integers(1 << 62)), session=int(rng.integers(1 << 62)))
    # Drawn only for monthly files, after the electronics keys: electronics bytes do not move.
    file_key = 0 if spec.user_slot is None else int(rng.integers(1 << 62))
    ids = IdFormat(keys=keys, user_slot=spec.user_slot, file_key=file_key)
    times = time_text(spec.window)
    written = users = sessions = 0
    clean_by_kind = np.zeros(len(EVENT_TYPES), dtype=np.int64)
    with open_csv(Path(path)) as out:
        out.write(HEADER + "\n")
        while written < plan.clean_rows:
            remaining = plan.clean_rows - written
            events = simulate_chunk(
                rng,
                catalog,
                _chunk_users(remaining, style.rows_per_user),
                opens_window=written == 0,
                behaviour=style.behaviour,
                window=spec.window,
            )
            events = events.head(remaining)
            next_users = users + int(events.user[-1]) + 1
            next_sessions = sessions + int(events.session[-1]) + 1
            events = events.sorted_by_time()
            chunk_end = written + events.time.size
            empty = placement.empty_session[window(placement.empty_session, written, chunk_end)]
            lines = format_lines(rng, events, catalog, times, ids, users, sessions, empty - written)
            lines = insert_planted(lines, placement, written, style.dirt)
            clean_by_kind += np.bincount(events.kind, minlength=len(EVENT_TYPES))
            out.write("\n".join(lines))
            out.write("\n")
            written += events.time.size
            users, sessions = next_users, next_sessions
    return {
        "dataset": "events",
        "seed": seed,
        "rows": rows,
        "clean_rows": plan.clean_rows,
        "exact_duplicate_rows": plan.duplicates,
        "dirty_rows": {kind.reason: count for kind, count in zip(style.dirt.kinds, plan.dirty, strict=False)},
        "empty_session_rows": plan.empty_sessions,
        "generator_version": GENERATOR_VERSION,
        "layout": style.name,
        "month": spec.month,
        "clean_rows_by_event_type": dict(zip(EVENT_TYPES, clean_by_kind.tolist(), strict=False)),
    }
