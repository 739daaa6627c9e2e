"""Run the whole job on the built-in sample or on your own export.

    python -m scripts.run_pipeline          # what `make run` does
    python -m scripts.run_pipeline --ci     # the small, fixed build that `make test` checks

Steps: make sure the inputs exist (generating the built-in sample when no file was named),
check them, `dbt build`, export the marts, then write the HTML report from the marts
(`scripts.report`). Each step prints how long it took; the last line is the report's path.
A bad input stops the run with one line naming the file and the cause (exit 2); a failed dbt
build, or a mart the report needs that the build did not make, exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts.export_marts import export
from scripts.generate_sample import generate_file
from scripts.headline import print_headline
from scripts.inputs import DBT_SOURCE, PROJECT_ROOT, InputError, check_input, check_inputs
from scripts.report.build import build_report
from scripts.report.marts import MissingMart
from scripts.synthetic.sink import manifest_path

SAMPLE_SEED = 42
DATASETS = {"events": "EVENTS_PATH", "sessions": "SESSIONS_PATH"}


@dataclass(frozen=True)
class Profile:
    """Where one kind of run reads and writes. Relative paths are under the project root."""

    target: str
    sample_dir: Path
    sample_rows: dict[str, int | None]
    duckdb_path: Path
    outputs_dir: Path
    # User-named files (EVENTS_PATH / SESSIONS_PATH) are honoured only where this is true:
    # CI always builds its own small sample so its numbers can be checked.
    reads_user_files: bool
    dbt_vars: dict[str, object] = field(default_factory=dict)


DEV = Profile(
    target="dev",
    sample_dir=Path("data/raw"),
    sample_rows={"events": None, "sessions": None},  # the public datasets' sizes
    duckdb_path=Path("warehouse/analytics.duckdb"),
    outputs_dir=Path("outputs"),
    reads_user_files=True,
)

CI = Profile(
    target="ci",
    sample_dir=Path("data/ci"),
    sample_rows={"events": 60_000, "sessions": 30_000},
    duckdb_path=Path("warehouse/ci.duckdb"),
    outputs_dir=Path("outputs/ci"),
    reads_user_files=False,
    # The CI sample is ~7% of full size: lower catalog thresholds so low_conversion_products and
    # product_alerts are non-empty and straddle their boundaries (products at exactly 20 views,
    # windows at exactly 15 views).
    dbt_vars={"zero_conversion_min_views": 20, "alert_min_views": 15},
)


@contextmanager
def step(name: str) -> Iterator[None]:
    """Print a step's start and its duration, so a user knows what is happening."""
    print(f"[{name}] ...", flush=True)
    started = time.perf_counter()
    yield
    print(f"[{name}] done in {time.perf_counter() - started:.1f}s", flush=True)


def _sample_is_current(path: Path, rows: int | None) -> bool:
    """A generated sample is reused only if its manifest says it has the rows asked for."""
    manifest_file = manifest_path(path)
    if not (path.exists() and manifest_file.exists()):
        return False
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    # A file written with another --layout (or the hostile one) is not the built-in sample.
    built_in = manifest.get("layout", "electronics") == "electronics" and "kind" not in manifest
    return built_in and manifest.get("seed") == SAMPLE_SEED and (rows is None or manifest.get("rows") == rows)


def resolve_inputs(profile: Profile) -> dict[str, list[Path]]:
    """Each dataset's files: the user's (a file, directory or glob from env, checked) or the
    built-in sample, generated if needed."""
    files = {}
    for dataset, env_name in DATASETS.items():
        named = os.environ.get(env_name) if profile.reads_user_files else None
        if named:
            files[dataset] = check_inputs(named, dataset)
            continue
        path = (PROJECT_ROOT / profile.sample_dir / f"{dataset}.csv").resolve()
        rows = profile.sample_rows[dataset]
        if not _sample_is_current(path, rows):
            print(f"  generating the built-in {dataset} sample (seed {SAMPLE_SEED}) ...", flush=True)
            generate_file(dataset, path, rows=rows, seed=SAMPLE_SEED)
        check_input(path, dataset)
        files[dataset] = [path]
    return files


def _configured_path(profile: Profile, env_name: str, default: Path) -> Path:
    named = os.environ.get(env_name) if profile.reads_user_files else None
    return (PROJECT_ROOT / (named or default)).resolve()


def duckdb_path(profile: Profile) -> Path:
    return _configured_path(profile, "DUCKDB_PATH", profile.duckdb_path)


def outputs_dir(profile: Profile) -> Path:
    return _configured_path(profile, "OUTPUTS_DIR", profile.outputs_dir)


def input_vars(inputs: dict[str, list[Path]]) -> dict[str, list[str]]:
    """The dbt vars naming each source's files (macro input_files reads them)."""
    return {f"{DBT_SOURCE[dataset]}_files": [str(path) for path in paths] for dataset, paths in inputs.items()}


def dbt_environment(profile: Profile) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DUCKDB_PATH=str(duckdb_path(profile)),
        DBT_PROFILES_DIR=str(PROJECT_ROOT),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    return env


def dbt(command: str, profile: Profile, env: dict[str, str], inputs: dict[str, list[Path]]) -> None:
    """Run one dbt command with the profile's target, its vars and the input files; raise on failure."""
    executable = Path(sys.executable).with_name("dbt")
    args = [str(executable), command, "--target", profile.target]
    args += ["--vars", json.dumps({**profile.dbt_vars, **input_vars(inputs)})]
    completed = subprocess.run(args, cwd=PROJECT_ROOT, env=env, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"dbt {command} failed (exit {completed.returncode}); see its log above")


def run(profile: Profile) -> None:
    started = time.perf_counter()
    with step("inputs"):
        inputs = resolve_inputs(profile)
        for dataset, paths in inputs.items():
            for path in paths:
                print(f"  {dataset}: {path}")
    env = dbt_environment(profile)
    duckdb_path(profile).parent.mkdir(parents=True, exist_ok=True)
    with step("dbt build"):
        dbt("build", profile, env, inputs)
    with step("export"):
        written = export(duckdb_path(profile), outputs_dir(profile))
        print(f"  {len(written)} files")
    with step("report"):
        report = build_report(duckdb_path(profile), outputs_dir(profile), log=lambda line: print(line, flush=True))
    print_headline(duckdb_path(profile))
    print(f"Warehouse: {duckdb_path(profile)} (schemas staging, intermediate, store, ads)")
    print(f"Exports:   {outputs_dir(profile)}")
    print(f"Charts:    {report.path.parent / 'charts'} ({len(report.charts)} PNG files)")
    print(f"Done in {time.perf_counter() - started:.0f}s. Open the report in any browser:")
    print(f"Report:    {report.path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.run_pipeline", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ci", action="store_true", help="build the small CI sample into warehouse/ci.duckdb")
    args = parser.parse_args(argv)
    try:
        run(CI if args.ci else DEV)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (RuntimeError, MissingMart) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
