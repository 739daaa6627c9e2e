"""The two ways to survive any bad line, each parsing the files into a typed table, for the
benchmark to put side by side (issue: "measure what each costs and say which you chose").

    python -m scripts.benchmark_reference.readers lines|rejects --database X FILE [FILE ...]

* lines: what the models do (macro read_raw_lines): each file read as numbered lines of text,
  decoded, split and typed in SQL. Every line gets its file and line number; no byte is lost.
* rejects: DuckDB's CSV reader with `ignore_errors` and `store_rejects`: well-formed rows are
  typed, bad lines go to the reject tables. Faster, but a good row has no line number (the
  reader numbers rejected lines only) and a quoted newline is a valid row, not a quarantine.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from scripts.benchmark_reference.__main__ import lines_sql

COLUMNS = (
    "event_time",
    "event_type",
    "product_id",
    "category_id",
    "category_code",
    "brand",
    "price",
    "user_id",
    "user_session",
)


def typed(value: dict[str, str]) -> str:
    """The typed columns, from SQL expressions of each raw field."""

    def integer(name: str) -> str:
        return (
            f"case when regexp_full_match({value[name]}, '[0-9]+') then try_cast({value[name]} as bigint) end"
        )

    return ",\n".join(
        [
            (
                f"try_strptime({value['event_time']}, "
                "['%Y-%m-%d %H:%M:%S UTC', '%Y-%m-%d %H:%M:%S']) as event_at"
            ),
            f"{value['event_type']} as event_type",
            f"{integer('product_id')} as product_id",
            f"{integer('category_id')} as category_id",
            f"{value['category_code']} as category_code",
            f"{value['brand']} as brand",
            f"try_cast({value['price']} as decimal(18, 2)) as price",
            f"{integer('user_id')} as user_id",
            f"{value['user_session']} as user_session",
        ]
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def parse_with_lines(files: list[Path]) -> str:
    return f"""
    create table typed as
    with lines as ({lines_sql(files)}),
    split as (select source_file, source_line, string_split(line_text, ',') as f from lines)
    select source_file, source_line, {typed({name: f"f[{i}]" for i, name in enumerate(COLUMNS, start=1)})}
    from split
    """


def parse_with_rejects(files: list[Path]) -> str:
    listing = ", ".join(_literal(str(path)) for path in files)
    return f"""
    create table typed as
    select filename as source_file, {typed({name: name for name in COLUMNS})}
    from read_csv([{listing}], header = true, all_varchar = true, delim = ',', quote = '"',
        ignore_errors = true, store_rejects = true, filename = true)
    """


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.benchmark_reference.readers", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("reader", choices=("lines", "rejects"))
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--database", type=Path, required=True)
    args = parser.parse_args(argv)
    args.database.unlink(missing_ok=True)
    build = parse_with_lines if args.reader == "lines" else parse_with_rejects
    with duckdb.connect(str(args.database)) as con:
        con.execute(build(args.files))
        (rows,) = con.execute("select count(*) from typed").fetchone()
    print(f"{args.reader}: {rows} typed rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
