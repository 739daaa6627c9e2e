"""The benchmark's hand-written reference: the store models' work as one DuckDB script.

    python -m scripts.benchmark_reference --database /tmp/reference.duckdb FILE [FILE ...]

Reads the files with a plain read_csv (paths escaped), runs store.sql, and prints the headline
it computed so the benchmark can check it agrees with dbt's. With --timings, it writes the
seconds of each table the script creates (JSON), so the benchmark can set them beside dbt's
per-model times.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import duckdb

SCRIPT = Path(__file__).with_name("store.sql")
CREATED_TABLE = re.compile(r"^create table (\w+)", re.IGNORECASE | re.MULTILINE)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _glob_escaped(path: str) -> str:
    return "".join(f"[{c}]" if c in "[]*?" else c for c in path)


def files_sql(files: list[Path]) -> str:
    """The files as a list literal read_csv takes literally."""
    return "[" + ", ".join(_literal(_glob_escaped(str(path))) for path in files) + "]"


def run_timed(con: duckdb.DuckDBPyConnection, script: str) -> dict[str, float]:
    """Run the script one statement at a time; seconds per table it creates."""
    seconds = {}
    for statement in con.extract_statements(script):
        started = time.perf_counter()
        con.execute(statement.query)
        created = CREATED_TABLE.search(statement.query)
        seconds[created.group(1) if created else statement.query[:40]] = round(
            time.perf_counter() - started, 1
        )
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.benchmark_reference", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--database", type=Path, required=True)
    parser.add_argument("--memory-limit", default="4GB")
    parser.add_argument("--timings", type=Path, help="write each created table's seconds here (JSON)")
    args = parser.parse_args(argv)
    args.database.unlink(missing_ok=True)
    with duckdb.connect(str(args.database)) as con:
        con.execute("set memory_limit = ?", [args.memory_limit])
        script = SCRIPT.read_text(encoding="utf-8").replace("{files}", files_sql(args.files))
        seconds = run_timed(con, script)
        users, revenue = con.execute("select user_count, revenue from kpi_summary").fetchone()
    print(f"user_count={users} revenue={revenue}")
    if args.timings:
        args.timings.write_text(json.dumps(seconds, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
