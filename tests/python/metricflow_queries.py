"""MetricFlow in the test process: the engine `mf query` runs, on the CI warehouse.

`mf` reaches the warehouse through dbt's DuckDB adapter and the profile target `metrics`, at
a few seconds of start-up per command. Here the same engine (MetricFlowEngine, with the same
DuckDB SQL renderer) plans each query from the same semantic manifest, and its SQL runs on a
connection opened as that target opens one: an in-memory database with the published
warehouse attached read-only as `marts`. test_semantic_layer.py runs the `mf` command itself
too, for the connection and the validations.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from metricflow.data_table.mf_table import MetricFlowDataTable
from metricflow.engine.metricflow_engine import MetricFlowEngine, MetricFlowQueryRequest
from metricflow.protocols.sql_client import SqlEngine
from metricflow.sql.render.duckdb_renderer import DuckDbSqlPlanRenderer
from metricflow.sql.render.sql_plan_renderer import SqlPlanRenderer
from metricflow_semantics.model.dbt_manifest_parser import parse_manifest_from_dbt_generated_manifest
from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup
from metricflow_semantics.sql.sql_bind_parameters import SqlBindParameterSet

from tests.python.dbt_manifest import SEMANTIC_MANIFEST, load_manifest

# The protocol's default: no bind parameters (one shared instance, as the default argument was).
NO_BIND_PARAMETERS = SqlBindParameterSet()


class ReadOnlyDuckDbClient:
    """MetricFlow's SqlClient protocol over DuckDB: the published file attached read-only."""

    def __init__(self, warehouse: Path) -> None:
        self._con = duckdb.connect(":memory:")
        self._con.execute("attach ? as marts (read_only)", [str(warehouse)])

    @property
    def sql_engine_type(self) -> SqlEngine:
        return SqlEngine.DUCKDB

    @property
    def sql_plan_renderer(self) -> SqlPlanRenderer:
        return DuckDbSqlPlanRenderer()

    def query(
        self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_BIND_PARAMETERS
    ) -> MetricFlowDataTable:
        assert not sql_bind_parameter_set.param_dict, "the dbt adapter mf uses takes no bind parameters"
        cursor = self._con.execute(stmt)
        column_names = [description[0] for description in cursor.description]
        return MetricFlowDataTable.create_from_rows(column_names=column_names, rows=cursor.fetchall())

    def execute(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_BIND_PARAMETERS) -> None:
        self._con.execute(stmt)

    def dry_run(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_BIND_PARAMETERS) -> None:
        self._con.execute(f"explain {stmt}")

    def close(self) -> None:
        self._con.close()

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        return f"${bind_parameter_key}"


def load_semantic_manifest() -> dict:
    """target/semantic_manifest.json, as dbt wrote it (parsing the project first if missing)."""
    if not SEMANTIC_MANIFEST.exists():
        load_manifest()
    return json.loads(SEMANTIC_MANIFEST.read_text(encoding="utf-8"))


class MetricQueries:
    """`query(metrics, group_by, where)` -> rows as dicts, planned by MetricFlow."""

    def __init__(self, semantic_manifest: dict, warehouse: Path) -> None:
        manifest = parse_manifest_from_dbt_generated_manifest(
            manifest_json_string=json.dumps(semantic_manifest)
        )
        self.client = ReadOnlyDuckDbClient(warehouse)
        self.engine = MetricFlowEngine(
            semantic_manifest_lookup=SemanticManifestLookup(manifest), sql_client=self.client
        )

    def query(self, metrics: list[str], group_by: list[str], where: list[str] | None = None) -> list[dict]:
        request = MetricFlowQueryRequest.create(
            metric_names=metrics, group_by_names=group_by or None, where_constraints=where or None
        )
        table = self.engine.query(mf_request=request).result_df
        return [dict(zip(table.column_names, row, strict=False)) for row in table.rows]

    def close(self) -> None:
        self.client.close()
