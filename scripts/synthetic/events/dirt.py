"""Planted raw-file problems of the events file: how many, where, and how they are written.

Each count is scaled by rows / 885,129; the manifest holds the exact counts.

* Exact duplicates, 655 at the default size (at least 1): a clean row written twice in a
  row. Clean rows are otherwise all distinct.
* Empty user_session, 165 at the default size (at least 1): clean rows with the session
  blanked; never a duplicated or dirty-row source, so the count in the file is exact.
* Dirty rows, 20 of each kind at the default size (at least 1 each): an EXTRA copy of a
  clean row, written right after it, with exactly one defect, keyed by the reason code
  the pipeline quarantines it with:
  `invalid_event_time` (`2020-13-45 25:61:00 UTC`, `not a date`, `2021-02-30 10:00:00 UTC`),
  `invalid_event_type` (`wishlist`, `click`, `add_to_wishlist`: never `remove_from_cart`, an
  event type of the cosmetics and multi-category exports that the default
  accepted_event_types accepts),
  `missing_user_id` (empty user_id),
  `invalid_product_id` (`abc123`, `12x45`, `product`),
  `invalid_price` (`n/a`, `free`, `unknown`),
  `non_positive_price` (`0.00`, `-15.00`, `-0.01`).
  rows = clean rows + duplicates + dirty rows, exactly.

Layouts (`DirtStyle`):
* Multi-category: its non-positive prices are the real file's views priced `0.00`, 11 in
  its first 9,999 rows (~974 at 885,129 rows): the dirty copy becomes a view with price
  `0.00`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.random import Generator

from scripts.synthetic.planting import scaled_count, window

# The real file's rows: the published counts below are at this size.
PUBLISHED_ROWS = 885_129
PUBLISHED_DUPLICATES = 655
PUBLISHED_EMPTY_SESSIONS = 165
DIRTY_PER_KIND = 20


@dataclass(frozen=True)
class DirtyKind:
    """One kind of dirty row: the reason code, the column it breaks and the bad values."""

    reason: str
    column: int
    values: tuple[str, ...]


# Columns: 0 event_time, 1 event_type, 2 product_id, 6 price, 7 user_id.
EVENT_TYPE_COLUMN = 1
PRICE_COLUMN = 6
DIRTY_KINDS: tuple[DirtyKind, ...] = (
    DirtyKind("invalid_event_time", 0, ("2020-13-45 25:61:00 UTC", "not a date", "2021-02-30 10:00:00 UTC")),
    DirtyKind("invalid_event_type", 1, ("wishlist", "click", "add_to_wishlist")),
    DirtyKind("missing_user_id", 7, ("",)),
    DirtyKind("invalid_product_id", 2, ("abc123", "12x45", "product")),
    DirtyKind("invalid_price", 6, ("n/a", "free", "unknown")),
    DirtyKind("non_positive_price", 6, ("0.00", "-15.00", "-0.01")),
)

# Multi-category: 11 views priced 0.00 in the real file's first 9,999 rows.
ZERO_PRICE_VIEWS = DirtyKind("non_positive_price", PRICE_COLUMN, ("0.00",))
ZERO_PRICE_VIEWS_PUBLISHED = (11, 9_999)
VIEW_TEXT = "view"


@dataclass(frozen=True)
class DirtStyle:
    """A layout's dirty kinds (same reasons, same order as DIRTY_KINDS), the published count of
    each as (rows of that kind, per this many rows), and whether a non-positive price copy
    becomes a view."""

    kinds: tuple[DirtyKind, ...]
    published: tuple[tuple[int, int], ...]
    zero_price_views: bool


_ELECTRONICS_PUBLISHED = tuple((DIRTY_PER_KIND, PUBLISHED_ROWS) for _ in DIRTY_KINDS)
ELECTRONICS_DIRT = DirtStyle(DIRTY_KINDS, _ELECTRONICS_PUBLISHED, zero_price_views=False)
COSMETICS_DIRT = ELECTRONICS_DIRT
MULTICATEGORY_DIRT = DirtStyle(
    tuple(ZERO_PRICE_VIEWS if kind.reason == "non_positive_price" else kind for kind in DIRTY_KINDS),
    tuple(
        ZERO_PRICE_VIEWS_PUBLISHED if kind.reason == "non_positive_price" else published
        for kind, published in zip(DIRTY_KINDS, _ELECTRONICS_PUBLISHED, strict=False)
    ),
    zero_price_views=True,
)


@dataclass(frozen=True)
class Plan:
    rows: int
    duplicates: int
    dirty: tuple[int, ...]  # per DIRTY_KINDS entry
    empty_sessions: int

    @property
    def clean_rows(self) -> int:
        return self.rows - self.duplicates - sum(self.dirty)


def make_plan(rows: int, style: DirtStyle = ELECTRONICS_DIRT) -> Plan:
    return Plan(
        rows=rows,
        duplicates=scaled_count(PUBLISHED_DUPLICATES, rows, PUBLISHED_ROWS),
        dirty=tuple(scaled_count(count, rows, per_rows) for count, per_rows in style.published),
        empty_sessions=scaled_count(PUBLISHED_EMPTY_SESSIONS, rows, PUBLISHED_ROWS),
    )


@dataclass(frozen=True)
class Placement:
    """Global clean-row positions (in output order) of the planted rows; all distinct."""

    duplicate: np.ndarray
    dirty: np.ndarray
    dirty_kind: np.ndarray  # index into DIRTY_KINDS, aligned with `dirty`
    dirty_value: np.ndarray  # index into that kind's values
    empty_session: np.ndarray


def place(rng: Generator, plan: Plan, style: DirtStyle = ELECTRONICS_DIRT) -> Placement:
    n_dirty = sum(plan.dirty)
    # One draw without replacement: a duplicated, dirtied or sessionless row is never
    # also one of the others, so every count in the file is exact.
    chosen = rng.choice(plan.clean_rows, size=plan.duplicates + n_dirty + plan.empty_sessions, replace=False)
    dirty = chosen[plan.duplicates : plan.duplicates + n_dirty]
    kinds = np.repeat(np.arange(len(style.kinds)), plan.dirty)
    values = rng.integers(0, np.array([len(kind.values) for kind in style.kinds])[kinds])
    order = np.argsort(dirty)
    return Placement(
        duplicate=np.sort(chosen[: plan.duplicates]),
        dirty=dirty[order],
        dirty_kind=kinds[order],
        dirty_value=values[order],
        empty_session=np.sort(chosen[plan.duplicates + n_dirty :]),
    )


def _dirty_copy(line: str, kind: DirtyKind, value: int, as_view: bool) -> str:
    fields = line.split(",")
    fields[kind.column] = kind.values[value]
    if as_view:
        fields[EVENT_TYPE_COLUMN] = VIEW_TEXT
    return ",".join(fields)


def insert_planted(
    lines: list[str], placement: Placement, start: int, style: DirtStyle = ELECTRONICS_DIRT
) -> list[str]:
    """Add each duplicate and dirty copy right after its source row (positions from `start`)."""
    extras: list[tuple[int, str]] = []
    for position in placement.duplicate[window(placement.duplicate, start, start + len(lines))]:
        extras.append((int(position) - start, lines[int(position) - start]))
    chunk = window(placement.dirty, start, start + len(lines))
    dirty = zip(
        placement.dirty[chunk], placement.dirty_kind[chunk], placement.dirty_value[chunk], strict=False
    )
    for position, kind, value in dirty:
        local = int(position) - start
        dirty_kind = style.kinds[kind]
        as_view = style.zero_price_views and dirty_kind.reason == "non_positive_price"
        extras.append((local, _dirty_copy(lines[local], dirty_kind, int(value), as_view)))
    # Insert from the back so earlier local positions stay valid.
    for local, text in sorted(extras, reverse=True):
        lines.insert(local + 1, text)
    return lines
