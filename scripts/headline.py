"""Print the headline KPIs (store.kpi_summary, one row) the way a person reads them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb


def format_value(name: str, value: object) -> str:
    """Rates as percentages, money with two decimals, counts with thousands separators."""
    if value is None:
        return "n/a"
    if name.endswith("_rate"):
        return f"{float(value):.2%}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def print_headline(database: Path, relation: str = "store.kpi_summary") -> None:
    with duckdb.connect(str(database), read_only=True) as con:
        cursor = con.execute(f"select * from {relation}")
        names = [column[0] for column in cursor.description]
        row = cursor.fetchone()
    print(f"Headline KPIs ({relation}):")
    width = max(len(name) for name in names)
    for name, value in zip(names, row, strict=True):
        print(f"  {name:<{width}}  {format_value(name, value)}")
