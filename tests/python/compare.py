"""How a mart is compared with an independent computation (CONTRIBUTING): counts exact, money
to the cent, rates (doubles) within an absolute tolerance."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pandas as pd

RATE_TOLERANCE = 1e-9


def cents(money) -> int | None:
    """A mart's money value (decimal(18, 2), read back as a float or a Decimal) -> exact integer
    cents; None for null. Goes through the shortest decimal text, so 10.01 is 1001, not 1000."""
    if money is None or pd.isna(money):
        return None
    return int(round(Decimal(str(money)) * 100))


def mart_cents(money: pd.Series) -> pd.Series:
    """`cents` over a mart column: nullable integer cents."""
    return money.map(cents).astype("Int64")


def plain(value):
    """A mart or reference cell as a plain Python value; every kind of missing is None."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def assert_mart_equals(actual: pd.DataFrame, expected: pd.DataFrame, keys: list[str]) -> None:
    """Same columns, same rows (by key); float columns to 1e-9, everything else exactly."""
    assert set(actual.columns) == set(expected.columns), (
        f"columns differ: mart only {set(actual.columns) - set(expected.columns)}, "
        f"expected only {set(expected.columns) - set(actual.columns)}"
    )
    assert len(actual) == len(expected), f"{len(actual)} rows in the mart, {len(expected)} expected"
    actual = actual.sort_values(keys).reset_index(drop=True)
    expected = expected[list(actual.columns)].sort_values(keys).reset_index(drop=True)
    for column in actual.columns:
        got = [plain(v) for v in actual[column].tolist()]
        want = [plain(v) for v in expected[column].tolist()]
        if pd.api.types.is_float_dtype(actual[column]):
            for index, (g, w) in enumerate(zip(got, want, strict=False)):
                if g is None or w is None:
                    assert g is None and w is None, f"{column} row {index}: {g} != {w}"
                else:
                    assert abs(g - w) <= RATE_TOLERANCE, f"{column} row {index}: {g} != {w}"
        else:
            got = [int(g) if isinstance(g, float) and g.is_integer() else g for g in got]
            want = [int(w) if isinstance(w, float) and w.is_integer() else w for w in want]
            assert got == want, f"column {column} differs"
