"""The build on real rows of the public exports (../shared/real-samples/), in one build.

These rows were written by no one who wrote our cleaning rules: the multi-category store
(9-digit users, UUID sessions, buyers without carts, views priced 0.00), the cosmetics shop
(remove_from_cart, no category codes), the electronics store, and AmExpert's unlabelled session
log (no is_click column, integers written as floats, minute timestamps). The store files load
as one store, each audited on its own row; the marts are checked against a short pandas
computation written from the case study, not from the SQL.
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
STORE_FILES = sorted(REAL_SAMPLES.glob("*_20*.csv")) + sorted(REAL_SAMPLES.glob("electronics_*.csv"))
SESSION_FILE = REAL_SAMPLES / "amexpert_test_head2000.csv"
MARTS = ["+kpi_summary", "+funnel_summary", "+pipeline_audit", "+ads_kpi_summary", "+ads_pipeline_audit"]

pytestmark = pytest.mark.skipif(
    not SESSION_FILE.exists(), reason="no ../shared/real-samples folder beside the project"
)


def _distinct_and_clean(path: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The case study's cleaning in pandas: drop exact duplicates and non-positive prices."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    distinct = raw.drop_duplicates()
    return raw, distinct, distinct[distinct.price.map(Decimal) > 0]


@pytest.fixture(scope="module")
def real_build(tmp_path_factory) -> Path:
    """One build of every real store file and the AmExpert session file. Slow (~25 s): a dbt
    build of the store and ads marts, reusing the CI build's parse."""
    return dbt_build(tmp_path_factory.mktemp("real"), STORE_FILES, select=MARTS, sessions=[SESSION_FILE])


def test_the_real_store_files_are_found():
    assert [path.name.split("_")[0] for path in STORE_FILES] == ["cosmetics", "multicategory", "electronics"]


def test_each_real_file_is_audited_as_pandas_cleans_it(real_build):
    with duckdb.connect(str(real_build), read_only=True) as con:
        audit = con.execute("select * from store.pipeline_audit where not is_total").df()
    audit = audit.set_index("source_file")
    assert sorted(audit.index) == sorted(str(path) for path in STORE_FILES)
    for path in STORE_FILES:
        raw, distinct, clean = _distinct_and_clean(path)
        row = audit.loc[str(path)]
        assert row.raw_row_count == len(raw), path.name
        assert row.duplicate_row_count == len(raw) - len(distinct), path.name
        assert row.rejected_row_count == row.rejected_non_positive_price_count == len(distinct) - len(clean)
        assert row.clean_row_count == len(clean), path.name


def test_the_real_store_marts_match_pandas(real_build):
    frames = [_distinct_and_clean(path)[2] for path in STORE_FILES]
    # Duplicates across files are one event too.
    clean = pd.concat(frames).drop_duplicates()
    users_by_type = clean.groupby("event_type").user_id.nunique()
    purchases = clean[clean.event_type == "purchase"]
    with duckdb.connect(str(real_build), read_only=True) as con:
        kpi = con.execute("select * from store.kpi_summary").df().iloc[0]
        funnel = dict(
            con.execute("select funnel_stage, stage_user_count from store.funnel_summary").fetchall()
        )
    assert kpi.user_count == clean.user_id.nunique()
    assert kpi.session_count == clean.loc[clean.user_session != "", "user_session"].nunique()
    counts = (kpi.view_count, kpi.cart_count, kpi.purchase_count, kpi.remove_from_cart_count)
    per_type = clean.event_type.value_counts()
    assert counts == tuple(int(per_type.get(t, 0)) for t in ("view", "cart", "purchase", "remove_from_cart"))
    assert Decimal(str(kpi.revenue)) == sum((Decimal(price) for price in purchases.price), Decimal(0))
    assert funnel == {stage: int(users_by_type.get(stage, 0)) for stage in ("view", "cart", "purchase")}


def test_the_unlabelled_session_log_loads_with_no_click_data(real_build):
    """AmExpert's test.csv has no is_click: every session is kept, and the click measures are
    null (no click data), not 0."""
    raw = pd.read_csv(SESSION_FILE, dtype=str, keep_default_na=False)
    with duckdb.connect(str(real_build), read_only=True) as con:
        audit = con.execute("select * from ads.pipeline_audit where is_total").df().iloc[0]
        kpi = con.execute("select * from ads.kpi_summary").df().iloc[0]
    assert audit.raw_row_count == audit.clean_row_count == len(raw)
    assert kpi.session_count == raw.session_id.nunique() == len(raw)
    assert kpi.user_count == raw.user_id.nunique()
    assert pd.isna(kpi.click_count) and pd.isna(kpi.click_through_rate)
