"""The KPI cards of each page: mart column -> label, the report's own (scripts.report.sections),
so the dashboard and the report name and format every KPI alike; and the text a card shows."""

from __future__ import annotations

from scripts.formatting import compact_value, format_value
from scripts.report.sections import ADS_CARD_DETAILS, ADS_CARDS, STORE_CARDS

STORE = dict(STORE_CARDS)  # store.kpi_summary
# ads.kpi_summary: the report's cards, then the share of sessions of the top category and
# campaign (the report's second line under those two cards).
_SHARE_LABELS = {
    "top_product_category_1": "Top category's sessions",
    "top_campaign_id": "Top campaign's sessions",
}
CAMPAIGNS = {**ADS_CARDS, **{detail: _SHARE_LABELS[card] for card, detail in ADS_CARD_DETAILS.items()}}

# The longest value a card shows in full. Five cards a row at 1400 px leave about 170 px for a
# value at Streamlit's metric size: `387,896.57` fills 160 px, `5,108,791.23` was cut. The
# browser check (`make test-dashboard`) fails on any value wider than its card.
CARD_CHARACTERS = 10


def card_value(name: str, value: object) -> tuple[str, str | None]:
    """What a card shows for mart column `name`, and the exact text when that is shortened
    (shown on hover): the report's format, in compact units when it is longer than a card."""
    exact = format_value(name, value)
    if len(exact) <= CARD_CHARACTERS:
        return exact, None
    compact = compact_value(name, value)
    return (compact, exact) if compact else (exact, None)


def card_help(exact: str | None) -> str | None:
    """The hover text of a card showing compact units."""
    return f"Exact: {exact}" if exact else None
