"""The three REES46 export layouts and what each changes in the events file.

All three share the header `event_time,event_type,product_id,category_id,category_code,brand,
price,user_id,user_session` and the behaviour model; they differ in:

* electronics (the default): 2020-09-24 .. 2021-02-28, 19-digit user ids, 10-character
  sessions, view / cart / purchase.
* cosmetics: one month (default 2019-12), 9-digit user ids, UUID sessions, view / cart /
  purchase / remove_from_cart, no category_code on any row.
* multicategory: one month (default 2019-10), 9-digit user ids, UUID sessions, 7-8 digit
  product ids, view / cart / purchase; most buyers never cart; a few views priced 0.00;
  about 14 rows and 3 sessions per user.

Each module's docstring has the details: `behaviour` (buyers without carts, removals),
`calendar` (monthly windows), `ids` (id shapes and disjoint id blocks), `catalog` (id ranges,
category codes) and `dirt` (dirty values and zero-priced views).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from numpy.random import SeedSequence

from scripts.synthetic.events.behaviour import (
    COSMETICS_BEHAVIOUR,
    ELECTRONICS_BEHAVIOUR,
    MULTICATEGORY_BEHAVIOUR,
    Behaviour,
)
from scripts.synthetic.events.calendar import ELECTRONICS_WINDOW, Window, month_window
from scripts.synthetic.events.catalog import (
    COSMETICS_CATALOG,
    ELECTRONICS_CATALOG,
    MULTICATEGORY_CATALOG,
    CatalogStyle,
)
from scripts.synthetic.events.dirt import COSMETICS_DIRT, ELECTRONICS_DIRT, MULTICATEGORY_DIRT, DirtStyle

# The first month of both monthly exports: user id blocks count months from here.
FIRST_EXPORT_MONTH = (2019, 10)
_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Layout:
    name: str
    code: int  # mixed into the seeds of a monthly file
    behaviour: Behaviour
    catalog: CatalogStyle
    dirt: DirtStyle
    default_month: str | None  # None: the layout has one fixed window (electronics)
    # Clean rows per user, measured; sizes the chunks of users to the rows still needed.
    rows_per_user: float
    # Monthly layouts: user id blocks first_slot .. first_slot + slots - 1 (see `ids`).
    first_slot: int = 0
    slots: int = 0


LAYOUTS: dict[str, Layout] = {
    # 884,474 de-duplicated rows for 407,283 users in the real file.
    "electronics": Layout(
        "electronics",
        0,
        ELECTRONICS_BEHAVIOUR,
        ELECTRONICS_CATALOG,
        ELECTRONICS_DIRT,
        None,
        884_474 / 407_283,
    ),
    # The cosmetics shop's public months are 2019-10 .. 2020-02 (5), the multi-category
    # store's 2019-10 .. 2020-04 (7): one user id block each.
    "cosmetics": Layout(
        "cosmetics", 1, COSMETICS_BEHAVIOUR, COSMETICS_CATALOG, COSMETICS_DIRT, "2019-12", 2.33, 0, 5
    ),
    "multicategory": Layout(
        "multicategory",
        2,
        MULTICATEGORY_BEHAVIOUR,
        MULTICATEGORY_CATALOG,
        MULTICATEGORY_DIRT,
        "2019-10",
        13.98,
        5,
        7,
    ),
}
DEFAULT_LAYOUT = "electronics"


@dataclass(frozen=True)
class FileSpec:
    """Everything about one file that is not its size: layout, month, window and seeds."""

    layout: Layout
    month: str | None
    window: Window
    user_slot: int | None  # None: 19-digit electronics ids
    catalog_seed: SeedSequence
    placement_seed: SeedSequence
    users_seed: SeedSequence


def parse_month(text: str) -> tuple[int, int]:
    """`YYYY-MM` -> (year, month); ValueError for anything else."""
    match = _MONTH.fullmatch(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month must be YYYY-MM, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def file_spec(layout_name: str, seed: int, month: str | None = None) -> FileSpec:
    """Resolve a layout, month and seed into the window, id block and random streams."""
    if layout_name not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, got {layout_name!r}")
    layout = LAYOUTS[layout_name]
    if layout.default_month is None:
        if month is not None:
            raise ValueError(f"the {layout_name} layout has a fixed window: no month")
        # The streams the electronics generator always used: its bytes stay the same.
        catalog_seed, placement_seed, users_seed = SeedSequence(seed).spawn(3)
        return FileSpec(layout, None, ELECTRONICS_WINDOW, None, catalog_seed, placement_seed, users_seed)
    month = month or layout.default_month
    year, number = parse_month(month)
    months_since_first = (year - FIRST_EXPORT_MONTH[0]) * 12 + number - FIRST_EXPORT_MONTH[1]
    # A store's catalog is the same every month (same seed); its users and dirt are not.
    catalog_seed = SeedSequence([seed, layout.code])
    placement_seed, users_seed = SeedSequence([seed, layout.code, year, number]).spawn(2)
    return FileSpec(
        layout=layout,
        month=f"{year:04d}-{number:02d}",
        window=month_window(year, number),
        user_slot=layout.first_slot + months_since_first % layout.slots,
        catalog_seed=catalog_seed,
        placement_seed=placement_seed,
        users_seed=users_seed,
    )
