"""The engine comparison fails on what it must catch (no Spark needed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.spark.engines import assert_same_table

COLUMNS = [
    ("campaign_id", "BIGINT"),
    ("revenue", "DECIMAL(38,2)"),
    ("click_through_rate", "DOUBLE"),
    ("label", "VARCHAR"),
]
ROWS = [(1, Decimal("10.01"), 0.25, "a"), (2, Decimal("0.00"), None, "b")]


def test_equal_tables_pass():
    shuffled = list(reversed(ROWS))
    near = [(1, Decimal("10.01"), 0.25 + 1e-12, "a"), ROWS[1]]
    assert assert_same_table((COLUMNS, ROWS), (COLUMNS, shuffled), ("campaign_id",)) == 2
    assert assert_same_table((COLUMNS, ROWS), (COLUMNS, near), ("campaign_id",)) == 2


@pytest.mark.parametrize(
    "spark_columns, spark_rows",
    [
        (COLUMNS, [(1, Decimal("10.02"), 0.25, "a"), ROWS[1]]),  # a cent off
        (COLUMNS, [(1, Decimal("10.01"), 0.25 + 1e-8, "a"), ROWS[1]]),  # a rate past 1e-9
        (COLUMNS, [(1, Decimal("10.01"), 0.25, "A"), ROWS[1]]),  # text
        (COLUMNS, [ROWS[0], (2, Decimal("0.00"), 0.0, "b")]),  # a value for a null
        (COLUMNS, [ROWS[0]]),  # a missing row
        (COLUMNS, [ROWS[0], (3, Decimal("0.00"), None, "b")]),  # another key
        ([*COLUMNS[:3], ("label", "INTEGER")], ROWS),  # a type
        (COLUMNS[:3], [row[:3] for row in ROWS]),  # a missing column
    ],
    ids=["cent", "rate", "text", "null", "missing-row", "other-key", "type", "missing-column"],
)
def test_differences_fail(spark_columns, spark_rows):
    with pytest.raises(AssertionError):
        assert_same_table((COLUMNS, ROWS), (spark_columns, spark_rows), ("campaign_id",))
