"""The Campaigns page: KPI cards, category by gender, campaign performance with CTR intervals,
campaign x segment lift (significant ones marked), the hour x weekday heatmap, demographic
shares, depth vs click and return rate. Every visual follows the sidebar's filters."""

from __future__ import annotations

import streamlit as st

from scripts.dashboard import cards, tables, ui
from scripts.dashboard.data import CAMPAIGN_RELATIONS, clamp, reader
from scripts.dashboard.filters import CampaignFilters
from scripts.report import charts
from scripts.report.sections import LIST_LIMIT

DATES_KEY, CAMPAIGNS_KEY = "ads_dates", "ads_campaigns"
# Demographic dimension -> (widget key, label).
DEMOGRAPHIC_FILTERS = {
    "gender": ("ads_genders", "Gender"),
    "age_level": ("ads_age_levels", "Age level"),
    "city_development_index": ("ads_city_development_indexes", "City development index"),
    "user_group_id": ("ads_user_groups", "User group"),
}

# The significant segments' headers: short enough that every column fits at 1400 px.
SIGNIFICANT_LABELS = {
    "campaign_id": "Campaign",
    "demographic_dimension": "Dimension",
    "demographic_value": "Value",
    "session_count": "Sessions",
    "click_through_rate": "CTR",
    "click_through_rate_lift": "CTR lift vs rest of campaign",
    "lift_adjusted_p_value": "Holm-adjusted p",
    "is_best_responding_segment": "Best-responding segment",
}


def _filters(options) -> CampaignFilters:
    with st.sidebar:
        st.header("Campaign filters")
        picked = st.date_input(
            "Session date",
            value=(options.dates.start, options.dates.end),
            min_value=options.dates.start,
            max_value=options.dates.end,
            key=DATES_KEY,
        )
        campaigns = st.multiselect(
            "Campaign", options.campaigns, key=CAMPAIGNS_KEY, placeholder="All campaigns"
        )
        picks = {
            dimension: st.multiselect(label, options.values[dimension], key=key, placeholder="All")
            for dimension, (key, label) in DEMOGRAPHIC_FILTERS.items()
        }
        st.caption("Unknown = missing in the log. Empty = every value.")
    return CampaignFilters(
        clamp(picked, options.dates),
        tuple(campaigns),
        tuple(picks["gender"]),
        tuple(picks["age_level"]),
        tuple(picks["city_development_index"]),
        tuple(picks["user_group_id"]),
    )


def render() -> None:
    st.title("Campaigns: the session log")
    identity = ui.publication()
    options = ui.campaign_options(identity)
    filters = _filters(options)
    data, seconds = ui.page_data(CAMPAIGN_RELATIONS, filters, options.dates, identity)
    marts = reader(data.tables)
    kpi = marts.one("ads.kpi_summary")
    st.caption(
        f"Clean sessions {filters.dates.start} to {filters.dates.end}"
        + (" (filtered)" if data.filtered else " (the whole log)")
    )
    if kpi["session_count"] == 0:
        st.warning("No clean session matches these filters.")
        ui.footer(data, seconds)
        return
    ui.cards(kpi, cards.CAMPAIGNS)

    st.header("Categories and campaigns")
    left, right = st.columns(2)
    with left:
        ui.chart(charts.ads_category_by_gender, marts)
    with right:
        ui.chart(charts.ads_category_engagement, marts)
    ui.chart(charts.ads_campaign_performance, marts)

    st.header("Which segments respond to which campaign")
    ui.chart(charts.ads_campaign_segment_lift, marts)
    significant = marts.frame(
        "ads.campaign_segment_performance",
        where="is_lift_significant",
        order_by="lift_adjusted_p_value, campaign_id, demographic_dimension, demographic_value",
        limit=LIST_LIMIT,
    )
    st.caption(f"Significant segments (Holm-adjusted p < the significance level), first {LIST_LIMIT}")
    tables.table(
        significant[
            [
                "campaign_id",
                "demographic_dimension",
                "demographic_value",
                "session_count",
                "click_through_rate",
                "click_through_rate_lift",
                "lift_adjusted_p_value",
                "is_best_responding_segment",
            ]
        ],
        SIGNIFICANT_LABELS,
    )

    st.header("When and who")
    ui.chart(charts.ads_activity_heatmap, marts, "Totals over the selection")
    ui.chart(charts.ads_demographic_shares, marts)
    ui.chart(charts.ads_engagement_depth, marts)
    ui.footer(data, seconds)
