"""The planted cases of the hostile events file: the bytes each writes and what the models
must make of every line it becomes.

A case is one planted item. Its bytes may become more than one line as the models read
lines (macro export_rows: in a file whose first line ends in LF, every LF and every CR
ends a line), so each case lists one expected outcome per line it becomes: the reject reason
of the first rule that line fails (docs block `line_reject_reasons`, macros record_rules
and store_reject_rules), or None for a clean row.

Every case's lines are unique (own timestamp, own user and session), so none is an exact
duplicate of another line, except blank lines: every blank line has the same (empty) text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# A typical valid row; each case changes one thing. Product 4,500,000+ and users
# 1,600,000,000,000,000,000+ are outside the electronics generator's ranges, so a planted
# row never equals a generated one.
PRODUCT_ID = 4_500_000
CATEGORY_ID = 2_144_415_921_999_999_999
USER_ID_BASE = 1_600_000_000_000_000_000
OVERSIZED_FIELD_BYTES = 10 * 1024 * 1024
HUGE_PRICE = "9999999999999999.99"  # the largest decimal(18, 2)


@dataclass(frozen=True)
class Case:
    name: str
    what: str  # one line for the manifest: what is planted and why it gets its reason(s)
    build: Callable[[int], bytes]  # planted item number -> the bytes, line ends included
    expected: tuple[str | None, ...]  # one per line the bytes become


def _csv_field(value: str) -> str:
    """RFC 4180: quoted (quotes doubled) when it holds a comma, a quote or a line end."""
    if any(character in value for character in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _fields(n: int, **changes: str) -> list[str]:
    """The fields of the valid row of planted item `n`, with `changes` by column name."""
    row = {
        # Seconds apart and inside the electronics window; unique per item.
        "event_time": f"2020-11-15 {n // 3_600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d} UTC",
        "event_type": "view",
        "product_id": str(PRODUCT_ID + n),
        "category_id": str(CATEGORY_ID),
        "category_code": "computers.hostile",
        "brand": "msi",
        "price": "10.00",
        "user_id": str(USER_ID_BASE + n),
        "user_session": f"HOSTILE{n:03d}",
    }
    row.update(changes)
    return list(row.values())


def _line(n: int, end: bytes = b"\n", **changes: str) -> bytes:
    return ",".join(_csv_field(value) for value in _fields(n, **changes)).encode() + end


def _raw_line(n: int, **changes: str) -> bytes:
    """The row with `changes` written as they are: no quoting added."""
    return ",".join(_fields(n, **changes)).encode() + b"\n"


def _with_brand_bytes(n: int, brand: bytes) -> bytes:
    fields = [value.encode() for value in _fields(n)]
    fields[5] = brand
    return b",".join(fields) + b"\n"


def _without_session(n: int) -> bytes:
    return ",".join(_fields(n)[:-1]).encode() + b"\n"


def _oversized(n: int) -> bytes:
    # A different letter per item keeps the three 10 MB lines distinct.
    return _raw_line(n, brand=chr(ord("a") + n % 26) * OVERSIZED_FIELD_BYTES)


def _pipe_pair(n: int) -> bytes:
    # Joined with `|` in column order both rows read `a|b|c`: a key built that way collides.
    return _line(n, category_code="a|b", brand="c") + _line(n, category_code="a", brand="b|c")


CLEAN: None = None

CASES: tuple[Case, ...] = (
    Case("extra_fields", "an unquoted `12,50` price: 10 fields, the 10th not empty",
         lambda n: _raw_line(n, price="12,50"), ("extra_fields",)),
    Case("missing_fields", "the user_session field left out: 8 fields",
         _without_session, ("missing_fields",)),
    Case("unterminated_quote", 'brand `"msi`: a quote that never closes',
         lambda n: _raw_line(n, brand='"msi'), ("malformed_quoting",)),
    Case("stray_quote", 'brand `ms"i`: a quote inside an unquoted field',
         lambda n: _raw_line(n, brand='ms"i'), ("malformed_quoting",)),
    Case("quoted_newline",
         'brand `"ms<LF>i"`: a newline inside a quoted field. Lines are split before fields, so '
         "both halves are lines of their own; the first has an unterminated quote, the second "
         "a quote inside an unquoted field: both malformed_quoting (checked before missing_fields)",
         lambda n: _raw_line(n, brand='"ms\ni"'), ("malformed_quoting", "malformed_quoting")),
    Case("invalid_utf8", "brand bytes `ms\\xff\\xfei`: not UTF-8",
         lambda n: _with_brand_bytes(n, b"ms\xff\xfei"), ("invalid_utf8",)),
    Case("nul_byte", "brand `ms<NUL>i`: a control character",
         lambda n: _with_brand_bytes(n, b"ms\x00i"), ("control_character",)),
    Case("oversized_field", "a 10 MiB brand: longer than var max_line_characters (4,096)",
         _oversized, ("oversized_line",)),
    Case("blank_line", "an empty line", lambda n: b"\n", ("blank_line",)),
    Case("epoch_time", "event_time 1970-01-01 00:00:00 UTC: before var plausible_time_min",
         lambda n: _raw_line(n, event_time="1970-01-01 00:00:00 UTC"), ("out_of_range_event_time",)),
    Case("huge_price", f"a purchase at {HUGE_PRICE}, the largest decimal(18, 2): valid; three of "
         "them sum past decimal(18, 2)",
         lambda n: _line(n, event_type="purchase", price=HUGE_PRICE), (CLEAN,)),
    Case("formula_hyperlink", 'brand `=HYPERLINK("http://x","y")`, quoted: valid',
         lambda n: _line(n, brand='=HYPERLINK("http://x","y")'), (CLEAN,)),
    Case("formula_cmd", "brand `+cmd|' /C calc'!A0`: valid",
         lambda n: _line(n, brand="+cmd|' /C calc'!A0"), (CLEAN,)),
    Case("formula_sum", "brand `@SUM(1)`: valid", lambda n: _line(n, brand="@SUM(1)"), (CLEAN,)),
    Case("formula_minus", "brand `-2+3`: valid", lambda n: _line(n, brand="-2+3"), (CLEAN,)),
    Case("html_script", "brand `<script>alert(1)</script>`: valid",
         lambda n: _line(n, brand="<script>alert(1)</script>"), (CLEAN,)),
    Case("html_url", "brand `http://evil`: valid", lambda n: _line(n, brand="http://evil"), (CLEAN,)),
    Case("html_src", "brand `src=x`: valid", lambda n: _line(n, brand="src=x"), (CLEAN,)),
    Case("utf8_brand", "brand `l'oréal`: valid UTF-8 beyond ASCII",
         lambda n: _line(n, brand="l'oréal"), (CLEAN,)),
    Case("crlf_line",
         "a valid row ending in CRLF in this LF file. DuckDB's reader (export_rows) ends a "
         "line at the CR and another at the LF: the row loads, then one blank line (blank_line)",
         lambda n: _line(n, end=b"\r\n"), (CLEAN, "blank_line")),
    Case("pipe_pair",
         "two rows that differ only in where a `|` sits: category_code `a|b`, brand `c` and "
         "category_code `a`, brand `b|c`: two distinct clean events",
         _pipe_pair, (CLEAN, CLEAN)),
)  # fmt: skip
