"""The export cases (tests/python/export_cases.py: the hostile file, a file as tools re-save it,
500 small daily files, a file of which no row is usable, an unlabelled session log) give the
same audit on both engines: every file's row of store.pipeline_audit and ads.pipeline_audit,
each reason's count included, equal on Spark and DuckDB, but for one difference of the readers
(CONTRIBUTING, "What differs on Spark"): a CRLF inside a file whose lines end in LF is two line
ends to DuckDB's reader (the second line blank, quarantined as a copy of any blank line) and
one to Spark's. The hostile file plants one such line per block, so its DuckDB row has that
many more raw rows and duplicates. Only the models the audits read are built (the staging
layer and the audits), on each engine."""

from __future__ import annotations

import duckdb
import pytest

from scripts.inputs import PROJECT_ROOT
from tests.python.dbt_runs import dbt_build
from tests.python.export_cases import write_export_cases
from tests.spark import engines

AUDITS = ["+pipeline_audit", "+ads_pipeline_audit"]
SPARK_CASES = PROJECT_ROOT / "warehouse" / "spark-cases"


@pytest.fixture(scope="module")
def builds(tmp_path_factory, duckdb_marts) -> dict:
    cases = write_export_cases(tmp_path_factory.mktemp("cases"), daily_files=500)
    inputs = {"events": cases.event_files, "sessions": cases.session_files}
    duck = dbt_build(
        tmp_path_factory.mktemp("duckdb"), cases.event_files, select=AUDITS, sessions=cases.session_files
    )
    seconds = engines.build_on_spark(inputs, warehouse=SPARK_CASES, select=AUDITS)
    crlf = cases.hostile_manifest["planted"]["crlf_line"]
    crlf_blank_lines = sum(crlf[block]["expect"].count("blank_line") for block in ("start", "middle", "end"))
    return {
        "duckdb": duck,
        "spark_seconds": seconds,
        "files": len(cases.event_files),
        "hostile": str(cases.hostile),
        "crlf_blank_lines": crlf_blank_lines,
    }


@pytest.mark.parametrize("relation", ["store.pipeline_audit", "ads.pipeline_audit"])
def test_every_file_is_audited_alike_on_both_engines(builds, relation):
    with duckdb.connect(str(builds["duckdb"]), read_only=True) as duck, duckdb.connect() as reader:
        files = engines.spark_table_files(relation, SPARK_CASES)
        columns, spark_rows = engines.read_table(reader, f"read_parquet('{files}/*.parquet')")
        names = [name for name, _ in columns]
        if relation.startswith("store."):
            spark_rows = [_with_crlf_blank_lines(names, row, builds) for row in spark_rows]
        rows = engines.assert_same_table(
            engines.read_table(duck, relation), (columns, spark_rows), ("dataset_name", "source_file")
        )
    if relation.startswith("store."):
        assert rows == builds["files"] + 1  # each file, and the total


def _with_crlf_blank_lines(names: list[str], row: tuple, builds: dict) -> tuple:
    """A Spark audit row as DuckDB counts it: the hostile file's (and the total's) blank lines
    of CRLF line ends added to its raw rows and duplicates."""
    values = dict(zip(names, row, strict=True))
    if values["source_file"] in (builds["hostile"], "(all files)"):
        values["raw_row_count"] += builds["crlf_blank_lines"]
        values["duplicate_row_count"] += builds["crlf_blank_lines"]
    return tuple(values[name] for name in names)
