"""An independent implementation of the session log's cleaning rules, in pandas.

Written from the spec (session-engagement-report.md, the docs block `ads_reject_reason`), not
from the SQL: check each raw line (raw_lines.py), de-duplicate usable lines by their typed
values and rejected lines by their text, then quarantine every row of a session_id still seen
with different contents, never picking one.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from tests.python.raw_lines import LINE_REASONS, RawLine, line_reason, read_lines

UNKNOWN = "Unknown"
COLUMNS = [
    "session_id",
    "DateTime",
    "user_id",
    "product",
    "campaign_id",
    "webpage_id",
    "product_category_1",
    "product_category_2",
    "user_group_id",
    "gender",
    "age_level",
    "user_depth",
    "city_development_index",
    "var_1",
    "is_click",
]
ID_COLUMNS = ["session_id", "user_id", "campaign_id", "webpage_id"]
OPTIONAL_CODES = [
    "product_category_2",
    "user_group_id",
    "age_level",
    "user_depth",
    "city_development_index",
    "var_1",
]
DEMOGRAPHICS = {  # dimension -> raw column
    "gender": "gender",
    "age_level": "age_level",
    "city_development_index": "city_development_index",
    "user_group_id": "user_group_id",
}
# The kinds of dirt the generator plants (its manifest counts them).
DIRTY_REASONS = ["missing_session_id", "invalid_datetime", "invalid_id", "invalid_is_click"]
# Every reason, in precedence order: the line's shape, then the values, then conflicts.
REJECT_REASONS = [
    *LINE_REASONS,
    "missing_session_id",
    "invalid_id",
    "invalid_datetime",
    "out_of_range_datetime",
    "invalid_is_click",
    "invalid_attribute",
    "conflicting_session_id",
]
PLAUSIBLE_FROM = datetime(2000, 1, 1)  # dbt vars plausible_time_min / plausible_time_max
PLAUSIBLE_UNTIL = datetime(2100, 1, 1)

_DIGITS = re.compile(r"[0-9]+")
_CODE = re.compile(r"([0-9]+)(\.0*)?")


def read_raw_sessions(*paths: Path) -> list[RawLine]:
    return [line for path in sorted(paths) for line in read_lines(path)]


def _id(text: str) -> int | None:
    return int(text) if _DIGITS.fullmatch(text) and int(text) < 2**63 else None


def code(text: str) -> int | None:
    """An integer code, possibly written as a float (`10.0`); None if missing or unreadable."""
    match = _CODE.fullmatch(text)
    return int(match.group(1)) if match else None


def _datetime(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        return None


def _reason(line: RawLine) -> tuple[str | None, dict[str, str]]:
    """Why a raw line is unusable, first match in the documented order; its trimmed fields."""
    reason, fields = line_reason(line, len(COLUMNS))
    if reason:
        return reason, {}
    row = {column: value.strip() for column, value in zip(COLUMNS, fields, strict=False)}
    if row["session_id"] == "":
        return "missing_session_id", row
    if any(_id(row[column]) is None for column in ID_COLUMNS):
        return "invalid_id", row
    at = _datetime(row["DateTime"])
    if at is None:
        return "invalid_datetime", row
    if not PLAUSIBLE_FROM <= at < PLAUSIBLE_UNTIL:
        return "out_of_range_datetime", row
    if row["is_click"] not in ("0", "1"):
        return "invalid_is_click", row
    if code(row["product_category_1"]) is None:
        return "invalid_attribute", row
    if any(row[column] != "" and code(row[column]) is None for column in OPTIONAL_CODES):
        return "invalid_attribute", row
    return None, row


def _typed(row: dict[str, str]) -> tuple:
    """The typed values a usable row is de-duplicated on (an empty value is missing)."""
    return (
        int(row["session_id"]),
        _datetime(row["DateTime"]),
        int(row["user_id"]),
        row["product"] or None,
        int(row["campaign_id"]),
        int(row["webpage_id"]),
        *(code(row[column]) if row[column] else None for column in ["product_category_1", *OPTIONAL_CODES]),
        row["gender"] or None,
        row["is_click"] == "1",
    )


def clean_sessions(lines: list[RawLine]) -> dict:
    """The spec's cleaning, with everything the tests compare: counts, quarantine and sessions."""
    rejected: dict[bytes, dict] = {}
    distinct: dict[tuple, dict] = {}
    duplicates = 0
    for line in sorted(lines, key=lambda item: (item.source_file, item.source_line)):
        reason, row = _reason(line)
        if reason:
            if line.raw in rejected:
                duplicates += 1
            else:
                rejected[line.raw] = {
                    "source_file": line.source_file,
                    "source_line": line.source_line,
                    "reject_reason": reason,
                    "line_text": line.text,
                }
            continue
        key = _typed(row)
        if key in distinct:
            duplicates += 1
            continue
        distinct[key] = {
            **row,
            "source_file": line.source_file,
            "source_line": line.source_line,
            "line_text": line.text,
        }

    rows = pd.DataFrame(list(distinct.values()))
    ids = rows["session_id"].astype("int64")
    repeated = ids.value_counts()
    conflicting = ids.isin(repeated[repeated > 1].index)
    conflict_rows = rows[conflicting]
    quarantine = pd.DataFrame(
        [
            *rejected.values(),
            *conflict_rows.assign(reject_reason="conflicting_session_id")[
                ["source_file", "source_line", "reject_reason", "line_text"]
            ].to_dict("records"),
        ],
        columns=["source_file", "source_line", "reject_reason", "line_text"],
    )
    clean = rows[~conflicting]
    sessions = pd.DataFrame(
        {
            "session_id": clean["session_id"].astype("int64"),
            "session_at": pd.to_datetime(clean["DateTime"], format="%Y-%m-%d %H:%M"),
            "user_id": clean["user_id"].astype("int64"),
            "campaign_id": clean["campaign_id"].astype("int64"),
            "product_category_1": clean["product_category_1"].map(code).astype("int64"),
            "user_depth": clean["user_depth"].map(code),
            "is_clicked": clean["is_click"] == "1",
        }
    )
    for dimension, column in DEMOGRAPHICS.items():
        if dimension == "gender":
            labels = clean[column].replace("", UNKNOWN)
        else:
            labels = clean[column].map(lambda text: UNKNOWN if text == "" else str(code(text)))
        sessions[f"demo_{dimension}"] = labels.to_numpy()
    sessions["user_depth_label"] = sessions["user_depth"].map(
        lambda depth: UNKNOWN if depth is None or pd.isna(depth) else str(int(depth))
    )
    sessions["session_hour"] = sessions["session_at"].dt.hour
    sessions["session_weekday"] = sessions["session_at"].dt.day_of_week + 1  # Monday = 1
    sessions["session_weekday_name"] = sessions["session_at"].dt.day_name()
    per_user = sessions.groupby("user_id")["session_id"].transform("size")
    sessions["is_returning_user"] = per_user > 1
    return {
        "raw_rows": len(lines),
        "duplicates": duplicates,
        "reasons": quarantine["reject_reason"].value_counts().to_dict(),
        "conflicting_ids": int(ids[conflicting].nunique()),
        "rejected": quarantine,
        "sessions": sessions.reset_index(drop=True),
    }
