"""Measure the speed and memory targets, and write them down.

    python -m scripts.benchmark                 # generation at 10M events + the default `make run`
    python -m scripts.benchmark --events 2000000 --skip-run

Each measurement runs as a child process whose own peak resident memory is read when it
ends. Results go to `logs/benchmark.json` (not outputs/, which each run replaces whole) and stdout.
Targets (README, "Performance"): the default run under 2 minutes after set-up; 10M generated
events under 1 GB of memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.inputs import PROJECT_ROOT
from scripts.run_pipeline import DEV, resolve_inputs


def measure(args: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run a command to completion; return wall seconds and its peak RSS in MiB.

    os.wait4 returns the resource usage of exactly this child (and the children it waited
    for, such as dbt under the pipeline), so measurements do not contaminate each other.
    """
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark: {' '.join(args)} failed")
    return {"seconds": round(seconds, 1), "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}


def bench_generation(rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "events.csv"
        args = [sys.executable, "-m", "scripts.generate_sample", "events", "--rows", str(rows)]
        result = measure(args + ["--events-path", str(target)])
        result["file_mib"] = round(target.stat().st_size / 2**20, 1)
    return result


def bench_run() -> dict[str, float]:
    """The default `make run` on the built-in sample; generating the sample is set-up, not timed."""
    for name in ("EVENTS_PATH", "SESSIONS_PATH", "DUCKDB_PATH", "DUCKDB_BUILD_PATH", "OUTPUTS_DIR"):
        os.environ.pop(name, None)  # the built-in sample, default warehouse and outputs
    resolve_inputs(DEV)
    return measure([sys.executable, "-m", "scripts.run_pipeline"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000, help="events to generate (default: %(default)s)")
    parser.add_argument("--skip-run", action="store_true", help="skip timing the default run")
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "logs/benchmark.json")
    args = parser.parse_args(argv)

    results: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
    }
    print(f"[benchmark] generating {args.events:,} events ...", flush=True)
    results[f"generate_{args.events}_events"] = bench_generation(args.events)
    if not args.skip_run:
        print("[benchmark] default make run (sample present) ...", flush=True)
        results["default_run"] = bench_run()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
