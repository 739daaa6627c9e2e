"""Every raw event line is accounted for: clean, duplicate, or quarantined with its reason and
its place in the file.

Checked three ways on the CI sample: the warehouse, the independent reference
(store_reference.py, over raw_lines.py), and the generator's manifest (what it planted).
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.python.raw_lines import split_fields
from tests.python.store_reference import clean_events, price_cents, read_raw_events

KEY = ["source_file", "source_line"]


def test_duplicates_match_manifest_and_reference(read_mart, store_ref, events_manifest):
    audit = read_mart("store.pipeline_audit").iloc[0]
    assert audit.duplicate_row_count == events_manifest["exact_duplicate_rows"] == store_ref.duplicate_rows


def test_rejected_lines_per_reason_match_manifest_and_reference(build_warehouse, store_ref, events_manifest):
    in_warehouse = dict(
        build_warehouse.execute(
            "select reject_reason, count(*) from staging.stg_store__events_rejected group by 1"
        ).fetchall()
    )
    reference = store_ref.rejected.reject_reason.value_counts().to_dict()
    planted = {reason: n for reason, n in events_manifest["dirty_rows"].items() if n}
    assert in_warehouse == reference == planted


def test_quarantine_keeps_file_line_and_text(build_warehouse, store_ref):
    """Each quarantined line once, at its first occurrence, with its exact text."""
    actual = build_warehouse.execute(
        "select source_file, source_line, reject_reason, line_text from staging.stg_store__events_rejected"
    ).df()
    expected = store_ref.rejected
    assert sorted(actual.itertuples(index=False, name=None)) == sorted(
        expected.itertuples(index=False, name=None)
    )


def test_every_raw_line_is_accounted_for(build_warehouse, raw_events, events_manifest):
    (clean, clean_copies) = build_warehouse.execute(
        "select count(*), sum(duplicate_count) from scratch.staging.stg_store__events"
    ).fetchone()
    (rejected, rejected_copies) = build_warehouse.execute(
        "select count(*), sum(duplicate_count) from staging.stg_store__events_rejected"
    ).fetchone()
    assert len(raw_events) == events_manifest["rows"]
    assert clean + clean_copies + rejected + rejected_copies == len(raw_events)
    assert clean == events_manifest["clean_rows"]


def test_clean_events_equal_the_reference(build_warehouse, store_ref):
    """Every clean event, typed and imputed, at the file and line of its first occurrence."""
    mart = build_warehouse.execute(
        """
        select event_at, event_type, product_id, category_id, category_code, brand,
               is_category_missing, is_brand_missing,
               cast(round(price * 100) as bigint) as price_cents, user_id, session_id,
               source_file, source_line
        from scratch.staging.stg_store__events
        """
    ).df()
    expected = store_ref.clean
    assert len(mart) == len(expected)
    mart = mart.sort_values(KEY).reset_index(drop=True)
    expected = expected[mart.columns].sort_values(KEY).reset_index(drop=True)
    pd.testing.assert_frame_equal(mart, expected, check_dtype=False)


def test_published_clean_events_equal_the_reference(warehouse, store_ref):
    """store.events_cleaned, the published event fact table (outputs/events_cleaned.csv), holds
    every clean event once (it carries no file and line: rows are compared on all values)."""
    mart = warehouse.execute(
        """
        select event_at, event_type, product_id, category_id, category_code, brand,
               is_category_missing, is_brand_missing,
               cast(round(price * 100) as bigint) as price_cents, user_id, session_id
        from store.events_cleaned
        """
    ).df()
    columns = list(mart.columns)
    expected = store_ref.clean[columns]
    assert len(mart) == len(expected)
    mart = mart.sort_values(columns, na_position="first").reset_index(drop=True)
    expected = expected.sort_values(columns, na_position="first").reset_index(drop=True)
    pd.testing.assert_frame_equal(mart, expected, check_dtype=False)


def test_published_clean_events_are_stored_in_time_order(warehouse):
    """store.events_cleaned is written sorted by event_at (events_cleaned.sql): a BI date filter
    then skips the row groups outside its range, and the table and its Parquet are smaller.
    rowid is the stored order."""
    rows, out_of_order = warehouse.execute(
        """
        select count(*), count(*) filter (where event_at < previous_event_at)
        from (
            select event_at, lag(event_at) over (order by rowid) as previous_event_at
            from store.events_cleaned
        )
        """
    ).fetchone()
    assert rows > 1000
    assert out_of_order == 0


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
    """The reference rounds price text as base_store__events does (its unit test
    price_rounds_to_the_cent_half_away_from_zero pins the SQL side on the same values)."""
    assert price_cents(text) == cents


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("a,b,c", ["a", "b", "c"]),
        ('"a,1",b,', ["a,1", "b", ""]),
        ('"say ""hi""",2', ['say "hi"', "2"]),
        ('"",x', ["", "x"]),
        ('"unterminated,x', None),
        ('stray"quote,x', None),
        ('"a"b,c', None),
    ],
)
def test_reference_splits_fields_as_rfc_4180(line, fields):
    """The reference's field splitter (the SQL side: unit test
    quoted_fields_and_trailing_empty_fields_are_well_formed and macro csv_line_fields)."""
    assert split_fields(line) == fields


def test_reference_line_rules_on_a_ragged_file(tmp_path):
    """A line with a value past the header is rejected whatever its first fields; trailing empty
    fields are no values; a short line is missing_fields; a blank line is counted."""
    good = "2020-10-01 10:00:00 UTC,view,1,2,a.b,msi,10.00,3,S1"
    path = tmp_path / "events.csv"
    header = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"
    lines = [
        header,
        good,
        f"{good},x",
        f"{good},y",
        f"{good},y",
        f"{good},",
        "",
        "2020-10-01 10:00:00 UTC,view,1",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ref = clean_events(read_raw_events(path), ["view", "cart", "purchase"])
    assert ref.raw_lines == 7
    assert ref.duplicate_rows == 2  # the second `y` line, and `good,` (no value past the header)
    assert len(ref.clean) == 1
    assert dict(zip(ref.rejected.source_line, ref.rejected.reject_reason, strict=False)) == {
        3: "extra_fields",
        4: "extra_fields",
        7: "blank_line",
        8: "missing_fields",
    }
