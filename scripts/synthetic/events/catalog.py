"""Products of the catalog lines: ids, prices, weights and the row-level catalog gaps.

A fixed catalog (~44,000 products, the same for every `rows` at a given seed) gives each
product one category_id, one brand, one price, a browse weight (how often it is viewed)
and a buy weight (how often it is carted and bought). Many low-traffic products are never
bought.

Planted catalog gaps (rates per clean row at the default size)
---------------------------------------------------------------
* Missing brand, 24.0 % of rows: 20 % of rows are on products that have no brand at all
  (whole lines with brand None: a true gap); 5 % of the other rows blank the brand of a
  product that has one, recoverable from the same product_id's other rows (~17 % of the
  missing-brand rows).
* Missing category_code, 26.7 % of rows: 22.3 % of rows are on category_ids that never
  have a code; 5.7 % of the other rows blank the code of a category_id that has one,
  recoverable from the same category_id's other rows (~17 % of the missing-code rows).

Layouts (`CatalogStyle`) give each store its own id ranges, so files of different stores
never share a product or category id: electronics products 1,000 .. 4,199,999 (4-7 digits),
cosmetics 4,200,000 .. 5,999,999 (7 digits, like the real 5712790), multi-category
6,000,000 .. 99,999,999 (7-8 digits, like the real 1004237 and 44600062); 19-digit category
ids near each store's real ones. The cosmetics export has no category_code on any row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.random import Generator

from scripts.synthetic.events.catalog_lines import LINES, ZERO_CONVERSION_PRODUCTS, Line, PlantedProduct

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
# Row-level blanks (see the module docstring): recoverable from other rows. Drawn per row
# as lines are formatted (`text`).
BRAND_BLANK_RATE = 0.05
CATEGORY_CODE_BLANK_RATE = 0.057


@dataclass(frozen=True)
class CatalogStyle:
    """A store's id ranges, and whether its export has category codes at all."""

    product_id_min: int
    product_id_max: int
    category_id_base: int
    has_category_codes: bool


ELECTRONICS_CATALOG = CatalogStyle(PRODUCT_ID_MIN, PRODUCT_ID_MAX, CATEGORY_ID_BASE, True)
# Category ids near the real ones (1487580005268456287; 2053013552326770905).
COSMETICS_CATALOG = CatalogStyle(4_200_000, 5_999_999, 1_487_580_005_000_000_000, False)
MULTICATEGORY_CATALOG = CatalogStyle(6_000_000, 99_999_999, 2_053_013_552_000_000_000, True)


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


def _category_ids(rng: Generator, style: CatalogStyle) -> tuple[dict[str, int], np.ndarray]:
    """One 19-digit id per category code, plus the pool of ids that never have a code."""
    codes = sorted({line.category_code for line in LINES if line.category_code is not None})
    offsets = rng.choice(CATEGORY_ID_SPAN, size=len(codes) + UNCODED_CATEGORY_IDS, replace=False)
    ids = style.category_id_base + offsets.astype(np.int64)
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


def _product_fields(product_id: int, category_id: int, line: Line, cents: int, has_code: bool) -> list[str]:
    code = (line.category_code or "") if has_code else ""
    brand = line.brand or ""
    price = _price_text(cents)
    return [f"{product_id},{category_id},{c},{b},{price}," for b in (brand, "") for c in (code, "")]


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


def build_catalog(rng: Generator, style: CatalogStyle = ELECTRONICS_CATALOG) -> Catalog:
    coded_ids, uncoded_ids = _category_ids(rng, style)
    planted: dict[tuple[str | None, str | None], list[PlantedProduct]] = {}
    for product in ZERO_CONVERSION_PRODUCTS:
        planted.setdefault((product.category_code, product.brand), []).append(product)
    total = sum(_line_size(line) for line in LINES) + len(ZERO_CONVERSION_PRODUCTS)
    span = style.product_id_max - style.product_id_min + 1
    product_ids = iter((style.product_id_min + rng.choice(span, size=total, replace=False)).tolist())
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
        for category_id, price in zip(category_ids.tolist(), cents.tolist(), strict=False):
            fields.extend(
                _product_fields(next(product_ids), category_id, line, price, style.has_category_codes)
            )
        browse.append(line_browse)
        buy.append(line_buy)
    return Catalog(
        fields=np.array(fields, dtype=object),
        browse_cdf=np.cumsum(np.concatenate(browse)),
        buy_cdf=np.cumsum(np.concatenate(buy)),
    )


def pick(cdf: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Product index for each uniform: inverse CDF, never a zero-weight product."""
    index = np.searchsorted(cdf, uniforms * cdf[-1], side="right")
    # u * total can round up to the total itself; the last positive-weight product is the
    # only safe place for it.
    last = int(np.flatnonzero(np.diff(cdf, prepend=0.0) > 0)[-1])
    return np.minimum(index, last)
