"""The MetricFlow semantic layer (models/semantic/) equals the marts.

A mart column that holds a metric's number names it in its YAML (`config: meta: metric:`), and
the mart says which `mf query` gives its rows (`config: meta: metricflow:` - the group-by,
each mapped to the mart expression it equals, and optionally a filter on the mart's rows or on
the metrics). Every such query runs on the CI warehouse and each named column is compared row
by row (compare.py: counts exact, money to the cent, rates to 1e-9). Every metric in the
semantic manifest must be named by at least one mart column. The `mf` command itself runs
too: its validations on the CI warehouse, a broken metric failing them, and a query that reads
the published file only.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from scripts.inputs import PROJECT_ROOT
from tests.python.compare import RATE_TOLERANCE, cents, plain
from tests.python.dbt_manifest import load_manifest, mart_nodes
from tests.python.metricflow_queries import MetricQueries, load_semantic_manifest

MF = Path(sys.executable).with_name("mf")


@dataclass(frozen=True)
class MartCheck:
    """One `mf query` and the mart rows it must reproduce."""

    relation: str  # schema.table
    columns: dict[str, str]  # mart column -> metric
    group_by: dict[str, str] = field(default_factory=dict)  # mf group-by -> mart SQL expression
    where: str | None = None  # SQL filter on the mart's rows
    metric_filter: dict[str, list] = field(default_factory=dict)  # mf dimension -> values kept

    @property
    def name(self) -> str:
        slice_ = f" where {self.where}" if self.where else ""
        return f"{self.relation} by ({', '.join(self.group_by) or 'nothing'}){slice_}"

    def metrics(self) -> list[str]:
        return sorted(set(self.columns.values()))

    def metric_where(self) -> list[str]:
        return [
            "{{{{ Dimension('{}') }}}} in ({})".format(dimension, ", ".join(f"'{value}'" for value in values))
            for dimension, values in self.metric_filter.items()
        ]

    def mart_sql(self) -> str:
        keys = [f'{expression} as "{name}"' for name, expression in self.group_by.items()]
        values = [f'{column} as "{column}"' for column in self.columns]
        where = f" where {self.where}" if self.where else ""
        return f"select {', '.join(keys + values)} from {self.relation}{where}"


def mart_checks(manifest: dict) -> list[MartCheck]:
    """Every mart query declared in the mart YAMLs' meta, with the columns naming a metric."""
    checks = []
    for node in mart_nodes(manifest).values():
        relation = f"{node['schema']}.{node['alias']}"
        columns = {
            name: column["config"]["meta"]["metric"]
            for name, column in node["columns"].items()
            if "metric" in (column.get("config") or {}).get("meta", {})
        }
        queries = node["config"]["meta"].get("metricflow", [])
        assert bool(columns) == bool(queries), (
            f"{relation}: columns naming a metric {sorted(columns)}, but metricflow queries {queries}: "
            "a mart needs both or neither"
        )
        for query in queries:
            unknown = set(query) - {"group_by", "where", "metric_filter"}
            assert not unknown, f"{relation}: unknown metricflow query keys {unknown}"
            checks.append(
                MartCheck(
                    relation=relation,
                    columns=columns,
                    group_by=dict(query.get("group_by") or {}),
                    where=query.get("where"),
                    metric_filter=dict(query.get("metric_filter") or {}),
                )
            )
    return checks


def _key(value):
    """A group-by value as both sides can compare it: MetricFlow returns dates as datetimes."""
    value = plain(value)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime.combine(value, datetime.time())
    return value


def _is_zero(value) -> bool:
    value = plain(value)
    return value is None or value == 0


def compare_rows(
    check: MartCheck, ratio_metrics: set[str], mf_rows: list[dict], mart_rows: list[dict]
) -> list[str]:
    """Problems found comparing MetricFlow's rows with the mart's, keyed on the group-by. A mart
    row MetricFlow does not return must be empty (a spine's day, month or cell without activity:
    0 or null in every metric column)."""
    problems = []
    keys = list(check.group_by)
    got = {tuple(_key(row[key]) for key in keys): row for row in mf_rows}
    want = {tuple(_key(row[key]) for key in keys): row for row in mart_rows}
    assert len(got) == len(mf_rows) and len(want) == len(mart_rows), f"{check.name}: duplicate keys"
    for key in sorted(set(got) - set(want), key=repr):
        problems.append(f"{check.name} {key}: returned by mf, not in the mart")
    for key, mart_row in sorted(want.items(), key=lambda item: repr(item[0])):
        mf_row = got.get(key)
        for column, metric in check.columns.items():
            expected = plain(mart_row[column])
            if mf_row is None:
                if not _is_zero(expected):
                    problems.append(f"{check.name} {key}: no mf row, mart {column} = {expected}")
                continue
            actual = plain(mf_row[metric])
            if not _equal(expected, actual, metric in ratio_metrics):
                problems.append(
                    f"{check.name} {key}: mart {column} = {expected!r}, metric {metric} = {actual!r}"
                )
    return problems


def _equal(expected, actual, is_ratio: bool) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, Decimal):  # money
        if is_ratio:  # the mart rounds the ratio to the cent
            return abs(float(actual) * 100 - cents(expected)) <= 0.5 + 1e-6
        return cents(actual) == cents(expected)
    if isinstance(expected, float):  # a rate or an average
        return abs(float(actual) - expected) <= RATE_TOLERANCE
    return actual == expected and float(actual).is_integer()  # a count: exact


@pytest.fixture(scope="module")
def manifest(ci_database: Path) -> dict:
    return load_manifest()


@pytest.fixture(scope="module")
def semantic_manifest(ci_database: Path) -> dict:
    return load_semantic_manifest()


@pytest.fixture(scope="module")
def checks(manifest: dict) -> list[MartCheck]:
    return mart_checks(manifest)


@pytest.fixture(scope="module")
def metric_queries(semantic_manifest: dict, ci_database: Path):
    queries = MetricQueries(semantic_manifest, ci_database)
    yield queries
    queries.close()


def test_every_metric_equals_a_mart_column(semantic_manifest: dict, checks: list[MartCheck]):
    defined = {metric["name"] for metric in semantic_manifest["metrics"]}
    assert len(defined) >= 17, sorted(defined)
    named = {metric for check in checks for metric in check.columns.values()}
    assert not defined - named, (
        f"metrics no mart column names (and so nothing checks): {sorted(defined - named)}"
    )
    assert not named - defined, f"mart columns name metrics that do not exist: {sorted(named - defined)}"


def test_the_required_slices_are_checked(checks: list[MartCheck]):
    """The overall KPIs, by month, by brand, by campaign x gender and by weekday x hour."""
    declared = {(check.relation, tuple(check.group_by)) for check in checks}
    for required in [
        ("store.kpi_summary", ()),
        ("ads.kpi_summary", ()),
        ("store.activity_by_month", ("metric_time__month",)),
        ("store.brand_revenue", ("event__brand",)),
        ("ads.campaign_segment_performance", ("campaign", "session__gender")),
        ("ads.activity_heatmap", ("session__session_weekday", "session__session_hour")),
    ]:
        assert required in declared, f"no check of {required}"


def test_metrics_equal_the_marts(checks: list[MartCheck], semantic_manifest: dict, metric_queries, warehouse):
    ratio_metrics = {metric["name"] for metric in semantic_manifest["metrics"] if metric["type"] == "ratio"}
    problems = []
    for check in checks:
        mf_rows = metric_queries.query(check.metrics(), list(check.group_by), check.metric_where())
        cursor = warehouse.execute(check.mart_sql())
        names = [description[0] for description in cursor.description]
        mart_rows = [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]
        assert mart_rows, f"{check.name}: the mart has no row to compare"
        problems += compare_rows(check, ratio_metrics, mf_rows, mart_rows)
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:40])


def test_the_comparison_fails_on_a_difference():
    """compare_rows itself: a count off by one, a cent, a rate off by 1e-8, a row too many or
    a non-empty row missing are each reported; a missing empty row is not."""
    check = MartCheck(
        relation="t",
        group_by={"k": "k"},
        columns={"n": "count_metric", "money": "money_metric", "rate": "rate_metric", "aov": "aov_metric"},
    )
    mart = [
        {"k": 1, "n": 3, "money": Decimal("10.01"), "rate": 0.25, "aov": Decimal("3.34")},
        {"k": 2, "n": 0, "money": Decimal("0.00"), "rate": None, "aov": None},
    ]
    good = [{"k": 1, "count_metric": 3, "money_metric": 10.01, "rate_metric": 0.25, "aov_metric": 10.01 / 3}]
    assert compare_rows(check, {"aov_metric"}, good, mart) == []
    for column, wrong in [
        ("count_metric", 4),
        ("money_metric", 10.02),
        ("rate_metric", 0.25 + 1e-8),
        ("aov_metric", 3.35),
    ]:
        assert compare_rows(check, {"aov_metric"}, [{**good[0], column: wrong}], mart), column
    assert compare_rows(check, {"aov_metric"}, good + [{**good[0], "k": 3}], mart)
    assert compare_rows(check, {"aov_metric"}, [], mart)


def test_the_time_spine_is_every_day_of_the_plausible_window(warehouse, dbt_vars):
    """Every day from plausible_time_min up to (not including) plausible_time_max, once: the
    window every clean event and session lies in, so both logs' days are covered."""
    first, last, days, distinct_days, uncovered = warehouse.execute(
        """
        select
            min(date_day), max(date_day), count(*), count(distinct date_day),
            (select count(*) from store.events_cleaned
                where event_date not in (select date_day from semantic.time_spine))
            + (select count(*) from ads.sessions_cleaned
                where session_date not in (select date_day from semantic.time_spine))
        from semantic.time_spine
        """
    ).fetchone()
    assert str(first) == dbt_vars["plausible_time_min"]
    assert last == datetime.date.fromisoformat(dbt_vars["plausible_time_max"]) - datetime.timedelta(days=1)
    assert days == distinct_days == (last - first).days + 1
    assert uncovered == 0


def _mf_environment(ci_database: Path, **extra: str) -> dict[str, str]:
    """The environment `make metrics` gives mf, on the CI warehouse."""
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "DBT_TARGET": "metrics",
        "DUCKDB_PATH": str(ci_database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        **extra,
    }


def _run(args: list[str], env: dict[str, str], cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300)


def test_mf_validate_configs_passes_on_the_ci_warehouse(ci_database: Path):
    """MetricFlow's own semantic validations, then every semantic model, dimension, entity,
    measure and metric queried on the CI warehouse."""
    completed = _run([str(MF), "validate-configs"], _mf_environment(ci_database))
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
    assert "Successfully validated metrics against data warehouse" in completed.stdout


def test_mf_validate_configs_fails_on_a_broken_metric(
    ci_database: Path, semantic_manifest: dict, tmp_path: Path
):
    """A metric filtering on a dimension that does not exist passes `dbt parse` (which checks
    names of metrics and measures, not filters) but fails MetricFlow's validation."""
    broken = json.loads(json.dumps(semantic_manifest))
    metric = next(metric for metric in broken["metrics"] if metric["name"] == "user_conversion_rate")
    numerator = metric["type_params"]["numerator"]
    numerator["filter"]["where_filters"][0]["where_sql_template"] = (
        "{{ Dimension('event__no_such_dimension') }} = 'x'"
    )
    (tmp_path / "target").mkdir()
    (tmp_path / "target" / "semantic_manifest.json").write_text(json.dumps(broken), encoding="utf-8")
    for name in ("dbt_project.yml", "profiles.yml"):
        shutil.copy(PROJECT_ROOT / name, tmp_path / name)
    completed = _run(
        [str(MF), "validate-configs"],
        _mf_environment(ci_database, DBT_PROFILES_DIR=str(tmp_path)),
        cwd=tmp_path,
    )
    assert completed.returncode != 0, completed.stdout[-4000:]
    assert "user_conversion_rate" in completed.stdout and "event__no_such_dimension" in completed.stdout


def test_make_metrics_reads_the_published_file_only(ci_database: Path, read_mart, tmp_path: Path):
    """`make metrics` answers from the published warehouse without writing or locking anything
    a run needs: it never opens the build database (here a path that cannot exist), ignores a
    candidate (here one a running build would be writing), and leaves the published file as it
    was. Its answer is the mart's."""
    published = ci_database.stat()
    candidate = tmp_path / "candidate.duckdb"
    out = tmp_path / "revenue_by_month.csv"
    env = _mf_environment(
        ci_database, DUCKDB_BUILD_PATH="/nonexistent/build.duckdb", DUCKDB_CANDIDATE_PATH=str(candidate)
    )
    env.pop("DBT_TARGET")  # make metrics chooses the target itself
    completed = _run(
        [
            "make",
            "--no-print-directory",
            "metrics",
            f"Q=--metrics revenue,purchases --group-by metric_time__month --csv {out}",
        ],
        env,
    )
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
    assert not candidate.exists()
    after = ci_database.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        published.st_ino,
        published.st_size,
        published.st_mtime_ns,
    )
    with out.open(encoding="utf-8") as handle:
        answered = {row["metric_time__month"][:7]: row for row in csv.DictReader(handle)}
    months = read_mart("store.activity_by_month")
    expected = {row.event_month: row for row in months.itertuples() if row.event_count > 0}
    assert set(answered) == set(expected)
    for month, row in expected.items():
        assert cents(answered[month]["revenue"]) == cents(row.revenue), month
        assert int(answered[month]["purchases"]) == row.purchase_count, month
