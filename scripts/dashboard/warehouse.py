"""Read-only access to the published warehouse, one short-lived connection per refresh.

`make run` publishes by renaming a new file over the old one (scripts/publish.py). The
dashboard never keeps a connection: each refresh stats the file, opens it read-only, runs what
the cache lacks and closes it, so it never holds a lock a build waits for, and the first refresh
after a publication reads the new file. A file's identity (inode, size, modification time) is
part of every cache key, so a new publication misses the cache and an old one is never shown as
new.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

# The catalog name the compiled models use for the marts (`+database: marts` in dbt_project.yml).
MARTS_ALIAS = "marts"


class WarehouseMissing(FileNotFoundError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"no published warehouse at {path}: run `make run` first")


class Republished(RuntimeError):
    """The file was replaced while it was being opened: the refresh starts again on the new one."""


@dataclass(frozen=True)
class FileIdentity:
    """Which publication a path holds: a rename puts a new inode there."""

    path: str
    inode: int
    size: int
    modified_ns: int


def identify(path: Path) -> FileIdentity:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise WarehouseMissing(path) from None
    return FileIdentity(str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)


@contextmanager
def connect(identity: FileIdentity) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory connection with the publication `identity` attached read-only as `marts`.
    Raises Republished when the path no longer holds that publication once attached."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"attach {_quote(identity.path)} as {MARTS_ALIAS} (read_only)")
        if identify(Path(identity.path)) != identity:
            raise Republished(identity.path)
        yield con
    finally:
        con.close()


def _quote(text: str) -> str:
    """A string literal (ATTACH takes no bind parameter for its path)."""
    return "'" + text.replace("'", "''") + "'"


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
    """A query's rows as an Arrow table: exact types (decimals stay decimals, nulls stay null)."""
    return con.sql(sql, params=list(params) if params else None).to_arrow_table()


def mart_query(relation: str) -> str:
    """The unfiltered read of a mart (relation names come from the code, never from a user)."""
    schema, _, table = relation.partition(".")
    return f'select * from {MARTS_ALIAS}."{schema}"."{table}"'
