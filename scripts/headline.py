"""Print the headline KPIs (store.kpi_summary, one row) the way a person reads them."""

from __future__ import annotations

from pathlib import Path

import duckdb

from scripts.formatting import format_value

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
