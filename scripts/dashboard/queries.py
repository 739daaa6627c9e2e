"""The dashboard's filtered queries: each mart's own compiled SQL, run over a filtered slice.

`compile_queries` runs `dbt compile` over the marts (with every model upstream of them but
staging) and analyses/dashboard/, against the in-memory `lint` target (no warehouse is opened,
so it never waits on `make run`), into a target folder of its own and with the dbt vars of the
build being read: a threshold such as `alert_min_views` must be the one the published marts
were built with. Then, for every mart a page shows, it composes one query from the manifest and
writes it to `<target>/filtered/<schema>__<mart>.sql`:

- the mart's compiled SQL, in which every input relation (a parent's `relation_name`, as the
  compiled code names it) is replaced by the name of a CTE holding that input;
- each such input computed by its own compiled SQL, its inputs replaced in turn, down to
- the page's slice (filters.py): the published clean fact table (store.events_cleaned,
  ads.sessions_cleaned) filtered by bind parameters.

So kpi_summary over a slice is kpi_summary's SQL reading the slice as int_events_enriched, and
funnel_summary and int_users_funnel_states computed from the slice by their own SQL. Nothing
here writes a metric: the SQL is dbt's, only the relation names change.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.dashboard.filters import CAMPAIGN_SLICE, STORE_SLICE, Slice
from scripts.inputs import PROJECT_ROOT

PROJECT = "ecommerce_analytics"
# Apart from target/ (which `make run` writes), so that compiling never races a build.
DEFAULT_TARGET = PROJECT_ROOT / "target" / "dashboard"

# Where a mart's chain of inputs stops: models whose rows the published clean fact table holds
# with the same columns (events_cleaned publishes int_events_backfilled, which extends
# int_events_enriched, a projection of stg_store__events; sessions_cleaned publishes
# int_sessions_enriched), read as the page's slice of it.
SLICES = {
    "stg_store__events": STORE_SLICE,
    "int_events_enriched": STORE_SLICE,
    "int_events_backfilled": STORE_SLICE,
    "int_sessions_enriched": CAMPAIGN_SLICE,
}
# Computed over the whole fact table whatever the filter: a product's brand and category are
# catalog facts, not measures of the slice, so a filtered product list reports each product
# under the brand and category the marts give it. (A user's returning flag is a column of
# sessions_cleaned, computed over the whole log upstream.)
WHOLE_LOG_MODELS = frozenset({"int_product_brands_resolved", "int_product_categories_resolved"})
# Inputs the published warehouse does not hold (it holds the marts, not the seeds), read from
# an analysis that rebuilds them from a mart.
STAND_INS = {"segment_actions": "dashboard_segment_actions"}

_SCOPES = ("slice", "whole")


class CompileError(RuntimeError):
    """dbt could not compile the dashboard's models, or a filtered query could not be composed."""


def file_stem(relation: str) -> str:
    """`store.kpi_summary` -> `store__kpi_summary`."""
    schema, _, table = relation.partition(".")
    return f"{schema}__{table}"


def relation_of(stem: str) -> str:
    """`store__kpi_summary` -> `store.kpi_summary`."""
    schema, _, table = stem.partition("__")
    return f"{schema}.{table}"


def filtered_dir(target: Path) -> Path:
    return target / "filtered"


def compile_queries(
    relations: Iterable[str],
    target: Path = DEFAULT_TARGET,
    dbt_vars: Mapping[str, object] | None = None,
) -> Path:
    """Compile the models, compose the filtered query of each mart in `relations`
    (`store.kpi_summary`, ...); return the folder holding one SQL file per mart."""
    executable = Path(sys.executable).with_name("dbt")
    args = [
        str(executable),
        "compile",
        "--quiet",
        "--target",
        "lint",
        # Staging is never computed here (the slices stand for it), and its base models read
        # files when compiled.
        "--select",
        "+path:models/marts",
        "path:analyses/dashboard",
        "--exclude",
        "path:models/staging",
        "resource_type:test",
        "resource_type:unit_test",
        "--target-path",
        str(target),
        "--log-path",
        str(target / "logs"),
        "--vars",
        json.dumps(dict(dbt_vars or {})),
    ]
    env = {**os.environ, "DBT_PROFILES_DIR": str(PROJECT_ROOT), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    completed = subprocess.run(args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise CompileError(f"dbt compile for the dashboard failed:\n{completed.stdout}{completed.stderr}")
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    folder = filtered_dir(target)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.sql"):
        stale.unlink()
    for relation in relations:
        (folder / f"{file_stem(relation)}.sql").write_text(compose(manifest, relation), encoding="utf-8")
    return folder


def compose(manifest: Mapping[str, Any], relation: str) -> str:
    """The filtered query of mart `relation` (`schema.table`) from a compiled manifest."""
    return _Composer(manifest).query(relation)


class _Composer:
    def __init__(self, manifest: Mapping[str, Any]) -> None:
        self.nodes: Mapping[str, Any] = manifest["nodes"]
        self.ctes: dict[str, str] = {}  # CTE name -> its SQL, each after the CTEs it reads
        self.models: list[str] = []
        self.slices: set[Slice] = set()

    def query(self, relation: str) -> str:
        schema, _, table = relation.partition(".")
        found = [
            unique_id
            for unique_id, node in self.nodes.items()
            if node["resource_type"] == "model"
            and node["original_file_path"].startswith("models/marts/")
            and (node["schema"], node["alias"]) == (schema, table)
        ]
        if len(found) != 1:
            raise CompileError(f"no single mart publishes {relation}: {found}")
        top = self._read(found[0], "slice")
        if len(self.slices) != 1:
            raise CompileError(f"{relation} reads {len(self.slices)} slices, not one")
        (page_slice,) = self.slices
        bodies = ",\n\n".join(f"{name} as (\n{_indent(sql)}\n)" for name, sql in self.ctes.items())
        header = textwrap.fill(
            f"{relation} over the dashboard's filtered slice, composed by scripts/dashboard/queries.py "
            f"from the compiled SQL of {', '.join(self.models)}: each a CTE below, its inputs renamed "
            "to the CTEs before it. Run it with the published warehouse attached as `marts` and the "
            "filter values bound to $1, $2, ... in the order of the params line.",
            width=96,
            initial_indent="-- ",
            subsequent_indent="-- ",
            break_on_hyphens=False,
        )
        parameters = f"-- params: {', '.join(page_slice.parameters)}"
        return f"{header}\n{parameters}\nwith {bodies}\n\nselect * from {top}\n"

    def _read(self, unique_id: str, scope: str) -> str:
        """What a consumer in `scope` reads for node `unique_id`: a CTE name or a published
        relation. Adds the CTEs needed."""
        node = self.nodes.get(unique_id)
        if node is None:
            raise CompileError(f"the dashboard has no rows for {unique_id} (a source?)")
        name = node["name"]
        if name in STAND_INS:
            return self._analysis(STAND_INS[name])
        if name in SLICES:
            page_slice = SLICES[name]
            fact = self._node(f"model.{PROJECT}.{page_slice.fact_table}")["relation_name"]
            if scope == "whole":
                return fact
            cte = f"slice__{page_slice.fact_table}"
            self.ctes.setdefault(cte, page_slice.sql(fact))
            self.slices.add(page_slice)
            return cte
        if node["resource_type"] != "model" or not node.get("relation_name"):
            raise CompileError(f"the dashboard cannot compute {unique_id}: not a model with a relation")
        if name in WHOLE_LOG_MODELS:
            scope = "whole"
        cte = f"{scope}__{name}"
        if cte not in self.ctes:
            sql = self._compiled(node)
            renamed = {}
            for parent in node["depends_on"]["nodes"]:
                parent_relation = self._node(parent)["relation_name"]
                if not parent_relation or parent_relation not in sql:
                    raise CompileError(f"{unique_id} does not name its input {parent} as {parent_relation}")
                renamed[parent_relation] = self._read(parent, scope)
            # All at once, so that a name put in is never renamed again.
            pattern = "|".join(re.escape(relation) for relation in renamed)
            self.ctes[cte] = re.sub(pattern, lambda found: renamed[found.group(0)], sql) if renamed else sql
            self.models.append(name if scope == "slice" else f"{name} (whole log)")
        return cte

    def _analysis(self, name: str) -> str:
        if name not in self.ctes:
            self.ctes[name] = self._compiled(self._node(f"analysis.{PROJECT}.{name}"))
        return name

    def _node(self, unique_id: str) -> Mapping[str, Any]:
        try:
            return self.nodes[unique_id]
        except KeyError:
            raise CompileError(f"{unique_id} is not in the manifest") from None

    def _compiled(self, node: Mapping[str, Any]) -> str:
        sql = node.get("compiled_code")
        if not sql:
            raise CompileError(f"dbt compile left no SQL for {node['unique_id']}")
        # The CTE names given here must not already be names inside the SQL they wrap.
        clash = [scope for scope in _SCOPES if re.search(rf"\b{scope}__\w", sql)]
        clash += [analysis for analysis in STAND_INS.values() if analysis in sql]
        if clash:
            raise CompileError(f"{node['unique_id']} already uses the CTE names {clash}")
        return sql.strip()


def _indent(sql: str) -> str:
    return "\n".join(f"    {line}" if line else line for line in sql.splitlines())


@dataclass(frozen=True)
class FilteredQuery:
    """A composed query and the names of its positional parameters ($1, $2, ...), in order."""

    sql: str
    parameters: tuple[str, ...]

    def bind(self, values: Mapping[str, Any]) -> list[Any]:
        """The values for $1, $2, ... from a filter's values by name."""
        return [values[name] for name in self.parameters]


# The line each composed query starts with, naming $1, $2, ...
_PARAMETERS_LINE = re.compile(r"^\s*-- params: (.+)$", re.MULTILINE)


def parse_query(sql: str) -> FilteredQuery:
    found = _PARAMETERS_LINE.findall(sql)
    if len(found) != 1:
        raise ValueError(
            f"expected one '-- params:' line (one slice) in a filtered query, found {len(found)}"
        )
    return FilteredQuery(sql, tuple(name.strip() for name in found[0].split(",")))


def load_queries(folder: Path) -> dict[str, FilteredQuery]:
    """Mart relation -> its filtered query."""
    queries = {
        relation_of(path.stem): parse_query(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.sql"))
    }
    if not queries:
        raise FileNotFoundError(
            f"no filtered dashboard queries in {folder}: run `python -m scripts.dashboard compile`"
        )
    return queries
