"""Run dbt on files of a test's own, into a warehouse of its own, reusing the CI build's parse.

Each build gets its own target and log folders, so it never overwrites the CI build's
manifest or run results, and its own DuckDB files in its folder, named as the CI build names
them (`ci.candidate.duckdb` the marts, written in place as a run writes its candidate;
`ci_build.duckdb` staging, `build_database`; `ci_build_scratch.duckdb` the tables rebuilt in
full). dbt runs in that folder, as scripts.run_pipeline runs it in the build database's, so the
ci profile renders the same relative paths as the CI build's and dbt reads the CI build's
parse (DBT_PARTIAL_PARSE_FILE_PATH) instead of parsing the project from scratch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from scripts.inputs import MANIFEST_ENV, PROJECT_ROOT, check_input, write_manifest
from scripts.run_pipeline import CI, dbt_target_path, sample_files

CI_SESSIONS = sample_files(CI)["sessions"][0]
# The parse the CI build left (`make test` builds it before pytest).
CI_PARSE = dbt_target_path() / "partial_parse.msgpack"


def dbt_build(
    workdir: Path,
    events: list[Path],
    select: list[str] | None = None,
    full_refresh: bool = False,
    data_tests: bool = True,
    sessions: list[Path] | None = None,
) -> Path:
    """`dbt build` of `events` and `sessions` (default: the CI session sample): seeds, models and,
    unless told otherwise, data tests; never unit tests (the CI build runs them). Returns the
    marts' file."""
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "ci.candidate.duckdb"
    manifest = write_manifest(
        workdir / "inputs.json",
        {
            "events": [check_input(path, "events") for path in events],
            "sessions": [check_input(path, "sessions") for path in sessions or [CI_SESSIONS]],
        },
    )
    args = [
        str(Path(sys.executable).with_name("dbt")),
        "build",
        "--project-dir",
        str(PROJECT_ROOT),
        "--target",
        "ci",
        "--quiet",
        "--vars",
        json.dumps(CI.dbt_vars),
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
        "DUCKDB_CANDIDATE_PATH": database.name,
        "DUCKDB_BUILD_PATH": build_database(workdir).name,
        "DUCKDB_SCRATCH_PATH": "ci_build_scratch.duckdb",
        "DUCKDB_MEMORY_LIMIT": CI.memory_limit,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        MANIFEST_ENV: str(manifest),
    }
    if CI_PARSE.exists():
        env["DBT_PARTIAL_PARSE_FILE_PATH"] = str(CI_PARSE)
    completed = subprocess.run(args, cwd=workdir, env=env, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, (
        f"dbt build failed:\n{completed.stdout[-4000:]}\n{completed.stderr[-2000:]}"
    )
    return database


def build_database(workdir: Path) -> Path:
    """Where `dbt_build(workdir, ...)` keeps staging."""
    return workdir / "ci_build.duckdb"
