"""KPI cards and tables, read from the marts.

A card shows one mart value as a `Figure`; a table shows mart rows, each cell formatted by its
column name (`scripts.formatting.format_value`). Nothing here computes a metric: rows are read
and, at most, laid side by side (the catalog before/after pivot) or cut to a length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from scripts.formatting import format_value
from scripts.report.figures import Figure, figure
from scripts.report.marts import MartReader

LIST_LIMIT = 25  # rows shown of a long list (the rest is in the mart and its CSV export)


@dataclass(frozen=True)
class Card:
    label: str
    figure: Figure
    detail_label: str | None = None
    detail: Figure | None = None


@dataclass(frozen=True)
class Column:
    name: str  # key in the row; its suffix decides the formatting
    label: str


@dataclass
class Table:
    key: str
    title: str
    relation: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    total_rows: int
    empty_text: str = "No rows."
    note: str | None = None
    highlight: str | None = None  # boolean column marking rows to emphasise
    vertical: bool = False  # one row shown as label / value pairs

    def cells(self) -> list[dict[str, Any]]:
        """Rows as formatted cells, for the template."""
        shown = []
        for row in self.rows:
            shown.append(
                {
                    "cells": [
                        {
                            "text": format_value(column.name, row[column.name]),
                            "numeric": _is_number(row[column.name]),
                        }
                        for column in self.columns
                    ],
                    "highlight": bool(row.get(self.highlight)) if self.highlight else False,
                }
            )
        return shown

    def pairs(self) -> list[tuple[str, str]]:
        """A one-row table as (label, value) pairs."""
        (row,) = self.rows
        return [(column.label, format_value(column.name, row[column.name])) for column in self.columns]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


# --- KPI cards ---------------------------------------------------------------------------------

STORE_CARDS = {  # store.kpi_summary column -> card label, in display order
    "user_count": "Users",
    "session_count": "Sessions",
    "view_count": "Views",
    "cart_count": "Carts",
    "purchase_count": "Purchases",
    "revenue": "Revenue (USD)",
    "average_order_value": "Average order value (USD)",
    "user_conversion_rate": "User conversion rate",
    "view_to_cart_user_rate": "View to cart (users)",
    "cart_to_purchase_user_rate": "Cart to purchase (users)",
    "overall_funnel_user_rate": "View to purchase (users)",
    "cart_to_purchase_event_rate": "Cart to purchase (events)",
    "direct_purchaser_count": "Buyers who never carted",
}
ADS_CARDS = {  # ads.kpi_summary column -> card label, in display order
    "session_count": "Sessions",
    "user_count": "Users",
    "click_count": "Clicks",
    "click_through_rate": "Click-through rate",
    "avg_user_depth": "Average engagement depth",
    "top_product_category_1": "Top product category",
    "top_campaign_id": "Top campaign",
}
ADS_CARD_DETAILS = {  # a card's second line: its share of sessions
    "top_product_category_1": "top_product_category_session_share",
    "top_campaign_id": "top_campaign_session_share",
}


def _cards(marts: MartReader, relation: str, labels: dict[str, str], details: dict[str, str]) -> list[Card]:
    kpi = marts.one(relation)

    def fig(column: str) -> Figure:
        return figure(f"kpi.{relation}.{column}", relation, kpi, column)

    return [
        Card(
            label,
            fig(column),
            "of sessions" if column in details else None,
            fig(details[column]) if column in details else None,
        )
        for column, label in labels.items()
    ]


def store_cards(marts: MartReader) -> list[Card]:
    return _cards(marts, "store.kpi_summary", STORE_CARDS, {})


def store_period(marts: MartReader) -> tuple[Figure, Figure]:
    relation = "store.kpi_summary"
    kpi = marts.one(relation)
    return tuple(
        figure(f"kpi.{relation}.{column}", relation, kpi, column)
        for column in ("period_start_at", "period_end_at")
    )


def ads_cards(marts: MartReader) -> list[Card]:
    return _cards(marts, "ads.kpi_summary", ADS_CARDS, ADS_CARD_DETAILS)


# --- tables ------------------------------------------------------------------------------------


def _table(
    marts: MartReader,
    key: str,
    title: str,
    relation: str,
    columns: list[Column],
    *,
    where: str | None = None,
    order_by: str | None = None,
    limit: int | None = None,
    **options: Any,
) -> Table:
    rows = marts.rows(relation, where=where, order_by=order_by, limit=limit)
    total = marts.count(relation, where=where) if limit is not None else len(rows)
    return Table(
        key=key, title=title, relation=relation, columns=columns, rows=rows, total_rows=total, **options
    )


def funnel_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "funnel",
        "Funnel by stage (unique users)",
        "store.funnel_summary",
        [
            Column("stage_order", "Step"),
            Column("funnel_stage", "Stage"),
            Column("stage_user_count", "Users"),
            Column("conversion_from_previous_rate", "Conversion from previous stage"),
            Column("drop_off_from_previous_rate", "Drop-off from previous stage"),
            Column("viewer_share", "Share of viewers"),
        ],
        order_by="stage_order",
        highlight="is_largest_drop_off",
        note="Highlighted: the stage reached after the largest drop-off.",
    )


def ordered_funnel_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "ordered-funnel",
        "Ordered funnel and time to convert",
        "store.ordered_funnel",
        [
            Column("funnel_grain", "Counted in"),
            Column("funnel_stage", "Stage"),
            Column("stage_count", "Users / sessions"),
            Column("conversion_from_previous_rate", "Conversion from previous stage"),
            Column("drop_off_from_previous_rate", "Drop-off from previous stage"),
            Column("entry_share", "Share of the entry stage"),
            Column("median_seconds_from_previous", "Median time from previous step"),
            Column("p90_seconds_from_previous", "90th percentile time"),
        ],
        order_by="funnel_grain desc, stage_order",
        note=(
            "A stage counts only steps taken in order (a cart at or after a view, a purchase at or after "
            "that cart) within the funnel window of that view; each journey counts one attempt: by default "
            "the one reaching the furthest step (var funnel_attempts: any), or only the first view's "
            "(first). Sessions keep every step inside one session. Buyers who never carted are in the "
            "KPI cards."
        ),
    )


def segments_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "segments",
        "Behaviour segments and their actions",
        "store.user_segments",
        [
            Column("segment_label", "Segment"),
            Column("user_count", "Users"),
            Column("user_share", "Share of users"),
            Column("behaviour", "Behaviour"),
            Column("recommended_action", "Recommended action"),
        ],
        order_by="display_order",
        highlight="is_overlay",
        note="Highlighted: an overlay that overlaps the exclusive segments above it.",
    )


def zero_conversion_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "zero-conversion",
        "Most-viewed products never bought",
        "store.low_conversion_products",
        [
            Column("view_rank", "Rank"),
            Column("product_id", "Product"),
            Column("brand", "Brand"),
            Column("category_code", "Category"),
            Column("view_count", "Views"),
            Column("cart_count", "Carts"),
            Column("purchase_count", "Purchases"),
            Column("view_purchase_gap_count", "View-purchase gap"),
        ],
        order_by="view_rank",
        limit=LIST_LIMIT,
        empty_text="No product reached the minimum views without a purchase.",
    )


def alerts_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "alerts",
        "Product alerts (trailing-window views, no purchase)",
        "store.product_alerts",
        [
            Column("product_id", "Product"),
            Column("brand", "Brand"),
            Column("category_code", "Category"),
            Column("first_alert_date", "First alert"),
            Column("last_alert_date", "Last alert"),
            Column("alert_day_count", "Days in alert"),
            Column("peak_window_view_count", "Peak views in a window"),
            Column("is_active", "Still open"),
        ],
        order_by="peak_window_view_count desc, product_id",
        limit=LIST_LIMIT,
        highlight="is_active",
        empty_text="No product crossed the alert threshold in any window.",
        note="Highlighted: alerts still open on the last day of the log.",
    )


CATALOG_COLUMNS = [
    Column("gap", "Gap"),
    Column("before_event_count", "Events before"),
    Column("after_event_count", "Events after"),
    Column("before_revenue", "Revenue before (USD)"),
    Column("after_revenue", "Revenue after (USD)"),
    Column("before_revenue_share", "Revenue share before"),
    Column("after_revenue_share", "Revenue share after"),
    Column("recovered_revenue", "Revenue recovered (USD)"),
]


def catalog_table(marts: MartReader) -> Table:
    """catalog_completeness with its before and after rows of each gap kind side by side."""
    relation = "store.catalog_completeness"
    rows = marts.rows(relation, order_by="gap_kind_order, backfill_stage_order")
    stage_prefix = {"before_backfill": "before", "after_backfill": "after"}
    pivot: dict[str, dict[str, Any]] = {}
    for row in rows:
        out = pivot.setdefault(row["gap_kind"], {"gap": row["gap_kind"].replace("_", " ")})
        prefix = stage_prefix[row["backfill_stage"]]
        out[f"{prefix}_event_count"] = row["event_count"]
        out[f"{prefix}_revenue"] = row["revenue"]
        out[f"{prefix}_revenue_share"] = row["revenue_share"]
        if prefix == "after":
            out["recovered_revenue"] = row["recovered_revenue"]
    return Table(
        key="catalog",
        title="Catalog completeness before and after the backfill",
        relation=relation,
        columns=CATALOG_COLUMNS,
        rows=list(pivot.values()),
        total_rows=len(pivot),
        note="Either = brand or category missing (an event lacking both counted once); both = neither known.",
    )


def category_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "categories",
        "Engagement by product category",
        "ads.category_engagement",
        [
            Column("session_rank", "Rank"),
            Column("product_category_1", "Category"),
            Column("session_count", "Sessions"),
            Column("session_share", "Share of sessions"),
            Column("user_count", "Users"),
            Column("click_count", "Clicks"),
            Column("click_through_rate", "Click-through rate"),
            Column("click_through_rate_lower", "CTR 95 % low"),
            Column("click_through_rate_upper", "CTR 95 % high"),
            Column("click_through_rate_index", "CTR index"),
        ],
        order_by="session_rank",
    )


def significant_segments_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "significant-segments",
        "Campaign segments whose click-through rate differs beyond noise",
        "ads.campaign_segment_performance",
        [
            Column("campaign_id", "Campaign"),
            Column("demographic_dimension", "Dimension"),
            Column("demographic_value", "Value"),
            Column("session_count", "Sessions"),
            Column("click_through_rate", "Click-through rate"),
            Column("click_through_rate_lower", "CTR 95 % low"),
            Column("click_through_rate_upper", "CTR 95 % high"),
            Column("click_through_rate_lift", "Lift on the campaign"),
            Column("lift_adjusted_p_value", "Adjusted p-value"),
        ],
        where="is_lift_significant",
        order_by="lift_adjusted_p_value, campaign_id, demographic_dimension, demographic_value",
        limit=LIST_LIMIT,
        highlight="is_best_responding_segment",
        empty_text="No segment's click-through rate differs from the rest of its campaign beyond noise.",
        note=(
            "Two-proportion z-test of the segment against the rest of its campaign, Holm-adjusted across "
            "the campaign's segments. Highlighted: the campaign's best-responding segment. Sessions are "
            "observed, not assigned: a lift describes who clicked, it does not show what targeting would do."
        ),
    )


def peaks_table(marts: MartReader) -> Table:
    return _table(
        marts,
        "peaks",
        "When each segment is active",
        "ads.activity_peaks",
        [
            Column("demographic_dimension", "Dimension"),
            Column("demographic_value", "Value"),
            Column("session_count", "Sessions"),
            Column("peak_session_hour", "Peak hour"),
            Column("peak_hour_session_share", "Sessions in peak hour"),
            Column("peak_weekday_name", "Peak weekday"),
            Column("peak_weekday_session_share", "Sessions on peak weekday"),
        ],
        where="demographic_dimension in ('gender', 'age_level', 'city_development_index')",
        order_by="demographic_dimension, demographic_value",
    )


# The columns both pipeline_audit marts share (same names in store and ads).
AUDIT_LABELS = {
    "dataset_name": "dataset",
    "raw_row_count": "raw rows",
    "duplicate_row_count": "exact duplicates removed",
    "deduplicated_row_count": "distinct rows",
    "rejected_row_count": "rejected (quarantined)",
    "clean_row_count": "clean rows",
}


# The audit's per-file columns, and the reasons no rule assigns any more (always 0).
AUDIT_NOT_SHOWN = {"source_file", "is_total", "ignored_columns", "rejected_blank_line_count"}


def _audit(marts: MartReader, key: str, title: str, relation: str, labels: dict[str, str]) -> Table:
    """The audit's total row as label / value pairs; columns not named in `labels` are the
    per-reason counts of rejected rows (`rejected_<reason>_count`), shown as "of which <reason>"."""
    row = {
        name: value
        for name, value in marts.one(relation, where="is_total").items()
        if name not in AUDIT_NOT_SHOWN
    }
    columns = []
    for name in row:
        reason = name.removeprefix("rejected_").removesuffix("_count")
        columns.append(Column(name, labels.get(name, "of which " + reason.replace("_", " "))))
    return Table(
        key=key, title=title, relation=relation, columns=columns, rows=[row], total_rows=1, vertical=True
    )


def store_audit_table(marts: MartReader) -> Table:
    return _audit(
        marts, "audit-store", "Event log: where every raw row went", "store.pipeline_audit", AUDIT_LABELS
    )


def ads_audit_table(marts: MartReader) -> Table:
    return _audit(
        marts,
        "audit-ads",
        "Session log: where every raw row went",
        "ads.pipeline_audit",
        {
            **AUDIT_LABELS,
            "conflicting_session_id_count": "distinct conflicting session ids",
        },
    )


@dataclass
class Sections:
    """Everything the page shows besides charts and recommendations."""

    store_cards: list[Card]
    store_period: tuple[Figure, Figure]
    ads_cards: list[Card]
    store_tables: list[Table] = field(default_factory=list)
    ads_tables: list[Table] = field(default_factory=list)
    quality_tables: list[Table] = field(default_factory=list)


def read_sections(marts: MartReader) -> Sections:
    return Sections(
        store_cards=store_cards(marts),
        store_period=store_period(marts),
        ads_cards=ads_cards(marts),
        store_tables=[
            funnel_table(marts),
            ordered_funnel_table(marts),
            segments_table(marts),
            zero_conversion_table(marts),
            alerts_table(marts),
        ],
        ads_tables=[category_table(marts), significant_segments_table(marts), peaks_table(marts)],
        quality_tables=[catalog_table(marts), store_audit_table(marts), ads_audit_table(marts)],
    )
