"""Measure the speed, memory and disk targets side by side, in one run, and write them down.

    python -m scripts.benchmark                                  # 10M events, 1 file
    python -m scripts.benchmark --events 110000000 --files 2 --layout multicategory
    python -m scripts.benchmark --events 1000000 --skip-incremental

For one set of generated event files (and a 5,000-row session file, so the store side
dominates) it measures, each as a child process whose own peak resident memory is read when it
ends: a raw CSV scan (count), the parse into a typed table by the models' line reader and by
DuckDB's CSV reader with its rejects tables (scripts/benchmark_reference/readers.py), the
hand-written DuckDB reference (scripts/benchmark_reference, the store models' work as one
script), `dbt build` (data tests, no unit tests), the whole `make run` job, and the disk the
run leaves. Then the incremental case: the events again as ten files, nine loaded, the tenth
added, against a full build of all ten. Where the time goes: the reference's slowest tables and
dbt's slowest models (its run_results.json), with the data tests' total.
Results go to the console and `logs/benchmark.json` (not outputs/, which each run replaces
whole). The README's "Performance" section shows the figures. Each step's databases are deleted
once it is measured (`--keep` keeps them for inspection); the generated inputs stay under
`--scratch`, reused by the next run with the same arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scripts.generate_sample import generate_file, is_current
from scripts.inputs import PROJECT_ROOT
from scripts.run_pipeline import dbt_target_path

SESSIONS_ROWS = 5_000
VENV_BIN = Path(sys.executable).parent


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


def _month(number: int) -> str:
    """The number-th month from October 2019, the first month the public monthly stores export."""
    year, month = divmod(2019 * 12 + 9 + number, 12)
    return f"{year}-{month + 1:02d}"


def _generate(folder: Path, events: int, files: int, layout: str) -> list[Path]:
    """`files` event files of events / files rows each, consecutive months of a monthly layout
    (reused when already generated)."""
    paths = []
    for number in range(files):
        path = folder / f"events-{number + 1:02d}.csv"
        month = None if layout == "electronics" else _month(number)
        wanted = {"rows": events // files, "seed": 1_000 + number, "layout": layout, "month": month}
        if not is_current("events", path, **wanted):
            generate_file(
                "events", path, rows=wanted["rows"], seed=wanted["seed"], layout=layout, month=month
            )
        paths.append(path)
    return paths


def _discard(keep: bool, *paths: Path) -> None:
    """Delete a measured step's databases and folders, unless --keep: at 50M events they hold
    tens of GiB, and a full disk fails the next step."""
    if keep:
        return
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
            Path(f"{path}.wal").unlink(missing_ok=True)


def _slowest(seconds: dict[str, float], count: int = 10) -> dict[str, float]:
    return dict(sorted(seconds.items(), key=lambda item: item[1], reverse=True)[:count])


def _dbt_profile(run_results: Path) -> dict[str, float]:
    """dbt's slowest models and seeds, and its data tests' thread seconds in all."""
    results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    tests = [r["execution_time"] for r in results if r["unique_id"].startswith("test.")]
    nodes = {
        r["unique_id"].split(".")[-1]: round(r["execution_time"], 1)
        for r in results
        if not r["unique_id"].startswith("test.")
    }
    return {**_slowest(nodes), "data tests (thread seconds)": round(sum(tests), 1)}


def _size_mib(*paths: Path) -> float:
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return round(total / 2**20, 1)


def _dbt_build(files: list[Path], sessions: Path, workdir: Path, full_refresh: bool) -> dict[str, float]:
    dbt_vars = {"store_files": [str(p) for p in files], "ads_files": [str(sessions)]}
    args = [
        str(VENV_BIN / "dbt"),
        "build",
        "--target",
        "dev",
        "--quiet",
        "--exclude-resource-type",
        "unit_test",
        "--vars",
        json.dumps(dbt_vars),
        "--target-path",
        str(workdir / "target"),
        "--log-path",
        str(workdir / "logs"),
    ]
    env = {
        **os.environ,
        "DUCKDB_CANDIDATE_PATH": str(workdir / "warehouse.duckdb"),  # the marts, as a run's candidate
        "DUCKDB_BUILD_PATH": str(workdir / "build.duckdb"),
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
    }
    return measure(args + (["--full-refresh"] if full_refresh else []), env)


def bench_one_set(
    files: list[Path], sessions: Path, scratch: Path, skip_run: bool, run_only: bool, keep: bool
) -> dict[str, object]:
    results: dict[str, object] = {"input_mib": _size_mib(*files)}
    print("[benchmark] raw CSV scan ...", flush=True)
    listing = json.dumps([str(p) for p in files])
    results["raw_scan"] = measure(
        [
            sys.executable,
            "-c",
            (
                "import duckdb, json; "
                "duckdb.execute('select count(*) from read_csv(?, all_varchar = true)', "
                f"[json.loads({listing!r})]).fetchall()"
            ),
        ]
    )
    for reader in () if run_only else ("lines", "rejects"):
        print(f"[benchmark] parse to a typed table, {reader} reader ...", flush=True)
        database = scratch / f"parse_{reader}.duckdb"
        results[f"parse_{reader}_reader"] = measure(
            [
                sys.executable,
                "-m",
                "scripts.benchmark_reference.readers",
                reader,
                "--database",
                str(database),
                *map(str, files),
            ]
        )
        _discard(keep, database)
    if not run_only:
        print("[benchmark] hand-written reference ...", flush=True)
        timings = scratch / "reference_timings.json"
        results["reference"] = measure(
            [
                sys.executable,
                "-m",
                "scripts.benchmark_reference",
                "--database",
                str(scratch / "reference.duckdb"),
                "--timings",
                str(timings),
                *map(str, files),
            ]
        )
        results["reference"]["slowest_steps"] = _slowest(json.loads(timings.read_text(encoding="utf-8")))
        _discard(keep, scratch / "reference.duckdb", timings)
        print("[benchmark] dbt build ...", flush=True)
        build_dir = scratch / "dbt_build"
        shutil.rmtree(build_dir, ignore_errors=True)
        results["dbt_build"] = _dbt_build(files, sessions, build_dir, full_refresh=True)
        results["dbt_build_vs_reference"] = round(
            results["dbt_build"]["seconds"] / results["reference"]["seconds"], 2
        )
        results["dbt_build"]["slowest_steps"] = _dbt_profile(build_dir / "target" / "run_results.json")
        _discard(keep, build_dir)
    if not skip_run:
        print("[benchmark] make run ...", flush=True)
        run_dir = scratch / "make_run"
        shutil.rmtree(run_dir, ignore_errors=True)
        env = {
            **os.environ,
            "EVENTS_PATH": str(files[0].parent),
            "SESSIONS_PATH": str(sessions),
            "DUCKDB_PATH": str(run_dir / "warehouse" / "analytics.duckdb"),
            "DUCKDB_BUILD_PATH": str(run_dir / "warehouse" / "build.duckdb"),
            "OUTPUTS_DIR": str(run_dir / "outputs"),
        }
        results["make_run"] = measure([sys.executable, "-m", "scripts.run_pipeline"], env)
        if run_only:
            # dbt's own elapsed time inside the run (its run_results.json), without process start.
            run_results = dbt_target_path() / "run_results.json"
            results["dbt_build_in_run_seconds"] = round(
                json.loads(run_results.read_text())["elapsed_time"], 1
            )
            results["make_run"]["slowest_steps"] = _dbt_profile(run_results)
        results["disk_after_run_mib"] = {
            "warehouse": _size_mib(run_dir / "warehouse"),
            "outputs": _size_mib(run_dir / "outputs"),
        }
        _discard(keep, run_dir)
    return results


def bench_incremental(
    events: int, layout: str, sessions: Path, scratch: Path, keep: bool
) -> dict[str, object]:
    """Ten equal files: a full build of all ten, and adding the tenth to nine already loaded."""
    folder = scratch / "ten_files"
    files = _generate(folder, events, 10, layout)
    print("[benchmark] incremental: full build of ten files ...", flush=True)
    full_dir, incremental_dir = scratch / "ten_full", scratch / "ten_incremental"
    for path in (full_dir, incremental_dir):
        shutil.rmtree(path, ignore_errors=True)
    full = _dbt_build(files, sessions, full_dir, full_refresh=True)
    print("[benchmark] incremental: nine files, then the tenth ...", flush=True)
    _dbt_build(files[:9], sessions, incremental_dir, full_refresh=True)
    tenth = _dbt_build(files, sessions, incremental_dir, full_refresh=False)
    _discard(keep, full_dir, incremental_dir)
    return {
        "full_build_of_ten": full,
        "adding_the_tenth": tenth,
        "tenth_vs_full": round(tenth["seconds"] / full["seconds"], 2),
    }


def print_table(results: dict) -> None:
    one = results["one_set"]
    rows = [
        ("raw CSV scan", one["raw_scan"]),
        ("parse: line reader (ours)", one.get("parse_lines_reader")),
        ("parse: DuckDB rejects reader", one.get("parse_rejects_reader")),
        ("hand-written reference", one.get("reference")),
        ("dbt build", one.get("dbt_build")),
        ("make run", one.get("make_run")),
    ]
    print(
        f"\n{results['events']:,} {results['layout']} events in {results['files']} file(s), "
        f"{one['input_mib']:,} MiB"
    )
    print(f"{'step':<32}{'seconds':>10}{'peak MiB':>12}")
    for name, row in rows:
        if row:
            print(f"{name:<32}{row['seconds']:>10}{row['peak_rss_mib']:>12}")
    if "dbt_build_in_run_seconds" in one:
        print(f"{'dbt build (inside make run)':<32}{one['dbt_build_in_run_seconds']:>10}")
    if "dbt_build_vs_reference" in one:
        print(f"dbt build / reference: {one['dbt_build_vs_reference']}")
    if "disk_after_run_mib" in one:
        print(f"disk after make run (MiB): {one['disk_after_run_mib']}")
    for name, row in rows:
        if row and "slowest_steps" in row:
            print(f"\nwhere the time goes, {name} (seconds):")
            for step, seconds in row["slowest_steps"].items():
                print(f"  {step:<40}{seconds:>10}")
    if "incremental" in results:
        inc = results["incremental"]
        print(
            f"ten files: full build {inc['full_build_of_ten']['seconds']} s, adding the tenth "
            f"{inc['adding_the_tenth']['seconds']} s ({inc['tenth_vs_full']:.0%} of full)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000, help="events in all (default: %(default)s)")
    parser.add_argument("--files", type=int, default=1, help="files the events are split into (default: 1)")
    parser.add_argument(
        "--layout", default="electronics", choices=("electronics", "cosmetics", "multicategory")
    )
    parser.add_argument("--skip-run", action="store_true", help="skip timing the whole make run")
    parser.add_argument(
        "--run-only",
        action="store_true",
        help="the raw scan and make run only, dbt build timed inside it (the 110M-event run)",
    )
    parser.add_argument("--skip-incremental", action="store_true", help="skip the ten-file incremental case")
    parser.add_argument("--scratch", type=Path, default=PROJECT_ROOT / "data" / "benchmark")
    parser.add_argument(
        "--keep", action="store_true", help="keep each step's databases under --scratch (deleted by default)"
    )
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "logs" / "benchmark.json")
    args = parser.parse_args(argv)

    sessions = args.scratch / "sessions.csv"
    if not sessions.exists():
        generate_file("sessions", sessions, rows=SESSIONS_ROWS, seed=7)
    folder = args.scratch / f"{args.layout}-{args.events}-{args.files}"
    print(
        f"[benchmark] generating {args.events:,} {args.layout} events in {args.files} file(s) ...", flush=True
    )
    started = time.perf_counter()
    files = _generate(folder, args.events, args.files, args.layout)
    results: dict[str, object] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
        },
        "events": args.events,
        "files": args.files,
        "layout": args.layout,
        "generation_seconds": round(time.perf_counter() - started, 1),
        "one_set": bench_one_set(files, sessions, args.scratch, args.skip_run, args.run_only, args.keep),
    }
    if not (args.skip_incremental or args.run_only):  # --run-only means the scan and make run only
        results["incremental"] = bench_incremental(
            args.events, args.layout, sessions, args.scratch, args.keep
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nWritten to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
