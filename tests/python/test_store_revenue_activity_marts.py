"""Merchandising, activity and cart-abandonment marts, recomputed from the raw CI file.

Every expectation is computed with pandas from the clean events of `store_reference` (the
independent cleaning) and the spec's definitions, not from the SQL:
- revenue = sum of price over purchase events; shares of a mart's (or level's) total revenue;
  rank = revenue desc, purchase events desc, name asc, unique.
- purchase rate = purchase events / view events of the product, null without views.
- activity buckets: all events, each type, revenue and distinct active users; weekday and
  hour always list all 7 / 24 buckets, month and date every bucket from first to last.
- cart abandoners = users with a cart event and no purchase event; abandoned value = sum of
  the price of every one of their cart events; most-abandoned brand = most cart events, then
  higher value, then name.
Counts are compared exactly, money in cents, rates to 1e-9.
"""

from __future__ import annotations

import calendar
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from scripts.inputs import PROJECT_ROOT
from tests.python.compare import RATE_TOLERANCE, cents, mart_cents
from tests.python.store_reference import most_frequent

WEEKDAYS = list(calendar.day_name)  # Monday .. Sunday


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean(store_ref) -> pd.DataFrame:
    events = store_ref.clean.copy()
    events["purchase_cents"] = events["price_cents"].where(events["event_type"] == "purchase", 0)
    return events


def _funnel(events: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per key: events of each type, revenue in cents, distinct users."""
    types = {"view": "view_count", "cart": "cart_count", "purchase": "purchase_count"}
    types["remove_from_cart"] = "remove_from_cart_count"
    flagged = events.assign(
        **{
            column: (events["event_type"] == event_type).astype("int64")
            for event_type, column in types.items()
        }
    )
    grouped = flagged.groupby(keys, dropna=False)
    out = grouped[list(types.values())].sum()
    out.insert(0, "event_count", grouped.size())
    out["revenue_cents"] = grouped["purchase_cents"].sum()
    out["active_user_count"] = grouped["user_id"].nunique()
    return out.reset_index()


def _share_and_rank(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Share of total revenue and the unique rank: revenue desc, purchases desc, name asc."""
    frame = frame.copy()
    total = frame["revenue_cents"].sum()
    frame["revenue_share"] = frame["revenue_cents"] / total if total else np.nan
    ordered = frame.sort_values(
        ["revenue_cents", "purchase_count", name], ascending=[False, False, True], kind="stable"
    ).index
    frame.loc[ordered, "revenue_rank"] = range(1, len(ordered) + 1)
    frame["revenue_rank"] = frame["revenue_rank"].astype("int64")
    return frame


def _assert_matches(mart: pd.DataFrame, expected: pd.DataFrame, keys: list[str], counts, money, rates=()):
    assert len(mart) == len(expected), f"row count {len(mart)} != {len(expected)}"
    assert not mart.duplicated(keys).any()
    merged = expected.merge(mart, on=keys, how="outer", suffixes=("_expected", ""), indicator=True)
    unmatched = merged[merged["_merge"] != "both"]
    assert unmatched.empty, f"keys differ:\n{unmatched[keys + ['_merge']].head(10)}"
    for column in counts:
        diff = merged[merged[f"{column}_expected"].astype("int64") != merged[column].astype("int64")]
        assert diff.empty, f"{column} differs:\n{diff[keys + [f'{column}_expected', column]].head(10)}"
    for column, cents_column in money.items():
        actual = mart_cents(merged[column])
        diff = merged[merged[cents_column].astype("int64") != actual]
        assert diff.empty, f"{column} differs:\n{diff[keys + [cents_column, column]].head(10)}"
    for column in rates:
        want = merged[f"{column}_expected"].astype("float64")
        got = merged[column].astype("float64")
        both_null = want.isna() & got.isna()
        close = (want - got).abs() <= RATE_TOLERANCE
        bad = merged[~(both_null | close)]
        assert bad.empty, f"{column} differs:\n{bad[keys + [f'{column}_expected', column]].head(10)}"


# --- merchandising -------------------------------------------------------------------------


def test_brand_revenue(clean, read_mart):
    expected = _share_and_rank(_funnel(clean, ["brand"]), "brand")
    mart = read_mart("store.brand_revenue")
    _assert_matches(
        mart,
        expected,
        ["brand"],
        counts=["view_count", "cart_count", "purchase_count", "revenue_rank"],
        money={"revenue": "revenue_cents"},
        rates=["revenue_share"],
    )
    assert "Unknown" in set(mart["brand"]), "the sample has events with no brand"
    assert list(mart["revenue_rank"]) == list(range(1, len(mart) + 1)), "stored in rank order"


def test_price_distribution(clean, read_mart):
    """Events counted by the band of the seed price_bands their price falls in (min <= p < max)."""
    bands = pd.read_csv(PROJECT_ROOT / "seeds/price_bands.csv", dtype=str, keep_default_na=False)
    lows = [cents(Decimal(value)) for value in bands["price_band_min"]]
    highs = [cents(Decimal(value)) if value else None for value in bands["price_band_max"]]
    orders = bands["price_band_order"].astype(int).tolist()

    def band_of(price_cents: int) -> int:
        for order, low, high in zip(orders, lows, highs, strict=True):
            if price_cents >= low and (high is None or price_cents < high):
                return order
        raise AssertionError(f"price {price_cents} cents falls in no band")

    band_of_price = {price: band_of(price) for price in clean["price_cents"].unique()}
    events = clean.assign(price_band_order=clean["price_cents"].map(band_of_price))
    expected = _funnel(events, ["price_band_order"]).set_index("price_band_order")
    expected = expected.reindex(bands["price_band_order"].astype(int), fill_value=0).reset_index()
    expected["purchase_share"] = expected["purchase_count"] / expected["purchase_count"].sum()
    mart = read_mart("store.price_distribution")
    _assert_matches(
        mart,
        expected,
        ["price_band_order"],
        counts=["view_count", "cart_count", "purchase_count"],
        money={"revenue": "revenue_cents"},
        rates=["purchase_share"],
    )
    assert (mart["purchase_count"] > 0).sum() >= 3, "the sample spreads purchases over several bands"


def test_category_revenue(clean, read_mart):
    events = clean.assign(top_level=clean["category_code"].str.split(".").str[0])
    by_code = _share_and_rank(_funnel(events, ["category_code"]), "category_code").rename(
        columns={"category_code": "category"}
    )
    by_top = _share_and_rank(_funnel(events, ["top_level"]), "top_level").rename(
        columns={"top_level": "category"}
    )
    expected = pd.concat(
        [by_code.assign(category_level="category_code"), by_top.assign(category_level="top_level")],
        ignore_index=True,
    )
    mart = read_mart("store.category_revenue")
    _assert_matches(
        mart,
        expected,
        ["category_level", "category"],
        counts=["view_count", "cart_count", "purchase_count", "revenue_rank"],
        money={"revenue": "revenue_cents"},
        rates=["revenue_share"],
    )
    for level, rows in mart.groupby("category_level"):
        assert "Unknown" in set(rows["category"]), level
        assert mart_cents(rows["revenue"]).sum() == clean["purchase_cents"].sum(), level


def test_product_purchases(clean, read_mart):
    expected = _share_and_rank(_funnel(clean, ["product_id"]), "product_id")
    brand_of_product = most_frequent(clean[~clean["is_brand_missing"]], "product_id", "brand")
    expected["brand"] = expected["product_id"].map(brand_of_product).fillna("Unknown")
    expected["purchase_rate"] = np.where(
        expected["view_count"] > 0, expected["purchase_count"] / expected["view_count"].replace(0, 1), np.nan
    )
    mart = read_mart("store.product_purchases")
    _assert_matches(
        mart,
        expected,
        ["product_id"],
        counts=["view_count", "cart_count", "purchase_count", "remove_from_cart_count", "revenue_rank"],
        money={"revenue": "revenue_cents"},
        rates=["purchase_rate", "revenue_share"],
    )
    merged = expected.merge(mart, on="product_id", suffixes=("_expected", ""))
    assert (merged["brand_expected"] == merged["brand"]).all()
    assert len(mart) == clean["product_id"].nunique(), "every product with an event"


# --- activity ------------------------------------------------------------------------------

ACTIVITY_COUNTS = ["event_count", "view_count", "cart_count", "purchase_count", "active_user_count"]


def _activity_on_spine(clean: pd.DataFrame, key: str, values: pd.Series, spine) -> pd.DataFrame:
    per_bucket = _funnel(clean.assign(**{key: values}), [key])
    expected = pd.DataFrame({key: list(spine)}).merge(per_bucket, on=key, how="left")
    for column in [*ACTIVITY_COUNTS, "revenue_cents"]:
        expected[column] = expected[column].fillna(0).astype("int64")
    return expected


def test_activity_by_weekday(clean, read_mart):
    numbers = clean["event_at"].dt.day_of_week + 1  # Monday = 1
    expected = _activity_on_spine(clean, "event_weekday_number", numbers, range(1, 8))
    mart = read_mart("store.activity_by_weekday")
    assert list(mart["event_weekday"]) == WEEKDAYS, "7 rows, Monday..Sunday, in order"
    assert list(mart["event_weekday_number"]) == list(range(1, 8))
    _assert_matches(mart, expected, ["event_weekday_number"], ACTIVITY_COUNTS, {"revenue": "revenue_cents"})


def test_activity_by_hour(clean, read_mart):
    expected = _activity_on_spine(clean, "event_hour", clean["event_at"].dt.hour, range(24))
    mart = read_mart("store.activity_by_hour")
    assert list(mart["event_hour"]) == list(range(24)), "24 rows, 0..23, in order"
    _assert_matches(mart, expected, ["event_hour"], ACTIVITY_COUNTS, {"revenue": "revenue_cents"})


def test_activity_by_date(clean, read_mart):
    dates = clean["event_at"].dt.normalize()
    spine = pd.date_range(dates.min(), dates.max(), freq="D")
    expected = _activity_on_spine(clean, "event_date", dates, spine)
    mart = read_mart("store.activity_by_date")
    mart["event_date"] = pd.to_datetime(mart["event_date"])
    assert mart["event_date"].is_monotonic_increasing
    _assert_matches(mart, expected, ["event_date"], ACTIVITY_COUNTS, {"revenue": "revenue_cents"})


def test_activity_by_month(clean, read_mart):
    months = clean["event_at"].dt.strftime("%Y-%m")
    spine = pd.period_range(months.min(), months.max(), freq="M").strftime("%Y-%m")
    expected = _activity_on_spine(clean, "event_month", months, spine)
    mart = read_mart("store.activity_by_month")
    assert list(mart["event_month"]) == list(spine), "every month from first to last, in order"
    _assert_matches(mart, expected, ["event_month"], ACTIVITY_COUNTS, {"revenue": "revenue_cents"})


# --- cart abandonment ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def abandoned_carts(clean) -> pd.DataFrame:
    """Cart events of users who never bought, each marked emptied or left: every removal of
    the product at or after the user's first cart of it empties one cart event, earliest first."""
    buyers = set(clean.loc[clean["event_type"] == "purchase", "user_id"])
    abandoners = clean[~clean["user_id"].isin(buyers)]
    carts = abandoners[abandoners["event_type"] == "cart"].sort_values("event_at").copy()
    removals = abandoners[abandoners["event_type"] == "remove_from_cart"]
    removal_times = removals.groupby(["user_id", "product_id"])["event_at"].apply(list).to_dict()
    emptied = []
    for (user, product), group in carts.groupby(["user_id", "product_id"], sort=False):
        first_cart = group["event_at"].min()
        removed = sum(1 for at in removal_times.get((user, product), []) if at >= first_cart)
        emptied += [(index, position < removed) for position, index in enumerate(group.index)]
    carts["is_removed"] = pd.Series(dict(emptied), dtype=bool)
    return carts


def test_cart_abandoners(abandoned_carts, read_mart):
    grouped = abandoned_carts.groupby("user_id")
    expected = pd.DataFrame(
        {
            "cart_count": grouped.size(),
            "carted_product_count": grouped["product_id"].nunique(),
            "value_cents": grouped["price_cents"].sum(),
            "last_cart_at": grouped["event_at"].max(),
            "removed_cart_count": grouped["is_removed"].sum(),
            "left_cart_count": grouped["is_removed"].agg(lambda removed: int((~removed).sum())),
        }
    ).reset_index()
    per_brand = (
        abandoned_carts.groupby(["user_id", "brand"])
        .agg(n=("price_cents", "size"), cents=("price_cents", "sum"))
        .reset_index()
        .sort_values(["user_id", "n", "cents", "brand"], ascending=[True, False, False, True])
        .drop_duplicates("user_id")
        .set_index("user_id")["brand"]
    )
    expected["most_abandoned_brand"] = expected["user_id"].map(per_brand)

    mart = read_mart("store.cart_abandoners")
    _assert_matches(
        mart,
        expected,
        ["user_id"],
        counts=["cart_count", "carted_product_count", "removed_cart_count", "left_cart_count"],
        money={"abandoned_value": "value_cents"},
    )
    merged = expected.merge(mart, on="user_id", suffixes=("_expected", ""))
    assert (merged["most_abandoned_brand_expected"] == merged["most_abandoned_brand"]).all()
    assert (pd.to_datetime(merged["last_cart_at_expected"]) == pd.to_datetime(merged["last_cart_at"])).all()
    assert len(mart) > 0, "the sample has cart abandoners"


def test_abandoned_brands(abandoned_carts, read_mart):
    grouped = abandoned_carts.groupby("brand")
    expected = pd.DataFrame(
        {
            "abandoning_user_count": grouped["user_id"].nunique(),
            "cart_count": grouped.size(),
            "value_cents": grouped["price_cents"].sum(),
            "removed_cart_count": grouped["is_removed"].sum(),
            "left_cart_count": grouped["is_removed"].agg(lambda removed: int((~removed).sum())),
        }
    ).reset_index()
    mart = read_mart("store.abandoned_brands")
    _assert_matches(
        mart,
        expected,
        ["brand"],
        counts=["abandoning_user_count", "cart_count", "removed_cart_count", "left_cart_count"],
        money={"abandoned_value": "value_cents"},
    )
    assert mart_cents(mart["abandoned_value"]).sum() == abandoned_carts["price_cents"].sum()
