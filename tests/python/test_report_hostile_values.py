"""The report never crashes on a data value and shows every value as escaped text.

A copy of the CI warehouse gets hostile values in the mart columns the report prints (brands,
categories, a segment's action, a demographic value): markup and script, URLs and `src=`,
spreadsheet formulas, text thousands of characters long; and its activity, cohort and
lifecycle marts are stretched to a fifty-year range (a 1970-01-01 timestamp once made
activity_by_date 18,688 rows and crashed the charts). The report must render every chart, show
each value as text, and its markup must still reference nothing outside the page.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from scripts.report.build import Report, build_report
from scripts.report.charts import CHARTS
from scripts.report.figures import Figure
from scripts.report.marts import open_marts
from scripts.report.recommendations import top_campaign

HOSTILE = {
    "script": '<script>alert("x")</script>',
    "url": "http://evil.example/track.png",
    "src": '"><img src=x onerror=alert(1)> src=http://evil.example/a.js',
    "formula": '=HYPERLINK("http://evil.example","open")',
    "long": "very-long-brand-" * 100,
}
EPOCH = "1970-01-01"


def _plant(con: duckdb.DuckDBPyConnection) -> None:
    """Hostile text in every printed attribute column, and a log reaching back to 1970."""
    values = list(HOSTILE.values())
    for index, value in enumerate(values, start=1):
        con.execute("update store.brand_revenue set brand = ? where revenue_rank = ?", [value, index])
        con.execute(
            "update store.category_revenue set category = ? "
            "where category_level = 'category_code' and revenue_rank = ?",
            [value, index],
        )
        con.execute(
            "update store.low_conversion_products set brand = ?, category_code = ? where view_rank = ?",
            [value, value, index],
        )
    con.execute(
        """
        update store.abandoned_brands set brand = hostile.value
        from (
            select brand, row_number() over (order by abandoned_value desc, brand) as position
            from store.abandoned_brands where brand <> 'Unknown'
        ) as ranked
        join (select unnest(?) as value, generate_subscripts(?, 1) as position) as hostile using (position)
        where abandoned_brands.brand = ranked.brand
        """,
        [values, values],
    )
    con.execute(
        "update store.product_alerts set brand = ?, category_code = ?", [HOSTILE["formula"], HOSTILE["src"]]
    )
    con.execute("update store.product_purchases set brand = ?", [HOSTILE["script"]])
    con.execute(
        "update store.user_segments set recommended_action = ? where user_segment = 'cart_abandoner'",
        [HOSTILE["script"] + " " + HOSTILE["formula"]],
    )
    con.execute(
        "update ads.campaign_segment_performance set demographic_value = ? where is_best_responding_segment",
        [HOSTILE["src"]],
    )

    # Fifty years of quiet days, months, cohorts and weeks before the real log.
    con.execute(f"update store.kpi_summary set period_start_at = timestamp '{EPOCH}'")
    con.execute(
        f"""
        insert into store.activity_by_date by name
        select cast(day as date) as event_date, 0 as event_count, 0 as view_count, 0 as cart_count,
            0 as purchase_count, 0 as revenue, 0 as active_user_count
        from generate_series(
            timestamp '{EPOCH}', (select min(event_date) - 1 from store.activity_by_date), interval 1 day
        ) as days (day)
        """
    )
    con.execute(
        f"""
        insert into store.activity_by_month by name
        select strftime(month, '%Y-%m') as event_month, 0 as event_count, 0 as view_count, 0 as cart_count,
            0 as purchase_count, 0 as revenue, 0 as active_user_count
        from generate_series(
            timestamp '{EPOCH}',
            (select strptime(min(event_month), '%Y-%m') - interval 1 month from store.activity_by_month),
            interval 1 month
        ) as months (month)
        """
    )
    # Each mart's measures are not-null constraints: the planted periods hold zeros.
    measures = {
        "cohort_retention": "0 as active_user_count, 0 as purchasing_user_count",
        "cohort_revenue": "0 as purchase_count, 0 as revenue, 0 as cumulative_revenue, "
        "0 as cumulative_purchaser_count, 0 as repeat_purchaser_count",
    }
    for mart, zeros in measures.items():
        con.execute(
            f"""
            insert into store.{mart} by name
            select grain as cohort_grain, cast(start as date) as cohort_start_date,
                cast(number as integer) as period_number, cast(start as date) as period_start_date,
                1 as cohort_user_count, {zeros}
            from (values ('week', date '1970-01-05', 2700), ('month', date '{EPOCH}', 620))
                    as cohorts (grain, start, periods),
                generate_series(0, periods) as numbers (number)
            """
        )
    con.execute(
        """
        insert into store.user_lifecycle by name
        select cast(week as date) as week_start_date, 0 as active_user_count, 0 as new_user_count,
            0 as returning_user_count, 0 as resurrected_user_count, 0 as dormant_user_count
        from generate_series(
            timestamp '1970-01-05',
            (select min(week_start_date) - 7 from store.user_lifecycle),
            interval 7 day
        ) as weeks (week)
        """
    )


@pytest.fixture(scope="module")
def hostile_report(ci_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("hostile")
    database = folder / "hostile.duckdb"
    shutil.copy(ci_database, database)
    with duckdb.connect(str(database)) as con:
        _plant(con)
        assert con.execute("select count(*) from store.activity_by_date").fetchone()[0] > 18_000
    return build_report(database, folder / "outputs", log=lambda line: None)


class Markup(HTMLParser):
    """The page's text (what a reader sees) apart from its tags and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def markup(hostile_report: Report) -> Markup:
    parsed = Markup()
    parsed.feed(hostile_report.path.read_text(encoding="utf-8"))
    return parsed


def test_every_chart_renders_over_fifty_years_and_hostile_labels(hostile_report: Report):
    assert not hostile_report.missing
    assert sorted(path.stem for path in hostile_report.charts) == sorted(chart.name for chart in CHARTS)


def test_hostile_values_are_shown_as_text(markup: Markup):
    text = "".join(markup.text)
    for name, value in HOSTILE.items():
        assert value in text, f"the {name} value is not shown as text"


def test_hostile_values_add_no_markup(markup: Markup):
    loading = {"script", "img", "iframe", "link", "object", "embed", "image", "base"}
    for tag, attributes in markup.tags:
        assert tag not in loading, f"<{tag}> on the page"
        for name, value in attributes.items():
            assert not name.startswith("on"), f"<{tag} {name}>"
            if name in {"src", "href", "xlink:href", "srcset", "data", "action"}:
                assert value.startswith("#"), f"<{tag} {name}={value!r}>"


def test_the_campaign_recommendation_without_a_best_segment(ci_database: Path, tmp_path: Path):
    """When no segment of the top campaign passes the rule, the text says so and counts the
    segments whose rate differs significantly either way."""
    database = tmp_path / "no_best.duckdb"
    shutil.copy(ci_database, database)
    with duckdb.connect(str(database)) as con:
        con.execute("update ads.campaign_segment_performance set is_best_responding_segment = false")
        (significant,) = con.execute(
            """
            select count(*) from ads.campaign_segment_performance
            where is_lift_significant and campaign_id = (select top_campaign_id from ads.kpi_summary)
            """
        ).fetchone()
    with open_marts(database) as marts:
        recommendation = top_campaign(marts)
    figures = {part.key: part for part in recommendation.finding if isinstance(part, Figure)}
    text = "".join(part if isinstance(part, str) else part.text for part in recommendation.finding)
    assert "None of its segments responds better than the rest of the campaign beyond noise" in text
    assert figures["rec.campaign.significant_segments"].value == significant
    assert "rec.campaign.best_lift" not in figures
