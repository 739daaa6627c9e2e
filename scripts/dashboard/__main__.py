"""Start the dashboard: compile its filtered queries, then serve the app on 127.0.0.1.

python -m scripts.dashboard              # what `make dashboard` runs (DASHBOARD_PORT, default 8501)
python -m scripts.dashboard --ci         # over the CI build (warehouse/ci.duckdb, the CI vars)
python -m scripts.dashboard compile      # only compile the filtered queries (target/dashboard/filtered/)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from scripts import run_pipeline
from scripts.dashboard.data import PAGE_RELATIONS
from scripts.dashboard.queries import DEFAULT_TARGET, CompileError, compile_queries
from scripts.inputs import PROJECT_ROOT

APP = Path(__file__).with_name("app.py")


def build_vars(ci: bool, extra: dict[str, object]) -> dict[str, object]:
    """The vars the warehouse being read was built with: the profile's, plus what `--vars` names
    (pass the same `--vars` as to `scripts.run_pipeline`)."""
    profile = run_pipeline.CI if ci else run_pipeline.DEV
    return {**profile.dbt_vars, **extra}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.dashboard", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["serve", "compile"], default="serve")
    parser.add_argument(
        "--ci", action="store_true", help="read the CI build (warehouse/ci.duckdb) with its vars"
    )
    parser.add_argument(
        "--vars", type=json.loads, default={}, help="dbt vars the warehouse was built with, as JSON"
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("DASHBOARD_PORT", "8501")))
    parser.add_argument("--target", type=Path, default=DEFAULT_TARGET, help="where the compiled SQL goes")
    args = parser.parse_args(argv)
    profile = run_pipeline.CI if args.ci else run_pipeline.DEV
    try:
        folder = compile_queries(PAGE_RELATIONS, args.target, build_vars(args.ci, args.vars))
    except CompileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"[dashboard] filtered queries compiled into {folder}")
    if args.command == "compile":
        return 0
    warehouse = run_pipeline.duckdb_path(profile)
    if not warehouse.exists():
        print(f"error: no published warehouse at {warehouse}: run `make run` first", file=sys.stderr)
        return 2
    env = {
        **os.environ,
        "DUCKDB_PATH": str(warehouse),
        "DASHBOARD_SQL_DIR": str(folder),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")])),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    print(f"[dashboard] serving {warehouse} (read-only) on http://127.0.0.1:{args.port}/", flush=True)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
        "--global.developmentMode",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    os.execve(sys.executable, command, env)
    return 0  # unreachable


if __name__ == "__main__":
    raise SystemExit(main())
