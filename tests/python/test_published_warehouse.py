"""The published CI warehouse (the marts, and the semantic layer's time spine) as a BI tool sees
it: reflected through DuckDB's catalog functions (what duckdb_engine and BI connectors query),
compared with the dbt manifest, and opened by DuckDB 1.4, the version BI tools bundle, from its
own environment (`make setup-duckdb14`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from scripts.inputs import PROJECT_ROOT
from tests.python.dbt_manifest import load_manifest, published_nodes

DUCKDB14_PYTHON = PROJECT_ROOT / ".venv-duckdb14" / "bin" / "python"
# The marts' schemas, and the semantic layer's time spine (semantic.time_spine).
PUBLISHED_SCHEMAS = ("store", "ads", "semantic")


@pytest.fixture(scope="module")
def marts() -> dict[str, dict]:
    """`schema.relation` -> manifest node of every published model: the marts and the time spine."""
    return {f"{node['schema']}.{node['alias']}": node for node in published_nodes(load_manifest()).values()}


def test_the_published_file_holds_the_marts_and_the_time_spine_only(warehouse, marts):
    assert "semantic.time_spine" in marts and len(marts) >= 20
    tables = warehouse.execute("select schema_name || '.' || table_name from duckdb_tables()").fetchall()
    assert {name for (name,) in tables} == set(marts)
    views = warehouse.execute(
        "select schema_name, view_name from duckdb_views() where not internal"
    ).fetchall()
    assert views == []  # no view, so nothing resolves a relative CSV path or another database


def test_every_mart_and_column_has_its_description_as_a_comment(warehouse, marts):
    table_comments = dict(
        warehouse.execute("select schema_name || '.' || table_name, comment from duckdb_tables()").fetchall()
    )
    column_comments = {
        (relation, column): comment
        for relation, column, comment in warehouse.execute(
            "select schema_name || '.' || table_name, column_name, comment from duckdb_columns() "
            "where schema_name in (select unnest(?::varchar[]))",
            [list(PUBLISHED_SCHEMAS)],
        ).fetchall()
    }
    problems = []
    for relation, node in sorted(marts.items()):
        if (
            not (table_comments.get(relation) or "").strip()
            or table_comments[relation] != node["description"]
        ):
            problems.append(f"{relation}: table comment differs from its description")
    for (relation, column), comment in sorted(column_comments.items()):
        described = marts[relation]["columns"].get(column, {}).get("description")
        if not (comment or "").strip() or comment != described:
            problems.append(f"{relation}.{column}: column comment differs from its description")
    assert not problems, "\n".join(problems)


def test_every_contract_primary_key_is_declared(warehouse, marts):
    declared = {
        relation: columns
        for relation, columns in warehouse.execute(
            "select schema_name || '.' || table_name, constraint_column_names "
            "from duckdb_constraints() where constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    }
    contracted = {
        relation: constraint["columns"]
        for relation, node in marts.items()
        for constraint in node["constraints"]
        if constraint["type"] == "primary_key"
    }
    assert contracted, "no mart contract declares a primary key"
    assert declared == contracted


@pytest.fixture(scope="module")
def duckdb14_python() -> Path:
    if not DUCKDB14_PYTHON.exists():
        subprocess.run(["make", "--no-print-directory", "setup-duckdb14"], cwd=PROJECT_ROOT, check=True)
    return DUCKDB14_PYTHON


READ_EVERY_MART = """
import json, sys
import duckdb
with duckdb.connect(sys.argv[1], read_only=True) as con:
    tables = con.execute("select schema_name, table_name from duckdb_tables()").fetchall()
    # Every value of every column is decoded, not only counted.
    counts = {
        f"{schema}.{table}": len(con.execute(f'select * from "{schema}"."{table}"').fetchall())
        for schema, table in tables
    }
print(json.dumps({"version": duckdb.__version__, "row_counts": counts}))
"""


def test_duckdb_1_4_reads_every_mart(duckdb14_python: Path, ci_database: Path, warehouse, marts):
    found = subprocess.run(
        [str(duckdb14_python), "-c", READ_EVERY_MART, str(ci_database)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["version"].startswith("1.4."), result["version"]
    expected = {
        relation: warehouse.execute(f"select count(*) from {relation}").fetchone()[0] for relation in marts
    }
    assert result["row_counts"] == expected
