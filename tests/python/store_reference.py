"""An independent implementation of the event log's cleaning rules, in pandas.

Written from the case study and the README's definitions, not from the SQL, so that the mart
tests compare two implementations rather than one with itself. Money is kept as integer cents
(parsed with Decimal), so sums are exact.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

INT64_MAX = 2**63 - 1
# Every reason a distinct raw row can be rejected for, in the order the rules are checked (the
# README's cleaning rules). _reject_reason implements each; test_pipeline_audit checks that
# store.pipeline_audit reports exactly these, so a reason added to the SQL alone fails it.
REJECT_REASONS = (
    "extra_fields",
    "missing_event_time",
    "invalid_event_time",
    "invalid_event_type",
    "missing_user_id",
    "invalid_user_id",
    "missing_product_id",
    "invalid_product_id",
    "invalid_category_id",
    "missing_price",
    "invalid_price",
    "non_positive_price",
)
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class StoreReference:
    clean: pd.DataFrame  # one row per clean event
    duplicate_rows: int  # extra exact copies removed before validation
    rejected: pd.DataFrame  # distinct raw rows that failed a check, with reject_reason


def _is_integer_id(text: str) -> bool:
    return bool(_DIGITS.fullmatch(text)) and int(text) <= INT64_MAX


# Money is decimal(18, 2): at most 16 digits before the point.
_MAX_PRICE_CENTS = 10**18 - 1


def price_cents(text: str) -> int | None:
    """Price text -> integer cents, or None when it is not a finite number that fits decimal(18, 2).

    Rounded to the cent half away from zero (Decimal's ROUND_HALF_UP): 10.005 -> 10.01,
    -0.004 -> 0.00 (then non-positive). An export written through a float (31.900000000000002)
    is a valid price of 31.90, not a rejected row. Stated explicitly because Decimal's default
    context rounds half to even (10.005 -> 10.00).
    """
    try:
        value = Decimal(text)
        if not value.is_finite():
            return None
        cents = int(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    except InvalidOperation:
        return None
    return cents if abs(cents) <= _MAX_PRICE_CENTS else None


def _event_time(text: str) -> datetime | None:
    """The raw text is UTC with an optional ' UTC' suffix; anything else is unparseable."""
    try:
        return datetime.strptime(text.removesuffix(" UTC"), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def read_raw_events(path: Path) -> pd.DataFrame:
    """The raw event file as text: one row per line, every value exactly as written, empty as "".

    Read with the csv module rather than pandas, which refuses a row with more fields than the
    header: such a row keeps its first fields in the header's columns and the values past the
    header, as a tuple, in `extra_fields` (empty for a well-formed row; trailing empty fields
    are no values, so `a,b,` past the header is `("a", "b")`). A short row is padded with "".
    Blank lines are skipped.
    """

    def past_header(row: list[str], width: int) -> tuple[str, ...]:
        extra = row[width:]
        while extra and extra[-1] == "":
            extra.pop()
        return tuple(extra)

    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.reader(file)
        header = next(reader)
        width = len(header)
        rows = [(*row[:width], *[""] * (width - len(row)), past_header(row, width)) for row in reader if row]
    raw = pd.DataFrame(rows, columns=[*header, "extra_fields"])
    return raw.astype(dict.fromkeys(header, str))


def _reject_reason(row: pd.Series, accepted_event_types: set[str]) -> str | None:
    """The first rule a raw row breaks, in the order of REJECT_REASONS; None when it is clean."""
    # A value past the header: the row is misaligned, none of its fields can be trusted. An
    # empty extra field is a missing value, like an empty field anywhere else.
    if any(row.extra_fields):
        return "extra_fields"
    if row.event_time == "":
        return "missing_event_time"
    if _event_time(row.event_time) is None:
        return "invalid_event_time"
    if row.event_type not in accepted_event_types:
        return "invalid_event_type"
    if row.user_id == "":
        return "missing_user_id"
    if not _is_integer_id(row.user_id):
        return "invalid_user_id"
    if row.product_id == "":
        return "missing_product_id"
    if not _is_integer_id(row.product_id):
        return "invalid_product_id"
    if row.category_id != "" and not _is_integer_id(row.category_id):
        return "invalid_category_id"
    if row.price == "":
        return "missing_price"
    cents = price_cents(row.price)
    if cents is None:
        return "invalid_price"
    if cents <= 0:
        return "non_positive_price"
    return None


def clean_events(raw: pd.DataFrame, accepted_event_types: list[str]) -> StoreReference:
    """De-duplicate exact rows, then validate; type and impute what is left.

    `raw` is the file as `read_raw_events` reads it: text, empty values as "", values past the
    header in `extra_fields`, which take part in de-duplication.
    """
    distinct = raw.drop_duplicates().reset_index(drop=True)
    accepted = set(accepted_event_types)
    reasons = distinct.apply(_reject_reason, axis=1, args=(accepted,))
    rejected = distinct[reasons.notna()].assign(reject_reason=reasons[reasons.notna()])
    valid = distinct[reasons.isna()]

    clean = pd.DataFrame(
        {
            "event_at": valid.event_time.map(_event_time).astype("datetime64[us]"),
            "event_type": valid.event_type,
            "product_id": valid.product_id.astype("int64"),
            "category_id": pd.array(
                [int(v) if v else None for v in valid.category_id], dtype="Int64"
            ),
            "category_code": valid.category_code.replace("", "Unknown"),
            "brand": valid.brand.replace("", "Unknown"),
            "is_category_missing": valid.category_code == "",
            "is_brand_missing": valid.brand == "",
            "price_cents": valid.price.map(price_cents).astype("int64"),
            "user_id": valid.user_id.astype("int64"),
            "session_id": valid.user_session.replace("", None),
        }
    ).reset_index(drop=True)
    return StoreReference(
        clean=clean,
        duplicate_rows=len(raw) - len(distinct),
        rejected=rejected.reset_index(drop=True),
    )


def most_frequent(rows: pd.DataFrame, key: str, value: str) -> pd.Series:
    """key -> its most frequent `value` among `rows` (pass only rows where the value is known);
    ties go to the alphabetically first value. The catalog backfill's and the product
    attributes' rule."""
    counts = rows.groupby([key, value]).size().rename("n").reset_index()
    counts = counts.sort_values([key, "n", value], ascending=[True, False, True])
    return counts.drop_duplicates(key).set_index(key)[value]
