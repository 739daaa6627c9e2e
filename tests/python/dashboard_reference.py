"""The dashboard's filtered numbers, recomputed in pandas from the independently cleaned logs
(store_reference, ads_reference), written from the marts' YAML definitions rather than the SQL:
a slice is the clean rows passing every filter, and each number is the mart's definition over
the slice. Money is integer cents, rates are exact fractions turned into floats at the end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from tests.python.stats_reference import wilson_interval


def _rate(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


# ---------------------------------------------------------------------------------- store


def store_slice(
    clean: pd.DataFrame, start: date, end: date, brands: Sequence[str] = (), categories: Sequence[str] = ()
) -> pd.DataFrame:
    """Clean events on dates start..end (inclusive), of the brands and top-level categories
    named (as exported, Unknown for a missing one); an empty list keeps every value."""
    top_level = clean["category_code"].str.split(".").str[0]
    keep = (clean["event_at"].dt.date >= start) & (clean["event_at"].dt.date <= end)
    if brands:
        keep &= clean["brand"].isin(list(brands))
    if categories:
        keep &= top_level.isin(list(categories))
    return clean[keep]


def store_kpis(events: pd.DataFrame) -> dict[str, object]:
    """store.kpi_summary's card columns over a slice."""
    kinds = events["event_type"]
    per_user = events.groupby("user_id")["event_type"].agg(set)
    viewers = sum("view" in kinds_seen for kinds_seen in per_user)
    carters = sum("cart" in kinds_seen for kinds_seen in per_user)
    buyers = sum("purchase" in kinds_seen for kinds_seen in per_user)
    direct = sum("purchase" in kinds_seen and "cart" not in kinds_seen for kinds_seen in per_user)
    purchases = int((kinds == "purchase").sum())
    carts = int((kinds == "cart").sum())
    revenue_cents = int(events.loc[kinds == "purchase", "price_cents"].sum())
    revenue = Decimal(revenue_cents) / 100
    users = len(per_user)
    return {
        "user_count": users,
        "session_count": int(events["session_id"].dropna().nunique()),
        "view_count": int((kinds == "view").sum()),
        "cart_count": carts,
        "purchase_count": purchases,
        "revenue": revenue,
        "average_order_value": (revenue / purchases).quantize(Decimal("0.01"), ROUND_HALF_UP)
        if purchases
        else None,
        "user_conversion_rate": _rate(buyers, users),
        "view_to_cart_user_rate": _rate(carters, viewers),
        "cart_to_purchase_user_rate": _rate(buyers, carters),
        "overall_funnel_user_rate": _rate(buyers, viewers),
        "cart_to_purchase_event_rate": _rate(purchases, carts),
        "direct_purchaser_count": direct,
    }


def funnel_stage_users(events: pd.DataFrame) -> dict[str, int]:
    """store.funnel_summary.stage_user_count: users with at least one event of the stage's type."""
    return {
        stage: int(events.loc[events["event_type"] == stage, "user_id"].nunique())
        for stage in ("view", "cart", "purchase")
    }


def brand_revenue(events: pd.DataFrame) -> pd.DataFrame:
    """store.brand_revenue's counts and revenue (cents) per brand with any event of the slice."""
    rows = []
    for brand, part in events.groupby("brand"):
        kinds = part["event_type"]
        rows.append(
            {
                "brand": brand,
                "view_count": int((kinds == "view").sum()),
                "cart_count": int((kinds == "cart").sum()),
                "purchase_count": int((kinds == "purchase").sum()),
                "revenue_cents": int(part.loc[kinds == "purchase", "price_cents"].sum()),
            }
        )
    return pd.DataFrame(rows).sort_values("brand").reset_index(drop=True)


def activity_by_hour(events: pd.DataFrame) -> pd.DataFrame:
    """store.activity_by_hour: all 24 hours, events and active users, zeros for a quiet hour."""
    hours = events["event_at"].dt.hour
    return pd.DataFrame(
        {
            "event_hour": range(24),
            "event_count": [int((hours == hour).sum()) for hour in range(24)],
            "active_user_count": [int(events.loc[hours == hour, "user_id"].nunique()) for hour in range(24)],
        }
    )


# ---------------------------------------------------------------------------------- sessions


def sessions_slice(
    sessions: pd.DataFrame,
    start: date,
    end: date,
    campaigns: Sequence[int] = (),
    demographics: dict[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Clean sessions on dates start..end, of the campaigns and demographic values named
    (demographic dimension -> values as labelled, Unknown for a missing one)."""
    keep = (sessions["session_at"].dt.date >= start) & (sessions["session_at"].dt.date <= end)
    if campaigns:
        keep &= sessions["campaign_id"].isin(list(campaigns))
    for dimension, values in (demographics or {}).items():
        if values:
            keep &= sessions[f"demo_{dimension}"].isin(list(values))
    return sessions[keep]


def _top(counts: pd.Series) -> object:
    best = counts.max()
    return min(counts[counts == best].index)


def ads_kpis(sessions: pd.DataFrame) -> dict[str, object]:
    """ads.kpi_summary's card columns over a slice."""
    total = len(sessions)
    clicks = int(sessions["is_clicked"].sum())
    category_counts = sessions.groupby("product_category_1").size()
    campaign_counts = sessions.groupby("campaign_id").size()
    category, campaign = _top(category_counts), _top(campaign_counts)
    depths = pd.to_numeric(sessions["user_depth"]).dropna()
    return {
        "session_count": total,
        "user_count": int(sessions["user_id"].nunique()),
        "click_count": clicks,
        "click_through_rate": _rate(clicks, total),
        "avg_user_depth": float(depths.mean()) if len(depths) else None,
        "top_product_category_1": int(category),
        "top_campaign_id": int(campaign),
        "top_product_category_session_share": _rate(int(category_counts[category]), total),
        "top_campaign_session_share": _rate(int(campaign_counts[campaign]), total),
    }


def campaign_performance(sessions: pd.DataFrame) -> pd.DataFrame:
    """ads.campaign_performance over a slice: counts, CTR and its Wilson interval."""
    rows = []
    for campaign, part in sessions.groupby("campaign_id"):
        clicks, total = int(part["is_clicked"].sum()), len(part)
        lower, upper = wilson_interval(clicks, total)
        rows.append(
            {
                "campaign_id": int(campaign),
                "session_count": total,
                "click_count": clicks,
                "click_through_rate": clicks / total,
                "click_through_rate_lower": lower,
                "click_through_rate_upper": upper,
            }
        )
    return pd.DataFrame(rows).sort_values("campaign_id").reset_index(drop=True)


def heatmap_counts(sessions: pd.DataFrame) -> pd.DataFrame:
    """ads.activity_heatmap's sessions and clicks per ISO weekday x hour, all 168 cells."""
    cells = sessions.groupby(["session_weekday", "session_hour"]).agg(
        session_count=("session_id", "size"), click_count=("is_clicked", "sum")
    )
    grid = pd.MultiIndex.from_product([range(1, 8), range(24)], names=["session_weekday", "session_hour"])
    return cells.reindex(grid, fill_value=0).reset_index().astype("int64")
