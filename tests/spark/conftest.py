"""`make test-spark`: the CI sample built on Spark, each mart compared with the DuckDB build.

The DuckDB side is the published CI warehouse `make test` builds (warehouse/ci.duckdb); run
alone, this builds it first if it is missing. The Spark build runs once per session.
"""

from __future__ import annotations

import duckdb
import pytest

from scripts import run_pipeline
from scripts.inputs import PROJECT_ROOT
from tests.spark import engines


@pytest.fixture(scope="session")
def duckdb_marts():
    database = PROJECT_ROOT / run_pipeline.CI.duckdb_path
    if not database.exists():
        assert run_pipeline.main(["--ci"]) == 0, "the DuckDB CI build failed"
    with duckdb.connect(str(database), read_only=True) as con:
        yield con


@pytest.fixture(scope="session")
def spark_build(duckdb_marts) -> float:
    """The Spark build of the same sample (after the DuckDB one, which generates the files)."""
    seconds = engines.build_on_spark()
    engines.SUMMARY["spark_seconds"] = seconds
    return seconds


@pytest.fixture(scope="session")
def parquet_reader():
    with duckdb.connect() as con:
        yield con


def pytest_terminal_summary(terminalreporter):
    if "spark_seconds" not in engines.SUMMARY:
        return
    failed = engines.SUMMARY["failed"]
    named = ": " + ", ".join(failed) if failed else ""
    terminalreporter.write_line(
        f"engine equality: compared {engines.SUMMARY['marts']} marts, {engines.SUMMARY['rows']:,} rows, "
        f"DuckDB vs Spark ({len(failed)} differ{named}); "
        f"the Spark build (dbt build --target spark, with its data and unit tests) took "
        f"{engines.SUMMARY['spark_seconds']:.0f}s"
    )
