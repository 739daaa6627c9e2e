"""Print the headline KPIs (store.kpi_summary, one row) the way a person reads them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb


def _is_fraction(name: str) -> bool:
    """Columns holding a fraction 0-1: `_rate` (the house rule), and the `_share` / `_share_of_x`
    names some marts use for the same thing."""
    return name.endswith(("_rate", "_share")) or "_share_of_" in name


def format_value(name: str, value: object) -> str:
    """Rates and shares as percentages (lifts signed), money with two decimals, counts with
    thousands separators, identifiers as they are, other decimals with two places."""
    if value is None:
        return "n/a"
    if _is_fraction(name):
        return f"{float(value):.2%}"
    if name.endswith("_lift"):
        return f"{float(value):+.2%}"
    if name.endswith("_id") or isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal | float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


HEADLINE_MART = "store.kpi_summary"


def print_headline(database: Path) -> None:
    with duckdb.connect(str(database), read_only=True) as con:
        cursor = con.execute(f"select * from {HEADLINE_MART}")
        names = [column[0] for column in cursor.description]
        row = cursor.fetchone()
    print(f"Headline KPIs ({HEADLINE_MART}):")
    width = max(len(name) for name in names)
    for name, value in zip(names, row, strict=True):
        print(f"  {name:<{width}}  {format_value(name, value)}")
