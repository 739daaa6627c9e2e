"""Read-only access to the mart relations, and to nothing else.

The report reads only what a BI tool may read: tables in the schemas `store` and `ads`. Asking
for any other relation is an error, and every relation read is recorded so that the dbt
exposure declaring the report can be checked against what it really reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from scripts.mart_schemas import MART_SCHEMAS

# What the marts report for a missing attribute (macro label_or_unknown).
UNKNOWN = "Unknown"


class MissingMart(LookupError):
    """A mart the report needs is not in the warehouse (not built yet, or built elsewhere)."""

    def __init__(self, relation: str) -> None:
        super().__init__(f"mart {relation} is not in the warehouse")
        self.relation = relation


class MartReader:
    """Queries on mart relations named `schema.table`; records every relation it reads."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        found = con.execute(
            """
            select table_schema || '.' || table_name
            from information_schema.tables
            where table_schema in (select unnest(?::varchar[]))
            """,
            [list(MART_SCHEMAS)],
        ).fetchall()
        self._available = {name for (name,) in found}
        self.relations_read: set[str] = set()

    def _table(self, relation: str) -> str:
        """The quoted table name of a mart; records the read. Raises for a non-mart or absent one."""
        schema, _, table = relation.partition(".")
        if schema not in MART_SCHEMAS:
            raise ValueError(f"{relation} is not a mart: the report reads schemas {list(MART_SCHEMAS)} only")
        if relation not in self._available:
            raise MissingMart(relation)
        self.relations_read.add(relation)
        return f'"{schema}"."{table}"'

    def _query(
        self,
        relation: str,
        where: str | None,
        params: Sequence[Any],
        order_by: str | None,
        limit: int | None,
        select: str = "*",
    ) -> duckdb.DuckDBPyConnection:
        sql = f"select {select} from {self._table(relation)}"
        if where:
            sql += f" where {where}"
        if order_by:
            sql += f" order by {order_by}"
        if limit is not None:
            sql += f" limit {int(limit)}"
        return self._con.execute(sql, list(params))

    def rows(
        self,
        relation: str,
        *,
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (int, Decimal, float, str, date...), as DuckDB types them."""
        cursor = self._query(relation, where, params, order_by, limit)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def one(self, relation: str, *, where: str | None = None, params: Sequence[Any] = ()) -> dict[str, Any]:
        """The single row of a one-row mart (or of a primary-key lookup); an error otherwise."""
        found = self.rows(relation, where=where, params=params, limit=2)
        if len(found) != 1:
            condition = f" where {where} {list(params)}" if where else ""
            raise LookupError(f"expected one row in {relation}{condition}, found {len(found)}")
        return found[0]

    def first(
        self,
        relation: str,
        *,
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
    ) -> dict[str, Any] | None:
        """The first row in the given order, or None when no row matches."""
        found = self.rows(relation, where=where, params=params, order_by=order_by, limit=1)
        return found[0] if found else None

    def count(self, relation: str, *, where: str | None = None, params: Sequence[Any] = ()) -> int:
        """How many rows of the mart match (a list's length, such as the number of alerts)."""
        (value,) = self._query(relation, where, params, None, None, select="count(*)").fetchone()
        return int(value)

    def frame(
        self,
        relation: str,
        *,
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Rows as a DataFrame, for charts (decimals become floats)."""
        return self._query(relation, where, params, order_by, limit).df()


@contextmanager
def open_marts(database: Path) -> Iterator[MartReader]:
    if not Path(database).exists():
        raise FileNotFoundError(f"warehouse {database} does not exist: run `make run` first")
    with duckdb.connect(str(database), read_only=True) as con:
        yield MartReader(con)
