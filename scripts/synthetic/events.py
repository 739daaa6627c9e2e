"""Synthetic twin of the public REES46 electronics-store event log (`events.csv`).

The real file ("eCommerce events history in electronics store", 885,129 rows, Sep 2020 to
Feb 2021) cannot be downloaded here. This module writes a file with the same columns, value
shapes, size, rates and dirt, so that the pipeline and its tests run on something that
looks like it. Published figures are in `shared/spec/reference-figures.md`, section 1.

    generate(path, rows=885_129, seed=42) -> manifest dict

How a file is built
-------------------
* A fixed catalog (`LINES`: category code x brand, ~44,000 products, same for every
  `rows` at a given seed) gives each product one category_id, one brand, one price, a
  browse weight (how often it is viewed) and a buy weight (how often it is carted and
  bought). Expected purchases and revenue per line are set so that, after the row-level
  blanks below, brand and category revenue land near the published table:
  computers.components.videocards ~51 % of revenue; top brands msi, gigabyte, palit, asus,
  sapphire, amd, canon, powercolor, epson, pioneer; top-level categories computers,
  electronics, auto, stationery, construction, appliances.
* Users are simulated in chunks of at most 50,000 with vectorised numpy. Each user gets a
  segment with the published shares (only viewed 90.6 %, carted never bought 4.1 %, bought
  after carting 4.9 %, bought without any cart 0.3 %, i.e. ~1,248 per 407,283 users), and
  1.1 % of the non-browsing users never view anything (~420 users). Buyers make exactly one
  purchase with p = 13,598 / 21,304, otherwise 2 + a geometric number (3.08 on average).
* A user's events are "journeys" on one product: views, then for a cart journey one cart,
  then for a bought product its purchase(s). Journeys are shuffled per user and laid on a
  time line whose timestamps strictly increase (gaps of at least one second), so a cart
  always follows a view of the same product by the same user (unless the user never
  views) and a purchase always follows its cart (unless the user never carts), and no two
  clean rows are identical.
* Counts (segments, purchases, journeys, views) and the product picks use stratified
  uniforms (one draw per 1/n slice of [0, 1), in random order), so rates and catalog row
  shares hold within a fraction of a percent even on a 100,000-row file.
* Sessions: a new session starts at a journey boundary with p = 0.313 and inside a journey
  with p = 0.08, giving ~1.2 sessions per user (490,398 at the default size), more for
  busier users. Session ids are 10 characters [0-9A-Za-z], unique by construction.
* Time: 2020-09-24 11:57:06 UTC (the very first row) to 2021-02-28 23:59:59 UTC, with
  per-month levels, a weekday cycle, a few special days (Singles' Day, Black Friday, New
  Year) and an hour-of-day profile with quiet nights (UTC). Rows are sorted by time
  within each chunk of users but NOT globally: the file is a concatenation of chunks.

Planted catalog gaps (rates per clean row at the default size)
---------------------------------------------------------------
* Missing brand, 24.0 % of rows: 20 % of rows are on products that have no brand at all
  (whole lines with brand None: a true gap); 5 % of the other rows blank the brand of a
  product that has one, recoverable from the same product_id's other rows (~17 % of the
  missing-brand rows).
* Missing category_code, 26.7 % of rows: 22.3 % of rows are on category_ids that never
  have a code; 5.7 % of the other rows blank the code of a category_id that has one,
  recoverable from the same category_id's other rows (~17 % of the missing-code rows).
* Ten planted products have a high browse weight and a zero buy weight (~500 to 1,150
  views at the default size, never carted or bought); many low-traffic products are
  never bought either.

Planted raw-file problems (each scaled by rows / 885,129; the manifest holds exact counts)
-------------------------------------------------------------------------------------------
* Exact duplicates, 655 at the default size (at least 1): a clean row written twice in a
  row. Clean rows are otherwise all distinct.
* Empty user_session, 165 at the default size (at least 1): clean rows with the session
  blanked; never a duplicated or dirty-row source, so the count in the file is exact.
* Dirty rows, 20 of each kind at the default size (at least 1 each): an EXTRA copy of a
  clean row, written right after it, with exactly one defect, keyed by the reason code
  the pipeline quarantines it with:
  `invalid_event_time` (`2020-13-45 25:61:00 UTC`, `not a date`, `2021-02-30 10:00:00 UTC`),
  `invalid_event_type` (`remove_from_cart`, `wishlist`, `click`),
  `missing_user_id` (empty user_id),
  `invalid_product_id` (`abc123`, `12x45`, `product`),
  `invalid_price` (`n/a`, `free`, `unknown`),
  `non_positive_price` (`0.00`, `-15.00`, `-0.01`).
  rows = clean rows + duplicates + dirty rows, exactly.

Determinism: one `numpy.random.SeedSequence(seed)`, spawned into independent PCG64
streams (catalog, placement of planted rows, users); ids, cents and seconds are integer
arithmetic; nothing depends on hash order, time or locale. Same seed, same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from numpy.random import PCG64, Generator, SeedSequence

from scripts.synthetic.sink import open_csv

DEFAULT_ROWS = 885_129
# Below this the planted rows (at least one of each kind) would crowd the clean ones.
MIN_ROWS = 1_000
GENERATOR_VERSION = 1

HEADER = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"

# --- Catalog -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One catalog line: the products of one brand in one category.

    `purchases`, `revenue` and `views` are expected totals at the default size BEFORE the
    row-level blanks (which move 5 % of a branded line's rows to "no brand" and 5.7 % of a
    coded line's rows to "no category"). `views` is the browse weight; journeys that end in
    a cart add views in proportion to `purchases` on top (~11 % of all views). A line with
    brand None is an unbranded line, one with category_code None sits on category_ids
    that never have a code.
    """

    category_code: str | None
    brand: str | None
    purchases: int
    revenue: int
    views: int


LINES: tuple[Line, ...] = (
    Line("computers.components.videocards", "msi", 1_500, 642_000, 40_000),
    Line("computers.components.videocards", "gigabyte", 1_450, 535_000, 36_700),
    Line("computers.components.videocards", "palit", 1_128, 500_000, 30_400),
    Line("computers.components.videocards", "asus", 650, 283_610, 17_400),
    Line("computers.components.videocards", "sapphire", 960, 320_621, 23_500),
    Line("computers.components.videocards", "powercolor", 285, 103_460, 7_200),
    Line("computers.components.videocards", "inno3d", 200, 66_000, 4_900),
    Line("computers.components.videocards", "zotac", 170, 60_000, 4_200),
    Line("computers.components.videocards", "evga", 150, 60_000, 3_900),
    Line("computers.components.videocards", "pny", 120, 40_000, 2_900),
    Line("computers.components.videocards", "kfa2", 120, 40_000, 2_900),
    Line("computers.components.videocards", "afox", 200, 30_000, 3_700),
    Line("computers.components.videocards", "biostar", 60, 20_000, 1_500),
    Line("computers.components.videocards", "amd", 68, 11_034, 1_300),
    Line("computers.components.videocards", None, 205, 37_500, 3_700),
    Line("computers.components.cpu", "amd", 1_000, 190_000, 20_100),
    Line("computers.components.cpu", "intel", 200, 35_000, 3_900),
    Line("computers.components.cpu", None, 80, 6_191, 1_100),
    Line("computers.components.motherboard", "msi", 330, 30_000, 5_100),
    Line("computers.components.motherboard", "gigabyte", 360, 30_000, 5_400),
    Line("computers.components.motherboard", "asus", 300, 25_000, 4_500),
    Line("computers.components.motherboard", "asrock", 200, 15_000, 2_900),
    Line("computers.components.motherboard", "biostar", 145, 8_514, 1_900),
    Line("computers.peripherals.printer", "canon", 560, 95_000, 10_800),
    Line("computers.peripherals.printer", "epson", 330, 90_000, 7_500),
    Line("computers.peripherals.printer", "hp", 300, 40_000, 5_300),
    Line("computers.peripherals.printer", "brother", 260, 40_000, 4_800),
    Line("computers.peripherals.printer", "pantum", 380, 45_000, 6_500),
    Line("computers.peripherals.printer", "kyocera", 150, 45_000, 3_500),
    Line("computers.peripherals.printer", "xerox", 200, 20_000, 3_200),
    Line("computers.peripherals.printer", None, 517, 9_564, 4_200),
    Line("computers.notebook", "lenovo", 300, 25_000, 4_500),
    Line("computers.notebook", "acer", 300, 15_000, 3_800),
    Line("computers.notebook", "asus", 168, 7_094, 2_000),
    Line("computers.notebook", None, 600, 20_000, 6_000),
    Line("computers.components.power_supply", "aerocool", 131, 15_000, 2_200),
    Line("computers.components.power_supply", "deepcool", 138, 23_000, 2_600),
    Line("computers.components.power_supply", "gigabyte", 78, 12_391, 1_500),
    Line("computers.components.power_supply", None, 98, 10_000, 1_500),
    Line("computers.components.memory", "kingston", 262, 25_000, 4_100),
    Line("computers.components.memory", "crucial", 131, 10_000, 1_900),
    Line("computers.components.memory", "samsung", 65, 5_000, 1_000),
    Line("computers.components.memory", "patriot", 65, 5_000, 1_000),
    Line("computers.components.memory", None, 65, 5_000, 900),
    Line("computers.components.hdd", "seagate", 164, 20_000, 2_800),
    Line("computers.components.hdd", "toshiba", 171, 23_000, 3_000),
    Line("computers.components.hdd", "wd", 164, 20_000, 2_800),
    Line("computers.components.cooler", "deepcool", 196, 12_000, 2_600),
    Line("computers.components.cooler", "arctic", 164, 8_000, 2_000),
    Line("computers.components.cooler", None, 164, 10_000, 2_000),
    Line("computers.components.case", "aerocool", 78, 8_000, 1_300),
    Line("computers.components.case", "zalman", 65, 6_000, 1_000),
    Line("computers.components.case", "deepcool", 52, 5_366, 800),
    Line("computers.peripherals.monitor", "samsung", 52, 15_000, 1_200),
    Line("computers.peripherals.monitor", "lg", 65, 20_000, 1_500),
    Line("computers.peripherals.monitor", "asus", 65, 20_000, 1_500),
    Line("computers.peripherals.monitor", "aoc", 20, 5_000, 400),
    Line("computers.peripherals.mouse", "logitech", 420, 12_000, 4_300),
    Line("computers.peripherals.mouse", "a4tech", 380, 8_000, 3_500),
    Line("computers.peripherals.mouse", "defender", 300, 5_000, 2_600),
    Line("computers.peripherals.mouse", None, 131, 5_000, 1_400),
    Line("computers.peripherals.keyboard", "logitech", 164, 10_000, 2_200),
    Line("computers.peripherals.keyboard", "a4tech", 260, 8_000, 2_800),
    Line("computers.peripherals.keyboard", "defender", 131, 6_000, 1_600),
    Line("computers.peripherals.keyboard", None, 98, 6_000, 1_200),
    Line("computers.peripherals.camera", "logitech", 131, 10_000, 1_900),
    Line("computers.peripherals.camera", "defender", 98, 5_000, 1_200),
    Line("computers.peripherals.camera", None, 98, 5_000, 1_100),
    Line("computers.network.router", "tp-link", 327, 20_000, 4_400),
    Line("computers.network.router", "asus", 131, 10_000, 1_900),
    Line("computers.network.router", "keenetic", 196, 15_000, 2_900),
    Line("electronics.telephone", "panasonic", 1_200, 50_000, 14_200),
    Line("electronics.telephone", "gigaset", 700, 30_000, 8_300),
    Line("electronics.telephone", "texet", 800, 20_000, 7_900),
    Line("electronics.telephone", "alcatel", 500, 20_000, 5_800),
    Line("electronics.telephone", "philips", 245, 19_194, 3_600),
    Line("electronics.telephone", None, 900, 20_000, 7_900),
    Line("electronics.audio.acoustic", "pioneer", 200, 30_000, 3_700),
    Line("electronics.audio.acoustic", "jbl", 300, 25_000, 4_500),
    Line("electronics.audio.acoustic", "sven", 250, 15_000, 3_400),
    Line("electronics.audio.acoustic", "edifier", 145, 19_372, 2_600),
    Line("electronics.audio.headphone", "pioneer", 26, 5_500, 500),
    Line("electronics.audio.headphone", "jbl", 131, 10_000, 1_900),
    Line("electronics.audio.headphone", "sony", 236, 23_000, 3_700),
    Line("electronics.audio.headphone", "sven", 105, 4_500, 1_300),
    Line("electronics.audio.headphone", None, 196, 10_000, 2_300),
    Line("electronics.video.tv", "samsung", 20, 15_000, 600),
    Line("electronics.video.tv", "lg", 33, 25_000, 1_100),
    Line("electronics.video.tv", "sony", 26, 20_000, 900),
    Line("electronics.camera.photo", "canon", 88, 34_466, 2_300),
    Line("electronics.camera.photo", "nikon", 46, 20_000, 1_200),
    Line("electronics.tablet", "lenovo", 126, 23_000, 2_500),
    Line("electronics.tablet", "huawei", 65, 15_000, 1_400),
    Line("electronics.video.projector", "acer", 26, 20_000, 900),
    Line("electronics.video.projector", "benq", 20, 17_020, 700),
    Line("auto.accessories.player", "pioneer", 200, 40_000, 4_100),
    Line("auto.accessories.player", "prology", 200, 15_000, 2_900),
    Line("auto.accessories.player", "kenwood", 150, 20_000, 2_700),
    Line("auto.accessories.player", "alpine", 173, 11_032, 2_400),
    Line("auto.accessories.videoregister", "neoline", 65, 10_000, 1_200),
    Line("auto.accessories.videoregister", "prology", 65, 5_000, 1_000),
    Line("auto.accessories.videoregister", None, 65, 10_000, 1_100),
    Line("auto.accessories.radar", "neoline", 98, 12_716, 1_700),
    Line("stationery.cartridge", "canon", 400, 15_000, 4_500),
    Line("stationery.cartridge", "epson", 154, 12_893, 2_300),
    Line("stationery.cartridge", "hp", 500, 20_000, 5_800),
    Line("stationery.cartridge", "cactus", 600, 25_000, 7_100),
    Line("stationery.cartridge", "brother", 135, 6_385, 1_700),
    Line("stationery.cartridge", None, 1_100, 30_000, 10_300),
    Line("stationery.paper", "svetocopy", 196, 6_408, 2_100),
    Line("construction.tools.drill", "makita", 65, 20_000, 1_500),
    Line("construction.tools.drill", "bosch", 65, 20_000, 1_500),
    Line("construction.tools.drill", None, 65, 11_000, 1_200),
    Line("construction.tools.saw", "makita", 52, 15_000, 1_200),
    Line("construction.tools.saw", "bosch", 46, 15_000, 1_100),
    Line("construction.tools.light", None, 196, 15_000, 2_600),
    Line("construction.tools.welding", "resanta", 39, 19_644, 1_100),
    Line("appliances.kitchen.kettle", "tefal", 196, 10_000, 2_500),
    Line("appliances.kitchen.kettle", None, 327, 14_000, 3_500),
    Line("appliances.environment.vacuum", "samsung", 57, 13_000, 1_200),
    Line("appliances.environment.vacuum", "philips", 73, 17_000, 1_600),
    Line("appliances.environment.vacuum", None, 65, 10_000, 1_100),
    Line("appliances.personal.hair_cutter", "philips", 164, 10_000, 2_200),
    Line("appliances.personal.hair_cutter", "braun", 164, 10_000, 2_200),
    Line("appliances.kitchen.microwave", "samsung", 65, 13_076, 1_300),
    Line("appliances.kitchen.microwave", "lg", 65, 13_000, 1_300),
    Line("furniture.office.chair", None, 26, 7_000, 500),
    Line("accessories.bag", None, 98, 4_674, 1_100),
    Line(None, None, 2_923, 111_000, 83_300),
    Line(None, "sven", 510, 20_000, 15_900),
    Line(None, "defender", 650, 20_000, 18_600),
    Line(None, "hp", 100, 5_000, 3_400),
    Line(None, "xiaomi", 700, 30_000, 22_600),
    Line(None, "huawei", 333, 15_000, 10_900),
    Line(None, "gembird", 550, 12_962, 14_400),
)


@dataclass(frozen=True)
class PlantedProduct:
    """A product viewed a lot and never carted or bought (the zero-conversion alert)."""

    category_code: str | None
    brand: str | None
    views: int


ZERO_CONVERSION_PRODUCTS: tuple[PlantedProduct, ...] = (
    PlantedProduct("computers.components.videocards", "msi", 1_150),
    PlantedProduct("electronics.telephone", "panasonic", 1_086),
    PlantedProduct("computers.peripherals.printer", "canon", 995),
    PlantedProduct("electronics.video.tv", "samsung", 946),
    PlantedProduct("computers.components.cpu", "intel", 891),
    PlantedProduct("computers.peripherals.monitor", "lg", 879),
    PlantedProduct("auto.accessories.player", "pioneer", 724),
    PlantedProduct(None, "xiaomi", 615),
    PlantedProduct("appliances.environment.vacuum", "philips", 610),
    PlantedProduct("computers.components.videocards", "gigabyte", 513),
)

# Products per line: one per this many browse views, so a product gets ~16 views at the
# default size on average (the real store has ~53,000 products for 793,000 views).
VIEWS_PER_PRODUCT = 16
MIN_PRODUCTS_PER_LINE = 5
# Popularity inside a line falls as rank ** -0.8: the top product of the biggest line gets
# ~0.25 % of all views, the tail a handful of views and usually no purchase.
POPULARITY_EXPONENT = 0.8
# Spread of how well a product converts views into carts, and of prices around the line's
# mean (log-normal sigmas).
CONVERSION_SIGMA = 0.6
PRICE_SIGMA = 0.35
MIN_PRICE_CENTS = 99
# Category ids that never have a code; each uncoded product sits on one of them.
UNCODED_CATEGORY_IDS = 48
CATEGORY_ID_BASE = 2_144_415_921_000_000_000
CATEGORY_ID_SPAN = 10_000_000_000
# Product ids are 4 to 7 digits, like the real ones (83737 ... 4099645).
PRODUCT_ID_MIN = 1_000
PRODUCT_ID_MAX = 4_199_999
# Row-level blanks (see the module docstring): recoverable from other rows.
BRAND_BLANK_RATE = 0.05
CATEGORY_CODE_BLANK_RATE = 0.057


@dataclass(frozen=True)
class Catalog:
    """Products laid out line by line, so stratified picks hit each line's share."""

    # Four pre-formatted "product_id,category_id,category_code,brand,price," texts per
    # product: index 4 * product + 2 * brand_blanked + code_blanked.
    fields: np.ndarray
    browse_cdf: np.ndarray
    buy_cdf: np.ndarray


def _zipf_weights(n: int) -> np.ndarray:
    return np.arange(1, n + 1, dtype=np.float64) ** -POPULARITY_EXPONENT


def _category_ids(rng: Generator) -> tuple[dict[str, int], np.ndarray]:
    """One 19-digit id per category code, plus the pool of ids that never have a code."""
    codes = sorted({line.category_code for line in LINES if line.category_code is not None})
    offsets = rng.choice(CATEGORY_ID_SPAN, size=len(codes) + UNCODED_CATEGORY_IDS, replace=False)
    ids = CATEGORY_ID_BASE + offsets.astype(np.int64)
    coded = {code: int(ids[i]) for i, code in enumerate(codes)}
    return coded, ids[len(codes) :]


def _line_prices(rng: Generator, line: Line, buy: np.ndarray) -> np.ndarray:
    """Prices in cents whose buy-weighted mean is the line's revenue per purchase."""
    spread = np.exp(rng.normal(0.0, PRICE_SIGMA, size=buy.size))
    spread /= np.dot(buy, spread) / buy.sum()
    cents = np.rint(spread * (line.revenue * 100 / line.purchases)).astype(np.int64)
    return np.maximum(cents, MIN_PRICE_CENTS)


def _price_text(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _product_fields(product_id: int, category_id: int, line: Line, cents: int) -> list[str]:
    code = line.category_code or ""
    brand = line.brand or ""
    price = _price_text(cents)
    return [
        f"{product_id},{category_id},{c},{b},{price},"
        for b in (brand, "")
        for c in (code, "")
    ]


def _line_size(line: Line) -> int:
    return max(MIN_PRODUCTS_PER_LINE, math.ceil(line.views / VIEWS_PER_PRODUCT))


def _line_products(
    rng: Generator, line: Line, planted: list[PlantedProduct]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Browse weight, buy weight and price in cents of a line's products, planted ones last."""
    popularity = _zipf_weights(_line_size(line))
    browse = line.views * popularity / popularity.sum()
    conversion = popularity * np.exp(rng.normal(0.0, CONVERSION_SIGMA, size=popularity.size))
    buy = line.purchases * conversion / conversion.sum()
    cents = _line_prices(rng, line, buy)
    if planted:
        # Zero-conversion products: browse weight as planted, buy weight 0, a typical price.
        browse = np.concatenate([browse, [product.views for product in planted]])
        buy = np.concatenate([buy, np.zeros(len(planted))])
        cents = np.concatenate([cents, np.full(len(planted), int(np.median(cents)))])
    return browse, buy, cents


def _build_catalog(rng: Generator) -> Catalog:
    coded_ids, uncoded_ids = _category_ids(rng)
    planted: dict[tuple[str | None, str | None], list[PlantedProduct]] = {}
    for product in ZERO_CONVERSION_PRODUCTS:
        planted.setdefault((product.category_code, product.brand), []).append(product)
    total = sum(_line_size(line) for line in LINES) + len(ZERO_CONVERSION_PRODUCTS)
    span = PRODUCT_ID_MAX - PRODUCT_ID_MIN + 1
    product_ids = iter((PRODUCT_ID_MIN + rng.choice(span, size=total, replace=False)).tolist())
    fields: list[str] = []
    browse: list[np.ndarray] = []
    buy: list[np.ndarray] = []
    for line in LINES:
        extra = planted.get((line.category_code, line.brand), [])
        line_browse, line_buy, cents = _line_products(rng, line, extra)
        if line.category_code is None:
            category_ids = rng.choice(uncoded_ids, size=cents.size)
        else:
            category_ids = np.full(cents.size, coded_ids[line.category_code])
        for category_id, price in zip(category_ids.tolist(), cents.tolist()):
            fields.extend(_product_fields(next(product_ids), category_id, line, price))
        browse.append(line_browse)
        buy.append(line_buy)
    return Catalog(
        fields=np.array(fields, dtype=object),
        browse_cdf=np.cumsum(np.concatenate(browse)),
        buy_cdf=np.cumsum(np.concatenate(buy)),
    )


def _pick(cdf: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Product index for each uniform: inverse CDF, never a zero-weight product."""
    index = np.searchsorted(cdf, uniforms * cdf[-1], side="right")
    # u * total can round up to the total itself; the last positive-weight product is the
    # only safe place for it.
    last = int(np.flatnonzero(np.diff(cdf, prepend=0.0) > 0)[-1])
    return np.minimum(index, last)


# --- Users, journeys, events -----------------------------------------------------------------

# Published exclusive user segments, in users; their shares drive the segment draw.
BROWSE, ABANDON, BUY_AFTER_CART, BUY_WITHOUT_CART = range(4)
SEGMENT_USERS = (369_083, 16_896, 20_056, 1_248)
# 406,863 of 407,283 users viewed something: the other 420 are all among non-browsers.
NO_VIEW_SHARE = 420 / sum(SEGMENT_USERS[1:])
SINGLE_PURCHASE_SHARE = 13_598 / 21_304
# Purchases beyond the second of a 2+ buyer (geometric mean): 37,343 purchases in all.
EXTRA_PURCHASES_MEAN = 1.0813
# A further purchase is of a new product (its own cart journey) with this probability,
# else the same product again (a repeat purchase after the one cart).
NEW_PRODUCT_SHARE = 0.6
# Cart-only journeys (carted, not bought): abandoners 1 + geometric, buyers geometric.
# With the above: 54,032 carts, a cart-to-purchase event rate of ~69 %.
EXTRA_CART_JOURNEYS_ABANDONER = 0.25
CART_ONLY_JOURNEYS_BUYER = 0.19
# Views of the product before its cart (or its purchase): 1 + geometric.
EXTRA_VIEWS_BEFORE_CART = 0.6
# View-only journeys: browsers 1 + geometric, other viewers geometric; views in each
# 1 + geometric. Calibrated so views total 793,099 at the default size.
EXTRA_BROWSE_JOURNEYS_BROWSER = 0.1617
BROWSE_JOURNEYS_SHOPPER = 3.0
EXTRA_VIEWS_PER_BROWSE_JOURNEY = 0.3
# 884,474 de-duplicated rows for 407,283 users: sizes a chunk to the rows still needed.
EXPECTED_ROWS_PER_USER = 884_474 / 407_283
CHUNK_USERS = 50_000

VIEW, CART, PURCHASE = range(3)


def _stratified(rng: Generator, n: int) -> np.ndarray:
    """n uniforms, one in each slice [i/n, (i+1)/n), in random order.

    Anything drawn from them by inverse CDF has a nearly exact total, which keeps rates
    and shares within a fraction of a percent of target even for a few thousand users.
    """
    return (rng.permutation(n) + rng.random(n)) / n


def _geometric(uniforms: np.ndarray, mean: float) -> np.ndarray:
    """Inverse CDF of the geometric distribution on 0, 1, 2, ... with the given mean."""
    return np.floor(np.log1p(-uniforms) / math.log(mean / (1.0 + mean))).astype(np.int64)


@dataclass(frozen=True)
class Users:
    segment: np.ndarray
    views: np.ndarray  # bool: the user views anything at all
    purchases: np.ndarray


@dataclass(frozen=True)
class Journeys:
    """Per-product journeys, grouped by user in random order within each user."""

    user: np.ndarray
    product: np.ndarray
    views: np.ndarray
    carts: np.ndarray
    purchases: np.ndarray


def _draw_users(rng: Generator, n: int) -> Users:
    shares = np.cumsum(SEGMENT_USERS) / sum(SEGMENT_USERS)
    segment = np.minimum(np.searchsorted(shares, _stratified(rng, n), side="right"), BUY_WITHOUT_CART)
    shopper = segment != BROWSE
    views = np.ones(n, dtype=bool)
    views[shopper] = _stratified(rng, int(shopper.sum())) >= NO_VIEW_SHARE
    buyers = segment >= BUY_AFTER_CART
    purchases = np.zeros(n, dtype=np.int64)
    multi = _stratified(rng, int(buyers.sum())) >= SINGLE_PURCHASE_SHARE
    counts = np.ones(multi.size, dtype=np.int64)
    counts[multi] = 2 + _geometric(_stratified(rng, int(multi.sum())), EXTRA_PURCHASES_MEAN)
    purchases[buyers] = counts
    return Users(segment=segment, views=views, purchases=purchases)


def _bought_journeys(rng: Generator, users: Users) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(user, carts, purchases) of the journeys that end in a purchase."""
    buyers = np.flatnonzero(users.purchases)
    bought = users.purchases[buyers]
    products = 1 + rng.binomial(bought - 1, NEW_PRODUCT_SHARE)
    user = np.repeat(buyers, products)
    # Repeat purchases go to one of the buyer's bought products, after its first purchase.
    first = np.cumsum(products) - products
    owner = np.repeat(np.arange(buyers.size), bought - products)
    target = first[owner] + (rng.random(owner.size) * products[owner]).astype(np.int64)
    purchases = 1 + np.bincount(target, minlength=user.size)
    carts = (users.segment[user] == BUY_AFTER_CART).astype(np.int64)
    return user, carts, purchases


def _journey_counts(rng: Generator, members: np.ndarray, mean: float, base: int) -> np.ndarray:
    """base + geometric(mean) journeys for each flagged user, 0 for the others."""
    counts = np.zeros(members.size, dtype=np.int64)
    counts[members] = base + _geometric(_stratified(rng, int(members.sum())), mean)
    return counts


def _draw_journeys(rng: Generator, users: Users, catalog: Catalog) -> Journeys:
    bought_user, bought_carts, bought_purchases = _bought_journeys(rng, users)
    cart_only = _journey_counts(rng, users.segment == ABANDON, EXTRA_CART_JOURNEYS_ABANDONER, 1)
    cart_only += _journey_counts(rng, users.segment == BUY_AFTER_CART, CART_ONLY_JOURNEYS_BUYER, 0)
    cart_user = np.repeat(np.arange(cart_only.size), cart_only)
    browsing = _journey_counts(rng, users.segment == BROWSE, EXTRA_BROWSE_JOURNEYS_BROWSER, 1)
    browsing += _journey_counts(rng, (users.segment != BROWSE) & users.views, BROWSE_JOURNEYS_SHOPPER, 0)
    browse_user = np.repeat(np.arange(browsing.size), browsing)

    buy_user = np.concatenate([bought_user, cart_user])
    buy_views = np.where(
        users.views[buy_user], 1 + _geometric(_stratified(rng, buy_user.size), EXTRA_VIEWS_BEFORE_CART), 0
    )
    browse_views = 1 + _geometric(_stratified(rng, browse_user.size), EXTRA_VIEWS_PER_BROWSE_JOURNEY)
    # Each group of journeys is stratified on its own, so bought products, carted products
    # and browsed products each follow their catalog shares closely.
    product = np.concatenate(
        [
            _pick(catalog.buy_cdf, _stratified(rng, bought_user.size)),
            _pick(catalog.buy_cdf, _stratified(rng, cart_user.size)),
            _pick(catalog.browse_cdf, _stratified(rng, browse_user.size)),
        ]
    )
    user = np.concatenate([buy_user, browse_user])
    order = np.lexsort((rng.random(user.size), user))
    return Journeys(
        user=user[order],
        product=product[order],
        views=np.concatenate([buy_views, browse_views])[order],
        carts=np.concatenate(
            [bought_carts, np.ones(cart_user.size, np.int64), np.zeros(browse_user.size, np.int64)]
        )[order],
        purchases=np.concatenate(
            [bought_purchases, np.zeros(cart_user.size + browse_user.size, np.int64)]
        )[order],
    )


@dataclass(frozen=True)
class Events:
    """One chunk's clean events, grouped by user, each user's in time order."""

    user: np.ndarray
    kind: np.ndarray
    product: np.ndarray
    session: np.ndarray
    time: np.ndarray  # seconds since the window start

    def _take(self, index: slice | np.ndarray) -> Events:
        return Events(
            self.user[index], self.kind[index], self.product[index], self.session[index], self.time[index]
        )

    def head(self, n: int) -> Events:
        """The first n events: whole users, then the earliest events of one more."""
        return self._take(slice(0, n))

    def sorted_by_time(self) -> Events:
        return self._take(np.argsort(self.time, kind="stable"))


def _expand(journeys: Journeys) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(user, kind, product, opens_journey) per event: views, then the cart, then purchases."""
    counts = journeys.views + journeys.carts + journeys.purchases
    journey = np.repeat(np.arange(counts.size), counts)
    position = np.arange(journey.size) - np.repeat(np.cumsum(counts) - counts, counts)
    views = journeys.views[journey]
    carted = position < views + journeys.carts[journey]
    kind = np.where(position < views, VIEW, np.where(carted, CART, PURCHASE))
    return journeys.user[journey], kind, journeys.product[journey], position == 0


# --- Sessions and time ------------------------------------------------------------------------

# A new session starts at a journey boundary / inside a journey with these probabilities:
# 490,398 sessions for 407,283 users at the default size.
SESSION_BREAK_BETWEEN_JOURNEYS = 0.313
SESSION_BREAK_IN_JOURNEY = 0.08
# Later sessions of a user start this many days after (or, near the window end, before)
# the first one: exponential, capped so a user's span stays well inside the window.
SESSION_GAP_DAYS = 6.0
MAX_SESSION_GAP_DAYS = 60
# Seconds between events of one session: 1 + log-normal (median ~40 s), capped.
CLICK_GAP_MEDIAN_SECONDS = 40.0
CLICK_GAP_SIGMA = 1.1
MAX_CLICK_GAP_SECONDS = 1_800

WINDOW_START = date(2020, 9, 24)
START_SECOND_OF_DAY = 11 * 3_600 + 57 * 60 + 6  # 2020-09-24 11:57:06 UTC, the first row
LAST_DAY = (date(2021, 2, 28) - WINDOW_START).days
WINDOW_END = LAST_DAY * 86_400 + 86_399 - START_SECOND_OF_DAY  # 2021-02-28 23:59:59 UTC
# Relative activity per day: month level x weekday level x special days.
MONTH_LEVEL = {
    (2020, 9): 0.90,
    (2020, 10): 0.85,
    (2020, 11): 0.95,
    (2020, 12): 1.10,  # the run-up to New Year
    (2021, 1): 1.15,
    (2021, 2): 1.05,
}
WEEKDAY_LEVEL = (1.06, 1.05, 1.03, 1.00, 0.96, 0.92, 0.98)  # Monday first
SPECIAL_DAYS = {
    date(2020, 11, 11): 1.3,  # Singles' Day
    date(2020, 11, 27): 1.6,  # Black Friday
    date(2020, 12, 31): 0.6,
    date(2021, 1, 1): 0.5,
    date(2021, 1, 2): 0.7,
}
# Relative activity per UTC hour: a Russian store, busy 06-16 UTC, quiet 21-02 UTC.
HOUR_LEVEL = (
    0.9, 1.2, 1.8, 2.6, 3.4, 4.0, 4.5, 4.8, 5.0, 5.0, 5.0, 5.0,
    4.9, 4.9, 4.8, 4.6, 4.3, 4.0, 3.6, 3.0, 2.3, 1.6, 1.1, 0.9,
)  # fmt: skip
# Keeps users apart in the per-user running maximum (larger than any time in the window).
USER_STRIDE = 1 << 36


def _day_cdf() -> np.ndarray:
    levels = []
    for offset in range(LAST_DAY + 1):
        day = WINDOW_START + timedelta(days=offset)
        level = MONTH_LEVEL[(day.year, day.month)] * WEEKDAY_LEVEL[day.weekday()] * SPECIAL_DAYS.get(day, 1.0)
        # The window opens at noon: the first day has about half a day of traffic.
        levels.append(level * (0.5 if offset == 0 else 1.0))
    return np.cumsum(levels)


def _draw_sessions(rng: Generator, user: np.ndarray, opens_journey: np.ndarray) -> np.ndarray:
    """Chunk-local session index per event; sessions are numbered in event order."""
    opens_user = np.r_[True, user[1:] != user[:-1]]
    p_break = np.where(opens_journey, SESSION_BREAK_BETWEEN_JOURNEYS, SESSION_BREAK_IN_JOURNEY)
    opens_session = opens_user | (rng.random(user.size) < p_break)
    return np.cumsum(opens_session) - 1


def _session_starts(
    rng: Generator, session_user: np.ndarray, first_of_user: np.ndarray, n_users: int
) -> np.ndarray:
    """Start second of each session, chronological within each user."""
    day_cdf = _day_cdf()
    hour_cdf = np.cumsum(HOUR_LEVEL)
    anchor = np.searchsorted(day_cdf, rng.random(n_users) * day_cdf[-1], side="right")
    n = session_user.size
    gap = np.minimum(np.floor(rng.exponential(SESSION_GAP_DAYS, n)), MAX_SESSION_GAP_DAYS).astype(np.int64)
    gap[first_of_user] = 0
    day = anchor[session_user] + gap
    # Past the window's end, the session goes as many days before the first one instead.
    day = np.where(day > LAST_DAY, np.maximum(anchor[session_user] - gap, 0), day)
    hour = np.searchsorted(hour_cdf, rng.random(n) * hour_cdf[-1], side="right")
    start = day * 86_400 + hour * 3_600 + rng.integers(0, 3_600, n) - START_SECOND_OF_DAY
    # First day before the window opens: folded into its afternoon.
    start = np.where(start < 0, start + START_SECOND_OF_DAY, start)
    return start[np.lexsort((start, session_user))]


def _click_gaps(rng: Generator, opens_session: np.ndarray) -> np.ndarray:
    gaps = np.exp(rng.normal(math.log(CLICK_GAP_MEDIAN_SECONDS), CLICK_GAP_SIGMA, opens_session.size))
    gaps = 1 + np.minimum(np.floor(gaps), MAX_CLICK_GAP_SECONDS).astype(np.int64)
    gaps[opens_session] = 0
    return gaps


def _strictly_increasing(time: np.ndarray, user: np.ndarray) -> np.ndarray:
    """Push each event to at least one second after the user's previous event.

    t'[i] = i + running max of (t[j] - j): a vectorised form of t'[i] = max(t[i],
    t'[i-1] + 1). The per-user lift keeps the running max from crossing users.
    """
    index = np.arange(time.size, dtype=np.int64)
    lift = user.astype(np.int64) * USER_STRIDE
    return np.maximum.accumulate(time - index + lift) - lift + index


def _draw_times(
    rng: Generator, user: np.ndarray, session: np.ndarray, n_users: int, opens_window: bool
) -> np.ndarray:
    opens_session = np.r_[True, session[1:] != session[:-1]]
    first_event = np.flatnonzero(opens_session)
    session_user = user[first_event]
    first_of_user = np.r_[True, session_user[1:] != session_user[:-1]]
    start = _session_starts(rng, session_user, first_of_user, n_users)
    elapsed = np.cumsum(_click_gaps(rng, opens_session))
    time = start[session] + elapsed - elapsed[first_event][session]
    time = _strictly_increasing(time, user)
    # A user pushed past the window's end moves back as a whole (spans are far shorter
    # than the window, so nobody moves before its start).
    last_event = np.r_[user[1:] != user[:-1], True]
    time -= np.maximum(time[last_event] - WINDOW_END, 0)[user]
    if opens_window:
        # The file's very first row sits exactly at the window start.
        time[user == 0] -= time[0]
    return time


def _simulate_chunk(rng: Generator, catalog: Catalog, n_users: int, opens_window: bool) -> Events:
    users = _draw_users(rng, n_users)
    user, kind, product, opens_journey = _expand(_draw_journeys(rng, users, catalog))
    session = _draw_sessions(rng, user, opens_journey)
    time = _draw_times(rng, user, session, n_users, opens_window)
    return Events(user=user, kind=kind, product=product, session=session, time=time)


# --- Ids and text -------------------------------------------------------------------------------

# User ids: 19 digits near the real ones (1515915625519388267).
USER_ID_BASE = 1_515_915_625_000_000_000
USER_ID_BITS = 40
# Session ids: a 59-bit number (2**59 < 62**10) written as 10 base-62 characters.
SESSION_ID_BITS = 59
SESSION_ID_LENGTH = 10
SESSION_ALPHABET = np.frombuffer(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", dtype=np.uint8
)
# Odd multipliers (splitmix64's): multiplying by an odd number modulo 2**bits is a bijection.
MIXERS = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)
EVENT_TYPE_TEXT = np.array(["view,", "cart,", "purchase,"], dtype=object)


def _scramble(counter: np.ndarray, bits: int, key: int) -> np.ndarray:
    """A keyed bijection of [0, 2**bits): distinct counters give distinct, random-looking ids."""
    mask = np.uint64((1 << bits) - 1)
    shift = np.uint64(bits // 2)
    x = (counter.astype(np.uint64) ^ np.uint64(key)) & mask
    for multiplier in MIXERS:
        x = (x * np.uint64(multiplier)) & mask  # wraps modulo 2**64, then 2**bits
        x ^= x >> shift
    return x


def _user_id_texts(counter: np.ndarray, key: int) -> np.ndarray:
    ids = np.int64(USER_ID_BASE) + _scramble(counter, USER_ID_BITS, key).astype(np.int64)
    return ids.astype(str).astype(object)


def _session_id_texts(counter: np.ndarray, key: int) -> np.ndarray:
    x = _scramble(counter, SESSION_ID_BITS, key)
    digits = np.empty((x.size, SESSION_ID_LENGTH), dtype=np.uint8)
    for place in range(SESSION_ID_LENGTH - 1, -1, -1):
        digits[:, place] = x % np.uint64(62)
        x //= np.uint64(62)
    return SESSION_ALPHABET[digits].view(f"S{SESSION_ID_LENGTH}").ravel().astype(str).astype(object)


@dataclass(frozen=True)
class Calendar:
    """Pre-formatted "YYYY-MM-DD " per window day and "HH:MM:SS UTC," per second of day."""

    days: np.ndarray
    clock: np.ndarray


def _calendar() -> Calendar:
    days = [(WINDOW_START + timedelta(days=d)).isoformat() + " " for d in range(LAST_DAY + 1)]
    clock = [f"{s // 3_600:02d}:{s // 60 % 60:02d}:{s % 60:02d} UTC," for s in range(86_400)]
    return Calendar(days=np.array(days, dtype=object), clock=np.array(clock, dtype=object))


@dataclass(frozen=True)
class IdKeys:
    user: int
    session: int


def _format_lines(
    rng: Generator,
    events: Events,
    catalog: Catalog,
    calendar: Calendar,
    keys: IdKeys,
    first_user: int,
    first_session: int,
    empty_session: np.ndarray,
) -> list[str]:
    """CSV lines of time-sorted events; `empty_session` holds the rows to leave sessionless."""
    n_users = int(events.user.max()) + 1
    n_sessions = int(events.session.max()) + 1
    user_ids = _user_id_texts(np.arange(first_user, first_user + n_users), keys.user)
    session_user = np.zeros(n_sessions, dtype=np.int64)
    session_user[events.session] = events.user
    identity = (user_ids[session_user] + ",") + _session_id_texts(
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
        calendar.days[day]
        + calendar.clock[second]
        + EVENT_TYPE_TEXT[events.kind]
        + catalog.fields[variant]
        + row_identity
    )
    return lines.tolist()


# --- Planted raw-file problems ----------------------------------------------------------------

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
DIRTY_KINDS: tuple[DirtyKind, ...] = (
    DirtyKind("invalid_event_time", 0, ("2020-13-45 25:61:00 UTC", "not a date", "2021-02-30 10:00:00 UTC")),
    DirtyKind("invalid_event_type", 1, ("remove_from_cart", "wishlist", "click")),
    DirtyKind("missing_user_id", 7, ("",)),
    DirtyKind("invalid_product_id", 2, ("abc123", "12x45", "product")),
    DirtyKind("invalid_price", 6, ("n/a", "free", "unknown")),
    DirtyKind("non_positive_price", 6, ("0.00", "-15.00", "-0.01")),
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


def _scaled(published: int, rows: int) -> int:
    return max(1, round(published * rows / DEFAULT_ROWS))


def _plan(rows: int) -> Plan:
    return Plan(
        rows=rows,
        duplicates=_scaled(PUBLISHED_DUPLICATES, rows),
        dirty=tuple(_scaled(DIRTY_PER_KIND, rows) for _ in DIRTY_KINDS),
        empty_sessions=_scaled(PUBLISHED_EMPTY_SESSIONS, rows),
    )


@dataclass(frozen=True)
class Placement:
    """Global clean-row positions (in output order) of the planted rows; all distinct."""

    duplicate: np.ndarray
    dirty: np.ndarray
    dirty_kind: np.ndarray  # index into DIRTY_KINDS, aligned with `dirty`
    dirty_value: np.ndarray  # index into that kind's values
    empty_session: np.ndarray


def _place(rng: Generator, plan: Plan) -> Placement:
    n_dirty = sum(plan.dirty)
    # One draw without replacement: a duplicated, dirtied or sessionless row is never
    # also one of the others, so every count in the file is exact.
    chosen = rng.choice(plan.clean_rows, size=plan.duplicates + n_dirty + plan.empty_sessions, replace=False)
    dirty = chosen[plan.duplicates : plan.duplicates + n_dirty]
    kinds = np.repeat(np.arange(len(DIRTY_KINDS)), plan.dirty)
    values = rng.integers(0, [len(DIRTY_KINDS[k].values) for k in kinds])
    order = np.argsort(dirty)
    return Placement(
        duplicate=np.sort(chosen[: plan.duplicates]),
        dirty=dirty[order],
        dirty_kind=kinds[order],
        dirty_value=values[order],
        empty_session=np.sort(chosen[plan.duplicates + n_dirty :]),
    )


def _window(sorted_positions: np.ndarray, start: int, stop: int) -> slice:
    lo, hi = np.searchsorted(sorted_positions, [start, stop])
    return slice(int(lo), int(hi))


def _dirty_copy(line: str, kind: DirtyKind, value: int) -> str:
    fields = line.split(",")
    fields[kind.column] = kind.values[value]
    return ",".join(fields)


def _insert_planted(lines: list[str], placement: Placement, start: int) -> list[str]:
    """Add each duplicate and dirty copy right after its source row (positions from `start`)."""
    extras: list[tuple[int, str]] = []
    for position in placement.duplicate[_window(placement.duplicate, start, start + len(lines))]:
        extras.append((int(position) - start, lines[int(position) - start]))
    window = _window(placement.dirty, start, start + len(lines))
    dirty = zip(placement.dirty[window], placement.dirty_kind[window], placement.dirty_value[window])
    for position, kind, value in dirty:
        local = int(position) - start
        extras.append((local, _dirty_copy(lines[local], DIRTY_KINDS[kind], int(value))))
    # Insert from the back so earlier local positions stay valid.
    for local, text in sorted(extras, reverse=True):
        lines.insert(local + 1, text)
    return lines


# --- Entry point ------------------------------------------------------------------------------


def _chunk_users(remaining_rows: int) -> int:
    # A little over the expected need, so the last chunk is rarely followed by a tiny one.
    return min(CHUNK_USERS, math.ceil(remaining_rows / EXPECTED_ROWS_PER_USER * 1.02) + 8)


def generate(path: Path, rows: int, seed: int) -> dict:
    """Write `rows` data rows (plus a header) to `path` and return the manifest."""
    if rows < MIN_ROWS:
        raise ValueError(f"rows must be at least {MIN_ROWS:,}, got {rows:,}")
    plan = _plan(rows)
    catalog_seed, placement_seed, users_seed = SeedSequence(seed).spawn(3)
    catalog = _build_catalog(Generator(PCG64(catalog_seed)))
    placement = _place(Generator(PCG64(placement_seed)), plan)
    rng = Generator(PCG64(users_seed))
    keys = IdKeys(user=int(rng.integers(1 << 62)), session=int(rng.integers(1 << 62)))
    calendar = _calendar()
    written = users = sessions = 0
    with open_csv(Path(path)) as out:
        out.write(HEADER + "\n")
        while written < plan.clean_rows:
            remaining = plan.clean_rows - written
            events = _simulate_chunk(rng, catalog, _chunk_users(remaining), opens_window=written == 0)
            events = events.head(remaining)
            next_users = users + int(events.user[-1]) + 1
            next_sessions = sessions + int(events.session[-1]) + 1
            events = events.sorted_by_time()
            chunk_end = written + events.time.size
            empty = placement.empty_session[_window(placement.empty_session, written, chunk_end)]
            lines = _format_lines(rng, events, catalog, calendar, keys, users, sessions, empty - written)
            lines = _insert_planted(lines, placement, written)
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
