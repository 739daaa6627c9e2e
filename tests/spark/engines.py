"""The CI sample built on Spark, and each mart read back from both engines.

The Spark build is `dbt build --target spark` (profiles.yml: PySpark in this process, tables
as Parquet under warehouse/spark/ with a Derby metastore) over the same files and vars as the
DuckDB CI build (scripts/run_pipeline.py, profile CI). A Spark table is read back from its
Parquet files with DuckDB, so both sides arrive with DuckDB's types: Spark's string, int,
bigint, double, decimal(p, s), boolean, date and timestamp_ntz read as varchar, integer,
bigint, double, decimal(p, s), boolean, date and timestamp, the names the contracts declare.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from scripts.inputs import MANIFEST_ENV, PROJECT_ROOT, check_input, write_manifest
from scripts.run_pipeline import CI, sample_files
from tests.python.compare import RATE_TOLERANCE, cents, plain

SPARK_WAREHOUSE = PROJECT_ROOT / "warehouse" / "spark"
SPARK_TARGET_PATH = PROJECT_ROOT / "target-spark"
SPARK_LOG_PATH = PROJECT_ROOT / "logs" / "spark"
# What the equality tests compared, for the closing summary line (conftest.py).
SUMMARY: dict = {"marts": 0, "rows": 0, "failed": []}


@dataclass(frozen=True)
class Mart:
    name: str  # the dbt model
    relation: str  # schema.alias, as BI tools address it
    keys: tuple[str, ...]  # its primary_key test's columns


def marts(manifest: dict) -> list[Mart]:
    """Every model under models/marts/, with the columns of its primary_key test."""
    keys = {
        node["attached_node"]: tuple(node["test_metadata"]["kwargs"]["columns"])
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test" and (node.get("test_metadata") or {}).get("name") == "primary_key"
    }
    found = [
        Mart(node["name"], f"{node['schema']}.{node['alias']}", keys[unique_id])
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["original_file_path"].startswith("models/marts/")
    ]
    return sorted(found, key=lambda mart: mart.relation)


def spark_environment(warehouse: Path = SPARK_WAREHOUSE) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "SPARK_LOCAL_IP": "127.0.0.1",
        "SPARK_WAREHOUSE_DIR": str(warehouse),
        "PYSPARK_PYTHON": sys.executable,
    }


def build_on_spark(
    inputs: dict[str, list[Path]] | None = None,
    warehouse: Path = SPARK_WAREHOUSE,
    select: list[str] | None = None,
) -> float:
    """`dbt build --target spark` of `inputs` (default: the CI sample) into a fresh Spark
    warehouse: seeds, models, data tests and unit tests (or the `select`ed nodes). Returns its
    wall time in seconds; raises with dbt's tail on failure."""
    shutil.rmtree(warehouse, ignore_errors=True)
    warehouse.mkdir(parents=True)
    manifest = write_manifest(
        warehouse / "inputs.json",
        {
            dataset: [check_input(path, dataset) for path in paths]
            for dataset, paths in (inputs or sample_files(CI)).items()
        },
    )
    target = SPARK_TARGET_PATH if warehouse == SPARK_WAREHOUSE else warehouse / "target"
    args = [
        str(Path(sys.executable).with_name("dbt")),
        "build",
        "--target",
        "spark",
        "--vars",
        json.dumps(CI.dbt_vars),
        "--target-path",
        str(target),
        "--log-path",
        str(SPARK_LOG_PATH),
        *(["--select", *select] if select else []),
    ]
    started = time.perf_counter()
    completed = subprocess.run(
        args,
        cwd=PROJECT_ROOT,
        env={**spark_environment(warehouse), MANIFEST_ENV: str(manifest)},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    (SPARK_LOG_PATH / f"{warehouse.name}.out").write_text(
        completed.stdout + completed.stderr, encoding="utf-8"
    )
    if completed.returncode != 0:
        summary = [line for line in completed.stdout.splitlines() if "ERROR" in line or "FAIL" in line]
        raise AssertionError(
            f"dbt build --target spark failed (exit {completed.returncode}, {seconds:.0f}s); "
            f"see {SPARK_LOG_PATH / (warehouse.name + '.out')}:\n" + "\n".join(summary[-30:])
        )
    return seconds


def spark_table_files(relation: str, warehouse: Path = SPARK_WAREHOUSE) -> Path:
    """Where the Spark build wrote a table: <warehouse>/<schema>.db/<table>/."""
    schema, table = relation.split(".")
    return warehouse / f"{schema}.db" / table


def spark_relations() -> set[str]:
    """Every table the Spark build left in the mart schemas."""
    found = set()
    for schema in ("store", "ads"):
        folder = SPARK_WAREHOUSE / f"{schema}.db"
        if folder.is_dir():
            found |= {f"{schema}.{table.name}" for table in folder.iterdir() if table.is_dir()}
    return found


def duckdb_relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "select schema_name, table_name from duckdb_tables() where schema_name in ('store', 'ads')"
    ).fetchall()
    return {f"{schema}.{table}" for schema, table in rows}


def read_table(con: duckdb.DuckDBPyConnection, source: str) -> tuple[list[tuple[str, str]], list[tuple]]:
    """(column name, DuckDB type) pairs and the rows of a relation or a Parquet glob."""
    relation = con.sql(f"select * from {source}")
    return list(zip(relation.columns, (str(t) for t in relation.types), strict=False)), relation.fetchall()


def _comparable(value, data_type: str):
    """A cell as compared: money as exact cents, doubles as floats, the rest as is."""
    value = plain(value)
    if value is None:
        return None
    if data_type.startswith("DECIMAL"):
        return cents(value)
    if data_type in ("DOUBLE", "FLOAT"):
        return float(value)
    return value


def assert_same_table(
    duck: tuple[list[tuple[str, str]], list[tuple]],
    spark: tuple[list[tuple[str, str]], list[tuple]],
    keys: tuple[str, ...],
) -> int:
    """Same columns with the same types, the same number of rows and, row by row (matched on the
    primary key), every cell equal: counts and text exactly, money to the cent, doubles within
    RATE_TOLERANCE. Returns the rows compared."""
    duck_columns, duck_rows = duck
    spark_columns, spark_rows = spark
    assert spark_columns == duck_columns, (
        f"columns differ:\n  duckdb {duck_columns}\n  spark  {spark_columns}"
    )
    assert len(spark_rows) == len(duck_rows), f"{len(duck_rows)} rows on DuckDB, {len(spark_rows)} on Spark"
    names = [name for name, _ in duck_columns]
    types = [data_type for _, data_type in duck_columns]
    key_positions = [names.index(key) for key in keys]

    def keyed(rows: list[tuple]) -> dict:
        table = {tuple(row[i] for i in key_positions): row for row in rows}
        assert len(table) == len(rows), f"primary key {keys} not unique"
        return table

    duck_by_key, spark_by_key = keyed(duck_rows), keyed(spark_rows)
    missing = set(duck_by_key) - set(spark_by_key)
    assert not missing, f"{len(missing)} keys on DuckDB only, e.g. {sorted(missing, key=str)[:3]}"
    problems = []
    for key, duck_row in duck_by_key.items():
        spark_row = spark_by_key[key]
        for name, data_type, want, got in zip(names, types, duck_row, spark_row, strict=False):
            want, got = _comparable(want, data_type), _comparable(got, data_type)
            if isinstance(want, float) and isinstance(got, float):
                same = abs(want - got) <= RATE_TOLERANCE
            else:
                same = want == got
            if not same:
                problems.append(
                    f"{dict(zip(keys, key, strict=False))} {name}: duckdb {want!r}, spark {got!r}"
                )
    assert not problems, f"{len(problems)} cells differ:\n" + "\n".join(problems[:20])
    return len(duck_rows)
