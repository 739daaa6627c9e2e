"""The dashboard's filtered queries: dbt analyses (analyses/dashboard/), compiled to SQL.

Each analysis `dashboard_<schema>__<mart>.sql` runs the mart's own query macro
(macros/models/) over a slice of the clean fact table, with the filter values as bind
parameters. `compile_analyses` renders them with `dbt compile` against the in-memory `lint`
target (no warehouse is opened, so it never waits on `make run`), into a target folder of
its own, with the dbt vars of the build being read: a threshold such as `alert_min_views`
must be the one the published marts were built with.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.inputs import PROJECT_ROOT

ANALYSIS_PREFIX = "dashboard_"
ANALYSES_DIR = PROJECT_ROOT / "analyses" / "dashboard"
# Apart from target/ (which `make run` writes), so that compiling never races a build.
DEFAULT_TARGET = PROJECT_ROOT / "target" / "dashboard"


class CompileError(RuntimeError):
    """dbt could not compile the dashboard's analyses (its output says why)."""


def analysis_name(relation: str) -> str:
    """`store.kpi_summary` -> `dashboard_store__kpi_summary`."""
    schema, _, table = relation.partition(".")
    return f"{ANALYSIS_PREFIX}{schema}__{table}"


def relation_name(analysis: str) -> str:
    """`dashboard_store__kpi_summary` -> `store.kpi_summary`."""
    schema, _, table = analysis.removeprefix(ANALYSIS_PREFIX).partition("__")
    return f"{schema}.{table}"


def compiled_dir(target: Path) -> Path:
    return target / "compiled" / "ecommerce_analytics" / "analyses" / "dashboard"


def compile_analyses(target: Path = DEFAULT_TARGET, dbt_vars: dict[str, object] | None = None) -> Path:
    """Compile every dashboard analysis; return the folder holding the SQL files."""
    executable = Path(sys.executable).with_name("dbt")
    args = [
        str(executable),
        "compile",
        "--quiet",
        "--target",
        "lint",
        "--select",
        "path:analyses/dashboard",
        "--target-path",
        str(target),
        "--log-path",
        str(target / "logs"),
        "--vars",
        json.dumps(dbt_vars or {}),
    ]
    env = {**os.environ, "DBT_PROFILES_DIR": str(PROJECT_ROOT), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    completed = subprocess.run(args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise CompileError(f"dbt compile of analyses/dashboard failed:\n{completed.stdout}{completed.stderr}")
    folder = compiled_dir(target)
    missing = sorted(path.stem for path in ANALYSES_DIR.glob("*.sql") if not (folder / path.name).exists())
    if missing:
        raise CompileError(f"dbt compile left no SQL for {missing}")
    return folder


@dataclass(frozen=True)
class Analysis:
    """A compiled analysis and the names of its positional parameters ($1, $2, ...), in order."""

    sql: str
    parameters: tuple[str, ...]

    def bind(self, values: Mapping[str, Any]) -> list[Any]:
        """The values for $1, $2, ... from a filter's values by name."""
        return [values[name] for name in self.parameters]


# The line the slice macros render (macros/dashboard/dashboard_slices.sql) to name $1, $2, ...
_PARAMETERS_LINE = re.compile(r"^\s*-- params: (.+)$", re.MULTILINE)


def parse_analysis(sql: str) -> Analysis:
    found = _PARAMETERS_LINE.findall(sql)
    if len(found) != 1:
        raise ValueError(f"expected one '-- params:' line in a dashboard analysis, found {len(found)}")
    return Analysis(sql, tuple(name.strip() for name in found[0].split(",")))


def load_analyses(folder: Path) -> dict[str, Analysis]:
    """Mart relation -> its compiled filtered query."""
    queries = {
        relation_name(path.stem): parse_analysis(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.sql"))
    }
    if not queries:
        raise FileNotFoundError(
            f"no compiled dashboard analyses in {folder}: run `python -m scripts.dashboard compile`"
        )
    return queries
