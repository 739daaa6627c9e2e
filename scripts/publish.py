"""Write-audit-publish: a run writes into candidates, and only a fully audited run replaces
what BI tools and people read, warehouse and outputs together.

    warehouse/analytics.duckdb            published (DUCKDB_PATH): BI tools open it read-only
    warehouse/analytics.candidate.duckdb  this run's marts, written by dbt (plus .wal/.tmp)
    outputs/                              published exports and report (OUTPUTS_DIR)
    outputs.candidate/                    this run's exports and report
    warehouse/analytics.duckdb.publishing the commit record while the two are being swapped in
    warehouse/analytics.duckdb.lock       held for the whole run: one run per warehouse

Nothing writes the published paths except `publish`: the warehouse file is replaced by an
atomic rename, the outputs folder by an atomic exchange of the two folders (Linux
renameat2), so a reader sees all of the old or all of the new. A reader holding the old file
open keeps reading it; its next connection opens the new one. The commit record makes the
pair atomic across a kill: it is written (atomically) once both candidates are complete, and
a run that finds one finishes that publication before doing anything else. Candidates left
by a killed or failed run are deleted by the next run.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(None, use_errno=True)


class PublishError(RuntimeError):
    """The run cannot start or publish (another run holds the lock, an incomplete candidate)."""


@dataclass(frozen=True)
class Published:
    """The published paths of one warehouse, and the candidates and records beside them."""

    warehouse: Path
    outputs: Path

    @property
    def candidate_warehouse(self) -> Path:
        return self.warehouse.with_name(f"{self.warehouse.stem}.candidate{self.warehouse.suffix}")

    @property
    def candidate_outputs(self) -> Path:
        return self.outputs.with_name(f"{self.outputs.name}.candidate")

    @property
    def commit_record(self) -> Path:
        return self.warehouse.with_name(f"{self.warehouse.name}.publishing")

    @property
    def lock(self) -> Path:
        return self.warehouse.with_name(f"{self.warehouse.name}.lock")

    def leftovers(self) -> list[Path]:
        """Everything a run writes besides the published paths, as a killed run may leave it.
        DuckDB adds `.wal` (uncommitted writes) and `.tmp` (spilled data) beside the candidate."""
        candidate = self.candidate_warehouse
        return [
            candidate,
            candidate.with_name(candidate.name + ".wal"),
            candidate.with_name(candidate.name + ".tmp"),
            self.candidate_outputs,
            self.commit_record.with_name(self.commit_record.name + ".tmp"),
        ]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Flush a file or a folder's entries to disk, so a rename never outlives its content."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for root, _, files in os.walk(folder):
        for name in files:
            _fsync(Path(root) / name)
        _fsync(Path(root))


def _exchange(first: Path, second: Path) -> None:
    """Swap two existing paths in one atomic step (renameat2 RENAME_EXCHANGE, Linux 3.15+)."""
    if _libc.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE):
        errno = ctypes.get_errno()
        raise OSError(errno, f"cannot swap in {second}: {os.strerror(errno)}", str(first))


@contextmanager
def run_lock(published: Published) -> Iterator[None]:
    """Hold the warehouse's run lock for the whole run. A second run on the same warehouse fails
    at once rather than waiting; the lock dies with the process, however it ends."""
    published.warehouse.parent.mkdir(parents=True, exist_ok=True)
    with open(published.lock, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(
                f"another run is building {published.warehouse} (it holds {published.lock})"
            ) from None
        yield


def clear_candidates(published: Published, log: Callable[[str], None] = print) -> None:
    """Under the run lock: finish a publication an interrupted run had committed, then delete
    whatever an earlier run left beside the published paths."""
    if published.commit_record.exists():
        log("  finishing the publication an interrupted run had committed")
        _roll_forward(published)
    stale = [path for path in published.leftovers() if path.exists()]
    for path in stale:
        _remove(path)
    if stale:
        log(f"  removed what an interrupted or failed run left: {', '.join(path.name for path in stale)}")


def publish(published: Published) -> None:
    """Replace the published warehouse and outputs by the candidates, both or neither."""
    candidate = published.candidate_warehouse
    if candidate.with_name(candidate.name + ".wal").exists():
        raise PublishError(f"{candidate} has an unapplied write-ahead log: the build did not close it")
    _fsync(candidate)
    _fsync_tree(published.candidate_outputs)
    record = {
        "warehouse_inode": candidate.stat().st_ino,
        "outputs_inode": published.candidate_outputs.stat().st_ino,
    }
    pending = published.commit_record.with_name(published.commit_record.name + ".tmp")
    pending.write_text(json.dumps(record), encoding="utf-8")
    _fsync(pending)
    os.replace(pending, published.commit_record)  # the commit point
    _fsync(published.commit_record.parent)
    _roll_forward(published)


def _roll_forward(published: Published) -> None:
    """Move the committed candidates into place. Idempotent: each candidate is identified by
    the inode the commit record holds, so a step already done (and the old outputs, which the
    exchange leaves at the candidate path) is never mistaken for one still to do."""
    record = json.loads(published.commit_record.read_text(encoding="utf-8"))
    candidate = published.candidate_warehouse
    if candidate.exists() and candidate.stat().st_ino == record["warehouse_inode"]:
        os.replace(candidate, published.warehouse)
    outputs = published.candidate_outputs
    if outputs.exists() and outputs.stat().st_ino == record["outputs_inode"]:
        if published.outputs.exists():
            _exchange(outputs, published.outputs)
        else:
            os.rename(outputs, published.outputs)
    _fsync(published.warehouse.parent)
    _fsync(published.outputs.parent)
    published.commit_record.unlink()
    if outputs.exists():  # the previous outputs, swapped out
        shutil.rmtree(outputs)
