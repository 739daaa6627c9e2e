"""scripts/publish.py on small stand-in files: the published warehouse file and the published
outputs folder are each always entirely one run's, whichever file operation a kill
interrupts, and the next run finishes or discards what the killed one left, so that the two
belong to the same run again."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

from scripts import publish as publish_module
from scripts.publish import Published, PublishError, clear_candidates, publish, run_lock


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs (BaseException, so no `except Exception` stops it)."""


def _write_run(warehouse: Path, outputs: Path, run: str) -> None:
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    warehouse.write_text(f"warehouse of {run}", encoding="utf-8")
    (outputs / "ads").mkdir(parents=True)
    (outputs / "report.html").write_text(f"report of {run}", encoding="utf-8")
    (outputs / "ads" / "kpi_summary.csv").write_text(f"kpis of {run}", encoding="utf-8")


def _published_runs(site: Published) -> tuple[str, str]:
    """The runs the published warehouse and outputs belong to; fails on a half-replaced folder."""
    outputs = {
        (site.outputs / "report.html").read_text(encoding="utf-8").removeprefix("report of "),
        (site.outputs / "ads" / "kpi_summary.csv").read_text(encoding="utf-8").removeprefix("kpis of "),
    }
    assert len(outputs) == 1, f"a half-replaced outputs folder: {outputs}"
    assert sorted(path.name for path in site.outputs.rglob("*")) == ["ads", "kpi_summary.csv", "report.html"]
    return site.warehouse.read_text(encoding="utf-8").removeprefix("warehouse of "), outputs.pop()


def _published_run(site: Published) -> str:
    """The run the published pair belongs to; fails if warehouse and outputs disagree."""
    warehouse, outputs = _published_runs(site)
    assert warehouse == outputs, f"warehouse of {warehouse}, outputs of {outputs}"
    return warehouse


@pytest.fixture()
def site(tmp_path: Path) -> Published:
    """A published run `old` and the complete candidates of a run `new`."""
    published = Published(tmp_path / "warehouse" / "analytics.duckdb", tmp_path / "outputs")
    _write_run(published.warehouse, published.outputs, "old")
    _write_run(published.candidate_warehouse, published.candidate_outputs, "new")
    return published


def _leftovers(site: Published) -> list[Path]:
    return [path for path in [*site.leftovers(), site.commit_record] if path.exists()]


def test_publish_swaps_in_both(site: Published):
    publish(site)
    assert _published_run(site) == "new"
    assert _leftovers(site) == []


def test_first_publication(tmp_path: Path):
    site = Published(tmp_path / "warehouse" / "analytics.duckdb", tmp_path / "outputs")
    _write_run(site.candidate_warehouse, site.candidate_outputs, "first")
    publish(site)
    assert _published_run(site) == "first"


def _kill_at_operation(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """Raise Killed instead of the `number`-th file-system change publish makes."""
    counter = itertools.count()

    def killable(operation):
        def run(*args, **kwargs):
            if next(counter) == number:
                raise Killed
            return operation(*args, **kwargs)

        return run

    for owner, name in [
        (os, "replace"),
        (os, "rename"),
        (os, "fsync"),
        (shutil, "rmtree"),
        (publish_module, "_exchange"),
        (Path, "unlink"),
        (Path, "write_text"),
    ]:
        monkeypatch.setattr(owner, name, killable(getattr(owner, name)))


def test_a_kill_at_any_operation_leaves_one_whole_run(site: Published, tmp_path: Path):
    outcomes = []
    for number in itertools.count():
        trial = Published(
            tmp_path / f"trial{number}" / "warehouse" / "analytics.duckdb",
            tmp_path / f"trial{number}" / "outputs",
        )
        _write_run(trial.warehouse, trial.outputs, "old")
        _write_run(trial.candidate_warehouse, trial.candidate_outputs, "new")
        with pytest.MonkeyPatch.context() as monkeypatch:
            _kill_at_operation(monkeypatch, number)
            try:
                publish(trial)
            except Killed:
                killed = True
            else:
                killed = False
        # Right after the kill a reader sees a whole warehouse and a whole outputs folder; a
        # kill between the two renames can leave them one run apart until the next run.
        seen = _published_runs(trial)
        clear_candidates(trial, log=lambda line: None)  # the next run's first step
        outcomes.append((seen, _published_run(trial)))
        assert _leftovers(trial) == []
        if not killed:
            break
    # Killed before the commit record: the old run stays; after it: the next run finishes it.
    assert outcomes[0] == (("old", "old"), "old")
    assert outcomes[-1] == (("new", "new"), "new")
    assert {after for _, after in outcomes} == {"old", "new"}
    first_new = next(index for index, (_, after) in enumerate(outcomes) if after == "new")
    assert all(after == "new" for _, after in outcomes[first_new:]), outcomes


def test_a_failed_runs_candidates_are_removed_and_nothing_published(site: Published):
    (site.candidate_outputs / "half_written.csv").write_text("x", encoding="utf-8")
    site.candidate_warehouse.with_name(site.candidate_warehouse.name + ".wal").write_text(
        "wal", encoding="utf-8"
    )
    clear_candidates(site, log=lambda line: None)
    assert _published_run(site) == "old"
    assert _leftovers(site) == []


def test_a_candidate_with_an_unapplied_log_is_not_published(site: Published):
    site.candidate_warehouse.with_name(site.candidate_warehouse.name + ".wal").write_text(
        "wal", encoding="utf-8"
    )
    with pytest.raises(PublishError, match="write-ahead log"):
        publish(site)
    assert _published_run(site) == "old"


def test_one_run_per_warehouse(site: Published):
    with run_lock(site), pytest.raises(PublishError, match="another run is building"), run_lock(site):
        pass
    with run_lock(site):  # released when the first run ends
        pass
