"""One chart per question of the two analyses, each built with altair from the marts alone.

`CHARTS` lists them in page order. Each entry names the marts it reads (shown under the chart
and checked against the dbt exposure); its builder receives a `MartReader` and returns an
altair chart whose spec `render` turns into SVG and PNG. Labels on bars are formatted by
`scripts.formatting.format_value`, like every other number in the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd

from scripts.formatting import format_value
from scripts.report.marts import UNKNOWN, MartReader
from scripts.report.sections import ADS_CARDS, STORE_CARDS

PRIMARY = "#2f6690"
ACCENT = "#d1495b"
MUTED = "#9aa5b1"
LIGHT = "#eef3f7"
WIDTH = 560
TOP_N = 10
# The most recent cohorts and the first periods shown in the cohort charts (all are in the marts).
COHORT_LIMIT = 26
LTV_COHORT_LIMIT = 12
# Weeks of the lifecycle chart, the most recent (all are in the mart).
LIFECYCLE_WEEKS = 104
MAX_BAR_LABELS = 40

# Charts carry their data inline and are rendered offline, so a mart with many rows (a log
# spanning fifty years gives activity_by_date 18,000 dates) must still render rather than
# raise altair's MaxRowsError.
alt.data_transformers.disable_max_rows()

THEME = {
    "font": "sans-serif",
    "background": "white",
    "padding": 12,
    "view": {"stroke": None},
    "title": {
        "fontSize": 15,
        "anchor": "start",
        "subtitleFontSize": 11,
        "subtitleColor": "#555",
        "offset": 10,
    },
    "axis": {"labelFontSize": 11, "titleFontSize": 11, "titleColor": "#444", "gridColor": "#e8e8e8"},
    "legend": {"labelFontSize": 11, "titleFontSize": 11},
    "bar": {"color": PRIMARY},
    "line": {"color": PRIMARY},
    "point": {"color": PRIMARY},
}


@dataclass(frozen=True)
class ChartSpec:
    name: str  # file name: charts/<name>.png; also the HTML id
    section: str  # the page section it belongs to: "store", "ads" or "quality"
    relations: tuple[str, ...]  # the marts it reads
    build: Callable[[MartReader], alt.TopLevelMixin]


def labelled(frame: pd.DataFrame, column: str, label: str = "label") -> pd.DataFrame:
    """A copy with `label` holding `column` formatted as the report formats that column."""
    frame = frame.copy()
    frame[label] = [format_value(column, _python(value)) for value in frame[column]]
    return frame


def _python(value: object) -> object:
    """numpy / pandas scalars as the Python values format_value expects."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _finish(chart: alt.TopLevelMixin, title: str, subtitle: str | None = None) -> alt.TopLevelMixin:
    heading = alt.TitleParams(title, subtitle=subtitle) if subtitle else alt.TitleParams(title)
    return chart.properties(title=heading).configure(**THEME)


def _hbar(
    frame: pd.DataFrame,
    category: str,
    value: str,
    *,
    category_title: str,
    value_title: str,
    highlight: pd.Series | None = None,
    sort: list | str = "-x",
) -> alt.LayerChart:
    """Horizontal bars with the formatted value at the end of each bar."""
    frame = labelled(frame, value)
    frame["highlight"] = highlight.to_numpy() if highlight is not None else False
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{category}:N", sort=sort, title=category_title, axis=alt.Axis(labelLimit=240)),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format="~s")),
    )
    bars = base.mark_bar().encode(
        color=alt.condition(alt.datum.highlight, alt.value(ACCENT), alt.value(PRIMARY)),
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip("label:N", title=value_title)],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11, color="#333").encode(text="label:N")
    height = max(90, 26 * len(frame))
    return (bars + text).properties(width=WIDTH - 200, height=height)


def _vbar(
    frame: pd.DataFrame,
    category: str,
    value: str,
    *,
    category_title: str,
    value_title: str,
    category_type: str = "O",
    label_angle: int = 0,
    labels: bool = True,
) -> alt.TopLevelMixin:
    frame = labelled(frame, value)
    base = alt.Chart(frame).encode(
        x=alt.X(
            f"{category}:{category_type}",
            title=category_title,
            sort=None,
            axis=alt.Axis(labelAngle=label_angle),
        ),
        y=alt.Y(f"{value}:Q", title=value_title, axis=alt.Axis(format="~s")),
    )
    bars = base.mark_bar().encode(
        tooltip=[alt.Tooltip(f"{category}:{category_type}"), alt.Tooltip("label:N", title=value_title)]
    )
    chart = bars
    # A label over each bar only while they fit side by side (a log of many years has hundreds of months).
    if labels and len(frame) <= MAX_BAR_LABELS:
        chart = bars + base.mark_text(dy=-6, fontSize=10, color="#333").encode(text="label:N")
    return chart.properties(width=WIDTH, height=240)


def _tiles(items: list[tuple[str, str]], columns: int) -> alt.LayerChart:
    """A KPI dashboard: one tile per (label, formatted value), `columns` tiles per row."""
    frame = pd.DataFrame(
        [
            {"label": label, "value": value, "column": index % columns, "row": index // columns}
            for index, (label, value) in enumerate(items)
        ]
    )
    rows = int(frame["row"].max()) + 1
    base = alt.Chart(frame).encode(
        x=alt.X("column:O", axis=None, scale=alt.Scale(paddingInner=0.08)),
        y=alt.Y("row:O", axis=None, scale=alt.Scale(paddingInner=0.12)),
    )
    tiles = base.mark_rect(color=LIGHT, cornerRadius=6)
    values = base.mark_text(fontSize=20, fontWeight="bold", color=PRIMARY, dy=-8).encode(text="value:N")
    names = base.mark_text(fontSize=11, color="#444", dy=16).encode(text="label:N")
    return (tiles + values + names).properties(width=165 * columns, height=84 * rows)


# --- store: the event log (case study) -------------------------------------------------------


def _dashboard(
    marts: MartReader, relation: str, labels: dict[str, str], columns: tuple[str, ...]
) -> alt.LayerChart:
    """The KPI cards of `columns` as one picture, labelled as on the page."""
    kpi = marts.one(relation)
    return _tiles([(labels[column], format_value(column, kpi[column])) for column in columns], columns=4)


def store_kpi_dashboard(marts: MartReader) -> alt.TopLevelMixin:
    columns = (
        "user_count",
        "session_count",
        "revenue",
        "purchase_count",
        "average_order_value",
        "user_conversion_rate",
        "view_to_cart_user_rate",
        "cart_to_purchase_user_rate",
    )
    chart = _dashboard(marts, "store.kpi_summary", STORE_CARDS, columns)
    return _finish(chart, "Store KPIs", "Clean events over the whole log")


def store_funnel(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.funnel_summary", order_by="stage_order")
    frame = labelled(frame, "stage_user_count", "users_label")
    frame = labelled(frame, "viewer_share", "share_label")
    frame["label"] = frame["users_label"] + " (" + frame["share_label"] + " of viewers)"
    frame["highlight"] = frame["is_largest_drop_off"].astype(bool)
    base = alt.Chart(frame).encode(
        y=alt.Y("funnel_stage:N", sort=list(frame["funnel_stage"]), title="Funnel stage"),
        x=alt.X("stage_user_count:Q", title="Users", axis=alt.Axis(format="~s")),
    )
    bars = base.mark_bar().encode(
        color=alt.condition(alt.datum.highlight, alt.value(ACCENT), alt.value(PRIMARY)),
        tooltip=["funnel_stage:N", alt.Tooltip("label:N", title="Users")],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11, color="#333").encode(text="label:N")
    chart = (bars + text).properties(width=WIDTH - 220, height=120)
    return _finish(
        chart, "Purchase funnel (unique users)", "Red: the stage reached after the largest drop-off"
    )


def store_ordered_funnel(marts: MartReader) -> alt.TopLevelMixin:
    """The case study's funnel (any order) beside the ordered one, as shares of the entry stage."""
    published = marts.frame("store.funnel_summary", order_by="stage_order")
    ordered = marts.frame("store.ordered_funnel", order_by="funnel_grain desc, stage_order")
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "funnel_stage": published["funnel_stage"],
                    "entry_share": published["viewer_share"],
                    "count": published["stage_user_count"],
                    "funnel": "Any order, users (case study)",
                }
            ),
            *[
                pd.DataFrame(
                    {
                        "funnel_stage": rows["funnel_stage"],
                        "entry_share": rows["entry_share"],
                        "count": rows["stage_count"],
                        "funnel": f"In order within the window, {grain}s",
                    }
                )
                for grain, rows in ordered.groupby("funnel_grain", sort=False)
            ],
        ],
        ignore_index=True,
    )
    frame = labelled(frame, "entry_share", "share_label")
    frame = labelled(frame, "count", "count_label")
    frame["label"] = frame["share_label"] + " (" + frame["count_label"] + ")"
    funnels = list(dict.fromkeys(frame["funnel"]))
    base = alt.Chart(frame).encode(
        y=alt.Y("funnel_stage:N", sort=list(published["funnel_stage"]), title="Funnel stage"),
        yOffset=alt.YOffset("funnel:N", sort=funnels),
        x=alt.X(
            "entry_share:Q",
            title="Share of the entry stage (viewers / viewing sessions)",
            axis=alt.Axis(format="%"),
        ),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "funnel:N",
            sort=funnels,
            title=None,
            scale=alt.Scale(range=[MUTED, PRIMARY, ACCENT]),
            legend=alt.Legend(orient="bottom", columns=1, labelLimit=400),
        ),
        tooltip=["funnel:N", "funnel_stage:N", alt.Tooltip("label:N", title="Share (count)")],
    )
    text = base.mark_text(align="left", dx=4, fontSize=10, color="#333").encode(text="label:N")
    chart = (bars + text).properties(width=WIDTH - 200, height=210)
    return _finish(
        chart,
        "Funnel: any order vs steps in order",
        "Ordered: a cart at or after a view, a purchase at or after that cart, within that view's window",
    )


def store_event_counts(marts: MartReader) -> alt.TopLevelMixin:
    kpi = marts.one("store.kpi_summary")
    frame = pd.DataFrame(
        {
            "event_type": ["view", "cart", "purchase"],
            "event_count": [kpi["view_count"], kpi["cart_count"], kpi["purchase_count"]],
        }
    )
    chart = _hbar(
        frame, "event_type", "event_count", category_title="Event type", value_title="Events", sort=None
    )
    return _finish(chart, "Events by type")


def store_revenue_by_month(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.activity_by_month", order_by="event_month")
    chart = _vbar(frame, "event_month", "revenue", category_title="Month (UTC)", value_title="Revenue (USD)")
    return _finish(chart, "Revenue by month", "First and last months are partial")


def store_purchases_by_month(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.activity_by_month", order_by="event_month")
    chart = _vbar(
        frame, "event_month", "purchase_count", category_title="Month (UTC)", value_title="Purchases"
    )
    return _finish(chart, "Purchases by month", "First and last months are partial")


def store_purchases_by_date(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.activity_by_date", order_by="event_date")
    chart = (
        alt.Chart(frame)
        .mark_line(strokeWidth=1.5)
        .encode(
            x=alt.X("event_date:T", title="Date (UTC)"),
            y=alt.Y("purchase_count:Q", title="Purchases"),
            tooltip=["event_date:T", "purchase_count:Q", "revenue:Q"],
        )
        .properties(width=WIDTH, height=200)
    )
    return _finish(chart, "Purchases per day")


def store_purchases_by_hour(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.activity_by_hour", order_by="event_hour")
    chart = _vbar(
        frame,
        "event_hour",
        "purchase_count",
        category_title="Hour of day (UTC)",
        value_title="Purchases",
        labels=False,
    )
    return _finish(chart, "Purchases by hour of day", "Summed over every day of the log")


def store_activity_by_weekday(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.activity_by_weekday", order_by="event_weekday_number")
    chart = _vbar(
        frame,
        "event_weekday",
        "event_count",
        category_title="Weekday (UTC)",
        value_title="Events",
        category_type="N",
    )
    return _finish(chart, "Events by weekday", "Summed over every week of the log")


def store_top_brands(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.brand_revenue", order_by="revenue_rank", limit=TOP_N)
    chart = _hbar(
        frame,
        "brand",
        "revenue",
        category_title="Brand",
        value_title="Revenue (USD)",
        highlight=frame["brand"] == UNKNOWN,
        sort=list(frame["brand"]),
    )
    return _finish(chart, "Top brands by revenue", "Red: revenue with no brand (Unknown)")


def store_top_categories(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame(
        "store.category_revenue",
        where="category_level = 'category_code'",
        order_by="revenue_rank",
        limit=TOP_N,
    )
    chart = _hbar(
        frame,
        "category",
        "revenue",
        category_title="Category",
        value_title="Revenue (USD)",
        highlight=frame["category"] == UNKNOWN,
        sort=list(frame["category"]),
    )
    return _finish(chart, "Top categories by revenue", "Red: revenue with no category (Unknown)")


def store_top_products(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.product_purchases", order_by="purchase_count desc, product_id", limit=TOP_N)
    frame["product"] = frame["product_id"].astype(str) + " (" + frame["brand"] + ")"
    chart = _hbar(
        frame,
        "product",
        "purchase_count",
        category_title="Product (brand)",
        value_title="Purchases",
        sort=list(frame["product"]),
    )
    return _finish(chart, "Top products by purchases")


def store_user_segments(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.user_segments", order_by="display_order")
    frame = labelled(frame, "user_count", "users_label")
    frame = labelled(frame, "user_share", "share_label")
    frame["label"] = frame["users_label"] + " (" + frame["share_label"] + ")"
    frame["kind"] = frame["is_overlay"].map({True: "overlay (overlaps buyers)", False: "exclusive segment"})
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "segment_label:N", sort=list(frame["segment_label"]), title=None, axis=alt.Axis(labelLimit=260)
        ),
        x=alt.X("user_count:Q", title="Users", axis=alt.Axis(format="~s")),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind:N", title=None, scale=alt.Scale(range=[PRIMARY, MUTED]), legend=alt.Legend(orient="bottom")
        ),
        tooltip=["segment_label:N", alt.Tooltip("label:N", title="Users")],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11, color="#333").encode(text="label:N")
    chart = (bars + text).properties(width=WIDTH - 260, height=170)
    return _finish(chart, "Users by behaviour segment", "Bar length proportional to users")


def store_cohort_retention(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame(
        "store.cohort_retention",
        where="cohort_grain = 'week' and period_number between 1 and ?",
        params=[COHORT_LIMIT],
        order_by="cohort_start_date desc, period_number",
    )
    cohorts = list(dict.fromkeys(frame["cohort_start_date"]))[:COHORT_LIMIT]
    frame = frame[frame["cohort_start_date"].isin(cohorts)].copy()
    frame["cohort"] = frame["cohort_start_date"].astype(str)
    frame = labelled(frame, "retention_rate", "label")
    chart = (
        alt.Chart(frame)
        .mark_rect()
        .encode(
            x=alt.X(
                "period_number:O", title="Weeks since the cohort's first week", axis=alt.Axis(labelAngle=0)
            ),
            y=alt.Y("cohort:O", sort=sorted(frame["cohort"].unique()), title="First-seen week (Monday)"),
            color=alt.Color(
                "retention_rate:Q",
                title="Active",
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(format="%"),
            ),
            tooltip=[
                "cohort:O",
                "period_number:O",
                "cohort_user_count:Q",
                "active_user_count:Q",
                alt.Tooltip("label:N", title="Retention"),
            ],
        )
        .properties(width=WIDTH, height=max(120, 14 * len(cohorts)))
    )
    return _finish(
        chart,
        "Weekly cohort retention",
        "Share of each first-seen week's users active again; the cohort's own week left out; latest cohorts",
    )


def store_ltv_curves(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame(
        "store.cohort_revenue",
        where="cohort_grain = 'month' and period_number < ?",
        params=[COHORT_LIMIT],
        order_by="cohort_start_date desc, period_number",
    )
    cohorts = list(dict.fromkeys(frame["cohort_start_date"]))[:LTV_COHORT_LIMIT]
    frame = frame[frame["cohort_start_date"].isin(cohorts)].copy()
    frame["cohort"] = frame["cohort_start_date"].map(lambda day: day.strftime("%Y-%m"))
    frame = labelled(frame, "cumulative_revenue_per_user", "label")
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "period_number:O", title="Months since the cohort's first month", axis=alt.Axis(labelAngle=0)
            ),
            y=alt.Y("cumulative_revenue_per_user:Q", title="Cumulative revenue per cohort user (USD)"),
            color=alt.Color(
                "cohort:N",
                title="First-seen month",
                sort=sorted(frame["cohort"].unique()),
                scale=alt.Scale(scheme="viridis"),
                legend=alt.Legend(orient="right"),
            ),
            tooltip=[
                "cohort:N",
                "period_number:O",
                "cohort_user_count:Q",
                alt.Tooltip("label:N", title="Per user (USD)"),
            ],
        )
        .properties(width=WIDTH - 120, height=240)
    )
    return _finish(
        chart, "Revenue per user by monthly cohort (LTV curves)", "Every cohort user counts, buyer or not"
    )


def store_user_lifecycle(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.user_lifecycle", order_by="week_start_date desc", limit=LIFECYCLE_WEEKS)
    kinds = {
        "new_user_count": "new",
        "returning_user_count": "returning",
        "resurrected_user_count": "resurrected",
        "dormant_user_count": "dormant",
    }
    long = frame.melt(
        id_vars="week_start_date", value_vars=list(kinds), var_name="column", value_name="user_count"
    )
    long["kind"] = long["column"].map(kinds)
    # Dormant users are drawn below the axis: users the week lost, against those it gained or kept.
    long["users"] = long["user_count"].where(long["kind"] != "dormant", -long["user_count"])
    long["week"] = pd.to_datetime(long["week_start_date"])
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("week:T", title="Week (Monday, UTC)", axis=alt.Axis(format="%d %b %Y", labelAngle=-40)),
            y=alt.Y("users:Q", title="Users (dormant below zero)", axis=alt.Axis(format="~s")),
            color=alt.Color(
                "kind:N",
                title=None,
                sort=list(kinds.values()),
                scale=alt.Scale(domain=list(kinds.values()), range=[PRIMARY, "#7fb3d5", "#e9a03b", ACCENT]),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("column:N"),
            tooltip=["week:T", "kind:N", "user_count:Q"],
        )
        .properties(width=WIDTH, height=240)
    )
    return _finish(
        chart,
        "Weekly user lifecycle",
        "New, returning and resurrected active users; dormant: active the week before, not this week",
    )


def store_price_distribution(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.price_distribution", order_by="price_band_order")
    chart = _vbar(
        frame,
        "price_band_label",
        "purchase_count",
        category_title="Price band (USD)",
        value_title="Purchases",
        category_type="N",
    )
    return _finish(chart, "Purchases by price band")


def store_abandoned_brands(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.abandoned_brands", order_by="abandoned_value desc, brand", limit=TOP_N)
    chart = _hbar(
        frame,
        "brand",
        "abandoned_value",
        category_title="Brand",
        value_title="Abandoned cart value (USD)",
        highlight=frame["brand"] == UNKNOWN,
        sort=list(frame["brand"]),
    )
    return _finish(chart, "Brands left in abandoned carts", "Cart value of users who carted and never bought")


def store_catalog_completeness(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("store.catalog_completeness", order_by="gap_kind_order, backfill_stage_order")
    frame = labelled(frame, "revenue_share")
    frame["stage"] = frame["backfill_stage"].str.replace("_", " ")
    frame["gap"] = frame["gap_kind"].str.replace("_", " ")
    base = alt.Chart(frame).encode(
        x=alt.X("gap:N", sort=list(dict.fromkeys(frame["gap"])), title=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("stage:N", sort=["before backfill", "after backfill"]),
        y=alt.Y("revenue_share:Q", title="Share of revenue", axis=alt.Axis(format="%")),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "stage:N",
            sort=["before backfill", "after backfill"],
            title=None,
            scale=alt.Scale(range=[ACCENT, PRIMARY]),
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=["gap:N", "stage:N", alt.Tooltip("label:N", title="Share of revenue")],
    )
    text = base.mark_text(dy=-6, fontSize=10, color="#333").encode(text="label:N")
    chart = (bars + text).properties(width=WIDTH, height=230)
    return _finish(chart, "Revenue with a missing brand or category", "Before and after the catalog backfill")


# --- ads: the session log (engagement report) ------------------------------------------------


def ads_kpi_dashboard(marts: MartReader) -> alt.TopLevelMixin:
    labels = {**ADS_CARDS, "top_campaign_session_share": "Top campaign's sessions"}
    columns = (
        "session_count",
        "user_count",
        "click_count",
        "click_through_rate",
        "avg_user_depth",
        "top_product_category_1",
        "top_campaign_id",
        "top_campaign_session_share",
    )
    return _finish(
        _dashboard(marts, "ads.kpi_summary", labels, columns),
        "Campaign KPIs",
        "Clean sessions over the whole log",
    )


def ads_category_engagement(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("ads.category_engagement", order_by="session_rank")
    frame = labelled(frame, "session_count", "sessions_label")
    frame = labelled(frame, "click_through_rate", "ctr_label")
    frame["label"] = frame["sessions_label"] + " (CTR " + frame["ctr_label"] + ")"
    frame["category"] = "Category " + frame["product_category_1"].astype(str)
    base = alt.Chart(frame).encode(
        y=alt.Y("category:N", sort=list(frame["category"]), title=None),
        x=alt.X("session_count:Q", title="Sessions", axis=alt.Axis(format="~s")),
    )
    bars = base.mark_bar().encode(
        color=alt.condition(alt.datum.session_rank == 1, alt.value(ACCENT), alt.value(PRIMARY)),
        tooltip=["category:N", alt.Tooltip("label:N", title="Sessions")],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11, color="#333").encode(text="label:N")
    chart = (bars + text).properties(width=WIDTH - 220, height=26 * len(frame))
    return _finish(chart, "Sessions by product category", "Red: the top category")


def ads_category_by_gender(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame(
        "ads.demographic_engagement",
        where="demographic_dimension = 'gender'",
        order_by="demographic_value, product_category_1",
    )
    frame["category"] = "Category " + frame["product_category_1"].astype(str)
    frame = labelled(frame, "session_share_of_value", "share_label")
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("category:N", title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("demographic_value:N"),
            y=alt.Y(
                "session_share_of_value:Q", title="Share of the gender's sessions", axis=alt.Axis(format="%")
            ),
            color=alt.Color(
                "demographic_value:N",
                title="Gender",
                scale=alt.Scale(range=[ACCENT, PRIMARY, MUTED]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                "demographic_value:N",
                "category:N",
                "session_count:Q",
                alt.Tooltip("share_label:N", title="Share"),
            ],
        )
        .properties(width=WIDTH, height=230)
    )
    return _finish(chart, "Product category mix by gender", "Each gender's sessions across categories")


def ads_campaign_performance(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("ads.campaign_performance", order_by="session_rank")
    frame["campaign"] = frame["campaign_id"].astype(str)
    frame = labelled(frame, "session_count", "sessions_label")
    frame = labelled(frame, "click_through_rate", "ctr_label")
    order = list(frame["campaign"])
    y = alt.Y("campaign:N", sort=order, title="Campaign")
    sessions_base = alt.Chart(frame).encode(
        y=y, x=alt.X("session_count:Q", title="Sessions", axis=alt.Axis(format="~s"))
    )
    sessions = sessions_base.mark_bar() + sessions_base.mark_text(align="left", dx=4, fontSize=10).encode(
        text="sessions_label:N"
    )
    ctr_base = alt.Chart(frame).encode(
        y=alt.Y("campaign:N", sort=order, title=None, axis=None),
        x=alt.X("click_through_rate:Q", title="Click-through rate", axis=alt.Axis(format="%")),
    )
    interval = ctr_base.mark_rule(color="#333").encode(
        x="click_through_rate_lower:Q", x2="click_through_rate_upper:Q"
    )
    ctr_label = ctr_base.mark_text(align="left", dx=4, fontSize=10).encode(
        x="click_through_rate_upper:Q", text="ctr_label:N"
    )
    ctr = ctr_base.mark_bar(color=ACCENT, opacity=0.8) + interval + ctr_label
    height = 24 * len(frame)
    chart = alt.hconcat(
        sessions.properties(width=250, height=height), ctr.properties(width=200, height=height), spacing=50
    )
    return _finish(
        chart,
        "Campaign performance",
        "Sessions and click-through rate per campaign; lines: the CTR's Wilson 95 % interval",
    )


def ads_campaign_segment_lift(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame(
        "ads.campaign_segment_performance",
        where="demographic_dimension in ('gender', 'age_level') and demographic_value <> ?",
        params=[UNKNOWN],
        order_by="campaign_session_count desc, campaign_id, demographic_dimension, demographic_value",
    )
    frame["campaign"] = frame["campaign_id"].astype(str)
    frame["segment"] = frame["demographic_dimension"].str.replace("_", " ") + " " + frame["demographic_value"]
    frame = labelled(frame, "click_through_rate_lift")
    frame = labelled(frame, "lift_adjusted_p_value", "p_label")
    # Colour only lifts that survive the significance rule; the others are noise, shown grey.
    frame["significant_lift"] = frame["click_through_rate_lift"].where(
        frame["is_lift_significant"].astype(bool)
    )
    # A scale symmetric around no lift, as wide as the largest significant one: blue responds
    # better, red worse.
    shown = frame["significant_lift"].dropna().abs()
    largest = float(shown.max()) if len(shown) and shown.max() > 0 else 1.0
    base = alt.Chart(frame).encode(
        x=alt.X(
            "segment:N", sort=list(dict.fromkeys(frame["segment"])), title=None, axis=alt.Axis(labelAngle=-40)
        ),
        y=alt.Y(
            "campaign:N", sort=list(dict.fromkeys(frame["campaign"])), title="Campaign (most sessions first)"
        ),
        tooltip=[
            "campaign:N",
            "segment:N",
            "session_count:Q",
            alt.Tooltip("label:N", title="CTR lift"),
            alt.Tooltip("p_label:N", title="Adjusted p-value"),
        ],
    )
    cells = base.mark_rect(color=LIGHT, stroke="white")
    # Outlined, so that a significant lift near zero (near-white) still stands out from grey.
    significant = base.mark_rect(stroke="#333", strokeWidth=1.5).encode(
        color=alt.Color(
            "significant_lift:Q",
            title="Significant CTR lift",
            scale=alt.Scale(scheme="redblue", domain=[-largest, largest]),
            legend=alt.Legend(format="+%"),
        ),
    )
    chart = (cells + significant).properties(width=WIDTH - 60, height=22 * frame["campaign"].nunique())
    return _finish(
        chart,
        "Which segments respond to which campaign",
        "CTR lift against the campaign's CTR, coloured where the segment differs significantly from the rest "
        "of the campaign (Holm-adjusted, outlined); grey: within noise",
    )


def ads_activity_heatmap(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("ads.activity_heatmap", order_by="session_weekday, session_hour")
    weekdays = list(dict.fromkeys(frame["session_weekday_name"]))
    chart = (
        alt.Chart(frame)
        .mark_rect()
        .encode(
            x=alt.X("session_hour:O", title="Hour of day", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("session_weekday_name:N", sort=weekdays, title=None),
            color=alt.Color("session_count:Q", title="Sessions", scale=alt.Scale(scheme="blues")),
            tooltip=["session_weekday_name:N", "session_hour:O", "session_count:Q", "click_count:Q"],
        )
        .properties(width=2 * WIDTH - 100, height=230)
    )
    return _finish(chart, "Sessions by hour and weekday", "Totals over the whole log")


def _natural(values: pd.Series) -> list[str]:
    """Demographic values in reading order: numeric codes by number, then names, Unknown last."""

    def key(value: str) -> tuple:
        return (value == UNKNOWN, not value.isdigit(), int(value) if value.isdigit() else 0, value)

    return sorted(values.unique(), key=key)


def ads_demographic_shares(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("ads.activity_peaks", order_by="demographic_dimension, demographic_value")
    panels = []
    for dimension, part in frame.groupby("demographic_dimension", sort=True):
        order = _natural(part["demographic_value"])
        panels.append(
            alt.Chart(part, title=dimension.replace("_", " "))
            .mark_arc(innerRadius=34, stroke="white")
            .encode(
                theta=alt.Theta("session_count:Q"),
                order=alt.Order("value_order:Q"),
                color=alt.Color(
                    "demographic_value:N",
                    title=None,
                    sort=order,
                    scale=alt.Scale(scheme="tableau20"),
                    legend=alt.Legend(orient="bottom", columns=3),
                ),
                tooltip=["demographic_value:N", "session_count:Q"],
            )
            .transform_calculate(value_order=f"indexof({order!r}, datum.demographic_value)")
            .properties(width=170, height=170)
        )
    chart = alt.hconcat(*panels, spacing=60).resolve_scale(color="independent")
    return _finish(chart, "Sessions by demographic", "Share of clean sessions per value")


def ads_engagement_depth(marts: MartReader) -> alt.TopLevelMixin:
    frame = marts.frame("ads.engagement_depth", order_by="user_depth nulls last")
    frame = labelled(frame, "click_through_rate", "ctr_label")
    frame["label"] = "depth " + frame["user_depth_label"] + ", CTR " + frame["ctr_label"]
    bands = ["shallow", "medium", "deep", UNKNOWN]
    base = alt.Chart(frame).encode(
        x=alt.X(
            "top_category_session_share:Q",
            title="Share of sessions in the top category",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(zero=False, padding=60),
        ),
        y=alt.Y(
            "returning_user_rate:Q",
            title="Returning-user rate",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(zero=False, padding=30),
        ),
    )
    points = base.mark_circle(opacity=0.8).encode(
        size=alt.Size("session_count:Q", title="Sessions", scale=alt.Scale(range=[80, 900])),
        color=alt.Color(
            "engagement_depth_band:N",
            title="Depth band",
            sort=bands,
            scale=alt.Scale(domain=bands, range=["#7fb3d5", PRIMARY, ACCENT, MUTED]),
        ),
        tooltip=[
            "user_depth_label:N",
            "session_count:Q",
            "click_through_rate:Q",
            "top_category_session_share:Q",
            "returning_user_rate:Q",
        ],
    )
    text = base.mark_text(dy=-26, fontSize=11, color="#333").encode(text="label:N")
    chart = (points + text).properties(width=WIDTH - 80, height=260)
    return _finish(chart, "Engagement depth", "Each point is a user_depth value; size = sessions")


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("store_kpi_dashboard", "store", ("store.kpi_summary",), store_kpi_dashboard),
    ChartSpec("store_funnel", "store", ("store.funnel_summary",), store_funnel),
    ChartSpec(
        "store_ordered_funnel",
        "store",
        ("store.funnel_summary", "store.ordered_funnel"),
        store_ordered_funnel,
    ),
    ChartSpec("store_event_counts", "store", ("store.kpi_summary",), store_event_counts),
    ChartSpec("store_revenue_by_month", "store", ("store.activity_by_month",), store_revenue_by_month),
    ChartSpec("store_purchases_by_month", "store", ("store.activity_by_month",), store_purchases_by_month),
    ChartSpec("store_purchases_by_date", "store", ("store.activity_by_date",), store_purchases_by_date),
    ChartSpec("store_purchases_by_hour", "store", ("store.activity_by_hour",), store_purchases_by_hour),
    ChartSpec(
        "store_activity_by_weekday", "store", ("store.activity_by_weekday",), store_activity_by_weekday
    ),
    ChartSpec("store_top_brands", "store", ("store.brand_revenue",), store_top_brands),
    ChartSpec("store_top_categories", "store", ("store.category_revenue",), store_top_categories),
    ChartSpec("store_top_products", "store", ("store.product_purchases",), store_top_products),
    ChartSpec("store_user_segments", "store", ("store.user_segments",), store_user_segments),
    ChartSpec("store_cohort_retention", "store", ("store.cohort_retention",), store_cohort_retention),
    ChartSpec("store_ltv_curves", "store", ("store.cohort_revenue",), store_ltv_curves),
    ChartSpec("store_user_lifecycle", "store", ("store.user_lifecycle",), store_user_lifecycle),
    ChartSpec("store_price_distribution", "store", ("store.price_distribution",), store_price_distribution),
    ChartSpec("store_abandoned_brands", "store", ("store.abandoned_brands",), store_abandoned_brands),
    ChartSpec(
        "store_catalog_completeness", "quality", ("store.catalog_completeness",), store_catalog_completeness
    ),
    ChartSpec("ads_kpi_dashboard", "ads", ("ads.kpi_summary",), ads_kpi_dashboard),
    ChartSpec("ads_category_engagement", "ads", ("ads.category_engagement",), ads_category_engagement),
    ChartSpec("ads_category_by_gender", "ads", ("ads.demographic_engagement",), ads_category_by_gender),
    ChartSpec("ads_campaign_performance", "ads", ("ads.campaign_performance",), ads_campaign_performance),
    ChartSpec(
        "ads_campaign_segment_lift", "ads", ("ads.campaign_segment_performance",), ads_campaign_segment_lift
    ),
    ChartSpec("ads_engagement_depth", "ads", ("ads.engagement_depth",), ads_engagement_depth),
    ChartSpec("ads_activity_heatmap", "ads", ("ads.activity_heatmap",), ads_activity_heatmap),
    ChartSpec("ads_demographic_shares", "ads", ("ads.activity_peaks",), ads_demographic_shares),
)
