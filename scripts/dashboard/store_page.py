"""The Store page: KPI cards, the case study's funnel and the ordered funnel, revenue by month,
brand and category, activity by hour and weekday, segments, abandoned brands, zero-conversion
products and alerts, catalog gaps. Every visual follows the sidebar's filters."""

from __future__ import annotations

import streamlit as st

from scripts.dashboard import cards, tables, ui
from scripts.dashboard.data import STORE_DEFERRED_RELATIONS, STORE_RELATIONS, clamp, reader
from scripts.dashboard.filters import StoreFilters
from scripts.report import charts
from scripts.report.sections import LIST_LIMIT

# Widget keys: the tests set filters through them.
DATES_KEY, BRANDS_KEY, CATEGORIES_KEY = "store_dates", "store_brands", "store_categories"


def _filters(options) -> StoreFilters:
    with st.sidebar:
        st.header("Store filters")
        picked = st.date_input(
            "Event date (UTC)",
            value=(options.dates.start, options.dates.end),
            min_value=options.dates.start,
            max_value=options.dates.end,
            key=DATES_KEY,
        )
        brands = st.multiselect("Brand", options.brands, key=BRANDS_KEY, placeholder="All brands")
        categories = st.multiselect(
            "Top-level category", options.categories, key=CATEGORIES_KEY, placeholder="All categories"
        )
        st.caption("Unknown = missing in the export. Empty = every value.")
    return StoreFilters(clamp(picked, options.dates), tuple(brands), tuple(categories))


def _top_level_categories(marts) -> charts.alt.TopLevelMixin:
    frame = marts.frame(
        "store.category_revenue",
        where="category_level = 'top_level'",
        order_by="revenue_rank",
        limit=charts.TOP_N,
    )
    chart = charts._hbar(
        frame,
        "category",
        "revenue",
        category_title="Top-level category",
        value_title="Revenue (USD)",
        highlight=frame["category"] == charts.UNKNOWN,
        sort=list(frame["category"]),
    )
    return charts._finish(chart, "Top-level categories by revenue", "Red: revenue with no category (Unknown)")


def render() -> None:
    st.title("Store: the event log")
    identity = ui.publication()
    options = ui.store_options(identity)
    filters = _filters(options)
    data, seconds = ui.page_data(STORE_RELATIONS, filters, options.dates, identity)
    marts = reader(data.tables)
    kpi = marts.one("store.kpi_summary")
    scope = (
        f"{filters.dates.start} to {filters.dates.end}"
        + (f", brands {', '.join(filters.brands)}" if filters.brands else "")
        + (f", categories {', '.join(filters.categories)}" if filters.categories else "")
    )
    st.caption(f"Clean events {scope}" + (" (filtered)" if data.filtered else " (the whole log)"))
    if kpi["user_count"] == 0:
        st.warning("No clean event matches these filters.")
        ui.footer(data, seconds)
        return
    ui.cards(kpi, cards.STORE)

    st.header("Funnel")
    left, right = st.columns(2)
    with left:
        ui.chart(charts.store_funnel, marts)
    # Filled last (see STORE_DEFERRED_RELATIONS): the rest of the page answers first.
    ordered_funnel = right.empty()
    ordered_funnel.caption("Ordered funnel: rebuilding the journeys of this selection ...")

    st.header("Revenue")
    ui.chart(charts.store_revenue_by_month, marts)
    left, right = st.columns(2)
    with left:
        ui.chart(charts.store_top_brands, marts)
    with right:
        ui.chart(_top_level_categories, marts)
    ui.chart(charts.store_top_categories, marts)

    st.header("Activity")
    left, right = st.columns(2)
    with left:
        ui.chart(charts.store_purchases_by_hour, marts, "Summed over every day of the selection")
    with right:
        ui.chart(charts.store_activity_by_weekday, marts, "Summed over every week of the selection")

    st.header("Segments and abandoned carts")
    left, right = st.columns(2)
    with left:
        ui.chart(charts.store_user_segments, marts)
    with right:
        ui.chart(charts.store_abandoned_brands, marts)
    tables.table(
        marts.frame("store.user_segments", order_by="display_order")[
            ["segment_label", "user_count", "user_share", "recommended_action"]
        ]
    )

    st.header("Zero-conversion products and alerts")
    listed = marts.count("store.low_conversion_products")
    st.caption(f"{listed:,} products viewed often and never bought (first {LIST_LIMIT} shown)")
    tables.table(marts.frame("store.low_conversion_products", order_by="view_rank", limit=LIST_LIMIT))
    alerts = marts.count("store.product_alerts")
    st.caption(f"{alerts:,} products ever in alert (a trailing window with many views and no purchase)")
    tables.table(
        marts.frame(
            "store.product_alerts", order_by="peak_window_view_count desc, product_id", limit=LIST_LIMIT
        )
    )

    st.header("Catalog gaps")
    ui.chart(charts.store_catalog_completeness, marts)

    journeys, journey_seconds = ui.page_data(STORE_DEFERRED_RELATIONS, filters, options.dates, data.identity)
    with ordered_funnel.container():
        ui.chart(charts.store_ordered_funnel, reader({**data.tables, **journeys.tables}))
    ui.footer(data, seconds, journeys, journey_seconds)
