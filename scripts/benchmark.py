"""Measure the speed, memory and disk targets side by side, in one run, and write them down.

    python -m scripts.benchmark                                  # 10M events, 1 file
    python -m scripts.benchmark --events 110000000 --files 2 --layout multicategory
    python -m scripts.benchmark --events 1000000 --skip-incremental

For one set of generated event files (and a 5,000-row session file, so the store side
dominates) it measures, each as a child process whose own peak resident memory is read when it
ends: a raw CSV scan (count), a plain typed read_csv into a table
(scripts/benchmark_reference/readers.py) beside the models' parse (base_store__events, timed
inside the dbt build), the hand-written DuckDB reference (scripts/benchmark_reference, the
store models' work as one script from a plain read_csv), `dbt build` (data tests, no unit
tests), the whole `make run` job, and the disk the run leaves. Then the incremental case: the
events again as ten files, nine loaded, the tenth added, against a full build of all ten. Where
the time goes: the reference's slowest tables and dbt's slowest models (its run_results.json),
with the data tests' total. Results go to the console, `logs/benchmark.json` (not outputs/,
which each run replaces whole) and `PERFORMANCE.md` (render_performance: this run's table with
the machine, the date and the commit, and how to read it; the README links to it). Each step's
databases are deleted once it is measured (`--keep` keeps them for inspection); the generated
inputs stay under `--scratch`, reused by the next run with the same arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from scripts.generate_sample import generate_file, is_current
from scripts.inputs import MANIFEST_ENV, PROJECT_ROOT, check_input, write_manifest
from scripts.run_pipeline import CONTRACT_CHECKED_TESTS, dbt_target_path

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


# Past this many files of the one-period layout, the generator's fixed cost per file (its
# catalog, seconds each) would dominate: one file is generated and cut into consecutive parts.
SPLIT_PAST_FILES = 10


def _split(source: Path, folder: Path, files: int) -> list[Path]:
    """`source` cut into `files` files of consecutive rows, each with the header (reused when
    newer than the source)."""
    paths = [folder / f"events-{number + 1:04d}.csv" for number in range(files)]
    if all(path.exists() and path.stat().st_mtime >= source.stat().st_mtime for path in paths):
        return paths
    with source.open(encoding="utf-8", newline="") as rows:
        header = rows.readline()
        body = rows.readlines()
    size = -(-len(body) // files)
    for number, path in enumerate(paths):
        with path.open("w", encoding="utf-8", newline="") as part:
            part.write(header)
            part.writelines(body[number * size : (number + 1) * size])
    return paths


def _generate(folder: Path, events: int, files: int, layout: str) -> list[Path]:
    """`files` event files of events / files rows each, consecutive months of a monthly layout
    (reused when already generated)."""
    if layout == "electronics" and files > SPLIT_PAST_FILES:
        (source,) = _generate(folder / "whole", events, 1, layout)
        return _split(source, folder, files)
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


def _node_seconds(run_results: Path, name: str) -> float:
    """One node's execution time in a dbt run (run_results.json)."""
    results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    (seconds,) = [r["execution_time"] for r in results if r["unique_id"].split(".")[-1] == name]
    return round(seconds, 1)


def _size_mib(*paths: Path) -> float:
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return round(total / 2**20, 1)


def _dbt_build(files: list[Path], sessions: Path, workdir: Path, full_refresh: bool) -> dict[str, float]:
    workdir.mkdir(parents=True, exist_ok=True)
    manifest = write_manifest(
        workdir / "inputs.json",
        {
            "events": [check_input(path, "events") for path in files],
            "sessions": [check_input(sessions, "sessions")],
        },
    )
    args = [
        str(VENV_BIN / "dbt"),
        "build",
        "--target",
        "dev",
        "--quiet",
        "--exclude-resource-type",
        "unit_test",
        "--exclude",
        CONTRACT_CHECKED_TESTS,  # as make run builds
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
        MANIFEST_ENV: str(manifest),
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
    for reader in () if run_only else ("typed",):
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
        run_results = build_dir / "target" / "run_results.json"
        results["dbt_build"]["slowest_steps"] = _dbt_profile(run_results)
        # The models' parse: the loading model (its post-hook included) inside that build.
        results["models_parse_seconds"] = _node_seconds(run_results, "base_store__events")
        results["models_parse_vs_typed_read_csv"] = round(
            results["models_parse_seconds"] / results["parse_typed_reader"]["seconds"], 2
        )
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
        ("parse: plain typed read_csv", one.get("parse_typed_reader")),
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


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def describe_machine() -> dict[str, object]:
    """What the figures were measured on: cores, memory, OS, the software versions, and the
    DuckDB memory limit and dbt threads the builds ran with (profiles.yml's defaults unless set)."""
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "duckdb": _package_version("duckdb"),
        "dbt_core": _package_version("dbt-core"),
        "dbt_duckdb": _package_version("dbt-duckdb"),
        "duckdb_memory_limit": os.environ.get("DUCKDB_MEMORY_LIMIT", "4GB"),
        "dbt_threads": os.environ.get("DBT_THREADS", "2"),
    }


def describe_commit(performance: Path) -> dict[str, object]:
    """The commit measured (short hash) and whether the tree had uncommitted changes, read when
    the run starts. The PERFORMANCE.md an earlier run left does not count as a change."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changes = git("status", "--porcelain", "--", ".", f":(exclude){performance.name}")
    except (OSError, subprocess.CalledProcessError):
        return {"commit": "unknown (not a git checkout)", "uncommitted_changes": False}
    return {"commit": commit, "uncommitted_changes": bool(changes)}


def _s(seconds: float) -> str:
    return f"{seconds:,.1f}"


def _mib(mib: float) -> str:
    return f"{mib:,.1f} MiB"


def _reader_label(key: str) -> str:
    return f"parse to a typed table, `{key.removeprefix('parse_').removesuffix('_reader')}` reader"


HOW_TO_READ = """\
## How to read it

- Each step runs alone, as a child process: **seconds** is its wall time, **peak memory** its
  own peak resident memory (with the processes it waited for, such as dbt under `make run`).
- The **raw CSV scan** counts the rows as text: the floor any build pays to read the input.
  The **parse** step types the events into a table with DuckDB's plain typed `read_csv`
  (`scripts/benchmark_reference/readers.py`: a bad line is dropped without a trace); the line
  below the table sets the models' parse (`base_store__events`, which accounts for every line)
  beside it.
- The **reference** is a hand-written DuckDB script doing the store models' work
  (`scripts/benchmark_reference/`). **`dbt build`** builds the same data with the models and runs
  the data tests (not the unit tests). **Build / reference** is what dbt costs on top: its start
  and parse, the data tests, a table per model. The start and the tests weigh most on a small
  input, so the ratio is highest there.
- **`make run`** is the whole job a user runs: the build, the exports, the report, the publish.
  **Disk after the run** is what it leaves (warehouse and outputs); while it runs it needs more
  (the scratch database, DuckDB's spill files past the memory limit). A mart a spreadsheet can
  open (up to 1,048,576 rows) is exported as CSV too, so on a small input the outputs outweigh it.
- **Ten files** builds the same events split in ten: all at once, then the tenth added to nine
  already loaded. Only the parse of the files already loaded is saved: de-duplication, the
  catalog backfill and every aggregate look across the whole history, so they rebuild.
- **Where the time goes** lists the slowest tables and models. dbt builds as many models at once
  as it has threads, so a model's time overlaps others', and the data tests are thread seconds.
- On a shared machine the same run can vary by a quarter from one run to the next: compare
  figures within this run. `make benchmark` measures yours and rewrites this file
  (`ARGS='--events N --files K --layout L'`; `python -m scripts.benchmark --help` for the rest).
"""


def render_performance(results: dict) -> str:
    """PERFORMANCE.md: the run's table (machine, date, commit, arguments, each step's figures,
    where the time goes) and how to read it. A step the run skipped reads 'not measured'."""
    machine, run, one = results["machine"], results["run"], results["one_set"]
    commit = f"`{run['commit']}`" + (" + uncommitted changes" if run["uncommitted_changes"] else "")
    lines = [
        "# Performance",
        "",
        "Written by `make benchmark` (`scripts/benchmark.py`) from its latest run; do not edit it by",
        "hand. How to read it: the last section.",
        "",
        "| run | |",
        "|---|---|",
        f"| date | {run['date']} |",
        f"| commit | {commit} |",
        f"| command | `{run['command']}` |",
        f"| machine | {machine['cpus']} CPUs, {machine['memory_gib']} GiB memory, {machine['system']} |",
        f"| software | Python {machine['python']}, DuckDB {machine['duckdb']}, "
        f"dbt-core {machine['dbt_core']}, dbt-duckdb {machine['dbt_duckdb']} |",
        f"| settings | DuckDB memory limit {machine['duckdb_memory_limit']}, "
        f"{machine['dbt_threads']} dbt threads |",
        f"| input | {results['events']:,} {results['layout']} events in {results['files']} file(s), "
        f"{_mib(one['input_mib'])} of CSV; {results['sessions']:,} sessions |",
        "",
        "| step | seconds | peak memory |",
        "|---|---:|---:|",
    ]
    steps = [("raw CSV scan", "raw_scan")]
    readers = [key for key in one if key.startswith("parse_")]
    steps += [(_reader_label(key), key) for key in readers] or [("parse to a typed table", "parse")]
    steps += [
        ("hand-written reference", "reference"),
        ("`dbt build`", "dbt_build"),
        ("`make run`", "make_run"),
    ]
    for label, key in steps:
        step = one.get(key)
        if step is None and key == "dbt_build" and "dbt_build_in_run_seconds" in one:
            lines.append(f"| `dbt build` (inside `make run`) | {_s(one['dbt_build_in_run_seconds'])} | |")
        elif step is None:
            lines.append(f"| {label} | not measured | |")
        else:
            lines.append(f"| {label} | {_s(step['seconds'])} | {_mib(step['peak_rss_mib'])} |")
    lines.append("")
    ratio = one.get("dbt_build_vs_reference")
    lines.append(f"- `dbt build` / reference: {'not measured' if ratio is None else f'{ratio:.2f}'}")
    parse = one.get("models_parse_vs_typed_read_csv")
    lines.append(
        "- the models' parse (`base_store__events` inside `dbt build`) / plain typed read_csv: "
        + ("not measured" if parse is None else f"{_s(one['models_parse_seconds'])} / {parse:.2f}")
    )
    disk = one.get("disk_after_run_mib")
    if disk is None:
        lines.append("- disk after `make run`: not measured")
    else:
        total = disk["warehouse"] + disk["outputs"]
        lines.append(
            f"- disk after `make run`: {_mib(total)} ({total / one['input_mib']:.2f} times the input): "
            f"warehouse {_mib(disk['warehouse'])}, outputs {_mib(disk['outputs'])}"
        )
    inc = results.get("incremental")
    if inc is None:
        lines.append("- ten files: not measured")
    else:
        lines.append(
            f"- ten files: a full build {_s(inc['full_build_of_ten']['seconds'])} s, adding the tenth "
            f"to nine loaded {_s(inc['adding_the_tenth']['seconds'])} s ({inc['tenth_vs_full']:.0%} of "
            f"the full build); peak memory {_mib(inc['full_build_of_ten']['peak_rss_mib'])} and "
            f"{_mib(inc['adding_the_tenth']['peak_rss_mib'])}"
        )
    profiles = [
        (label, one[key]["slowest_steps"])
        for label, key in (
            ("reference: table", "reference"),
            ("`dbt build`: model", "dbt_build"),
            ("`make run`: model", "make_run"),
        )
        if key in one and "slowest_steps" in one[key]
    ]
    if profiles:
        lines += ["", "Where the time goes, slowest first:", ""]
        lines.append("| " + " | ".join(f"{label} | seconds" for label, _ in profiles) + " |")
        lines.append("|" + "---|---:|" * len(profiles))
        ranked = [list(slowest.items()) for _, slowest in profiles]
        for rank in range(max(map(len, ranked))):
            cells = [
                f"{steps[rank][0]} | {_s(steps[rank][1])}" if rank < len(steps) else " | " for steps in ranked
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\n" + HOW_TO_READ


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
    parser.add_argument(
        "--performance",
        type=Path,
        default=PROJECT_ROOT / "PERFORMANCE.md",
        help="the page this run's figures are written to (default: PERFORMANCE.md)",
    )
    args = parser.parse_args(argv)
    arguments = sys.argv[1:] if argv is None else argv
    run = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        **describe_commit(args.performance),
        "command": shlex.join(["python", "-m", "scripts.benchmark", *arguments]),
    }

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
        "machine": describe_machine(),
        "run": run,
        "events": args.events,
        "files": args.files,
        "layout": args.layout,
        "sessions": SESSIONS_ROWS,
        "generation_seconds": round(time.perf_counter() - started, 1),
        "one_set": bench_one_set(files, sessions, args.scratch, args.skip_run, args.run_only, args.keep),
    }
    if not (args.skip_incremental or args.run_only):  # --run-only means the scan and make run only
        results["incremental"] = bench_incremental(
            args.events, args.layout, sessions, args.scratch, args.keep
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    args.performance.write_text(render_performance(results), encoding="utf-8")
    print_table(results)
    print(f"\nWritten to {args.output} and {args.performance}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
