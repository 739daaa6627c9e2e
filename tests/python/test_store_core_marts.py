"""The store's core marts recomputed from the raw CI file, independently of the SQL.

kpi_summary, funnel_summary, user_summary, user_segments and pipeline_audit are rebuilt here
with pandas from the case study's definitions (and the decisions written in each mart's YAML),
starting from the independent cleaning in `store_reference`. Counts must be exact, money
right to the cent, rates within 1e-9. Rates and thresholds are computed as exact fractions so
that the reference carries no rounding of its own.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd
import pytest

from tests.python.compare import RATE_TOLERANCE, cents, mart_cents
from tests.python.store_reference import REJECT_REASONS

STAGES = ["view", "cart", "purchase"]
# Counted per user and overall, but no funnel stage.
EVENT_TYPES = [*STAGES, "remove_from_cart"]
EXCLUSIVE_SEGMENTS = ["view_only", "cart_abandoner", "single_purchase", "multi_purchase"]


def ratio(numerator: int, denominator: int) -> Fraction | None:
    return None if denominator == 0 else Fraction(numerator, denominator)


def assert_rate(actual, expected: Fraction | None, name: str) -> None:
    if expected is None:
        assert actual is None or pd.isna(actual), f"{name}: expected null, got {actual}"
    else:
        assert not pd.isna(actual), f"{name}: expected {float(expected)}, got null"
        assert abs(float(actual) - float(expected)) <= RATE_TOLERANCE, (
            f"{name}: mart {actual} != reference {float(expected)}"
        )


def assert_cents(actual, expected_cents: int, name: str) -> None:
    """A decimal(18, 2) read back as a float is the reference amount, to the cent."""
    assert cents(actual) == expected_cents, f"{name}: mart {actual} != reference {expected_cents / 100:.2f}"


def continuous_quantile(values: list[int], q: Fraction) -> Fraction:
    """The continuous (linear-interpolation) quantile, exact: rank (n - 1) * q."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q
    low = math.floor(rank)
    if low == rank:
        return Fraction(ordered[low])
    return ordered[low] + (ordered[low + 1] - ordered[low]) * (rank - low)


@pytest.fixture(scope="module")
def clean(store_ref) -> pd.DataFrame:
    return store_ref.clean


@pytest.fixture(scope="module")
def user_reference(clean: pd.DataFrame, dbt_vars: dict) -> pd.DataFrame:
    """One row per user: counts per type, revenue in cents, first/last event, segment, high value."""
    counts = pd.crosstab(clean.user_id, clean.event_type).reindex(columns=EVENT_TYPES, fill_value=0)
    counts.columns = [f"{event_type}_count" for event_type in EVENT_TYPES]
    purchases = clean[clean.event_type == "purchase"]
    revenue = purchases.groupby("user_id").price_cents.sum().rename("revenue_cents")
    times = clean.groupby("user_id").event_at.agg(first_event_at="min", last_event_at="max")
    users = counts.join(revenue).join(times)
    users["revenue_cents"] = users.revenue_cents.fillna(0).astype("int64")

    # The case study's segments, exclusive, counted in purchase events.
    def segment(row) -> str:
        if row.purchase_count >= 2:
            return "multi_purchase"
        if row.purchase_count == 1:
            return "single_purchase"
        if row.cart_count > 0:
            return "cart_abandoner"
        return "view_only"

    users["user_segment"] = users.apply(segment, axis=1)

    # High value: buyers at or above the continuous quantile of buyers' revenue, ties included.
    buyers = users[users.purchase_count > 0]
    threshold = continuous_quantile(
        buyers.revenue_cents.tolist(), Fraction(str(dbt_vars["high_value_quantile"]))
    )
    users["is_high_value"] = (users.purchase_count > 0) & users.revenue_cents.map(lambda c: c >= threshold)
    return users.reset_index()


@pytest.fixture(scope="module")
def stage_users(user_reference: pd.DataFrame) -> dict[str, int]:
    """Users with at least one event of each type, whatever they did before."""
    return {stage: int((user_reference[f"{stage}_count"] > 0).sum()) for stage in STAGES}


def test_kpi_summary(read_mart, clean: pd.DataFrame, stage_users: dict[str, int]):
    mart = read_mart("store.kpi_summary")
    assert len(mart) == 1
    kpi = mart.iloc[0]

    users = clean.user_id.nunique()
    sessions = clean.session_id.dropna().nunique()
    per_type = clean.event_type.value_counts()
    views, carts, purchases, removals = (int(per_type.get(event_type, 0)) for event_type in EVENT_TYPES)
    revenue_cents = int(clean.loc[clean.event_type == "purchase", "price_cents"].sum())

    assert kpi.period_start_at == clean.event_at.min()
    assert kpi.period_end_at == clean.event_at.max()
    assert kpi.user_count == users
    assert kpi.session_count == sessions
    assert (kpi.view_count, kpi.cart_count, kpi.purchase_count) == (views, carts, purchases)
    assert kpi.remove_from_cart_count == removals
    assert_cents(kpi.revenue, revenue_cents, "revenue")
    # Average order value: revenue per purchase event, rounded to the cent.
    exact_aov = Fraction(revenue_cents, 100 * purchases)
    assert abs(Fraction(str(kpi.average_order_value)) - exact_aov) <= Fraction(1, 200), "average_order_value"

    assert_rate(kpi.user_conversion_rate, ratio(stage_users["purchase"], users), "user_conversion_rate")
    assert_rate(kpi.view_to_cart_user_rate, ratio(stage_users["cart"], stage_users["view"]), "view_to_cart")
    assert_rate(
        kpi.cart_to_purchase_user_rate,
        ratio(stage_users["purchase"], stage_users["cart"]),
        "cart_to_purchase",
    )
    assert_rate(
        kpi.overall_funnel_user_rate, ratio(stage_users["purchase"], stage_users["view"]), "overall_funnel"
    )
    assert_rate(kpi.cart_to_purchase_event_rate, ratio(purchases, carts), "cart_to_purchase_event_rate")


def test_kpi_summary_columns_read_as_headlines(read_mart):
    """`make run` prints the row as `name: value`: names are plain snake_case words, no blanks."""
    mart = read_mart("store.kpi_summary")
    assert list(mart.columns)[:2] == ["period_start_at", "period_end_at"]
    assert all(name.replace("_", "").isalnum() and name.islower() for name in mart.columns)
    assert not mart.drop(columns=["average_order_value", "cart_to_purchase_event_rate"]).isna().any().any()


def test_funnel_summary(read_mart, stage_users: dict[str, int]):
    mart = read_mart("store.funnel_summary").sort_values("stage_order").reset_index(drop=True)
    assert mart.funnel_stage.tolist() == STAGES
    assert mart.stage_order.tolist() == [1, 2, 3]

    viewers = stage_users["view"]
    # The view stage is the entry: its previous stage is itself.
    previous = {"view": viewers, "cart": viewers, "purchase": stage_users["cart"]}
    drop_offs = {}
    for row in mart.itertuples():
        stage = row.funnel_stage
        users, before = stage_users[stage], previous[stage]
        assert row.stage_user_count == users, stage
        assert row.previous_stage_user_count == before, stage
        assert_rate(row.conversion_from_previous_rate, ratio(users, before), f"{stage} conversion")
        drop_offs[stage] = ratio(before - users, before)
        assert_rate(row.drop_off_from_previous_rate, drop_offs[stage], f"{stage} drop-off")
        assert_rate(row.viewer_share, ratio(users, viewers), f"{stage} share of viewers")

    # One flag: the largest positive drop-off, the earlier stage on a tie; none if nobody drops.
    losing = [stage for stage in STAGES if drop_offs[stage] is not None and drop_offs[stage] > 0]
    largest = max(losing, key=lambda stage: (drop_offs[stage], -STAGES.index(stage))) if losing else None
    assert dict(zip(mart.funnel_stage, mart.is_largest_drop_off, strict=False)) == {
        stage: stage == largest for stage in STAGES
    }


def test_user_summary(read_mart, user_reference: pd.DataFrame):
    mart = read_mart("store.user_summary")
    assert mart.user_id.is_unique
    assert len(mart) == len(user_reference)
    merged = user_reference.merge(mart, on="user_id", how="outer", suffixes=("_ref", ""), indicator=True)
    assert (merged._merge == "both").all(), "users differ between mart and reference"

    for column in [
        *(f"{event_type}_count" for event_type in EVENT_TYPES),
        "first_event_at",
        "last_event_at",
        "user_segment",
    ]:
        mismatched = merged[merged[column] != merged[f"{column}_ref"]]
        assert mismatched.empty, (
            f"{column} differs for {len(mismatched)} users, e.g. {mismatched.user_id.iloc[0]}"
        )
    assert (mart_cents(merged.revenue) == merged.revenue_cents).all(), "revenue differs"
    mismatched = merged[merged.is_high_value != merged.is_high_value_ref]
    assert mismatched.empty, f"is_high_value differs for {len(mismatched)} users"


def test_user_segments(read_mart, user_reference: pd.DataFrame):
    mart = read_mart("store.user_segments").sort_values("display_order").reset_index(drop=True)
    assert mart.user_segment.tolist() == [*EXCLUSIVE_SEGMENTS, "high_value"]
    assert mart.is_overlay.tolist() == [False] * 4 + [True]
    assert mart.segment_label.notna().all() and mart.recommended_action.str.len().gt(0).all()

    total = len(user_reference)
    expected = user_reference.user_segment.value_counts().reindex(EXCLUSIVE_SEGMENTS, fill_value=0).to_dict()
    expected["high_value"] = int(user_reference.is_high_value.sum())
    for row in mart.itertuples():
        assert row.user_count == expected[row.user_segment], row.user_segment
        assert_rate(row.user_share, ratio(expected[row.user_segment], total), f"{row.user_segment} share")
    # That the exclusive segments partition all users is the dbt test user_segments_partition_all_users.


def test_pipeline_audit(read_mart, raw_events: list, events_manifest: dict, store_ref):
    mart = read_mart("store.pipeline_audit")
    files = sorted({line.source_file for line in raw_events})
    assert sorted(mart.source_file) == sorted(["(all files)", *files])
    assert (mart.dataset_name == "events").all()
    audit = mart[mart.is_total].iloc[0]

    # The audit has a rejected_<reason>_count column per reason the SQL can assign (macro
    # store_reject_reasons); the reference must know exactly the same reasons, so one added to
    # the SQL but not handled by the reference (or the reverse) fails here.
    audit_reasons = [
        column.removeprefix("rejected_").removesuffix("_count")
        for column in mart.columns
        if column.startswith("rejected_") and column.endswith("_count") and column != "rejected_row_count"
    ]
    assert audit_reasons == list(REJECT_REASONS), "audit and reference reasons differ (or their order)"
    # Expected per reason: the reference's rejected rows, 0 for a reason with none.
    rejected = store_ref.rejected.reject_reason.value_counts().to_dict()
    rejected_per_reason = dict.fromkeys(audit_reasons, 0) | rejected
    planted_per_reason = dict.fromkeys(audit_reasons, 0) | events_manifest["dirty_rows"]
    assert set(rejected_per_reason) == set(planted_per_reason) == set(audit_reasons)

    # The generator's manifest, and the independent cleaning, agree with the mart.
    assert audit.raw_row_count == len(raw_events) == events_manifest["rows"]
    assert audit.duplicate_row_count == store_ref.duplicate_rows == events_manifest["exact_duplicate_rows"]
    assert audit.deduplicated_row_count == len(raw_events) - store_ref.duplicate_rows
    assert audit.rejected_row_count == len(store_ref.rejected) == sum(planted_per_reason.values())
    for reason in audit_reasons:
        column = f"rejected_{reason}_count"
        assert audit[column] == rejected_per_reason[reason] == planted_per_reason[reason], reason
    assert audit.clean_row_count == len(store_ref.clean) == events_manifest["clean_rows"]
    assert audit.source_file_count == len({line.source_file for line in raw_events})
    # The identity the audit exists for.
    assert audit.raw_row_count == audit.duplicate_row_count + audit.rejected_row_count + audit.clean_row_count

    # Each file's row: its raw lines, and the rejected and clean first occurrences in it; the rest
    # of its lines are copies (the mart counts them where they sit, from another relation).
    by_file = mart[~mart.is_total].set_index("source_file")
    for file in files:
        row = by_file.loc[file]
        raw = sum(1 for line in raw_events if line.source_file == file)
        clean = int((store_ref.clean.source_file == file).sum())
        rejected = store_ref.rejected[store_ref.rejected.source_file == file]
        assert (row.raw_row_count, row.clean_row_count, row.rejected_row_count) == (
            raw,
            clean,
            len(rejected),
        ), file
        assert row.duplicate_row_count == raw - clean - len(rejected), file
        for reason, count in rejected.reject_reason.value_counts().items():
            assert row[f"rejected_{reason}_count"] == count, (file, reason)
        assert row.source_file_count == 1 and row.ignored_columns == ""
