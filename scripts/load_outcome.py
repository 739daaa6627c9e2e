"""What a build's load of the input files says to the user, in one line each.

* When no row of a dataset is usable, the build stops before its marts (data test `has_rows`
  on the clean staging table) and the run ends with one line naming the file, its rows and
  the most common reason with one example (`no_usable_rows`).
* A file of several that yields no usable row is named in a warning; the others publish
  (`files_without_usable_rows`).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

# The loaded rows of each dataset in the build database, and its clean staging model.
BASE_TABLES = {"events": "staging.base_store__events", "sessions": "staging.base_ads__sessions"}
CLEAN_MODELS = {"events": "stg_store__events", "sessions": "stg_ads__sessions"}
AUDITS = {"events": "store.pipeline_audit", "sessions": "ads.pipeline_audit"}
EXAMPLE_CHARACTERS = 120


def empty_datasets(failed_nodes: list[str]) -> list[str]:
    """The datasets whose clean staging table failed its has_rows test (dbt names a generic
    test without arguments `<test>_<model>_`)."""
    return [
        dataset
        for dataset, model in CLEAN_MODELS.items()
        if any(node.rstrip("_") == f"has_rows_{model}" for node in failed_nodes)
    ]


def _example(text: str | None) -> str:
    shown = (text or "").replace("\r", "\\r").replace("\n", "\\n")
    return shown if len(shown) <= EXAMPLE_CHARACTERS else shown[: EXAMPLE_CHARACTERS - 1] + "…"


def no_usable_rows(build_database: Path, dataset: str) -> str:
    """`<file>: no usable row: its 9,000 rows are all quarantined, most often as
    invalid_event_time (9,000 rows; line 2: 2019-10-01T00:02:14Z,view,...)`."""
    with duckdb.connect(str(build_database), read_only=True) as con:
        files = con.execute(f"select distinct source_file from {BASE_TABLES[dataset]} order by 1").fetchall()
        reason = con.execute(
            f"""
            select reject_reason, count(*) as row_count, arg_min(source_file, source_line),
                min(source_line), arg_min(line_text, source_line)
            from {BASE_TABLES[dataset]}
            group by reject_reason
            order by row_count desc, reject_reason
            limit 1
            """
        ).fetchone()
        (rows,) = con.execute(f"select count(*) from {BASE_TABLES[dataset]}").fetchone()
    if not files or reason is None:
        return f"no {dataset} file yielded a row"
    named = files[0][0] if len(files) == 1 else f"{files[0][0]} and {len(files) - 1} more {dataset} files"
    top, count, example_file, example_line, example_text = reason
    where = f"line {example_line}" if len(files) == 1 else f"{example_file} line {example_line}"
    return (
        f"{named}: no usable row: its {rows:,} rows are all quarantined, most often as {top} "
        f"({count:,} rows; {where}: {_example(example_text)})"
    )


def files_without_usable_rows(warehouse: Path) -> list[str]:
    """One warning per input file of which no row was usable, while other files were."""
    warnings = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for dataset, audit in AUDITS.items():
            relation = con.sql(f"select * from {audit} where not is_total and clean_row_count = 0")
            reasons = [
                column
                for column in relation.columns
                if column.startswith("rejected_") and column != "rejected_row_count"
            ]
            for row in relation.fetchall():
                values = dict(zip(relation.columns, row, strict=True))
                top = max(reasons, key=lambda column: values[column])
                most = top.removeprefix("rejected_").removesuffix("_count")
                warnings.append(
                    f"warning: {values['source_file']}: no usable row among its {values['raw_row_count']:,} "
                    f"rows (most often {most}); the other {dataset} files were published"
                )
    return warnings
