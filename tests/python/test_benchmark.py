"""scripts/benchmark.py's bookkeeping: each measured step's work is deleted unless --keep (so a
benchmark at 50M events does not fill the disk with databases it no longer reads), and where the
time goes is read per table from the reference and per model from dbt."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from scripts.benchmark import _dbt_profile, _discard
from scripts.benchmark_reference.__main__ import run_timed


def _step_work(scratch: Path) -> list[Path]:
    """A database with its write-ahead log, and a build folder holding files."""
    database = scratch / "reference.duckdb"
    database.write_bytes(b"db")
    Path(f"{database}.wal").write_bytes(b"wal")
    build = scratch / "dbt_build" / "target"
    build.mkdir(parents=True)
    (build / "run_results.json").write_text("{}", encoding="utf-8")
    return [database, scratch / "dbt_build"]


def test_a_measured_steps_work_is_deleted(tmp_path: Path) -> None:
    inputs = tmp_path / "events-01.csv"
    inputs.write_text("event_time\n", encoding="utf-8")
    work = _step_work(tmp_path)
    _discard(False, *work, tmp_path / "never_written.duckdb")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events-01.csv"]


def test_keep_leaves_the_work_for_inspection(tmp_path: Path) -> None:
    work = _step_work(tmp_path)
    _discard(True, *work)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dbt_build",
        "reference.duckdb",
        "reference.duckdb.wal",
    ]
    assert (tmp_path / "dbt_build" / "target" / "run_results.json").exists()


def test_the_profile_names_the_slowest_models_and_totals_the_tests(tmp_path: Path) -> None:
    run_results = tmp_path / "run_results.json"
    nodes = [(f"model.project.model_{n:02d}", float(n)) for n in range(12)]
    nodes += [("test.project.unique_model_00_id.abc", 0.25), ("test.project.not_null_x.def", 0.5)]
    run_results.write_text(
        json.dumps({"results": [{"unique_id": uid, "execution_time": t} for uid, t in nodes]}),
        encoding="utf-8",
    )
    profile = _dbt_profile(run_results)
    assert list(profile) == [f"model_{n:02d}" for n in range(11, 1, -1)] + ["data tests (thread seconds)"]
    assert profile["data tests (thread seconds)"] == 0.8  # 0.75, rounded to one decimal


def test_the_reference_is_timed_per_table_it_creates() -> None:
    script = (
        "create table lines as select ';' as text;\n"
        "-- a comment; with a semicolon\n"
        "create table events as select 1 as id;\n"
    )
    with duckdb.connect() as con:
        seconds = run_timed(con, script)
        assert con.execute("select text from lines").fetchall() == [(";",)]
    assert list(seconds) == ["lines", "events"]
