"""Every mart of the Spark build equals the DuckDB build of the same CI sample: same columns and
types, same rows, counts and text exactly, money to the cent, rates to 1e-9 (tests/python/
compare.py's tolerance). A mart missing on either engine fails."""

from __future__ import annotations

import pytest

from tests.python.dbt_manifest import load_manifest
from tests.spark import engines

MARTS = engines.marts(load_manifest())


def test_every_mart_is_built_on_both_engines(duckdb_marts, spark_build):
    expected = {mart.relation for mart in MARTS}
    assert len(expected) >= 30, "the marts are missing from the manifest"
    assert engines.duckdb_relations(duckdb_marts) == expected, "DuckDB's mart schemas differ from the marts"
    assert engines.spark_relations() == expected, "Spark's mart schemas differ from the marts"


@pytest.mark.parametrize("mart", MARTS, ids=[mart.relation for mart in MARTS])
def test_mart_is_equal_on_both_engines(mart, duckdb_marts, spark_build, parquet_reader):
    files = engines.spark_table_files(mart.relation)
    try:
        assert files.is_dir(), f"{mart.relation}: no table in the Spark warehouse ({files})"
        rows = engines.assert_same_table(
            engines.read_table(duckdb_marts, mart.relation),
            engines.read_table(parquet_reader, f"read_parquet('{files}/*.parquet')"),
            mart.keys,
        )
    except AssertionError:
        engines.SUMMARY["failed"].append(mart.relation)
        raise
    engines.SUMMARY["marts"] += 1
    engines.SUMMARY["rows"] += rows
