"""The events file from start to end: seeds, chunks of users, and the order rows land in.

Users are simulated in chunks of at most 50,000, each sized to the rows still needed.
Rows are sorted by time within each chunk of users but NOT globally: the file is a
concatenation of chunks.

Determinism: one `numpy.random.SeedSequence(seed)`, spawned into independent PCG64
streams (catalog, placement of planted rows, users); ids, cents and seconds are integer
arithmetic; nothing depends on hash order, time or locale. Same seed, same bytes.
"""

from __future__ import annotations

import math
from pathlib import Path

from numpy.random import PCG64, Generator, SeedSequence

from scripts.synthetic.events.behaviour import simulate_chunk
from scripts.synthetic.events.catalog import build_catalog
from scripts.synthetic.events.dirt import DIRTY_KINDS, PUBLISHED_ROWS, insert_planted, make_plan, place
from scripts.synthetic.events.ids import IdKeys
from scripts.synthetic.events.text import HEADER, format_lines, time_text
from scripts.synthetic.planting import window
from scripts.synthetic.sink import open_csv

# The real file's size.
DEFAULT_ROWS = PUBLISHED_ROWS
# Below this the planted rows (at least one of each kind) would crowd the clean ones.
MIN_ROWS = 1_000
GENERATOR_VERSION = 1
# 884,474 de-duplicated rows for 407,283 users: sizes a chunk to the rows still needed.
EXPECTED_ROWS_PER_USER = 884_474 / 407_283
CHUNK_USERS = 50_000


def _chunk_users(remaining_rows: int) -> int:
    # A little over the expected need, so the last chunk is rarely followed by a tiny one.
    return min(CHUNK_USERS, math.ceil(remaining_rows / EXPECTED_ROWS_PER_USER * 1.02) + 8)


def generate(path: Path, rows: int, seed: int) -> dict:
    """Write `rows` data rows (plus a header) to `path` and return the manifest."""
    if rows < MIN_ROWS:
        raise ValueError(f"rows must be at least {MIN_ROWS:,}, got {rows:,}")
    plan = make_plan(rows)
    catalog_seed, placement_seed, users_seed = SeedSequence(seed).spawn(3)
    catalog = build_catalog(Generator(PCG64(catalog_seed)))
    placement = place(Generator(PCG64(placement_seed)), plan)
    rng = Generator(PCG64(users_seed))
    keys = IdKeys(user=int(rng.integers(1 << 62)), session=int(rng.integers(1 << 62)))
    times = time_text()
    written = users = sessions = 0
    with open_csv(Path(path)) as out:
        out.write(HEADER + "\n")
        while written < plan.clean_rows:
            remaining = plan.clean_rows - written
            events = simulate_chunk(rng, catalog, _chunk_users(remaining), opens_window=written == 0)
            events = events.head(remaining)
            next_users = users + int(events.user[-1]) + 1
            next_sessions = sessions + int(events.session[-1]) + 1
            events = events.sorted_by_time()
            chunk_end = written + events.time.size
            empty = placement.empty_session[window(placement.empty_session, written, chunk_end)]
            lines = format_lines(rng, events, catalog, times, keys, users, sessions, empty - written)
            lines = insert_planted(lines, placement, written)
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
        "dirty_rows": {kind.reason: count for kind, count in zip(DIRTY_KINDS, plan.dirty)},
        "empty_session_rows": plan.empty_sessions,
        "generator_version": GENERATOR_VERSION,
    }
