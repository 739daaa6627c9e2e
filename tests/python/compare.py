"""How a mart is compared with an independent computation (CONTRIBUTING): counts exact, money
to the cent, rates (doubles) within an absolute tolerance."""

from __future__ import annotations

from decimal import Decimal

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
