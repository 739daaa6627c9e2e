"""The whole run on a hostile export, named as hostilely as a file can be.

The hostile file (scripts/synthetic/hostile: every line defect at the start, middle and end of
a file larger than DuckDB's sniffer sample, spreadsheet formulas and HTML in valid rows) sits
in a folder whose path carries SQL (`'); copy ... to ...; --`) and a name with a quote, a
space, brackets, `*` and `?`, beside a decoy that a glob-reading of that name would pick. The
run must exit 0, read exactly that file, account for every line as its manifest says, write
no file outside its outputs, and export the formulas neutralised.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from scripts import generate_sample
from scripts.inputs import PROJECT_ROOT
from scripts.run_pipeline import CI, sample_files
from scripts.synthetic.sink import manifest_path

PWNED = "pwned.csv"


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("hostile_run")
    folder = root / f"x'); copy (select 42) to '{PWNED}'; --"
    folder.mkdir()
    path = folder / "it's [1] *events?.csv"
    assert generate_sample.main(["hostile", "--events-path", str(path)]) == 0
    manifest = json.loads(manifest_path(path).read_text(encoding="utf-8"))
    manifest_path(path).unlink()  # the folder then holds only exports a user would point at
    # What reading the name as a glob would find instead.
    (folder / "it's 1 xevents!.csv").write_text(path.read_text(encoding="utf-8", errors="replace")[:300])
    warehouse = root / "warehouse"
    env = {
        **os.environ,
        "EVENTS_PATH": str(path),
        "SESSIONS_PATH": str(sample_files(CI)["sessions"][0]),
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
        "path": path,
        "manifest": manifest,
        "root": root,
        "warehouse": warehouse,
        "outputs": root / "outputs",
        "pwned_before": before,
    }


def test_the_run_succeeds(hostile_run):
    completed = hostile_run["completed"]
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]


def test_only_the_kept_databases_stay_after_the_run(hostile_run):
    """The tables every run rebuilds in full (the scratch database) do not stay on disk: the
    build database (the loaded files, the quarantine) and the published warehouse do."""
    names = {path.name for path in hostile_run["warehouse"].iterdir()}
    assert {"build.duckdb", "analytics.duckdb"} <= names
    assert "build_scratch.duckdb" not in names


def test_no_sql_ran_from_the_path(hostile_run):
    after = (
        set(PROJECT_ROOT.rglob(PWNED)) | set(hostile_run["root"].rglob(PWNED)) | set(Path.cwd().rglob(PWNED))
    )
    assert after == hostile_run["pwned_before"] == set()


def test_exactly_the_named_file_was_read(hostile_run):
    with duckdb.connect(str(hostile_run["warehouse"] / "build.duckdb"), read_only=True) as con:
        files = con.execute("select distinct source_file from staging.base_store__events").fetchall()
    assert files == [(str(hostile_run["path"]),)]


def test_every_line_is_accounted_as_planted(hostile_run):
    manifest = hostile_run["manifest"]
    with duckdb.connect(str(hostile_run["warehouse"] / "analytics.duckdb"), read_only=True) as con:
        audit = con.execute("select * from store.pipeline_audit").df().iloc[0]
    with duckdb.connect(str(hostile_run["warehouse"] / "build.duckdb"), read_only=True) as con:
        reasons = dict(
            con.execute(
                "select reject_reason, count(*) from staging.stg_store__events_rejected group by all"
            ).fetchall()
        )
        planted_lines = {
            (line, reason)
            for line, reason in con.execute(
                "select source_line, reject_reason from staging.base_store__events "
                "where reject_reason is not null"
            ).fetchall()
        }
    assert audit.raw_row_count == manifest["rows"]
    assert audit.raw_row_count == audit.duplicate_row_count + audit.rejected_row_count + audit.clean_row_count
    assert audit.duplicate_row_count == manifest["exact_duplicate_rows"]
    assert audit.clean_row_count == manifest["clean_rows"]
    assert reasons == {reason: n for reason, n in manifest["dirty_rows"].items() if n}
    for name, case in manifest["planted"].items():
        for block in ("start", "middle", "end"):
            for line, reason in zip(case[block]["lines"], case[block]["expect"], strict=False):
                if reason is not None:
                    assert (line, reason) in planted_lines, (name, block, line, reason)


def test_exports_neutralise_formulas_and_keep_them_in_parquet(hostile_run):
    outputs = hostile_run["outputs"]
    with open(outputs / "brand_revenue.csv", newline="", encoding="utf-8") as handle:
        brands = {row["brand"] for row in csv.DictReader(handle)}
    dangerous = {brand for brand in brands if brand[:1] in ("=", "+", "-", "@", "\t", "\r")}
    assert not dangerous, dangerous
    assert any(brand.startswith("'=HYPERLINK") for brand in brands)
    parquet = duckdb.sql(f"select brand from read_parquet('{outputs / 'brand_revenue.parquet'}')").fetchall()
    assert any(brand.startswith("=HYPERLINK") for (brand,) in parquet)


def test_the_report_escapes_what_it_shows(hostile_run):
    html = (hostile_run["outputs"] / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
