"""The recommendations, written from the numbers.

Each recommendation is a finding and an action. The finding's wording is a sentence template
whose placeholders are filled with `Figure`s read from the marts, so that every number on the
page comes from a mart: the templates themselves contain no digit (the test suite checks the
rendered page for that). Where a choice is made, the rule is stated in the text and either
applied to mart rows (which brands) or read from the mart that applies it (which segment:
campaign_segment_performance.is_best_responding_segment); no metric is recomputed here.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from scripts.report.figures import Figure, figure
from scripts.report.marts import UNKNOWN, MartReader

Part = str | Figure
TOP_BRANDS = 3  # abandoned brands named in the text


@dataclass(frozen=True)
class Recommendation:
    key: str
    title: str
    finding: list[Part]
    action: list[Part]


def say(template: str, **figures: Figure) -> list[Part]:
    """Split a sentence template into text and the figures named by its `{placeholders}`
    (a placeholder may appear more than once)."""
    parts: list[Part] = []
    placed = set()
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        if text:
            parts.append(text)
        if name is not None:
            parts.append(figures[name])
            placed.add(name)
    unused = set(figures) - placed
    if unused:
        raise ValueError(f"figures not placed in the sentence: {sorted(unused)}")
    return parts


def _count(
    key: str, marts: MartReader, relation: str, where: str | None = None, params: tuple = ()
) -> Figure:
    """The number of rows of a list mart (optionally of those matching `where`)."""
    column = "count(*)" + (f" where {where}" if where else "")
    return Figure(
        key=key, relation=relation, column=column, value=marts.count(relation, where=where, params=params)
    )


# --- store -------------------------------------------------------------------------------------


def funnel(marts: MartReader) -> Recommendation:
    relation = "store.funnel_summary"
    title = "Fix the largest drop-off in the funnel"
    worst = marts.first(relation, where="is_largest_drop_off")
    if worst is None:
        return Recommendation("funnel", title, ["No stage of the funnel loses users."], [])
    previous = marts.first(
        relation, where="stage_order < ?", params=[worst["stage_order"]], order_by="stage_order desc"
    )

    def fig(name: str, row: dict[str, Any], column: str, source: str = relation) -> Figure:
        return figure(f"rec.funnel.{name}", source, row, column)

    finding = say(
        "The largest drop-off is from {previous} to {stage}: {drop_off} of the {before} users who reached "
        "{previous} never reach {stage}; {after} do ({conversion}).",
        previous=fig("previous_stage", previous, "funnel_stage"),
        stage=fig("stage", worst, "funnel_stage"),
        drop_off=fig("drop_off_rate", worst, "drop_off_from_previous_rate"),
        before=fig("previous_stage_users", worst, "previous_stage_user_count"),
        after=fig("stage_users", worst, "stage_user_count"),
        conversion=fig("conversion_rate", worst, "conversion_from_previous_rate"),
    )
    # The same users counted in order (each step after the previous, within the window): the
    # stage losing the most there decides the action, since it cannot be inflated by buyers
    # who skipped a step.
    ordered_relation, kpis = "store.ordered_funnel", "store.kpi_summary"
    ordered = {
        row["funnel_stage"]: row for row in marts.rows(ordered_relation, where="funnel_grain = 'user'")
    }
    kpi = marts.one(kpis)
    finding += say(
        " Counting only steps taken in order within the funnel window of the view that opened each user's "
        "counted attempt, {cart_share} of viewers add to a cart and {purchase_share} buy; the median carter "
        "carts {cart_time} after that view, the median buyer buys {purchase_time} after carting. {direct} "
        "buyers never carted at all.",
        cart_share=fig("ordered_cart_share", ordered["cart"], "entry_share", ordered_relation),
        purchase_share=fig("ordered_purchase_share", ordered["purchase"], "entry_share", ordered_relation),
        cart_time=fig("ordered_cart_time", ordered["cart"], "median_seconds_from_previous", ordered_relation),
        purchase_time=fig(
            "ordered_purchase_time", ordered["purchase"], "median_seconds_from_previous", ordered_relation
        ),
        direct=fig("direct_purchasers", kpi, "direct_purchaser_count", kpis),
    )
    ordered_worst = marts.first(
        ordered_relation,
        where="funnel_grain = 'user' and drop_off_from_previous_rate > 0",
        order_by="drop_off_from_previous_rate desc, stage_order",
    )
    stage = worst["funnel_stage"]
    if ordered_worst is not None:
        stage = ordered_worst["funnel_stage"]
        finding += say(
            " In order, the largest drop-off is before the {stage} step: {drop_off} of the previous step's "
            "users never take it.",
            stage=fig("ordered_stage", ordered_worst, "funnel_stage", ordered_relation),
            drop_off=fig(
                "ordered_drop_off_rate", ordered_worst, "drop_off_from_previous_rate", ordered_relation
            ),
        )
    if stage == "cart":
        action = [
            "Make adding to cart the easy next step: trust signals (free shipping, warranty) beside the "
            "button, live social proof, clearer specifications and reviews on product pages."
        ]
    else:
        action = [
            "Remove friction between cart and payment: fewer checkout steps, visible delivery costs "
            "early, guest checkout, and a check for checkout errors."
        ]
    if kpi["direct_purchaser_count"] > ordered["purchase"]["stage_count"]:
        action.append(
            " More buyers skip the cart than buy through it in order: treat the product page's direct "
            "purchase path as the main funnel, and measure it on its own."
        )
    return Recommendation("funnel", title, finding, action)


def abandoned_carts(marts: MartReader) -> Recommendation:
    title = "Win back cart abandoners, with the brands they left"
    segments = "store.user_segments"
    segment = marts.one(segments, where="user_segment = 'cart_abandoner'")
    finding = say(
        "{users} users ({share} of all users) added to a cart and never bought.",
        users=figure("rec.abandoned.users", segments, segment, "user_count"),
        share=figure("rec.abandoned.user_share", segments, segment, "user_share"),
    )
    brands_relation = "store.abandoned_brands"
    brands = marts.rows(
        brands_relation,
        where="brand <> ?",
        params=[UNKNOWN],
        order_by="abandoned_value desc, brand",
        limit=TOP_BRANDS,
    )
    if brands:
        finding.append(" The named brands with the most value left in their carts: ")
        for index, row in enumerate(brands, start=1):
            finding += say(
                "{brand} ({value} USD, {users} users)",
                brand=figure(f"rec.abandoned.brand_{index}", brands_relation, row, "brand"),
                value=figure(f"rec.abandoned.brand_{index}_value", brands_relation, row, "abandoned_value"),
                users=figure(
                    f"rec.abandoned.brand_{index}_users", brands_relation, row, "abandoning_user_count"
                ),
            )
            finding.append(
                ", " if index < len(brands) - 1 else (" and " if index == len(brands) - 1 else ".")
            )
    unknown = marts.first(brands_relation, where="brand = ?", params=[UNKNOWN])
    if unknown:
        finding += say(
            " Carts of products with no brand hold {value} USD more, which brand-specific ads cannot target.",
            value=figure("rec.abandoned.unknown_value", brands_relation, unknown, "abandoned_value"),
        )
    action = say(
        "{action} Retarget them with ads featuring the brands above; the user list is store.cart_abandoners.",
        action=figure("rec.abandoned.action", segments, segment, "recommended_action"),
    )
    return Recommendation("abandoned", title, finding, action)


def zero_conversion(marts: MartReader) -> Recommendation:
    title = "Audit products that draw views but never sell"
    products = "store.low_conversion_products"
    count = _count("rec.zero.products", marts, products)
    top = marts.first(products, order_by="view_rank")
    finding = say("Products with many views and no purchase: {count}.", count=count)
    if top is not None:
        finding += say(
            " The most viewed, product {product} ({brand}), has {views} views and no purchase.",
            product=figure("rec.zero.top_product", products, top, "product_id"),
            brand=figure("rec.zero.top_brand", products, top, "brand"),
            views=figure("rec.zero.top_views", products, top, "view_count"),
        )
    alerts = "store.product_alerts"
    finding += say(
        " Products that crossed the alert threshold (views in a trailing window, no purchase): {count}.",
        count=_count("rec.alerts.products", marts, alerts),
    )
    strongest = marts.first(alerts, order_by="peak_window_view_count desc, product_id")
    if strongest is not None:
        finding += say(
            " Still in alert on the last day: {active}. The strongest, product {product}, peaked at "
            "{peak} views in one window.",
            active=_count("rec.alerts.active", marts, alerts, "is_active"),
            product=figure("rec.alerts.top_product", alerts, strongest, "product_id"),
            peak=figure("rec.alerts.top_peak_views", alerts, strongest, "peak_window_view_count"),
        )
    action = (
        "Review each listed page for an uncompetitive price, a weak description, an out-of-stock "
        "listing or a checkout error, and keep the alert running so new cases surface early."
    )
    return Recommendation("zero-conversion", title, finding, [action])


def catalog_gaps(marts: MartReader) -> Recommendation:
    title = "Close the catalog gaps at the source"
    relation = "store.catalog_completeness"

    def row(gap_kind: str, stage: str) -> dict[str, Any]:
        return marts.one(relation, where="gap_kind = ? and backfill_stage = ?", params=[gap_kind, stage])

    either_before = row("either_missing", "before_backfill")
    either_after = row("either_missing", "after_backfill")
    brand_before = row("brand_missing", "before_backfill")
    category_before = row("category_missing", "before_backfill")
    finding = say(
        "As exported, {share_before} of revenue ({revenue_before} USD) has no brand or no category "
        "(no brand: {brand_share}; no category: {category_share}). The backfill from the products' and "
        "categories' other events attributes {recovered} USD over {recovered_purchases} purchases, "
        "leaving {share_after} ({revenue_after} USD) unattributed.",
        share_before=figure("rec.catalog.share_before", relation, either_before, "revenue_share"),
        revenue_before=figure("rec.catalog.revenue_before", relation, either_before, "revenue"),
        brand_share=figure("rec.catalog.brand_share_before", relation, brand_before, "revenue_share"),
        category_share=figure(
            "rec.catalog.category_share_before", relation, category_before, "revenue_share"
        ),
        recovered=figure("rec.catalog.recovered_revenue", relation, either_after, "recovered_revenue"),
        recovered_purchases=figure(
            "rec.catalog.recovered_purchases", relation, either_after, "recovered_purchase_count"
        ),
        share_after=figure("rec.catalog.share_after", relation, either_after, "revenue_share"),
        revenue_after=figure("rec.catalog.revenue_after", relation, either_after, "revenue"),
    )
    action = (
        "Make brand and category mandatory in the product information system before a product goes "
        "live, and keep the backfill in the pipeline until the old listings are fixed."
    )
    return Recommendation("catalog", title, finding, [action])


# --- ads ---------------------------------------------------------------------------------------


def top_campaign(marts: MartReader) -> Recommendation:
    title = "Build on the top campaign and the segment that answers it best"
    kpis = "ads.kpi_summary"
    kpi = marts.one(kpis)
    campaigns = "ads.campaign_performance"
    campaign = marts.one(campaigns, where="campaign_id = ?", params=[kpi["top_campaign_id"]])
    segments = "ads.campaign_segment_performance"
    if kpi["click_count"] is None:
        finding = say(
            "Campaign {campaign} draws {share} of all sessions ({sessions}). The session log has no click "
            "data (no is_click column), so neither its click-through rate nor its segments' response can "
            "be measured.",
            campaign=figure("rec.campaign.top_campaign", kpis, kpi, "top_campaign_id"),
            share=figure("rec.campaign.session_share", kpis, kpi, "top_campaign_session_share"),
            sessions=figure("rec.campaign.sessions", kpis, kpi, "top_campaign_session_count"),
        )
        action = ["Load a labelled session log (with is_click) before re-targeting or cutting any campaign."]
        return Recommendation("campaign", title, finding, action)
    finding = say(
        "Campaign {campaign} draws {share} of all sessions ({sessions}), with a click-through rate of "
        "{campaign_ctr} (Wilson interval {campaign_low} to {campaign_high}) against {overall_ctr} overall.",
        campaign=figure("rec.campaign.top_campaign", kpis, kpi, "top_campaign_id"),
        share=figure("rec.campaign.session_share", kpis, kpi, "top_campaign_session_share"),
        sessions=figure("rec.campaign.sessions", kpis, kpi, "top_campaign_session_count"),
        campaign_ctr=figure("rec.campaign.ctr", campaigns, campaign, "click_through_rate"),
        campaign_low=figure("rec.campaign.ctr_lower", campaigns, campaign, "click_through_rate_lower"),
        campaign_high=figure("rec.campaign.ctr_upper", campaigns, campaign, "click_through_rate_upper"),
        overall_ctr=figure("rec.campaign.overall_ctr", kpis, kpi, "click_through_rate"),
    )
    # The mart flags the segment by the rule the sentence states; None when none qualifies.
    best = marts.first(
        segments, where="campaign_id = ? and is_best_responding_segment", params=[kpi["top_campaign_id"]]
    )
    if best is not None:
        finding += say(
            " Among its segments holding at least an even share of its sessions, {dimension} = {value} "
            "responds best beyond noise: click-through rate {ctr} (Wilson interval {low} to {high}), "
            "a lift of "
            "{lift} on the campaign's own rate, Holm-adjusted p-value {p_value}, over {sessions} sessions.",
            dimension=figure("rec.campaign.best_dimension", segments, best, "demographic_dimension"),
            value=figure("rec.campaign.best_value", segments, best, "demographic_value"),
            ctr=figure("rec.campaign.best_ctr", segments, best, "click_through_rate"),
            low=figure("rec.campaign.best_ctr_lower", segments, best, "click_through_rate_lower"),
            high=figure("rec.campaign.best_ctr_upper", segments, best, "click_through_rate_upper"),
            lift=figure("rec.campaign.best_lift", segments, best, "click_through_rate_lift"),
            p_value=figure("rec.campaign.best_p_value", segments, best, "lift_adjusted_p_value"),
            sessions=figure("rec.campaign.best_sessions", segments, best, "session_count"),
        )
        action = [
            "Keep the campaign's budget, analyse what its creative does for the best-responding segment, "
            "and A/B test that recipe in the campaigns and segments that lag: the lift is observed, not "
            "caused, so only a randomised test shows what targeting would gain."
        ]
    else:
        finding += say(
            " None of its segments responds better than the rest of the campaign beyond noise (a positive "
            "lift significant after Holm's adjustment, in a segment holding at least an even share of its "
            "sessions); segments whose rate differs significantly either way: {significant}.",
            significant=_count(
                "rec.campaign.significant_segments",
                marts,
                segments,
                "campaign_id = ? and is_lift_significant",
                (kpi["top_campaign_id"],),
            ),
        )
        action = [
            "Keep the campaign's budget but do not re-target it by demographic on this evidence: run a "
            "randomised A/B test of creative or offer instead, and read its result with the same intervals."
        ]
    return Recommendation("campaign", title, finding, action)


def top_category(marts: MartReader) -> Recommendation:
    title = "Focus upselling on the leading product category"
    relation = "ads.category_engagement"
    top = marts.one(relation, where="session_rank = 1")
    last = marts.first(relation, order_by="session_rank desc")
    figures = {
        "category": figure("rec.category.top", relation, top, "product_category_1"),
        "share": figure("rec.category.top_share", relation, top, "session_share"),
        "last": figure("rec.category.last", relation, last, "product_category_1"),
        "last_share": figure("rec.category.last_share", relation, last, "session_share"),
    }
    if top["click_count"] is None:
        clicks = "no click data to compare its click-through rate with"
    else:
        clicks = "a click-through rate {index} times the overall rate"
        figures["index"] = figure("rec.category.top_ctr_index", relation, top, "click_through_rate_index")
    finding = say(
        "Category {category} holds {share} of sessions, with " + clicks + ". "
        "Category {last} has the fewest sessions ({last_share}).",
        **figures,
    )
    action = (
        "Put upselling creative on the leading category, and A/B test offers and messaging for the "
        "weakest categories in the segments that engage with them least."
    )
    return Recommendation("category", title, finding, [action])


def timing(marts: MartReader) -> Recommendation:
    title = "Schedule campaigns for the peak hours"
    heatmap = "ads.activity_heatmap"
    peak = marts.first(heatmap, order_by="session_count desc, session_weekday, session_hour")
    hours = "store.activity_by_hour"
    store_peak = marts.first(hours, order_by="purchase_count desc, event_hour")
    finding = say(
        "Ad sessions peak on {weekday} in hour {hour} ({sessions} sessions in that cell over the log); "
        "store purchases peak in hour {store_hour} UTC ({purchases} purchases).",
        weekday=figure("rec.timing.weekday", heatmap, peak, "session_weekday_name"),
        hour=figure("rec.timing.hour", heatmap, peak, "session_hour"),
        sessions=figure("rec.timing.sessions", heatmap, peak, "session_count"),
        store_hour=figure("rec.timing.store_hour", hours, store_peak, "event_hour"),
        purchases=figure("rec.timing.store_purchases", hours, store_peak, "purchase_count"),
    )
    action = (
        "Send campaigns and push notifications shortly before these peaks, and check the per-segment "
        "peaks in the table below before micro-targeting."
    )
    return Recommendation("timing", title, finding, [action])


def recommend(marts: MartReader) -> list[Recommendation]:
    """All recommendations, most urgent first (the case study's order, then the session report's)."""
    return [
        funnel(marts),
        abandoned_carts(marts),
        zero_conversion(marts),
        catalog_gaps(marts),
        top_campaign(marts),
        top_category(marts),
        timing(marts),
    ]
