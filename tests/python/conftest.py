"""Shared fixtures: the CI build, and the raw files it was built from, read independently.

`make test` builds the CI warehouse (`python -m scripts.run_pipeline --ci`) just before
pytest; run alone, pytest builds it first if it is missing. The build leaves two files: the
published warehouse (`warehouse/ci.duckdb`, marts only: fixture `warehouse`) and the build
database (`warehouse/ci_build.duckdb`, staging, with its scratch database attached: fixture
`build_warehouse`).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml

from scripts import run_pipeline
from scripts.inputs import PROJECT_ROOT
from scripts.synthetic.sink import manifest_path
from tests.python.ads_reference import read_raw_sessions
from tests.python.store_reference import StoreReference, clean_events, read_raw_events

CI = run_pipeline.CI
# The CI sample's files per dataset (events: one file per REES46 layout).
CI_FILES = run_pipeline.sample_files(CI)

# The test files that run the pipeline or dbt several times, longest first: minutes each, most
# of pytest's time. `make test` gives whole files to two workers in collection order
# (`--dist loadfile --no-loadscope-reorder`); collected first, these start at once on both
# workers and the short files fill in after, instead of one of them starting last, alone.
LONG_FILES = (
    "test_write_audit_publish.py",
    "test_incremental_load.py",
    "test_export_cases.py",
    "test_real_samples.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return LONG_FILES.index(name) if name in LONG_FILES else len(LONG_FILES)

    items.sort(key=rank)  # a stable sort: each file's tests keep their order


@pytest.fixture(scope="session")
def ci_database() -> Path:
    database = PROJECT_ROOT / CI.duckdb_path
    if not database.exists():
        assert run_pipeline.main(["--ci"]) == 0, "the CI build failed"
    return database


@pytest.fixture(scope="session")
def warehouse(ci_database: Path):
    """The published CI warehouse: the marts, as a BI tool reads them."""
    with duckdb.connect(str(ci_database), read_only=True) as con:
        yield con


@pytest.fixture(scope="session")
def build_warehouse(ci_database: Path):
    """The CI build database (the loaded files, the quarantine), with the CI build's scratch
    database attached as `scratch` (stg_store__events and the intermediate tables)."""
    with duckdb.connect(str(PROJECT_ROOT / CI.build_path), read_only=True) as con:
        con.execute("attach ? as scratch (read_only)", [str(run_pipeline.scratch_path(CI))])
        yield con


@pytest.fixture(scope="session")
def dbt_vars() -> dict:
    """The vars the CI build ran with: dbt_project.yml's, overridden by the CI profile's."""
    project = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text(encoding="utf-8"))
    return {**project["vars"], **CI.dbt_vars}


def _manifest(dataset: str) -> dict:
    """What the generator planted in all of the dataset's files: the counts summed."""
    manifests = [json.loads(manifest_path(path).read_text(encoding="utf-8")) for path in CI_FILES[dataset]]
    total = dict(manifests[0])
    for manifest in manifests[1:]:
        for key in ("rows", "clean_rows", "exact_duplicate_rows"):
            total[key] += manifest[key]
        total["dirty_rows"] = {
            reason: total["dirty_rows"].get(reason, 0) + manifest["dirty_rows"].get(reason, 0)
            for reason in total["dirty_rows"] | manifest["dirty_rows"]
        }
    return total


@pytest.fixture(scope="session")
def raw_events(ci_database: Path) -> list:
    return read_raw_events(*CI_FILES["events"])


@pytest.fixture(scope="session")
def events_manifest(ci_database: Path) -> dict:
    return _manifest("events")


@pytest.fixture(scope="session")
def store_ref(raw_events: list, dbt_vars: dict) -> StoreReference:
    """The CI event file cleaned by the independent pandas reference."""
    return clean_events(raw_events, dbt_vars["accepted_event_types"])


@pytest.fixture(scope="session")
def raw_session_lines(ci_database: Path) -> list:
    return read_raw_sessions(*CI_FILES["sessions"])


@pytest.fixture(scope="session")
def sessions_manifest(ci_database: Path) -> dict:
    return _manifest("sessions")


@pytest.fixture(scope="session")
def read_mart(warehouse):
    """`read_mart("store.kpi_summary")`: a whole mart as a DataFrame (marts are small)."""

    def read(relation: str) -> pd.DataFrame:
        return warehouse.execute(f"select * from {relation}").df()

    return read
