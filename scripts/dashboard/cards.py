"""The KPI cards of each page: mart column -> label, the report's own (scripts.report.sections),
so the dashboard and the report name and format every KPI alike."""

from __future__ import annotations

from scripts.report.sections import ADS_CARD_DETAILS, ADS_CARDS, STORE_CARDS

STORE = dict(STORE_CARDS)  # store.kpi_summary
# ads.kpi_summary: the report's cards, then the share of sessions of the top category and
# campaign (the report's second line under those two cards).
_SHARE_LABELS = {
    "top_product_category_1": "Top category's sessions",
    "top_campaign_id": "Top campaign's sessions",
}
CAMPAIGNS = {**ADS_CARDS, **{detail: _SHARE_LABELS[card] for card, detail in ADS_CARD_DETAILS.items()}}
