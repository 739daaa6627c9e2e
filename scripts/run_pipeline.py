"""Run the whole job on the built-in sample or on your own export.

    python -m scripts.run_pipeline          # what `make run` does
    python -m scripts.run_pipeline --ci     # the small, fixed build that `make test` checks

Steps: make sure the inputs exist (generating the built-in sample when no file was named),
check them, `dbt build` (the parsed files and the quarantine into the build database, the tables
rebuilt in full into a scratch one deleted after the build, the marts into a candidate
warehouse, every data test and audit), export the marts and write the HTML report
(`scripts.report`) from the candidate, then publish warehouse and outputs together
(`scripts.publish`). Each step prints how long it took; the last line is the report's path.
A bad input stops the run with one line naming the file and the cause (exit 2). Any other
failure ends with one line naming the step and the log to read (exit 1), and publishes
nothing: BI tools keep reading the last good run.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts.export_marts import export
from scripts.generate_sample import generate_file, is_current
from scripts.headline import print_headline
from scripts.inputs import (
    MANIFEST_ENV,
    PROJECT_ROOT,
    InputError,
    InputFile,
    check_input,
    check_inputs,
    notices,
    write_manifest,
)
from scripts.load_outcome import empty_datasets, files_without_usable_rows, no_usable_rows
from scripts.publish import Published, PublishError, clear_candidates, publish, run_lock
from scripts.report.build import build_report

SAMPLE_SEED = 42
DATASETS = {"events": "EVENTS_PATH", "sessions": "SESSIONS_PATH"}


@dataclass(frozen=True)
class Sample:
    """One generated sample file: its path under the profile's sample_dir and how to make it."""

    name: str
    rows: int | None = None  # None: the public dataset's size
    layout: str = "electronics"
    month: str | None = None


@dataclass(frozen=True)
class Profile:
    """Where one kind of run reads and writes. Relative paths are under the project root."""

    target: str
    sample_dir: Path
    samples: dict[str, tuple[Sample, ...]]  # dataset -> its built-in files
    duckdb_path: Path  # the published warehouse: marts only, what BI tools open
    build_path: Path  # staging and seeds; kept from run to run
    outputs_dir: Path
    memory_limit: str  # DuckDB's ceiling unless DUCKDB_MEMORY_LIMIT says otherwise (as profiles.yml)
    # User-named files (EVENTS_PATH / SESSIONS_PATH) are honoured only where this is true:
    # CI always builds its own small sample so its numbers can be checked.
    reads_user_files: bool
    dbt_vars: dict[str, object] = field(default_factory=dict)
    # dbt build arguments beyond the target and vars.
    build_args: tuple[str, ...] = ()
    # The CI build is the fixture of `make test`: it prints its steps, not a run's results.
    quiet: bool = False
    # Keep the scratch database after the build (scratch_path): the tests read it.
    keeps_scratch: bool = False


# The data tests a DuckDB build's contracts already enforce (dbt selection syntax).
CONTRACT_CHECKED_TESTS = "test_name:not_null,path:models/marts"

DEV = Profile(
    target="dev",
    sample_dir=Path("data/raw"),
    # The case study's store and the report's session log, at the public datasets' sizes.
    samples={"events": (Sample("events.csv"),), "sessions": (Sample("sessions.csv"),)},
    duckdb_path=Path("warehouse/analytics.duckdb"),
    build_path=Path("warehouse/build.duckdb"),
    outputs_dir=Path("outputs"),
    memory_limit="4GB",
    reads_user_files=True,
    # Unit tests pin the rules on fixtures, not the data: `make test` runs them (the CI build).
    # A mart's not_null tests repeat its contract, which DuckDB enforces as the table is written
    # (the constraint fails the model): `make test` runs them too, `make run` need not.
    build_args=("--exclude-resource-type", "unit_test", "--exclude", CONTRACT_CHECKED_TESTS),
)

CI = Profile(
    target="ci",
    sample_dir=Path("data/ci"),
    # Every REES46 layout in one folder, so the checked build reads several files and meets
    # 9- and 19-digit ids, UUID sessions, remove_from_cart and buyers who never cart.
    samples={
        "events": (
            Sample("events/electronics.csv", 60_000),
            Sample("events/cosmetics-2019-12.csv", 8_000, "cosmetics", "2019-12"),
            Sample("events/multicategory-2019-10.csv", 8_000, "multicategory", "2019-10"),
        ),
        "sessions": (Sample("sessions.csv", 30_000),),
    },
    duckdb_path=Path("warehouse/ci.duckdb"),
    build_path=Path("warehouse/ci_build.duckdb"),
    # Beside outputs/, not in it: publishing replaces a whole outputs folder.
    outputs_dir=Path("outputs-ci"),
    memory_limit="2GB",
    reads_user_files=False,
    # The CI sample is ~7% of full size: lower catalog thresholds so low_conversion_products and
    # product_alerts are non-empty and straddle their boundaries (products at exactly 20 views,
    # windows at exactly 15 views).
    dbt_vars={"zero_conversion_min_views": 20, "alert_min_views": 15},
    build_args=("--quiet",),
    quiet=True,
    keeps_scratch=True,
)


# Where a failed step's traceback goes (dbt writes its own, logs/dbt.log, beside it).
PIPELINE_LOG = PROJECT_ROOT / "logs" / "pipeline.log"
DBT_LOG = PROJECT_ROOT / "logs" / "dbt.log"


def dbt_target_path() -> Path:
    """Where dbt writes its manifest and run results: DBT_TARGET_PATH as dbt reads it (relative
    to the project), else target/."""
    return PROJECT_ROOT / (os.environ.get("DBT_TARGET_PATH") or "target")


class StepFailed(Exception):
    """A step of the run failed; the message names the step, the cause and the log to read.
    A dbt step keeps its failed nodes' names and messages."""

    def __init__(self, name: str, cause: str, log: Path, failures: dict[str, str] | None = None) -> None:
        super().__init__(f"{name} failed: {cause}. Nothing was published; see {log}")
        self.failures = failures or {}


@contextmanager
def step(name: str) -> Iterator[None]:
    """Print a step's start and its duration, so a user knows what is happening. A failure
    becomes StepFailed, its traceback appended to PIPELINE_LOG instead of the terminal."""
    print(f"[{name}] ...", flush=True)
    started = time.perf_counter()
    try:
        yield
    except (StepFailed, PublishError, InputError):
        raise  # already one line naming the step or file
    except Exception as exc:
        PIPELINE_LOG.parent.mkdir(parents=True, exist_ok=True)
        with PIPELINE_LOG.open("a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} [{name}] failed\n{traceback.format_exc()}\n")
        cause = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StepFailed(name, f"{type(exc).__name__}: {cause}", PIPELINE_LOG) from exc
    print(f"[{name}] done in {time.perf_counter() - started:.1f}s", flush=True)


def _sample_is_current(path: Path, dataset: str, sample: Sample) -> bool:
    """A generated sample is reused only if its manifest says it is the file asked for."""
    wanted = {"seed": SAMPLE_SEED, "layout": sample.layout, "month": sample.month}
    if sample.rows is not None:
        wanted["rows"] = sample.rows
    return is_current(dataset, path, **wanted)


def sample_files(profile: Profile) -> dict[str, list[Path]]:
    """The paths of the profile's built-in sample files, per dataset."""
    root = PROJECT_ROOT / profile.sample_dir
    return {
        dataset: [(root / sample.name).resolve() for sample in samples]
        for dataset, samples in profile.samples.items()
    }


def resolve_inputs(profile: Profile) -> dict[str, list[InputFile]]:
    """Each dataset's files: the user's (a file, directory or glob from env, checked) or the
    built-in sample, generated if needed."""
    files = {}
    for dataset, env_name in DATASETS.items():
        named = os.environ.get(env_name) if profile.reads_user_files else None
        if named:
            files[dataset] = check_inputs(named, dataset)
            continue
        checked = []
        for sample, path in zip(profile.samples[dataset], sample_files(profile)[dataset], strict=True):
            if not _sample_is_current(path, dataset, sample):
                print(
                    f"  generating the built-in {dataset} sample {sample.name} (seed {SAMPLE_SEED}) ...",
                    flush=True,
                )
                options = {"layout": sample.layout, "month": sample.month} if dataset == "events" else {}
                generate_file(dataset, path, rows=sample.rows, seed=SAMPLE_SEED, **options)
            checked.append(check_input(path, dataset))
        files[dataset] = checked
    return files


def _configured_path(profile: Profile, env_name: str, default: Path) -> Path:
    named = os.environ.get(env_name) if profile.reads_user_files else None
    return (PROJECT_ROOT / (named or default)).resolve()


def duckdb_path(profile: Profile) -> Path:
    return _configured_path(profile, "DUCKDB_PATH", profile.duckdb_path)


def build_path(profile: Profile) -> Path:
    return _configured_path(profile, "DUCKDB_BUILD_PATH", profile.build_path)


def scratch_path(profile: Profile) -> Path:
    """The database of the tables every run rebuilds in full (profiles.yml, alias `scratch`)."""
    build = build_path(profile)
    return build.with_name(f"{build.stem}_scratch.duckdb")


def remove_scratch(profile: Profile) -> None:
    """Between runs the scratch tables only take disk (gigabytes at 110M events). A failed build
    keeps them for inspection until the next run starts."""
    path = scratch_path(profile)
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def outputs_dir(profile: Profile) -> Path:
    return _configured_path(profile, "OUTPUTS_DIR", profile.outputs_dir)


def memory_limit(profile: Profile) -> str:
    return os.environ.get("DUCKDB_MEMORY_LIMIT") or profile.memory_limit


def inputs_manifest_path(profile: Profile) -> Path:
    """Where the run hands its checked input files to dbt (macro input_files), beside the build
    database whose loaded files they are."""
    build = build_path(profile)
    return build.with_name(f"{build.stem}.inputs.json")


def dbt_workdir(profile: Profile) -> Path:
    """Where dbt runs (its project is named by --project-dir): the build database's folder. The
    databases are named relative to it, so two runs whose files are laid out alike render the
    same profile, and dbt can reuse its last parse for the second (it parses from scratch when
    the profile's paths differ)."""
    return build_path(profile).parent


def dbt_environment(profile: Profile, published: Published) -> dict[str, str]:
    """profiles.yml reads these: the build and scratch databases, and the candidate the marts are
    written to, relative to dbt_workdir."""

    def relative(path: Path) -> str:
        return os.path.relpath(path, dbt_workdir(profile))

    env = dict(os.environ)
    env.update(
        DUCKDB_PATH=relative(published.warehouse),
        DUCKDB_BUILD_PATH=relative(build_path(profile)),
        DUCKDB_SCRATCH_PATH=relative(scratch_path(profile)),
        DUCKDB_CANDIDATE_PATH=relative(published.candidate_warehouse),
        DUCKDB_MEMORY_LIMIT=memory_limit(profile),
        DBT_PROFILES_DIR=str(PROJECT_ROOT),
        **{MANIFEST_ENV: str(inputs_manifest_path(profile))},
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    return env


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In the dbt child: be killed with the pipeline, even by kill -9, so that no orphaned build
    goes on holding the build database's lock after the run is gone."""
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the pipeline died before the line above
        os._exit(1)


def dbt(command: str, profile: Profile, env: dict[str, str], dbt_vars: dict[str, object]) -> None:
    """Run one dbt command with the profile's target, vars and arguments; raise on failure."""
    executable = Path(sys.executable).with_name("dbt")
    args = [str(executable), command, "--project-dir", str(PROJECT_ROOT), "--target", profile.target]
    args += profile.build_args
    if os.environ.get("FULL_REFRESH", "").lower() in ("1", "true", "yes"):
        # Re-read every input file instead of only the new or changed ones.
        args.append("--full-refresh")
    args += ["--vars", json.dumps(dbt_vars)]
    parent = os.getpid()
    completed = subprocess.run(
        args, cwd=dbt_workdir(profile), env=env, check=False, preexec_fn=lambda: _die_with_parent(parent)
    )
    if completed.returncode < 0:
        raise StepFailed(f"dbt {command}", f"dbt was killed by signal {-completed.returncode}", DBT_LOG)
    if completed.returncode != 0:
        failed = _dbt_failures()
        raise StepFailed(
            f"dbt {command}",
            _first_failure_line(failed) or f"dbt exited {completed.returncode}",
            DBT_LOG,
            {_node_name(result["unique_id"]): result.get("message") or "" for result in failed},
        )


def _dbt_failures() -> list[dict]:
    """The failed nodes of the last dbt run, in its order."""
    results_file = dbt_target_path() / "run_results.json"
    if not results_file.exists():
        return []
    results = json.loads(results_file.read_text(encoding="utf-8"))["results"]
    return [result for result in results if result["status"] in ("error", "fail", "runtime error")]


def _first_failure_line(failed: list[dict]) -> str | None:
    """The first failed node of the last dbt run and the first line of its error, which names
    the cause (and the file, for a file DuckDB could not read): `base_store__events: IO Error:
    Unexpected end of GZIP stream: /data/2019-Oct.csv.gz (and 3 more failures)`."""
    if not failed:
        return None
    first = failed[0]
    lines = [line.strip() for line in (first.get("message") or "").splitlines() if line.strip()]
    # dbt prefixes DuckDB's error with the node kind and path: the cause is the line after.
    cause = next(
        (line for line in lines if "Error:" in line and " in model " not in line), lines[0] if lines else ""
    )
    more = f" (and {len(failed) - 1} more failures)" if len(failed) > 1 else ""
    return f"{_node_name(first['unique_id'])}: {cause}{more}"


def _node_name(unique_id: str) -> str:
    """A node's name as its YAML gives it: `int_users_funnel_states`, a generic test's name without
    the hash dbt appends to its id (`test.<project>.<name>.<hash>`), a unit test's `<model>.<test>`."""
    kind, _project, *name = unique_id.split(".")
    return ".".join(name[:-1] if kind == "test" and len(name) == 2 else name)


def _log(line: str) -> None:
    print(line, flush=True)


def build(
    profile: Profile, env: dict[str, str], dbt_vars: dict[str, object], inputs: dict[str, list[InputFile]]
) -> None:
    """`dbt build` of the checked inputs. When a dataset has no usable row, the error names its
    file, its rows and their most common reason."""
    write_manifest(inputs_manifest_path(profile), inputs)
    try:
        dbt("build", profile, env, dbt_vars)
    except StepFailed as failed:
        empty = empty_datasets(list(failed.failures))
        if not empty:
            raise
        cause = no_usable_rows(build_path(profile), empty[0])
        raise InputError(f"{cause}. Nothing was published") from failed


def run(profile: Profile, extra_vars: dict[str, object] | None = None) -> None:
    started = time.perf_counter()
    with step("inputs"):
        inputs = resolve_inputs(profile)
        for dataset, files in inputs.items():
            for file in files:
                print(f"  {dataset}: {file.path}")
        for line in notices(inputs):
            print(line)
    build_path(profile).parent.mkdir(parents=True, exist_ok=True)
    published = Published(duckdb_path(profile), outputs_dir(profile))
    with run_lock(published):
        with step("candidates"):
            clear_candidates(published, log=_log)
        env = dbt_environment(profile, published)
        remove_scratch(profile)
        with step("dbt build"):
            build(profile, env, {**profile.dbt_vars, **(extra_vars or {})}, inputs)
        if not profile.keeps_scratch:
            remove_scratch(profile)
        for warning in files_without_usable_rows(published.candidate_warehouse):
            print(warning, flush=True)
        with step("export"):
            written = export(
                published.candidate_warehouse, published.candidate_outputs, memory_limit(profile), log=_log
            )
            print(f"  {len(written)} files")
        with step("report"):
            report = build_report(
                published.candidate_warehouse,
                published.candidate_outputs,
                log=(lambda line: None) if profile.quiet else _log,
                database_name=published.warehouse.name,
            )
            if not profile.quiet:
                print_headline(published.candidate_warehouse)
        with step("publish"):
            publish(published)
    outputs = published.outputs
    if profile.quiet:
        print(
            f"CI build published to {published.warehouse} and {outputs} "
            f"in {time.perf_counter() - started:.0f}s"
        )
        return
    print(f"Warehouse: {published.warehouse} (schemas store, ads; open it read-only)")
    print(f"Build:     {build_path(profile)} (the loaded files and the quarantine: schemas staging, seeds)")
    print(f"Exports:   {outputs}")
    print(f"Charts:    {outputs / 'charts'} ({len(report.charts)} PNG files)")
    print(f"Done in {time.perf_counter() - started:.0f}s. Open the report in any browser:")
    print(f"Report:    {outputs / report.path.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.run_pipeline", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--ci", action="store_true", help="build the small CI sample into warehouse/ci.duckdb"
    )
    parser.add_argument(
        "--vars",
        type=json.loads,
        default={},
        help="dbt vars over the project's and the profile's, as JSON: '{\"alert_min_views\": 50}'",
    )
    args = parser.parse_args(argv)
    try:
        run(CI if args.ci else DEV, args.vars)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (StepFailed, PublishError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
