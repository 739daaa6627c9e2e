"""Export every mart table to CSV and Parquet for people and tools that do not query DuckDB.

Store marts go to `outputs/<mart>.csv` (the case study's file names); ads marts, whose names
partly repeat the store's (`kpi_summary`, `pipeline_audit`), go to `outputs/ads/<mart>.csv`.
The clean, enriched event log goes to `outputs/events_cleaned.parquet`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

# The mart schemas (the only relations BI tools and the report read) -> sub-folder of outputs.
MART_SCHEMAS = {"store": "", "ads": "ads"}
CLEAN_EVENTS = ("intermediate", "int_events_enriched", "events_cleaned")


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(schema, table) for every mart, in a stable order."""
    rows = con.execute(
        """
        select table_schema, table_name
        from information_schema.tables
        where table_schema in (select unnest(?::varchar[])) and table_type = 'BASE TABLE'
        order by table_schema, table_name
        """,
        [list(MART_SCHEMAS)],
    ).fetchall()
    return [(schema, table) for schema, table in rows]


def _copy(con: duckdb.DuckDBPyConnection, relation: str, target: Path, fmt: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    options = "format csv, header true" if fmt == "csv" else "format parquet"
    # Paths cannot be bound as parameters in COPY; quotes are escaped instead.
    escaped = str(target).replace("'", "''")
    con.execute(f"copy (select * from {relation}) to '{escaped}' ({options})")


def export(database: Path, outputs: Path) -> list[Path]:
    """Write the exports; return the files written."""
    written = []
    with duckdb.connect(str(database), read_only=True) as con:
        for schema, table in mart_tables(con):
            folder = outputs / MART_SCHEMAS[schema]
            for fmt in ("csv", "parquet"):
                target = folder / f"{table}.{fmt}"
                _copy(con, f'"{schema}"."{table}"', target, fmt)
                written.append(target)
        schema, table, name = CLEAN_EVENTS
        target = outputs / f"{name}.parquet"
        _copy(con, f'"{schema}"."{table}"', target, "parquet")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.export_marts", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", type=Path, default=Path("warehouse/analytics.duckdb"))
    parser.add_argument("--outputs", type=Path, default=Path("outputs"))
    args = parser.parse_args(argv)
    files = export(args.database, args.outputs)
    print(f"[export] wrote {len(files)} files under {args.outputs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
