"""The numbers behind each page: mart rows when a page is unfiltered, the marts' filtered
queries otherwise, both as Arrow tables keyed by mart relation name.

Nothing here computes a metric. Unfiltered, a page shows the marts as published (pre-aggregated,
milliseconds at any size). Filtered, each mart is recomputed by its filtered query: the model's
own compiled SQL over the slice (scripts/dashboard/queries.py), so a filtered number has the
mart's definition. The page then reads both
kinds through the report's `MartReader`, so the report's chart builders draw either.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import duckdb
import pyarrow as pa

from scripts.dashboard.filters import CampaignFilters, DateRange, StoreFilters
from scripts.dashboard.queries import FilteredQuery
from scripts.dashboard.warehouse import FileIdentity, connect, fetch, mart_query
from scripts.report.marts import MartReader

# The marts each page shows, in the order the page reads them.
STORE_RELATIONS = (
    "store.kpi_summary",
    "store.funnel_summary",
    "store.activity_by_month",
    "store.activity_by_hour",
    "store.activity_by_weekday",
    "store.brand_revenue",
    "store.category_revenue",
    "store.user_segments",
    "store.abandoned_brands",
    "store.low_conversion_products",
    "store.product_alerts",
    "store.catalog_completeness",
)
# Read after the rest of the Store page is drawn: the ordered funnel rebuilds every journey of the
# slice, the one query that takes longer than the whole rest of the page on a wide slice.
STORE_DEFERRED_RELATIONS = ("store.ordered_funnel",)
CAMPAIGN_RELATIONS = (
    "ads.kpi_summary",
    "ads.category_engagement",
    "ads.demographic_engagement",
    "ads.campaign_performance",
    "ads.campaign_segment_performance",
    "ads.activity_heatmap",
    "ads.activity_peaks",
    "ads.engagement_depth",
)
# Every mart a page can filter: each gets a filtered query (scripts/dashboard/queries.py).
PAGE_RELATIONS = (*STORE_RELATIONS, *STORE_DEFERRED_RELATIONS, *CAMPAIGN_RELATIONS)
DEMOGRAPHIC_DIMENSIONS = ("gender", "age_level", "city_development_index", "user_group_id")
UNKNOWN = "Unknown"


@dataclass(frozen=True)
class PageData:
    tables: dict[str, pa.Table]
    filtered: bool  # False: the marts themselves
    seconds: float  # wall time of the queries (0 when served from the cache)
    identity: FileIdentity


@dataclass(frozen=True)
class StoreOptions:
    dates: DateRange
    brands: tuple[str, ...]  # by revenue rank
    categories: tuple[str, ...]  # top-level, by revenue rank


@dataclass(frozen=True)
class CampaignOptions:
    dates: DateRange
    campaigns: tuple[int, ...]  # by session rank
    values: dict[str, tuple[str, ...]]  # demographic dimension -> its values, in reading order


def store_options(identity: FileIdentity) -> StoreOptions:
    with connect(identity) as con:
        start, end = con.execute(
            "select cast(period_start_at as date), cast(period_end_at as date) from marts.store.kpi_summary"
        ).fetchone()
        brands = [
            row[0]
            for row in con.execute(
                "select brand from marts.store.brand_revenue order by revenue_rank"
            ).fetchall()
        ]
        categories = [
            row[0]
            for row in con.execute(
                "select category from marts.store.category_revenue where category_level = 'top_level' "
                "order by revenue_rank"
            ).fetchall()
        ]
    return StoreOptions(DateRange(start, end), tuple(brands), tuple(categories))


def _reading_order(value: str) -> tuple:
    """Numeric codes by number, then names, Unknown last (as the report orders them)."""
    return (value == UNKNOWN, not value.isdigit(), int(value) if value.isdigit() else 0, value)


def campaign_options(identity: FileIdentity) -> CampaignOptions:
    with connect(identity) as con:
        start, end = con.execute(
            "select min(session_date), max(session_date) from marts.ads.sessions_cleaned"
        ).fetchone()
        campaigns = [
            row[0]
            for row in con.execute(
                "select campaign_id from marts.ads.campaign_performance order by session_rank"
            ).fetchall()
        ]
        pairs = con.execute(
            "select demographic_dimension, demographic_value from marts.ads.demographic_depth"
        ).fetchall()
    values = {
        dimension: tuple(sorted((value for found, value in pairs if found == dimension), key=_reading_order))
        for dimension in DEMOGRAPHIC_DIMENSIONS
    }
    return CampaignOptions(DateRange(start, end), tuple(campaigns), values)


def load_page(
    identity: FileIdentity,
    relations: tuple[str, ...],
    filters: StoreFilters | CampaignFilters,
    full_range: DateRange,
    queries: Mapping[str, FilteredQuery],
) -> PageData:
    """Every relation of a page, from one connection to publication `identity`."""
    filtered = not filters.is_unfiltered(full_range)
    started = time.perf_counter()
    with connect(identity) as con:
        if filtered:
            params = filters.params()
            tables = {
                relation: fetch(con, queries[relation].sql, queries[relation].bind(params))
                for relation in relations
            }
        else:
            tables = {relation: fetch(con, mart_query(relation)) for relation in relations}
    return PageData(tables, filtered, time.perf_counter() - started, identity)


def reader(tables: Mapping[str, pa.Table]) -> MartReader:
    """The tables under their mart names in an in-memory database, read through the report's
    MartReader (so the report's chart builders and card formats apply unchanged)."""
    con = duckdb.connect(":memory:")
    for relation, table in tables.items():
        schema, _, name = relation.partition(".")
        con.execute(f'create schema if not exists "{schema}"')
        con.register("page_table", table)
        con.execute(f'create table "{schema}"."{name}" as select * from page_table')
        con.unregister("page_table")
    return MartReader(con)


def clamp(picked: tuple[date, ...] | date | None, full: DateRange) -> DateRange:
    """A date_input value as a range inside the data's: a half-picked range (one date) or none
    means the whole range until the second date is picked."""
    if isinstance(picked, date):
        picked = (picked,)
    if not picked or len(picked) < 2:
        return full
    start, end = picked[0], picked[1]
    return DateRange(max(start, full.start), min(end, full.end))
