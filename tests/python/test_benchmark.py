"""scripts/benchmark.py's clean-up: each measured step's work is deleted unless --keep, so a
benchmark at 50M events does not fill the disk with databases it no longer reads."""

from __future__ import annotations

from pathlib import Path

from scripts.benchmark import _discard


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
