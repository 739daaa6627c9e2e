"""Export every mart table to CSV and Parquet for people and tools that do not query DuckDB.

Store marts go to `outputs/<mart>.csv` (the case study's file names, `events_cleaned.csv`
included); ads marts, whose names partly repeat the store's (`kpi_summary`,
`pipeline_audit`), go to `outputs/ads/<mart>.csv`. Parquet (zstd) holds every mart as it is.
CSV is for spreadsheets, so a mart with more rows than a spreadsheet opens gets no CSV, and a
text cell a spreadsheet would run as a formula is prefixed with `'`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import duckdb

from scripts.mart_schemas import MART_SCHEMAS

# Excel's and LibreOffice Calc's row limit, the header row included.
SPREADSHEET_MAX_ROWS = 1_048_576
# OWASP CSV injection: a cell starting with one of these is read as a formula (tab and carriage
# return too, which some spreadsheets strip before looking).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def csv_safe_select(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> str:
    """`select` of the mart with each text column defused: a value starting with a formula
    prefix gets a leading `'`, which spreadsheets show but do not evaluate. Numbers, dates and
    booleans are selected as they are."""
    columns = con.execute(
        """
        select column_name, data_type
        from information_schema.columns
        where table_schema = ? and table_name = ?
        order by ordinal_position
        """,
        [schema, table],
    ).fetchall()
    prefixes = ", ".join(_literal(prefix) for prefix in FORMULA_PREFIXES)
    selected = []
    for name, data_type in columns:
        column = _identifier(name)
        if data_type == "VARCHAR":
            column = (
                f"case when left({column}, 1) in ({prefixes}) "
                f"then '''' || {column} else {column} end as {column}"
            )
        selected.append(column)
    return f"select {', '.join(selected)} from {_identifier(schema)}.{_identifier(table)}"


def _copy(con: duckdb.DuckDBPyConnection, query: str, target: Path, options: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # COPY cannot take its path as a parameter: the path is escaped as a string literal.
    con.execute(f"copy ({query}) to {_literal(str(target))} ({options})")


def export(
    database: Path,
    outputs: Path,
    memory_limit: str | None = None,
    log: Callable[[str], None] = print,
    csv_max_rows: int = SPREADSHEET_MAX_ROWS,
) -> list[Path]:
    """Write the exports under `outputs`; return the files written. `memory_limit` is DuckDB's
    ceiling (it spills to disk past it); `csv_max_rows` counts the header row."""
    written = []
    config = {"memory_limit": memory_limit} if memory_limit else {}
    with duckdb.connect(str(database), read_only=True, config=config) as con:
        for schema, table in mart_tables(con):
            folder = outputs / MART_SCHEMAS[schema]
            parquet = folder / f"{table}.parquet"
            _copy(
                con,
                f"select * from {_identifier(schema)}.{_identifier(table)}",
                parquet,
                "format parquet, compression zstd",
            )
            written.append(parquet)
            (rows,) = con.execute(
                f"select count(*) from {_identifier(schema)}.{_identifier(table)}"
            ).fetchone()
            if rows + 1 > csv_max_rows:
                log(
                    f"  {schema}.{table}: no CSV, {rows:,} rows is more than a spreadsheet opens; "
                    f"read {parquet.name}"
                )
                continue
            csv = folder / f"{table}.csv"
            _copy(con, csv_safe_select(con, schema, table), csv, "format csv, header true")
            written.append(csv)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.export_marts", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--database", type=Path, default=Path("warehouse/analytics.duckdb"))
    parser.add_argument("--outputs", type=Path, default=Path("outputs"))
    parser.add_argument("--memory-limit", help="DuckDB's memory ceiling, e.g. 4GB (default: DuckDB's)")
    args = parser.parse_args(argv)
    files = export(args.database, args.outputs, args.memory_limit)
    print(f"[export] wrote {len(files)} files under {args.outputs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
