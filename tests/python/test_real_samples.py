"""The build on real rows of the public exports (../shared/real-samples/), each file on its own.

These rows were written by no one who wrote our cleaning rules: the multi-category store
(9-digit users, UUID sessions, buyers without carts, views priced 0.00), the cosmetics shop
(remove_from_cart, no category codes) and the electronics store. The marts are checked against
a short pandas computation written from the case study, not from the SQL.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from scripts.inputs import PROJECT_ROOT
from tests.python.dbt_runs import dbt_build

REAL_SAMPLES = PROJECT_ROOT.parent / "shared" / "real-samples"
FILES = sorted(REAL_SAMPLES.glob("*.csv")) if REAL_SAMPLES.is_dir() else []
STORE_MARTS = ["+kpi_summary", "+funnel_summary", "+pipeline_audit"]


def _expected(path: Path) -> dict:
    """The case study's cleaning in pandas: drop exact duplicates and non-positive prices."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    distinct = raw.drop_duplicates()
    clean = distinct[distinct.price.map(Decimal) > 0]
    users_by_type = clean.groupby("event_type").user_id.nunique()
    purchases = clean[clean.event_type == "purchase"]
    return {
        "raw": len(raw),
        "duplicates": len(raw) - len(distinct),
        "rejected": len(distinct) - len(clean),
        "users": clean.user_id.nunique(),
        "sessions": clean.loc[clean.user_session != "", "user_session"].nunique(),
        "per_type": clean.event_type.value_counts().to_dict(),
        "revenue": sum((Decimal(price) for price in purchases.price), Decimal(0)),
        "stage_users": {stage: int(users_by_type.get(stage, 0)) for stage in ("view", "cart", "purchase")},
    }


@pytest.mark.skipif(not FILES, reason="no ../shared/real-samples folder beside the project")
@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_real_export_builds_and_matches_pandas(tmp_path, path):
    database = dbt_build(tmp_path, [path], select=STORE_MARTS)
    expected = _expected(path)
    with duckdb.connect(str(database), read_only=True) as con:
        kpi = con.execute("select * from store.kpi_summary").df().iloc[0]
        audit = con.execute("select * from store.pipeline_audit").df().iloc[0]
        funnel = dict(
            con.execute("select funnel_stage, stage_user_count from store.funnel_summary").fetchall()
        )
    assert audit.raw_row_count == expected["raw"]
    assert audit.duplicate_row_count == expected["duplicates"]
    assert audit.rejected_row_count == audit.rejected_non_positive_price_count == expected["rejected"]
    assert kpi.user_count == expected["users"]
    assert kpi.session_count == expected["sessions"]
    per_type = expected["per_type"]
    counts = (kpi.view_count, kpi.cart_count, kpi.purchase_count, kpi.remove_from_cart_count)
    assert counts == tuple(per_type.get(t, 0) for t in ("view", "cart", "purchase", "remove_from_cart"))
    assert Decimal(str(kpi.revenue)) == expected["revenue"]
    assert funnel == expected["stage_users"]
