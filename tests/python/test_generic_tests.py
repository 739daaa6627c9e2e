"""The generic data tests of tests/generic/ fail on the rows they exist to catch.

The test's SQL is rendered from its own file (jinja, as dbt renders it) and run on a small
relation in DuckDB, so these checks need no build.
"""

from __future__ import annotations

import duckdb
import jinja2
import pytest

from scripts.inputs import PROJECT_ROOT

GENERIC = PROJECT_ROOT / "tests" / "generic"


def failing_rows(test: str, relation: str, **arguments) -> int:
    """Rows the generic test `test` returns on `relation` (0: it passes)."""
    source = (GENERIC / f"{test}.sql").read_text(encoding="utf-8")
    # A dbt test block is a macro with a reserved name: rendered as a plain macro here.
    source = source.replace(f"{{% test {test}(", f"{{% macro {test}(")
    source = source.replace("{% endtest %}", "{% endmacro %}")
    sql = getattr(jinja2.Environment().from_string(source).module, test)(relation, **arguments)
    return len(duckdb.sql(sql).fetchall())


JOURNEYS = "(select * from (values {rows}) as journeys (funnel_grain, user_id, session_id))"


@pytest.mark.parametrize(
    ("rows", "failures"),
    [
        ("('user', 1, null), ('session', 1, 'a'), ('session', 1, 'b')", 0),
        ("('user', 1, null), ('user', 1, null)", 1),  # two user journeys for one user
        ("('session', 1, 'a'), ('session', 1, 'a')", 1),
        ("('user', null, null)", 1),  # a key column that may not be null
    ],
)
def test_primary_key_with_a_nullable_column(rows: str, failures: int):
    relation = JOURNEYS.format(rows=rows)
    arguments = {"columns": ["funnel_grain", "user_id", "session_id"], "nullable_columns": ["session_id"]}
    assert failing_rows("primary_key", relation, **arguments) == failures


def test_primary_key_rejects_a_null_in_any_key_column_by_default():
    relation = JOURNEYS.format(rows="('user', 1, null)")
    assert failing_rows("primary_key", relation, columns=["funnel_grain", "user_id", "session_id"]) == 1
