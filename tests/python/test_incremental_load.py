"""Loading files one at a time gives the same marts as building all of them at once.

The base models are incremental by file: a build parses only files it has not loaded (or whose
size or modification time changed) and forgets files no longer named. Everything downstream
rebuilds from them. Three monthly-like slices of the CI event sample are loaded one by one,
with a line that repeats across two files, then one file changes; after each step every store
mart must equal a from-scratch build of the same files, row for row.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from scripts.run_pipeline import CI, sample_files
from tests.python.compare import RATE_TOLERANCE
from tests.python.dbt_runs import build_database, dbt_build

# The store's marts and everything they read (the session log is loaded by the same macros).
STORE = ["+marts.store"]


def _marts(database: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(database), read_only=True) as con:
        tables = con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema = 'store' order by 1"
        ).fetchall()
        return {name: con.execute(f"select * from {name} order by all").df() for (name,) in tables}


def _assert_same_marts(incremental: Path, full: Path) -> None:
    got, want = _marts(incremental), _marts(full)
    assert sorted(got) == sorted(want) and len(want) >= 18
    for name, expected in want.items():
        actual = got[name]
        assert list(actual.columns) == list(expected.columns), name
        assert len(actual) == len(expected), f"{name}: {len(actual)} rows, a full build has {len(expected)}"
        pd.testing.assert_frame_equal(actual, expected, check_exact=False, rtol=RATE_TOLERANCE, obj=name)


@pytest.fixture(scope="module")
def slices(tmp_path_factory) -> list[Path]:
    """The CI electronics file in three files of consecutive lines, the second repeating a line
    of the first."""
    lines = sample_files(CI)["events"][0].read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    third = len(rows) // 3
    parts = [rows[:third], [rows[5], *rows[third : 2 * third]], rows[2 * third :]]
    folder = tmp_path_factory.mktemp("months")
    paths = []
    for number, part in enumerate(parts, start=1):
        path = folder / f"events-{number}.csv"
        path.write_text("\n".join([header, *part]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_files_loaded_one_at_a_time_equal_a_full_build(tmp_path, slices):
    """Four builds of the store (about 25 s each): the marts only read the loaded events, which
    every build rebuilds from in full, so one comparison after the last load checks every
    file's incremental load: the first alone, the other two added, the second changed."""
    loaded = tmp_path / "incremental"
    dbt_build(loaded, slices[:1], select=STORE, data_tests=False)
    database = dbt_build(loaded, slices, select=STORE, data_tests=False)
    with duckdb.connect(str(build_database(loaded)), read_only=True) as con:
        (files,) = con.execute(
            "select count(distinct source_file) from staging.base_store__events"
        ).fetchone()
    assert files == 3

    # A file that changes (a line appended, repeating a line of the third file) is reloaded;
    # its old lines are forgotten, the other files are not read again.
    changed = slices[1]
    text = changed.read_text(encoding="utf-8")
    repeated = slices[2].read_text(encoding="utf-8").splitlines()[7]
    changed.write_text(text + repeated + "\n", encoding="utf-8")
    os.utime(changed, (changed.stat().st_atime, changed.stat().st_mtime + 60))
    database = dbt_build(loaded, slices, select=STORE, data_tests=False)
    full = dbt_build(tmp_path / "full", slices, select=STORE, data_tests=False, full_refresh=True)
    _assert_same_marts(database, full)
    with duckdb.connect(str(database), read_only=True) as con:
        (duplicates,) = con.execute("select duplicate_row_count from store.pipeline_audit").fetchone()
    assert duplicates >= 2, "the lines repeated across two files are duplicates"
    with duckdb.connect(str(build_database(loaded)), read_only=True) as con:
        (lines_of_changed,) = con.execute(
            "select count(*) from staging.base_store__events where source_file = ?", [str(changed)]
        ).fetchone()
    assert lines_of_changed == len(text.splitlines())  # the old lines, minus the header, plus one


def test_a_file_no_longer_named_is_forgotten_and_an_unnumbered_load_is_redone(tmp_path, slices):
    """The line numbers are set after the load's commit (load_reader_rejects): a run killed in
    between leaves a file's rows without line or version, as set here by hand for the second
    file; the next build forgets the first file, no longer named, and loads the second again."""
    dbt_build(tmp_path, slices[:2], select=["base_store__events"], data_tests=False)
    database = build_database(tmp_path)
    with duckdb.connect(str(database)) as con:
        con.execute(
            "update staging.base_store__events set source_line = null, source_file_version = null "
            "where source_file = ?",
            [str(slices[1])],
        )
    dbt_build(tmp_path, slices[1:2], select=["base_store__events"], data_tests=False)
    with duckdb.connect(str(database), read_only=True) as con:
        files = con.execute("select distinct source_file from staging.base_store__events").fetchall()
        rows, versions, first, last, lines = con.execute(
            "select count(*), count(source_file_version), min(source_line), max(source_line), "
            "count(distinct source_line) from staging.base_store__events"
        ).fetchone()
    assert files == [(str(slices[1]),)]
    line_count = len(slices[1].read_text(encoding="utf-8").splitlines())
    assert (rows, versions, first, last, lines) == (
        line_count - 1,
        line_count - 1,
        2,
        line_count,
        line_count - 1,
    )
