"""Planted dirt of the session log: the kinds of extra row, their counts and bad values.

All planted rows are EXTRA rows, placed among the clean ones (see `extras`). Counts at
the published size, scaled by rows / 463,291 and rounded, at least 1 each:
- exact duplicates (120): a copy of a clean row, written after the original; each
  clean row is copied at most once.
- conflicting duplicates (40 session_ids): a copy of a clean row keeping its session_id
  but with is_click flipped or DateTime moved by 1-30 minutes, written after the
  original. Both rows of a pair count in `conflicting_session_rows` (2 per id).
- dirty rows (15 each), a clean row's content with a fresh unique session_id and one
  defect, keyed by the pipeline's reason code: `missing_session_id` (empty session_id),
  `invalid_datetime` (unparseable DateTime), `invalid_id` (text in user_id or
  campaign_id), `invalid_is_click` (is_click outside 0/1).
No clean row is the source of more than one extra row.

Manifest arithmetic: rows = clean_rows + exact_duplicate_rows + conflicting_session_ids
+ sum(dirty_rows); conflicting_session_rows = 2 x conflicting_session_ids (the clean
original plus its extra copy), so the conflicting originals are part of clean_rows.
"""

from __future__ import annotations

from scripts.synthetic.planting import scaled_count
from scripts.synthetic.sessions.reference import PUBLISHED_ROWS

# Extra rows at the published size; keys are the manifest's names.
DIRT_AT_FULL_SIZE: dict[str, int] = {
    "exact_duplicate_rows": 120,
    "conflicting_session_ids": 40,
    "missing_session_id": 15,
    "invalid_datetime": 15,
    "invalid_id": 15,
    "invalid_is_click": 15,
}
DIRTY_KINDS = ("missing_session_id", "invalid_datetime", "invalid_id", "invalid_is_click")
KIND_CLEAN = -1
KIND_DUPLICATE = 0
KIND_CONFLICT = 1
# Dirty kinds are 2.. in DIRTY_KINDS order.
BAD_DATETIMES = ("2017-07-32 10:15", "2017-02-30 08:00", "2017-07-03 25:10", "2017-07-05 14:61", "unknown")
BAD_IS_CLICKS = ("2", "yes", "-1", "Y")


def dirt_counts(rows: int) -> dict[str, int]:
    return {name: scaled_count(full, rows, PUBLISHED_ROWS) for name, full in DIRT_AT_FULL_SIZE.items()}
