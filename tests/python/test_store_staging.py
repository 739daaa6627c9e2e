"""Every raw event row is accounted for: clean, duplicate, or quarantined with its reason.

Checked three ways on the CI sample: the warehouse, the independent pandas reference, and the
generator's manifest (what it planted).
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.python.store_reference import clean_events, price_cents, read_raw_events

KEY = ["event_at", "event_type", "product_id", "user_id", "session_id", "price_cents"]


def test_duplicates_match_manifest_and_reference(build_warehouse, store_ref, events_manifest):
    (removed,) = build_warehouse.execute(
        "select sum(duplicate_count) from staging.stg_store__events_validated"
    ).fetchone()
    assert removed == events_manifest["exact_duplicate_rows"]
    assert removed == store_ref.duplicate_rows


def test_rejected_rows_per_reason_match_manifest_and_reference(build_warehouse, store_ref, events_manifest):
    in_warehouse = dict(
        build_warehouse.execute(
            "select reject_reason, count(*) from staging.stg_store__events_rejected group by 1"
        ).fetchall()
    )
    reference = store_ref.rejected.reject_reason.value_counts().to_dict()
    planted = {reason: n for reason, n in events_manifest["dirty_rows"].items() if n}
    assert in_warehouse == reference
    assert in_warehouse == planted


def test_every_raw_row_is_accounted_for(build_warehouse, raw_events, events_manifest):
    (clean,) = build_warehouse.execute("select count(*) from staging.stg_store__events").fetchone()
    (rejected,) = build_warehouse.execute(
        "select count(*) from staging.stg_store__events_rejected"
    ).fetchone()
    (duplicates,) = build_warehouse.execute(
        "select sum(duplicate_count) from staging.stg_store__events_validated"
    ).fetchone()
    assert len(raw_events) == events_manifest["rows"]
    assert clean + rejected + duplicates == len(raw_events)
    assert clean == events_manifest["clean_rows"]


@pytest.mark.parametrize(
    ("database", "relation"),
    [("build_warehouse", "staging.stg_store__events"), ("warehouse", "store.events_cleaned")],
)
def test_clean_events_equal_the_reference(database, relation, store_ref, request):
    """The staging model and the published event fact table (exported as events_cleaned.csv)."""
    mart = request.getfixturevalue(database).execute(
        f"""
        select event_at, event_type, product_id, category_id, category_code, brand,
               is_category_missing, is_brand_missing,
               cast(round(price * 100) as bigint) as price_cents, user_id, session_id
        from {relation}
        """
    ).df()
    expected = store_ref.clean
    assert len(mart) == len(expected)
    mart = mart.sort_values(KEY).reset_index(drop=True)
    expected = expected[mart.columns].sort_values(KEY).reset_index(drop=True)
    pd.testing.assert_frame_equal(mart, expected, check_dtype=False)


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("10.005", 1001),  # half away from zero, not half to even (10.00)
        ("-0.005", -1),
        ("31.900000000000002", 3190),  # written through a float: a valid price
        ("-0.004", 0),  # rounds to 0.00, then non_positive_price
        ("9999999999999999.99", 999999999999999999),
        ("10000000000000000", None),  # does not fit decimal(18, 2): invalid_price
        ("n/a", None),
        ("nan", None),
    ],
)
def test_reference_price_rounding_is_the_staging_rule(text, cents):
    """The reference rounds price text as stg_store__events_validated does (its unit test
    price_rounds_to_the_cent_half_away_from_zero pins the SQL side on the same values)."""
    assert price_cents(text) == cents


def test_reference_quarantines_values_past_the_header(tmp_path):
    """The reference's extra_fields rule on a ragged file (the CI sample has none): a row with a
    value past the header is rejected whatever its first fields, its extra values belong to its
    identity, trailing empty fields are no values, and a short row is padded with missing values.
    The SQL side is the unit test rows_with_extra_fields_are_quarantined_and_keep_their_identity."""
    good = "2020-10-01 10:00:00 UTC,view,1,2,a.b,msi,10.00,3,S1"
    path = tmp_path / "events.csv"
    path.write_text(
        "\n".join(
            [
                "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
                good,
                f"{good},x",
                f"{good},y",
                f"{good},y",
                f"{good},",
                "2020-10-01 10:00:00 UTC,view,1,2,a.b",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    ref = clean_events(read_raw_events(path), ["view", "cart", "purchase"])
    assert ref.duplicate_rows == 2  # the second `y` row, and `good,` (no value past the header)
    assert len(ref.clean) == 1
    rejected = dict(zip(ref.rejected.extra_fields, ref.rejected.reject_reason))
    assert rejected == {("x",): "extra_fields", ("y",): "extra_fields", (): "missing_user_id"}
