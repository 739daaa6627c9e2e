"""The dashboard (scripts/dashboard/) over the CI build, through Streamlit's test harness.

Unfiltered, every card equals its mart, and every mart's filtered query (its own compiled SQL
over a slice, scripts/dashboard/queries.py) run over the whole log equals the mart. Filtered,
the cards and tables equal an independent pandas computation on the clean events / sessions of
the slice (tests/python/dashboard_reference.py). The browser check (headless Chromium against
the running server) is `make test-dashboard`.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from scripts.dashboard import data, tables
from scripts.dashboard.cards import CAMPAIGNS as CAMPAIGN_CARDS
from scripts.dashboard.cards import STORE as STORE_CARDS
from scripts.dashboard.cards import card_help, card_value
from scripts.dashboard.filters import CampaignFilters, DateRange, StoreFilters
from scripts.dashboard.queries import CompileError, compile_queries, compose, load_queries
from scripts.dashboard.warehouse import connect, fetch, identify, mart_query
from scripts.formatting import compact_value
from scripts.inputs import PROJECT_ROOT
from tests.python import dashboard_reference as ref
from tests.python.ads_reference import clean_sessions
from tests.python.compare import RATE_TOLERANCE, mart_cents

APP = PROJECT_ROOT / "scripts" / "dashboard" / "app.py"
TIMEOUT = 60  # seconds per AppTest run: the first filtered run compiles nothing but runs 13 queries


@pytest.fixture(scope="session")
def queries_dir(ci_database: Path, dbt_vars: dict, tmp_path_factory) -> Path:
    """The filtered queries compiled with the vars the CI build used (thresholds must match the
    marts)."""
    return compile_queries(data.PAGE_RELATIONS, tmp_path_factory.mktemp("dashboard_target"), dbt_vars)


@pytest.fixture(scope="session")
def queries(queries_dir: Path) -> dict:
    return load_queries(queries_dir)


@pytest.fixture
def app_env(monkeypatch, ci_database: Path, queries_dir: Path) -> None:
    monkeypatch.setenv("DUCKDB_PATH", str(ci_database))
    monkeypatch.setenv("DASHBOARD_SQL_DIR", str(queries_dir))


def _run(at: AppTest) -> AppTest:
    at.run(timeout=TIMEOUT)
    assert not at.exception, [exception.value for exception in at.exception]
    return at


def _cards(at: AppTest) -> dict[str, tuple[str, str | None]]:
    """Each card's text and hover text."""
    return {metric.label: (metric.value, metric.proto.help or None) for metric in at.metric}


def _mart_row(warehouse, relation: str) -> dict:
    """A one-row mart as Python values (ints stay ints, as the page reads them)."""
    cursor = warehouse.execute(mart_query(relation).replace("marts.", ""))
    return dict(zip([column[0] for column in cursor.description], cursor.fetchone(), strict=False))


def _formatted(labels: dict[str, str], values: dict) -> dict[str, tuple[str, str | None]]:
    """The cards as the report formats their values, in compact units when too long for a card."""
    cards = {label: card_value(column, values[column]) for column, label in labels.items()}
    return {label: (shown, card_help(exact)) for label, (shown, exact) in cards.items()}


@pytest.fixture(scope="session")
def store_options(ci_database: Path) -> data.StoreOptions:
    return data.store_options(identify(ci_database))


@pytest.fixture(scope="session")
def campaign_options(ci_database: Path) -> data.CampaignOptions:
    return data.campaign_options(identify(ci_database))


@pytest.fixture(scope="session")
def sessions(raw_session_lines: list) -> pd.DataFrame:
    return clean_sessions(raw_session_lines)["sessions"]


# ------------------------------------------------------------------ unfiltered: the marts


@pytest.mark.parametrize(
    "relation", [*data.STORE_RELATIONS, *data.STORE_DEFERRED_RELATIONS, *data.CAMPAIGN_RELATIONS]
)
def test_filtered_query_over_the_whole_log_equals_its_mart(
    relation, queries, ci_database, store_options, campaign_options
):
    """The mart's own SQL over every clean row gives the mart, row for row (so a filtered number
    differs from its mart only by the rows the filter removed)."""
    full = store_options.dates if relation.startswith("store.") else campaign_options.dates
    filters = StoreFilters(full) if relation.startswith("store.") else CampaignFilters(full)
    with connect(identify(ci_database)) as con:
        query = queries[relation]
        got = fetch(con, query.sql, query.bind(filters.params())).to_pandas()
        mart = fetch(con, mart_query(relation)).to_pandas()
    assert len(mart) > 0, f"{relation} is empty in the CI build: the comparison would prove nothing"
    assert list(got.columns) == list(mart.columns)
    keys = list(mart.columns)
    got = got.sort_values(keys).reset_index(drop=True)
    mart = mart.sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, mart, check_exact=False, rtol=1e-12, atol=1e-12)


def test_store_page_unfiltered_cards_are_the_mart(app_env, warehouse):
    at = _run(AppTest.from_file(str(APP), default_timeout=TIMEOUT))
    kpi = _mart_row(warehouse, "store.kpi_summary")
    assert _cards(at) == _formatted(STORE_CARDS, kpi)
    assert any("the published marts" in caption.value for caption in at.caption)


def test_campaign_page_unfiltered_cards_are_the_mart(app_env, warehouse):
    at = _run(AppTest.from_file(str(APP), default_timeout=TIMEOUT))
    _run(at.switch_page("pages/campaigns.py"))
    kpi = _mart_row(warehouse, "ads.kpi_summary")
    assert _cards(at) == _formatted(CAMPAIGN_CARDS, kpi)
    assert any("the published marts" in caption.value for caption in at.caption)


# ------------------------------------------------------------------ filtered: pandas on the slice


def _store_slice_filters(options: data.StoreOptions) -> tuple[date, date, list[str], list[str]]:
    """A slice that cuts on every filter: the middle of the log, three top brands and Unknown,
    the two top categories."""
    span = (options.dates.end - options.dates.start).days
    start = options.dates.start + timedelta(days=span // 5)
    end = options.dates.end - timedelta(days=span // 5)
    brands = [brand for brand in options.brands if brand != "Unknown"][:3] + ["Unknown"]
    return start, end, brands, list(options.categories[:2])


def test_store_page_filtered_cards_equal_pandas(app_env, store_ref, store_options):
    start, end, brands, categories = _store_slice_filters(store_options)
    at = _run(AppTest.from_file(str(APP), default_timeout=TIMEOUT))
    at.date_input(key="store_dates").set_value((start, end))
    at.multiselect(key="store_brands").set_value(brands)
    at.multiselect(key="store_categories").set_value(categories)
    _run(at)
    events = ref.store_slice(store_ref.clean, start, end, brands, categories)
    assert 1_000 < len(events) < len(store_ref.clean) / 2, "the slice should be a real cut of the log"
    assert _cards(at) == _formatted(STORE_CARDS, ref.store_kpis(events))
    assert any("(filtered)" in caption.value for caption in at.caption)


def test_store_filtered_tables_equal_pandas(queries, ci_database, store_ref, store_options):
    start, end, brands, categories = _store_slice_filters(store_options)
    filters = StoreFilters(DateRange(start, end), tuple(brands), tuple(categories))
    page = data.load_page(identify(ci_database), data.STORE_RELATIONS, filters, store_options.dates, queries)
    assert page.filtered
    events = ref.store_slice(store_ref.clean, start, end, brands, categories)

    funnel = page.tables["store.funnel_summary"].to_pandas()
    assert dict(
        zip(funnel["funnel_stage"], funnel["stage_user_count"], strict=False)
    ) == ref.funnel_stage_users(events)

    brands_found = page.tables["store.brand_revenue"].to_pandas().sort_values("brand").reset_index(drop=True)
    expected = ref.brand_revenue(events)
    assert list(brands_found["brand"]) == list(expected["brand"])
    for column in ("view_count", "cart_count", "purchase_count"):
        assert list(brands_found[column]) == list(expected[column]), column
    assert list(mart_cents(brands_found["revenue"])) == list(expected["revenue_cents"])

    hours = page.tables["store.activity_by_hour"].to_pandas()
    pd.testing.assert_frame_equal(
        hours[["event_hour", "event_count", "active_user_count"]],
        ref.activity_by_hour(events),
        check_dtype=False,
    )


def _campaign_slice(options: data.CampaignOptions) -> tuple[date, date, dict[str, list[str]]]:
    start = options.dates.start + timedelta(days=1)
    demographics = {"gender": ["Female"], "age_level": ["2", "3", "Unknown"]}
    return start, options.dates.end, demographics


def test_campaign_page_filtered_cards_equal_pandas(app_env, sessions, campaign_options):
    start, end, demographics = _campaign_slice(campaign_options)
    at = _run(AppTest.from_file(str(APP), default_timeout=TIMEOUT))
    _run(at.switch_page("pages/campaigns.py"))
    at.date_input(key="ads_dates").set_value((start, end))
    at.multiselect(key="ads_genders").set_value(demographics["gender"])
    at.multiselect(key="ads_age_levels").set_value(demographics["age_level"])
    _run(at)
    expected = ref.ads_kpis(ref.sessions_slice(sessions, start, end, demographics=demographics))
    assert 500 < expected["session_count"] < len(sessions) / 2
    assert _cards(at) == _formatted(CAMPAIGN_CARDS, expected)
    assert any("(filtered)" in caption.value for caption in at.caption)


def test_campaign_filtered_tables_equal_pandas(queries, ci_database, sessions, campaign_options):
    start, end, demographics = _campaign_slice(campaign_options)
    campaigns = tuple(campaign_options.campaigns[:3])
    filters = CampaignFilters(
        DateRange(start, end),
        campaigns,
        genders=tuple(demographics["gender"]),
        age_levels=tuple(demographics["age_level"]),
    )
    page = data.load_page(
        identify(ci_database), data.CAMPAIGN_RELATIONS, filters, campaign_options.dates, queries
    )
    part = ref.sessions_slice(sessions, start, end, campaigns, demographics)

    found = (
        page.tables["ads.campaign_performance"].to_pandas().sort_values("campaign_id").reset_index(drop=True)
    )
    expected = ref.campaign_performance(part)
    assert list(found["campaign_id"]) == list(expected["campaign_id"]) == sorted(campaigns)
    for column in ("session_count", "click_count"):
        assert list(found[column]) == list(expected[column]), column
    for column in ("click_through_rate", "click_through_rate_lower", "click_through_rate_upper"):
        assert (found[column] - expected[column]).abs().max() <= RATE_TOLERANCE, column

    cells = page.tables["ads.activity_heatmap"].to_pandas().sort_values(["session_weekday", "session_hour"])
    pd.testing.assert_frame_equal(
        cells[["session_weekday", "session_hour", "session_count", "click_count"]].reset_index(drop=True),
        ref.heatmap_counts(part),
        check_dtype=False,
    )


# ------------------------------------------------------------------ how a filtered query is composed

FACT_TABLES = {"store": '"marts"."store"."events_cleaned"', "ads": '"marts"."ads"."sessions_cleaned"'}
# The seed's labels and actions, which the published warehouse holds only in this mart.
SEED_STAND_IN = '"marts"."store"."user_segments"'


def test_filtered_queries_read_the_slice_never_a_published_aggregate(queries):
    """Every input of a filtered mart is recomputed from its page's fact table: reading another
    mart (or a build table) as published would show the whole log's number under a filter, and
    the whole-log comparison above cannot see that."""
    assert set(queries) == set(data.PAGE_RELATIONS)
    for relation, query in queries.items():
        read = set(re.findall(r'"\w+"\."\w+"\."\w+"', query.sql))
        fact = FACT_TABLES[relation.partition(".")[0]]
        allowed = {fact, SEED_STAND_IN} if relation == "store.user_segments" else {fact}
        assert fact in read and read <= allowed, (relation, sorted(read - allowed))


def _node(kind: str, name: str, code: str | None, parents: list[str], relation: str | None) -> dict:
    return {
        "unique_id": f"{kind}.ecommerce_analytics.{name}",
        "resource_type": kind,
        "name": name,
        "schema": "store",
        "alias": name,
        "original_file_path": f"models/marts/store/{name}.sql",
        "compiled_code": code,
        # A parent is named `name` (a model) or `kind.name`.
        "depends_on": {
            "nodes": [
                f"{parent.rpartition('.')[0] or 'model'}.ecommerce_analytics.{parent.rpartition('.')[2]}"
                for parent in parents
            ]
        },
        "relation_name": relation,
    }


def _manifest(*nodes: dict) -> dict:
    return {"nodes": {node["unique_id"]: node for node in nodes}}


def test_compose_chains_each_input_by_its_own_sql():
    """A mart reads its inputs under CTE names; an input in the slice's place reads the slice,
    a catalog model the unfiltered fact table; nothing else in the SQL changes."""
    manifest = _manifest(
        _node("model", "events_cleaned", "select 1", [], "F"),
        _node("model", "int_events_enriched", "select 2", [], '"s"."i"."int_events_enriched"'),
        _node(
            "model",
            "int_product_brands_resolved",
            'select b from "s"."i"."int_events_enriched"',
            ["int_events_enriched"],
            '"s"."i"."int_product_brands_resolved"',
        ),
        _node(
            "model",
            "shares",
            'select x from "s"."i"."int_events_enriched" join "s"."i"."int_product_brands_resolved"',
            ["int_events_enriched", "int_product_brands_resolved"],
            '"m"."store"."shares"',
        ),
    )
    sql = compose(manifest, "store.shares")
    assert "\n-- params: start_date, end_date, brands, categories\nwith slice__events_cleaned as (\n" in sql
    assert "    select *\n    from F\n    where\n        event_date between cast($1 as date)" in sql
    assert "whole__int_product_brands_resolved as (\n    select b from F\n)" in sql
    reads = "select x from slice__events_cleaned join whole__int_product_brands_resolved"
    assert f"slice__shares as (\n    {reads}\n)" in sql
    assert sql.rstrip().endswith("select * from slice__shares")


def test_compose_refuses_an_input_it_cannot_bind():
    """An input with no slice, stand-in or compiled SQL (a seed, a source, a model left
    uncompiled) stops the compile instead of reading a relation the warehouse lacks."""
    manifest = _manifest(
        _node("seed", "price_bands", None, [], '"memory"."seeds"."price_bands"'),
        _node(
            "model",
            "shares",
            'select * from "memory"."seeds"."price_bands"',
            ["seed.price_bands"],
            '"m"."store"."shares"',
        ),
    )
    with pytest.raises(CompileError, match="price_bands"):
        compose(manifest, "store.shares")


# ------------------------------------------------------------------ how values read


def test_p_values_read_as_the_report_writes_them():
    """The significant segments' p-values are far below 0.0001 (2e-21 in the default sample):
    as floats the grid printed 0.000000000000000000002."""
    frame = pd.DataFrame(
        {
            "lift_adjusted_p_value": [2.1e-21, 0.00012, 0.0015, 0.04, float("nan")],
            "click_through_rate": [0.1772, 0.1, 0.066, 0.5, 0.0],
            "click_through_rate_lift": [1.9492, -0.0608, 0.0, 0.5, 0.1],
        }
    )
    shown, config = tables.table_view(frame, {"lift_adjusted_p_value": "Holm-adjusted p"})
    assert list(shown["lift_adjusted_p_value"]) == ["< 0.0001", "0.0001", "0.0015", "0.0400", "n/a"]
    assert config["lift_adjusted_p_value"]["label"] == "Holm-adjusted p"
    # Rates and lifts stay numbers, in percent, drawn with two decimals (lifts signed).
    assert list(shown["click_through_rate"]) == pytest.approx([17.72, 10.0, 6.6, 50.0, 0.0])
    assert config["click_through_rate"]["type_config"]["format"] == "%.2f%%"
    assert config["click_through_rate_lift"]["type_config"]["format"] == "%+.2f%%"
    assert list(frame["lift_adjusted_p_value"])[0] == 2.1e-21, "the page's frame is not changed"


@pytest.mark.parametrize(
    ("column", "value", "shown", "exact"),
    [
        # The default sample's revenue, cut to `5,108,79…` at 1400 px before.
        ("revenue", Decimal("5108792.67"), "5.11M", "5,108,792.67"),
        ("revenue", Decimal("387896.57"), "387,896.57", None),  # ten characters: shown whole
        ("user_count", 109_903_420, "109.90M", "109,903,420"),
        ("revenue", Decimal("999999999.99"), "1.00B", "999,999,999.99"),  # rounds up a unit
        ("user_count", 1_234_567, "1,234,567", None),
        ("user_conversion_rate", 0.0523, "5.23%", None),
        ("top_campaign_id", 118601, "118601", None),
    ],
)
def test_a_card_shows_compact_units_only_when_its_value_is_too_long(column, value, shown, exact):
    assert card_value(column, value) == (shown, exact)


def test_compact_units_never_apply_to_rates_ids_or_small_numbers():
    assert compact_value("revenue_share", 12_345.0) is None
    assert compact_value("campaign_id", 12_345_678) is None
    assert compact_value("lift_adjusted_p_value", 5_000.0) is None
    assert compact_value("view_count", 999) is None
    assert compact_value("view_count", 999_995) == "1.00M"
    assert compact_value("revenue", Decimal("-2500000")) == "-2.50M"


# ------------------------------------------------------------------ safety and freshness


def test_filter_values_travel_as_parameters(queries, ci_database, store_options):
    """A value that would change the SQL if pasted into it selects nothing instead."""
    hostile = "x' or '1'='1"
    filters = StoreFilters(store_options.dates, brands=(hostile,))
    page = data.load_page(identify(ci_database), data.STORE_RELATIONS, filters, store_options.dates, queries)
    assert page.tables["store.kpi_summary"].to_pylist()[0]["user_count"] == 0
    assert all(hostile not in query.sql for query in queries.values())


def test_a_new_publication_is_read_by_the_next_refresh(tmp_path, ci_database, queries, store_options):
    """Publishing renames a new file over the old one: the next load sees it (the identity in
    the cache key changes), while a connection opened before keeps the old file."""
    published = tmp_path / "analytics.duckdb"
    shutil.copy(ci_database, published)
    before = identify(published)
    filters = StoreFilters(store_options.dates)
    old = data.load_page(before, ("store.kpi_summary",), filters, store_options.dates, queries)

    candidate = tmp_path / "analytics.candidate.duckdb"
    shutil.copy(ci_database, candidate)
    with duckdb.connect(str(candidate)) as con:
        con.execute("update store.kpi_summary set user_count = user_count + 1")
    with connect(before) as held:
        candidate.replace(published)
        after = identify(published)
        assert after != before
        assert (
            held.execute("select user_count from marts.store.kpi_summary").fetchone()[0]
            == old.tables["store.kpi_summary"].to_pylist()[0]["user_count"]
        )
    new = data.load_page(after, ("store.kpi_summary",), filters, store_options.dates, queries)
    assert (
        new.tables["store.kpi_summary"].to_pylist()[0]["user_count"]
        == old.tables["store.kpi_summary"].to_pylist()[0]["user_count"] + 1
    )
