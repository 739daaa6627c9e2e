"""An independent implementation of the event log's cleaning rules, in pandas.

Written from the case study and the models' YAML definitions, not from the SQL, so that the mart
tests compare two implementations rather than one with itself. Money is kept as integer cents
(parsed with Decimal), so sums are exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from tests.python.raw_lines import LINE_REASONS, RawLine, line_reason, read_header, read_lines

INT64_MAX = 2**63 - 1
COLUMNS = [
    "event_time",
    "event_type",
    "product_id",
    "category_id",
    "category_code",
    "brand",
    "price",
    "user_id",
    "user_session",
]
# Every reason a raw line can be rejected for, in the order the rules are checked. _reject_reason
# implements each; the audit tests check store.pipeline_audit reports exactly these, so a reason
# added to the SQL alone fails them.
REJECT_REASONS = (
    *LINE_REASONS,
    "missing_event_time",
    "invalid_event_time",
    "out_of_range_event_time",
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
# dbt vars plausible_time_min / plausible_time_max.
PLAUSIBLE_FROM = datetime(2000, 1, 1)
PLAUSIBLE_UNTIL = datetime(2100, 1, 1)
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class StoreReference:
    clean: pd.DataFrame  # one row per distinct clean event, with its first occurrence
    duplicate_rows: int  # extra copies removed (usable lines by typed value, rejected by text)
    rejected: pd.DataFrame  # distinct rejected lines: first occurrence, text, reject_reason
    raw_lines: int  # data lines read


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


# ISO 8601 as base_store__events.event_at documents it: `T` or a space, seconds required, a
# fraction, then ` UTC`, `Z` or an offset of hours and optional minutes.
_ISO_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))? ?(Z|UTC|([+-])(\d{2}):?(\d{2})?)?"
)


def _event_time(text: str) -> datetime | None:
    """The exports' own spellings (UTC, with or without ' UTC'), else ISO 8601 with its offset
    taken off; anything else is unparseable."""
    try:
        return datetime.strptime(text.removesuffix(" UTC"), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        pass
    found = _ISO_TIME.fullmatch(text)
    if not found:
        return None
    date, time, fraction, _zone, sign, hours, minutes = found.groups()
    try:
        at = datetime.strptime(f"{date} {time}", "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    at += timedelta(microseconds=int((fraction or "")[:6].ljust(6, "0")))
    if sign is None:
        return at
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset > timedelta(hours=14, minutes=59) or int(hours) > 14 or int(minutes or 0) >= 60:
        return None
    return at - offset if sign == "+" else at + offset


def read_raw_events(*paths: Path) -> list[RawLine]:
    """Every data line of the event files, in file order."""
    return [line for path in sorted(paths) for line in read_lines(path)]


def _header_positions(source_file: str) -> tuple[int, dict[str, int]]:
    """The file's header width and each column's 0-based position in it, matched by name
    (case aside): files may order their columns as they like and add others."""
    header = read_header(Path(source_file))
    folded = [name.casefold() for name in header]
    return len(header), {column: folded.index(column) for column in COLUMNS}


def _values(
    line: RawLine, accepted_event_types: set[str], layout: tuple[int, dict[str, int]]
) -> tuple[str | None, dict[str, str]]:
    """(the first rule a line breaks, or None; its fields by column name)."""
    width, positions = layout
    reason, fields = line_reason(line, width)
    if reason:
        return reason, {}
    row = {column: fields[position] for column, position in positions.items()}
    if row["event_time"] == "":
        return "missing_event_time", row
    at = _event_time(row["event_time"])
    if at is None:
        return "invalid_event_time", row
    if not PLAUSIBLE_FROM <= at < PLAUSIBLE_UNTIL:
        return "out_of_range_event_time", row
    if row["event_type"] not in accepted_event_types:
        return "invalid_event_type", row
    if row["user_id"] == "":
        return "missing_user_id", row
    if not _is_integer_id(row["user_id"]):
        return "invalid_user_id", row
    if row["product_id"] == "":
        return "missing_product_id", row
    if not _is_integer_id(row["product_id"]):
        return "invalid_product_id", row
    if row["category_id"] != "" and not _is_integer_id(row["category_id"]):
        return "invalid_category_id", row
    if row["price"] == "":
        return "missing_price", row
    cents = price_cents(row["price"])
    if cents is None:
        return "invalid_price", row
    if cents <= 0:
        return "non_positive_price", row
    return None, row


def clean_events(lines: list[RawLine], accepted_event_types: list[str]) -> StoreReference:
    """Check every line; de-duplicate usable lines by their typed values and rejected lines by
    their text, keeping each one's first occurrence (file, then line); type and impute."""
    accepted = set(accepted_event_types)
    layouts = {file: _header_positions(file) for file in {line.source_file for line in lines}}
    clean: dict[tuple, dict] = {}
    rejected: dict[bytes, dict] = {}
    duplicates = 0
    for line in sorted(lines, key=lambda item: (item.source_file, item.source_line)):
        reason, row = _values(line, accepted, layouts[line.source_file])
        if reason:
            if line.raw in rejected:
                duplicates += 1
                continue
            rejected[line.raw] = {
                "source_file": line.source_file,
                "source_line": line.source_line,
                "reject_reason": reason,
                "line_text": line.text,
            }
            continue
        typed = {
            "event_at": _event_time(row["event_time"]),
            "event_type": row["event_type"],
            "product_id": int(row["product_id"]),
            "category_id": int(row["category_id"]) if row["category_id"] else None,
            "category_code": row["category_code"] or "Unknown",
            "brand": row["brand"] or "Unknown",
            "is_category_missing": row["category_code"] == "",
            "is_brand_missing": row["brand"] == "",
            "price_cents": price_cents(row["price"]),
            "user_id": int(row["user_id"]),
            "session_id": row["user_session"] or None,
        }
        key = (*typed.values(),)
        if key in clean:
            duplicates += 1
            continue
        clean[key] = {**typed, "source_file": line.source_file, "source_line": line.source_line}
    frame = pd.DataFrame(list(clean.values()))
    frame["event_at"] = frame["event_at"].astype("datetime64[us]")
    frame["category_id"] = frame["category_id"].astype("Int64")
    return StoreReference(
        clean=frame,
        duplicate_rows=duplicates,
        rejected=pd.DataFrame(
            list(rejected.values()), columns=["source_file", "source_line", "reject_reason", "line_text"]
        ),
        raw_lines=len(lines),
    )


def most_frequent(rows: pd.DataFrame, key: str, value: str) -> pd.Series:
    """key -> its most frequent `value` among `rows` (pass only rows where the value is known);
    ties go to the alphabetically first value. The catalog backfill's and the product
    attributes' rule."""
    counts = rows.groupby([key, value]).size().rename("n").reset_index()
    counts = counts.sort_values([key, "n", value], ascending=[True, False, True])
    return counts.drop_duplicates(key).set_index(key)[value]
