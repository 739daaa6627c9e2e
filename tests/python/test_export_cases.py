"""The whole run on a folder of the files people really have, each audited on its own row.

One run (`make run` with EVENTS_PATH and SESSIONS_PATH naming two folders) over the files of
tests/python/export_cases.py: the hostile file, a file as tools re-save it, 500 small daily
files, a file of which no row is usable (named in a warning), a labelled and an unlabelled
session file.

Every file's pipeline_audit row must equal an independent reading of it (tests/python
store_reference.py), the hostile file's planted lines get their reasons, times are converted
to UTC, no SQL runs from the path, and the exports neutralise formulas. Slow (~1 min): the
pipeline end to end, dbt build, exports and report.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from scripts.inputs import PROJECT_ROOT
from scripts.run_pipeline import CI, sample_files
from scripts.synthetic.cases import UTF8_BRANDS, write_nothing_usable
from tests.python.export_cases import PWNED, write_export_cases
from tests.python.store_reference import clean_events, read_raw_events

DAILY_FILES = 500
ACCEPTED = ["view", "cart", "purchase", "remove_from_cart"]


@pytest.fixture(scope="module")
def cases_run(tmp_path_factory) -> dict:
    """Every case as files of one folder, in one `make run`. Slow (about 60 s): a whole run
    (parse, build, data tests, exports, report) over 500 daily files and the case files."""
    root = tmp_path_factory.mktemp("cases_run")
    cases = write_export_cases(root, DAILY_FILES)
    warehouse = root / "warehouse"
    env = {
        **os.environ,
        "EVENTS_PATH": str(cases.events),
        "SESSIONS_PATH": str(cases.sessions),
        "DUCKDB_PATH": str(warehouse / "analytics.duckdb"),
        "DUCKDB_BUILD_PATH": str(warehouse / "build.duckdb"),
        "OUTPUTS_DIR": str(root / "outputs"),
        "DBT_TARGET_PATH": str(root / "target"),  # leave the project's manifest alone
    }
    before = set(PROJECT_ROOT.rglob(PWNED)) | set(root.rglob(PWNED))
    completed = subprocess.run(
        [sys.executable, "-m", "scripts.run_pipeline"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return {
        "completed": completed,
        "root": root,
        "events": cases.events,
        "files": cases.event_files,
        "hostile": cases.hostile,
        "manifest": cases.hostile_manifest,
        "event_at": cases.event_at,
        "unlabelled": cases.unlabelled_sessions,
        "warehouse": warehouse,
        "outputs": root / "outputs",
        "pwned_before": before,
    }


def _query(cases_run, database: str, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(cases_run["warehouse"] / database), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_the_run_succeeds_and_says_what_it_ignored(cases_run):
    completed = cases_run["completed"]
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]
    out = completed.stdout.splitlines()
    tools = cases_run["events"] / "tools.csv"
    assert f"  {tools}: ignoring the unnamed first column (an index, as pandas writes it)" in out
    nothing = cases_run["events"] / "nothing-usable.csv"
    assert any(line.startswith(f"warning: {nothing}: no usable row among its 40 rows") for line in out), out[
        -20:
    ]


def test_every_file_is_audited_as_an_independent_reading_counts_it(cases_run):
    files = cases_run["files"]
    assert len(files) == DAILY_FILES + 4
    lines = read_raw_events(*files)
    audit = {
        row[0]: row[1:]
        for row in _query(
            cases_run,
            "analytics.duckdb",
            "select source_file, raw_row_count, duplicate_row_count, rejected_row_count, clean_row_count, "
            "ignored_columns from store.pipeline_audit where not is_total",
        )
    }
    assert sorted(audit) == sorted(str(path) for path in files), "not exactly the folder's files were read"
    reference = clean_events(lines, ACCEPTED)
    for path in files:
        raw = sum(1 for line in lines if line.source_file == str(path))
        clean = int((reference.clean.source_file == str(path)).sum())
        rejected = int((reference.rejected.source_file == str(path)).sum())
        ignored = "notes" if path.name == "tools.csv" else ""
        assert audit[str(path)] == (raw, raw - clean - rejected, rejected, clean, ignored), path.name


def test_the_hostile_lines_get_their_planted_reasons(cases_run):
    manifest = cases_run["manifest"]
    (audit,) = _query(
        cases_run,
        "analytics.duckdb",
        "select raw_row_count, duplicate_row_count, clean_row_count from store.pipeline_audit "
        "where source_file = ?",
        [str(cases_run["hostile"])],
    )
    assert audit == (manifest["rows"], manifest["exact_duplicate_rows"], manifest["clean_rows"])
    reasons = dict(
        _query(
            cases_run,
            "build.duckdb",
            "select reject_reason, count(*) from staging.stg_store__events_rejected "
            "where source_file = ? group by all",
            [str(cases_run["hostile"])],
        )
    )
    assert reasons == {reason: n for reason, n in manifest["dirty_rows"].items() if n}
    got = dict(
        _query(
            cases_run,
            "build.duckdb",
            "select source_line, reject_reason from staging.base_store__events where source_file = ?",
            [str(cases_run["hostile"])],
        )
    )
    for name, case in manifest["planted"].items():
        for block in ("start", "middle", "end"):
            for line, reason in zip(case[block]["lines"], case[block]["expect"], strict=True):
                assert got[line] == reason, (name, block, line, reason)


def test_times_as_tools_write_them_are_read_in_utc(cases_run):
    tools = cases_run["events"] / "tools.csv"
    loaded = dict(
        _query(
            cases_run,
            "build.duckdb",
            "select source_line, strftime(event_at, '%Y-%m-%d %H:%M:%S.%f') from staging.base_store__events "
            "where source_file = ? and event_at is not null",
            [str(tools)],
        )
    )
    expected = {line: at if "." in at else f"{at}.000000" for line, at in cases_run["event_at"].items()}
    assert loaded == expected


def test_brands_in_any_script_keep_their_letters(cases_run):
    brands = {
        brand
        for (brand,) in _query(
            cases_run, "analytics.duckdb", "select distinct brand from store.events_cleaned"
        )
    }
    assert set(UTF8_BRANDS) <= brands


def test_unlabelled_sessions_count_as_sessions_not_as_non_clicks(cases_run, warehouse):
    """The unlabelled file's sessions are sessions; the click measures are the labelled file's
    alone, as the CI build of that file gives them."""
    (audit,) = _query(
        cases_run,
        "analytics.duckdb",
        "select raw_row_count, clean_row_count from ads.pipeline_audit where source_file like '%test.csv'",
    )
    assert audit == (cases_run["unlabelled"], cases_run["unlabelled"])
    (got,) = _query(
        cases_run,
        "analytics.duckdb",
        "select session_count, click_count, click_through_rate from ads.kpi_summary",
    )
    labelled = warehouse.execute(
        "select session_count, click_count, click_through_rate from ads.kpi_summary"
    ).fetchone()
    assert got == (labelled[0] + cases_run["unlabelled"], labelled[1], labelled[2])


def test_no_sql_ran_from_the_path(cases_run):
    after = (
        set(PROJECT_ROOT.rglob(PWNED)) | set(cases_run["root"].rglob(PWNED)) | set(Path.cwd().rglob(PWNED))
    )
    assert after == cases_run["pwned_before"] == set()


def test_only_the_kept_databases_stay_after_the_run(cases_run):
    """The tables every run rebuilds in full (the scratch database) do not stay on disk: the
    build database (the loaded files, the quarantine) and the published warehouse do."""
    names = {path.name for path in cases_run["warehouse"].iterdir()}
    assert {"build.duckdb", "analytics.duckdb"} <= names
    assert "build_scratch.duckdb" not in names


def test_exports_neutralise_formulas_and_keep_them_in_parquet(cases_run):
    outputs = cases_run["outputs"]
    with open(outputs / "brand_revenue.csv", newline="", encoding="utf-8") as handle:
        brands = {row["brand"] for row in csv.DictReader(handle)}
    dangerous = {brand for brand in brands if brand[:1] in ("=", "+", "-", "@", "\t", "\r")}
    assert not dangerous, dangerous
    assert any(brand.startswith("'=HYPERLINK") for brand in brands)
    parquet = duckdb.sql(f"select brand from read_parquet('{outputs / 'brand_revenue.parquet'}')").fetchall()
    assert any(brand.startswith("=HYPERLINK") for (brand,) in parquet)


def test_the_report_escapes_what_it_shows(cases_run):
    html = (cases_run["outputs"] / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html


def test_input_of_which_nothing_survives_is_named_and_publishes_nothing(tmp_path, cases_run):
    """A run whose events yield no usable row stops before its marts (the has_rows test on
    stg_store__events) with one line naming the file, its rows and their most common reason
    with an example, not a mart's contract error. Slow (~30 s): a whole run's build. It reuses
    the cases run's parse (its target folder; same profile, same vars)."""
    path = tmp_path / "events.csv"
    write_nothing_usable(path, rows=40, seed=9)
    warehouse = tmp_path / "warehouse"
    env = {
        **os.environ,
        "EVENTS_PATH": str(path),
        "SESSIONS_PATH": str(sample_files(CI)["sessions"][0]),
        "DUCKDB_PATH": str(warehouse / "analytics.duckdb"),
        "DUCKDB_BUILD_PATH": str(warehouse / "build.duckdb"),
        "OUTPUTS_DIR": str(tmp_path / "outputs"),
        "DBT_TARGET_PATH": str(cases_run["root"] / "target"),
    }
    completed = subprocess.run(
        [sys.executable, "-m", "scripts.run_pipeline"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 2, completed.stdout[-3000:] + completed.stderr[-2000:]
    (line,) = completed.stderr.strip().splitlines()
    assert line.startswith(
        f"error: {path}: no usable row: its 40 rows are all quarantined, most often as invalid_event_type "
        "(40 rows; line 2: "
    ), line
    assert line.endswith(". Nothing was published")
    assert not (warehouse / "analytics.duckdb").exists() and not (tmp_path / "outputs").exists()
