"""Run dbt on files of a test's own, into a warehouse of its own.

Each build gets its own target and log folders, so it never overwrites the CI build's
manifest or run results, and its own DuckDB files under the test's tmp_path, as a run has:
the marts in warehouse.duckdb (written in place, as a run writes its candidate), staging in
build.duckdb (`build_database`), the tables rebuilt in full in build_scratch.duckdb beside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from scripts.inputs import PROJECT_ROOT
from scripts.run_pipeline import CI, sample_files

CI_SESSIONS = sample_files(CI)["sessions"][0]


def dbt_build(
    workdir: Path,
    events: list[Path],
    select: list[str] | None = None,
    full_refresh: bool = False,
    data_tests: bool = True,
) -> Path:
    """`dbt build` of `events` (and the CI session sample): seeds, models and, unless told
    otherwise, data tests; never unit tests (the CI build runs them). Returns the marts' file."""
    database = workdir / "warehouse.duckdb"
    dbt_vars = {
        **CI.dbt_vars,
        "store_files": [str(path) for path in events],
        "ads_files": [str(CI_SESSIONS)],
    }
    args = [
        str(Path(sys.executable).with_name("dbt")),
        "build",
        "--target",
        "ci",
        "--quiet",
        "--vars",
        json.dumps(dbt_vars),
        "--target-path",
        str(workdir / "target"),
        "--log-path",
        str(workdir / "logs"),
        "--exclude-resource-type",
        "unit_test",
        *([] if data_tests else ["test"]),
    ]
    if select:
        args += ["--select", *select]
    if full_refresh:
        args.append("--full-refresh")
    env = {
        **os.environ,
        "DUCKDB_CANDIDATE_PATH": str(database),
        "DUCKDB_BUILD_PATH": str(build_database(workdir)),
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
    }
    completed = subprocess.run(args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, (
        f"dbt build failed:\n{completed.stdout[-4000:]}\n{completed.stderr[-2000:]}"
    )
    return database


def build_database(workdir: Path) -> Path:
    """Where `dbt_build(workdir, ...)` keeps staging."""
    return workdir / "build.duckdb"
