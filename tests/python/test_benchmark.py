"""scripts/benchmark.py's bookkeeping: each measured step's work is deleted unless --keep (so a
benchmark at 50M events does not fill the disk with databases it no longer reads), where the
time goes is read per table from the reference and per model from dbt, and PERFORMANCE.md shows
every figure of the run, with the machine, the date and the commit."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path

import duckdb
import pytest

from scripts import benchmark
from scripts.benchmark import _dbt_profile, _discard, describe_commit, render_performance
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


# One run's results as main() writes them, every figure distinct so a figure misplaced shows.
RESULTS = {
    "machine": {
        "cpus": 2,
        "memory_gib": 23.5,
        "system": "Linux-6.1-x86_64-with-glibc2.36",
        "python": "3.11.7",
        "duckdb": "1.3.2",
        "dbt_core": "1.11.16",
        "dbt_duckdb": "1.11.1",
        "duckdb_memory_limit": "4GB",
        "dbt_threads": "2",
    },
    "run": {
        "date": "2025-06-02 09:15 UTC",
        "commit": "abc1234",
        "uncommitted_changes": False,
        "command": "python -m scripts.benchmark --events 1000000",
    },
    "events": 1_000_000,
    "files": 1,
    "layout": "electronics",
    "sessions": 5_000,
    "generation_seconds": 9.9,
    "one_set": {
        "input_mib": 112.4,
        "raw_scan": {"seconds": 1.1, "peak_rss_mib": 101.2},
        "parse_typed_reader": {"seconds": 2.2, "peak_rss_mib": 202.3},
        "models_parse_seconds": 3.3,
        "models_parse_vs_typed_read_csv": 1.5,
        "reference": {
            "seconds": 13.9,
            "peak_rss_mib": 404.5,
            "slowest_steps": {"parsed": 4.4, "journeys": 3.2},
        },
        "dbt_build": {
            "seconds": 51.8,
            "peak_rss_mib": 1505.6,
            "slowest_steps": {
                "base_store__events": 6.6,
                "events_cleaned": 5.5,
                "data tests (thread seconds)": 7.7,
            },
        },
        "dbt_build_vs_reference": 3.73,
        "make_run": {"seconds": 1070.6, "peak_rss_mib": 825.7},
        "disk_after_run_mib": {"warehouse": 111.5, "outputs": 327.3},
    },
    "incremental": {
        "full_build_of_ten": {"seconds": 52.9, "peak_rss_mib": 900.1},
        "adding_the_tenth": {"seconds": 56.9, "peak_rss_mib": 910.2},
        "tenth_vs_full": 1.08,
    },
}


def _lines(results: dict) -> list[str]:
    return render_performance(results).splitlines()


def test_the_page_names_the_machine_the_date_the_commit_and_the_arguments() -> None:
    lines = _lines(RESULTS)
    assert lines[0] == "# Performance"
    for expected in (
        "| date | 2025-06-02 09:15 UTC |",
        "| commit | `abc1234` |",
        "| command | `python -m scripts.benchmark --events 1000000` |",
        "| machine | 2 CPUs, 23.5 GiB memory, Linux-6.1-x86_64-with-glibc2.36 |",
        "| software | Python 3.11.7, DuckDB 1.3.2, dbt-core 1.11.16, dbt-duckdb 1.11.1 |",
        "| settings | DuckDB memory limit 4GB, 2 dbt threads |",
        "| input | 1,000,000 electronics events in 1 file(s), 112.4 MiB of CSV; 5,000 sessions |",
    ):
        assert expected in lines, expected


def test_a_dirty_tree_is_named_beside_the_commit() -> None:
    dirty = copy.deepcopy(RESULTS)
    dirty["run"]["uncommitted_changes"] = True
    assert "| commit | `abc1234` + uncommitted changes |" in _lines(dirty)


def test_every_figure_of_the_run_is_on_the_page() -> None:
    lines = _lines(RESULTS)
    steps = [
        "| raw CSV scan | 1.1 | 101.2 MiB |",
        "| parse to a typed table, `typed` reader | 2.2 | 202.3 MiB |",
        "| hand-written reference | 13.9 | 404.5 MiB |",
        "| `dbt build` | 51.8 | 1,505.6 MiB |",
        "| `make run` | 1,070.6 | 825.7 MiB |",
    ]
    start = lines.index("| step | seconds | peak memory |")
    assert lines[start + 2 : start + 2 + len(steps)] == steps
    for expected in (
        "- `dbt build` / reference: 3.73",
        "- the models' parse (`base_store__events` inside `dbt build`) / plain typed read_csv: 3.3 / 1.50",
        "- disk after `make run`: 438.8 MiB (3.90 times the input): warehouse 111.5 MiB, outputs 327.3 MiB",
        "- ten files: a full build 52.9 s, adding the tenth to nine loaded 56.9 s (108% of the full build);"
        " peak memory 900.1 MiB and 910.2 MiB",
    ):
        assert expected in lines, expected
    profile = lines.index("| reference: table | seconds | `dbt build`: model | seconds |")
    assert lines[profile + 2 : profile + 5] == [
        "| parsed | 4.4 | base_store__events | 6.6 |",
        "| journeys | 3.2 | events_cleaned | 5.5 |",
        "|  |  | data tests (thread seconds) | 7.7 |",
    ]
    assert "## How to read it" in lines


def test_a_step_the_run_skipped_reads_not_measured() -> None:
    skipped = copy.deepcopy(RESULTS)
    del skipped["incremental"]
    for key in ("make_run", "disk_after_run_mib"):
        del skipped["one_set"][key]
    lines = _lines(skipped)
    for expected in (
        "| `make run` | not measured | |",
        "- disk after `make run`: not measured",
        "- ten files: not measured",
    ):
        assert expected in lines, expected


def test_run_only_shows_dbt_inside_the_run_and_the_runs_profile() -> None:
    one = RESULTS["one_set"]
    run_only = copy.deepcopy(RESULTS)
    run_only.pop("incremental")
    run_only["one_set"] = {
        "input_mib": one["input_mib"],
        "raw_scan": one["raw_scan"],
        "make_run": {**one["make_run"], "slowest_steps": {"events_cleaned": 8.8}},
        "dbt_build_in_run_seconds": 990.4,
        "disk_after_run_mib": one["disk_after_run_mib"],
    }
    lines = _lines(run_only)
    for expected in (
        "| parse to a typed table | not measured | |",
        "| hand-written reference | not measured | |",
        "| `dbt build` (inside `make run`) | 990.4 | |",
        "| `make run` | 1,070.6 | 825.7 MiB |",
        "- `dbt build` / reference: not measured",
        "| `make run`: model | seconds |",
        "| events_cleaned | 8.8 |",
    ):
        assert expected in lines, expected


def test_a_result_missing_a_figure_it_must_have_is_an_error() -> None:
    broken = copy.deepcopy(RESULTS)
    del broken["one_set"]["raw_scan"]["seconds"]
    with pytest.raises(KeyError):
        render_performance(broken)


def test_the_commit_is_dirty_for_any_change_but_an_earlier_page(tmp_path: Path, monkeypatch) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    git("init", "--quiet")
    (tmp_path / "README.md").write_text("map\n", encoding="utf-8")
    (tmp_path / "PERFORMANCE.md").write_text("old figures\n", encoding="utf-8")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "first")
    monkeypatch.setattr(benchmark, "PROJECT_ROOT", tmp_path)
    page = tmp_path / "PERFORMANCE.md"
    clean = {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted_changes": False}
    assert describe_commit(page) == clean
    page.write_text("new figures\n", encoding="utf-8")
    assert describe_commit(page) == clean
    (tmp_path / "README.md").write_text("changed\n", encoding="utf-8")
    assert describe_commit(page) == {**clean, "uncommitted_changes": True}
