"""The HTML report, built from the CI warehouse (the small generated sample) into a temp folder.

Checks, each independent of the report's own code paths:
- every KPI card and every number in the recommendations equals the mart value, looked up
  here with SQL written from the rule the text states (not with the report's queries), and
  formatted as scripts/headline.py formats that column;
- the recommendation text has no number typed into it: with the figures removed, no digit
  is left;
- the page references nothing outside itself;
- every chart is inline SVG on the page and a valid PNG file;
- the dbt exposure declares exactly the marts the report reads.
"""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.formatting import format_value
from scripts.report.build import Report, build_report
from scripts.report.charts import CHARTS
from tests.python.dbt_manifest import load_manifest

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Charts whose mart is still to be built (the report shows a placeholder and names the mart).
PENDING_CHARTS = {"store_price_distribution"}


class Page(HTMLParser):
    """Figures (`data-figure`), the text of each section outside figures, SVGs per chart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: dict[str, list[tuple[str, str]]] = {}  # key -> [(source, text)]
        self.section_text: dict[str, list[str]] = {}
        self.chart_svgs: dict[str, int] = {}
        self.attributes: list[tuple[str, dict[str, str]]] = []
        self._figure: tuple[str, str, list[str]] | None = None
        self._section: str | None = None
        self._chart: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.attributes.append((tag, attributes))
        if tag == "section":
            self._section = attributes.get("id")
        if tag == "figure" and attributes.get("id", "").startswith("chart-"):
            self._chart = attributes["id"].removeprefix("chart-")
        if tag == "svg" and self._chart:
            self.chart_svgs[self._chart] = self.chart_svgs.get(self._chart, 0) + 1
        if "data-figure" in attributes:
            self._figure = (attributes["data-figure"], attributes["data-source"], [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if self._figure and tag == "span":
            key, source, text = self._figure
            self.figures.setdefault(key, []).append((source, "".join(text).strip()))
            self._figure = None
        if tag == "section":
            self._section = None
        if tag == "figure":
            self._chart = None

    def handle_data(self, data: str) -> None:
        if self._figure:
            self._figure[2].append(data)
        elif self._section:
            self.section_text.setdefault(self._section, []).append(data)


@pytest.fixture(scope="module")
def report(ci_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_report(ci_database, tmp_path_factory.mktemp("report"), log=lambda line: None)


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return report.path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    parsed = Page()
    parsed.feed(html)
    return parsed


def shown(page: Page, key: str) -> tuple[str, str]:
    """(source, text) of a figure; every occurrence of a key shows the same thing."""
    assert key in page.figures, f"figure {key} is not on the page"
    occurrences = set(page.figures[key])
    assert len(occurrences) == 1, f"figure {key} shows different values: {occurrences}"
    return occurrences.pop()


def expect(warehouse, page: Page, key: str, sql: str) -> None:
    """The figure's text equals the value the SQL selects, formatted by its column's name."""
    source, text = shown(page, key)
    rows = warehouse.execute(sql).fetchall()
    assert len(rows) == 1, f"{key}: the check's SQL selected {len(rows)} rows"
    column = source.split(".", 2)[2]
    assert text == format_value(column, rows[0][0]), f"{key} ({source})"


# --- KPI cards ---------------------------------------------------------------------------------

STORE_KPIS = [
    "user_count",
    "session_count",
    "view_count",
    "cart_count",
    "purchase_count",
    "revenue",
    "average_order_value",
    "user_conversion_rate",
    "view_to_cart_user_rate",
    "cart_to_purchase_user_rate",
    "overall_funnel_user_rate",
    "cart_to_purchase_event_rate",
    "direct_purchaser_count",
    "period_start_at",
    "period_end_at",
]
ADS_KPIS = [
    "session_count",
    "user_count",
    "click_count",
    "click_through_rate",
    "avg_user_depth",
    "top_product_category_1",
    "top_product_category_session_share",
    "top_campaign_id",
    "top_campaign_session_share",
]


def test_every_kpi_card_equals_its_mart(warehouse, page: Page):
    expected = {f"kpi.store.kpi_summary.{column}" for column in STORE_KPIS}
    expected |= {f"kpi.ads.kpi_summary.{column}" for column in ADS_KPIS}
    on_page = {key for key in page.figures if key.startswith("kpi.")}
    assert on_page == expected
    for key in sorted(expected):
        relation, column = key.removeprefix("kpi.").rsplit(".", 1)
        assert shown(page, key)[0] == f"{relation}.{column}"
        expect(warehouse, page, key, f"select {column} from {relation}")


def test_kpi_values_look_like_a_person_reads_them(page: Page):
    assert re.fullmatch(r"\d{1,3}(,\d{3})*\.\d\d", shown(page, "kpi.store.kpi_summary.revenue")[1])
    assert re.fullmatch(r"\d+\.\d\d%", shown(page, "kpi.store.kpi_summary.user_conversion_rate")[1])
    assert re.fullmatch(r"\d+", shown(page, "kpi.ads.kpi_summary.top_campaign_id")[1])


# --- recommendations ---------------------------------------------------------------------------

# Each number in the recommendations, selected here from the rule the sentence states.
WORST_STAGE = (
    "(select * from store.funnel_summary order by drop_off_from_previous_rate desc, stage_order limit 1)"
)
TOP_CAMPAIGN = """(
    select campaign_id from ads.campaign_segment_performance
    group by campaign_id order by max(campaign_session_count) desc, campaign_id limit 1
)"""
BEST_SEGMENT = f"""(
    with segments as (
        select *, count(*) over (partition by demographic_dimension) as value_count
        from ads.campaign_segment_performance where campaign_id = {TOP_CAMPAIGN}
    )
    select * from segments
    where demographic_value <> 'Unknown' and session_count * value_count >= campaign_session_count
        and click_through_rate_lift > 0 and is_lift_significant
    order by click_through_rate_lift desc, demographic_dimension, demographic_value limit 1
)"""
ORDERED = "(select * from store.ordered_funnel where funnel_grain = 'user')"
ORDERED_WORST = (
    f"(select * from {ORDERED} where drop_off_from_previous_rate > 0 "
    "order by drop_off_from_previous_rate desc, stage_order limit 1)"
)


def _catalog(column: str, gap_kind: str, stage: str) -> str:
    return (
        f"select {column} from store.catalog_completeness "
        f"where gap_kind = '{gap_kind}' and backfill_stage = '{stage}'"
    )


def _brand(column: str, rank: int) -> str:
    return (
        f"select {column} from store.abandoned_brands where brand <> 'Unknown' "
        f"order by abandoned_value desc, brand limit 1 offset {rank - 1}"
    )


RECOMMENDATION_FIGURES = {
    # the stage with the largest drop-off, and its rate
    "rec.funnel.stage": f"select funnel_stage from {WORST_STAGE}",
    "rec.funnel.previous_stage": (
        "select funnel_stage from store.funnel_summary "
        f"where stage_order = (select stage_order - 1 from {WORST_STAGE})"
    ),
    "rec.funnel.drop_off_rate": f"select drop_off_from_previous_rate from {WORST_STAGE}",
    "rec.funnel.previous_stage_users": f"select previous_stage_user_count from {WORST_STAGE}",
    "rec.funnel.stage_users": f"select stage_user_count from {WORST_STAGE}",
    "rec.funnel.conversion_rate": f"select conversion_from_previous_rate from {WORST_STAGE}",
    # the same users counted in order, and the buyers who never carted
    "rec.funnel.ordered_cart_share": f"select entry_share from {ORDERED} where funnel_stage = 'cart'",
    "rec.funnel.ordered_purchase_share": f"select entry_share from {ORDERED} where funnel_stage = 'purchase'",
    "rec.funnel.ordered_cart_time": (
        f"select median_seconds_from_previous from {ORDERED} where funnel_stage = 'cart'"
    ),
    "rec.funnel.ordered_purchase_time": (
        f"select median_seconds_from_previous from {ORDERED} where funnel_stage = 'purchase'"
    ),
    "rec.funnel.direct_purchasers": "select direct_purchaser_count from store.kpi_summary",
    "rec.funnel.ordered_stage": f"select funnel_stage from {ORDERED_WORST}",
    "rec.funnel.ordered_drop_off_rate": f"select drop_off_from_previous_rate from {ORDERED_WORST}",
    # cart abandoners and the brands they left
    "rec.abandoned.users": "select user_count from store.user_segments where user_segment = 'cart_abandoner'",
    "rec.abandoned.user_share": (
        "select user_share from store.user_segments where user_segment = 'cart_abandoner'"
    ),
    "rec.abandoned.action": (
        "select recommended_action from store.user_segments where user_segment = 'cart_abandoner'"
    ),
    **{f"rec.abandoned.brand_{rank}": _brand("brand", rank) for rank in (1, 2, 3)},
    **{f"rec.abandoned.brand_{rank}_value": _brand("abandoned_value", rank) for rank in (1, 2, 3)},
    **{f"rec.abandoned.brand_{rank}_users": _brand("abandoning_user_count", rank) for rank in (1, 2, 3)},
    "rec.abandoned.unknown_value": (
        "select abandoned_value from store.abandoned_brands where brand = 'Unknown'"
    ),
    # zero-conversion products and alerts
    "rec.zero.products": "select count(*) from store.low_conversion_products",
    "rec.zero.top_product": (
        "select product_id from store.low_conversion_products order by view_count desc, product_id limit 1"
    ),
    "rec.zero.top_brand": (
        "select brand from store.low_conversion_products order by view_count desc, product_id limit 1"
    ),
    "rec.zero.top_views": (
        "select view_count from store.low_conversion_products order by view_count desc, product_id limit 1"
    ),
    "rec.alerts.products": "select count(*) from store.product_alerts",
    "rec.alerts.active": "select count(*) from store.product_alerts where is_active",
    "rec.alerts.top_product": (
        "select product_id from store.product_alerts order by peak_window_view_count desc, product_id limit 1"
    ),
    "rec.alerts.top_peak_views": (
        "select peak_window_view_count from store.product_alerts "
        "order by peak_window_view_count desc, product_id limit 1"
    ),
    # unattributed revenue, and what the backfill recovered
    "rec.catalog.share_before": _catalog("revenue_share", "either_missing", "before_backfill"),
    "rec.catalog.revenue_before": _catalog("revenue", "either_missing", "before_backfill"),
    "rec.catalog.brand_share_before": _catalog("revenue_share", "brand_missing", "before_backfill"),
    "rec.catalog.category_share_before": _catalog("revenue_share", "category_missing", "before_backfill"),
    "rec.catalog.recovered_revenue": _catalog("recovered_revenue", "either_missing", "after_backfill"),
    "rec.catalog.recovered_purchases": _catalog(
        "recovered_purchase_count", "either_missing", "after_backfill"
    ),
    "rec.catalog.share_after": _catalog("revenue_share", "either_missing", "after_backfill"),
    "rec.catalog.revenue_after": _catalog("revenue", "either_missing", "after_backfill"),
    # the top campaign and the demographic with the highest lift
    "rec.campaign.top_campaign": f"select {TOP_CAMPAIGN}",
    "rec.campaign.session_share": "select top_campaign_session_share from ads.kpi_summary",
    "rec.campaign.sessions": "select top_campaign_session_count from ads.kpi_summary",
    "rec.campaign.ctr": (
        f"select click_through_rate from ads.campaign_performance where campaign_id = {TOP_CAMPAIGN}"
    ),
    "rec.campaign.ctr_lower": (
        f"select click_through_rate_lower from ads.campaign_performance where campaign_id = {TOP_CAMPAIGN}"
    ),
    "rec.campaign.ctr_upper": (
        f"select click_through_rate_upper from ads.campaign_performance where campaign_id = {TOP_CAMPAIGN}"
    ),
    "rec.campaign.overall_ctr": "select click_through_rate from ads.kpi_summary",
    "rec.campaign.best_dimension": f"select demographic_dimension from {BEST_SEGMENT}",
    "rec.campaign.best_value": f"select demographic_value from {BEST_SEGMENT}",
    "rec.campaign.best_ctr": f"select click_through_rate from {BEST_SEGMENT}",
    "rec.campaign.best_ctr_lower": f"select click_through_rate_lower from {BEST_SEGMENT}",
    "rec.campaign.best_ctr_upper": f"select click_through_rate_upper from {BEST_SEGMENT}",
    "rec.campaign.best_p_value": f"select lift_adjusted_p_value from {BEST_SEGMENT}",
    "rec.campaign.best_lift": f"select click_through_rate_lift from {BEST_SEGMENT}",
    "rec.campaign.best_sessions": f"select session_count from {BEST_SEGMENT}",
    # the leading and the weakest product category
    "rec.category.top": (
        "select product_category_1 from ads.category_engagement "
        "order by session_count desc, product_category_1 limit 1"
    ),
    "rec.category.top_share": (
        "select session_share from ads.category_engagement "
        "order by session_count desc, product_category_1 limit 1"
    ),
    "rec.category.top_ctr_index": (
        "select click_through_rate_index from ads.category_engagement "
        "order by session_count desc, product_category_1 limit 1"
    ),
    "rec.category.last": (
        "select product_category_1 from ads.category_engagement "
        "order by session_count, product_category_1 desc limit 1"
    ),
    "rec.category.last_share": (
        "select session_share from ads.category_engagement "
        "order by session_count, product_category_1 desc limit 1"
    ),
    # peak hours
    "rec.timing.weekday": (
        "select session_weekday_name from ads.activity_heatmap "
        "order by session_count desc, session_weekday, session_hour limit 1"
    ),
    "rec.timing.hour": (
        "select session_hour from ads.activity_heatmap "
        "order by session_count desc, session_weekday, session_hour limit 1"
    ),
    "rec.timing.sessions": (
        "select session_count from ads.activity_heatmap "
        "order by session_count desc, session_weekday, session_hour limit 1"
    ),
    "rec.timing.store_hour": (
        "select event_hour from store.activity_by_hour order by purchase_count desc, event_hour limit 1"
    ),
    "rec.timing.store_purchases": (
        "select purchase_count from store.activity_by_hour order by purchase_count desc, event_hour limit 1"
    ),
}


def test_every_recommendation_number_equals_its_mart(warehouse, page: Page):
    on_page = {key for key in page.figures if key.startswith("rec.")}
    unchecked = on_page - set(RECOMMENDATION_FIGURES)
    assert not unchecked, f"figures in the recommendations without a check here: {sorted(unchecked)}"
    # The CI sample has every list non-empty (its thresholds are set so), so every figure shows.
    assert on_page == set(RECOMMENDATION_FIGURES)
    for key in sorted(on_page):
        expect(warehouse, page, key, RECOMMENDATION_FIGURES[key])


def test_recommendations_cover_what_the_issue_asks(page: Page):
    assert shown(page, "rec.funnel.drop_off_rate")[0] == "store.funnel_summary.drop_off_from_previous_rate"
    assert shown(page, "rec.catalog.recovered_revenue")[0] == "store.catalog_completeness.recovered_revenue"
    assert (
        shown(page, "rec.campaign.best_lift")[0] == "ads.campaign_segment_performance.click_through_rate_lift"
    )
    assert shown(page, "rec.campaign.best_lift")[1].startswith(("+", "-"))


def test_no_number_is_typed_into_the_text(page: Page):
    """Outside the figures, the recommendations and the KPI cards contain no digit."""
    for section in ("recommendations", "summary"):
        text = " ".join(page.section_text[section])
        typed = re.findall(r".{0,30}\d.{0,10}", text)
        assert not typed, f"a typed number in #{section}: {typed}"


# --- self-contained page, charts -------------------------------------------------------------


def test_page_references_nothing_outside_itself(html: str, page: Page):
    for pattern in (r"https?://", r"//cdn", r"@import", r"url\(\s*['\"]?(?!#)", r"<script", r"<link\b"):
        assert not re.search(pattern, html, re.IGNORECASE), pattern
    for tag, attributes in page.attributes:
        for name in ("src", "href", "xlink:href", "srcset", "data"):
            value = attributes.get(name, "")
            assert not value or value.startswith("#"), f"<{tag} {name}={value!r}>"


def test_every_chart_is_inline_svg_and_a_png_file(report: Report, page: Page):
    assert set(report.missing) <= PENDING_CHARTS, report.missing
    drawn = [chart.name for chart in CHARTS if chart.name not in report.missing]
    assert len(drawn) >= 20
    assert sorted(path.stem for path in report.charts) == sorted(drawn)
    for name in drawn:
        assert page.chart_svgs.get(name) == 1, f"chart {name} is not inline SVG on the page"
        path = report.path.parent / "charts" / f"{name}.png"
        data = path.read_bytes()
        assert data[:8] == PNG_SIGNATURE, name
        width, height = struct.unpack(">II", data[16:24])  # IHDR
        assert width >= 300 and height >= 150, (name, width, height)
        assert len(data) > 10_000, (name, len(data))
    for name in report.missing:
        assert page.chart_svgs.get(name) is None
        assert not (report.path.parent / "charts" / f"{name}.png").exists()


def test_svg_ids_are_unique_across_charts(html: str):
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


# --- the dbt exposure --------------------------------------------------------------------------


def test_exposure_declares_exactly_the_marts_the_report_reads(report: Report):
    manifest = load_manifest()
    exposure = manifest["exposures"]["exposure.ecommerce_analytics.analytics_report"]
    assert exposure["type"] in {"dashboard", "analysis"}
    assert exposure["owner"]["name"] or exposure["owner"]["email"]
    declared = set()
    for node_id in exposure["depends_on"]["nodes"]:
        node = manifest["nodes"][node_id]
        assert node["original_file_path"].startswith("models/marts/"), node_id
        declared.add(f"{node['schema']}.{node['alias']}")
    assert report.relations_read == declared
