"""DuckDB's plain typed CSV reader, for the benchmark to set the models' parse beside (issue:
"parse of a 10M-line file at most 1.2x DuckDB's plain typed read_csv of the same file").

    python -m scripts.benchmark_reference.readers typed --database X FILE [FILE ...]

* typed: what a user's script would write: read_csv with the columns typed by the reader
  and ignore_errors, so a line that does not fit is dropped without a trace. The models'
  parse (base_store__events: text columns, our rules, every line accounted for) is timed
  inside the benchmark's dbt build.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

TYPED_COLUMNS = {
    "event_time": "timestamp",
    "event_type": "varchar",
    "product_id": "bigint",
    "category_id": "bigint",
    "category_code": "varchar",
    "brand": "varchar",
    "price": "decimal(18, 2)",
    "user_id": "bigint",
    "user_session": "varchar",
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def parse_typed(files: list[Path]) -> str:
    listing = ", ".join(_literal(str(path)) for path in files)
    columns = ", ".join(f"{_literal(name)}: {_literal(kind)}" for name, kind in TYPED_COLUMNS.items())
    return f"""
    create table typed as
    select *
    from read_csv([{listing}], header = true, auto_detect = false, columns = {{{columns}}},
        timestampformat = '%Y-%m-%d %H:%M:%S UTC', ignore_errors = true, filename = true)
    """


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.benchmark_reference.readers", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("reader", choices=("typed",))
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--database", type=Path, required=True)
    args = parser.parse_args(argv)
    args.database.unlink(missing_ok=True)
    with duckdb.connect(str(args.database)) as con:
        con.execute(parse_typed(args.files))
        (rows,) = con.execute("select count(*) from typed").fetchone()
    print(f"{args.reader}: {rows} typed rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
