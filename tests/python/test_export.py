"""The exports on a small hand-made warehouse: CSV cells a spreadsheet would run as formulas are
defused, numbers and Parquet keep their true values, a mart too long for a spreadsheet gets
Parquet only, and the DuckDB memory limit applies."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from scripts.export_marts import export

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = ["plain", "a=b", "x-1", "'quoted", ""]


@pytest.fixture()
def database(tmp_path: Path) -> Path:
    path = tmp_path / "marts.duckdb"
    values = HOSTILE + HARMLESS
    with duckdb.connect(str(path)) as con:
        con.execute("create schema store")
        con.execute("create schema ads")
        con.execute(
            "create table store.cells (row_number integer, cell varchar, amount decimal(18, 2), ratio double)"
        )
        con.executemany(
            "insert into store.cells values (?, ?, ?, ?)",
            [(index, value, -index - 0.5, -index / 4) for index, value in enumerate(values)],
        )
        con.execute("insert into store.cells values (99, null, null, null)")
        con.execute("create table ads.five_rows as select range as row_number from range(5)")
        con.execute("create table ads.four_rows as select range as row_number from range(4)")
    return path


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_defuses_formulas_and_parquet_keeps_values(database: Path, tmp_path: Path):
    outputs = tmp_path / "outputs"
    export(database, outputs, log=lambda line: None)
    values = HOSTILE + HARMLESS
    rows = {int(row["row_number"]): row for row in _csv_rows(outputs / "cells.csv")}
    for index, value in enumerate(values):
        expected = "'" + value if value in HOSTILE else value
        assert rows[index]["cell"] == expected, value
        # Negative numbers start with '-' too: numbers are never prefixed.
        assert rows[index]["amount"] == f"{-index - 0.5:.2f}"
        assert float(rows[index]["ratio"]) == -index / 4
    assert rows[99]["cell"] == ""  # null stays an empty cell

    parquet = duckdb.execute(
        "select row_number, cell from read_parquet(?) order by row_number", [str(outputs / "cells.parquet")]
    ).fetchall()
    assert parquet == [*enumerate(values), (99, None)]


def test_a_mart_longer_than_a_spreadsheet_gets_parquet_only(database: Path, tmp_path: Path):
    outputs = tmp_path / "outputs"
    notes: list[str] = []
    # A spreadsheet of 5 rows holds a header and 4 data rows.
    written = export(database, outputs, log=notes.append, csv_max_rows=5)
    assert (outputs / "ads" / "four_rows.csv").exists()
    assert not (outputs / "ads" / "five_rows.csv").exists()
    assert (outputs / "ads" / "five_rows.parquet") in written
    assert [note for note in notes if "five_rows" in note], notes
    assert len(_csv_rows(outputs / "ads" / "four_rows.csv")) == 4


def test_the_memory_limit_applies(database: Path, tmp_path: Path):
    with pytest.raises(duckdb.OutOfMemoryException):
        export(database, tmp_path / "outputs", memory_limit="1KB", log=lambda line: None)
