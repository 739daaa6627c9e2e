"""An independent reader of raw export lines, for the references the marts are checked against.

Written from the documented rules (docs block `line_reject_reasons`, macro `export_rows`),
not from the SQL: a file is split into physical lines, each line is decoded, checked for its
shape and split into fields by a small RFC 4180 state machine.

Where lines end is DuckDB's reader's rule, documented in export_rows: in a file whose first
line ends in LF, every LF and every CR ends a line (so a stray CRLF line reads as the line and
a blank one); in a file whose first line ends in CRLF, CRLF and LF end a line, and a lone CR
ends it early: the rest of that line reads as one blank line.
"""

from __future__ import annotations

import csv
import gzip
import re
from dataclasses import dataclass
from pathlib import Path

# The shape rules, in their order (before each source's value rules).
LINE_REASONS = (
    "blank_line",
    "invalid_utf8",
    "control_character",
    "oversized_line",
    "malformed_quoting",
    "missing_fields",
    "extra_fields",
)
MAX_LINE_CHARACTERS = 4096  # dbt var max_line_characters
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class RawLine:
    source_file: str
    source_line: int  # the header is line 1
    text: str | None  # None for a line that is not UTF-8
    raw: bytes


def read_header(path: Path) -> list[str]:
    """The header's names as written (a UTF-8 BOM dropped, spaces around a name trimmed)."""
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    first = re.split(rb"\r\n|\r|\n", data.removeprefix(b"\xef\xbb\xbf"), maxsplit=1)[0].decode("utf-8")
    return [name.strip() for name in next(csv.reader([first]))]


def read_lines(path: Path) -> list[RawLine]:
    """Every data line of the file (the header, line 1, excluded), numbered from 2."""
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    first_end = data.find(b"\n")
    if first_end > 0 and data[first_end - 1 : first_end] == b"\r":
        pieces = []
        for piece in re.split(rb"\r?\n", data):
            head, cr, _ = piece.partition(b"\r")
            pieces += [head, b""] if cr else [piece]
    else:
        pieces = re.split(rb"[\r\n]", data)
    if pieces and pieces[-1] == b"":
        pieces.pop()  # the file's final line end
    lines = []
    for number, raw in enumerate(pieces[1:], start=2):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        lines.append(RawLine(str(path.resolve()), number, text, raw))
    return lines


def split_fields(text: str) -> list[str] | None:
    """RFC 4180 fields of one line, or None when its quoting is malformed."""
    fields, field, i = [], [], 0
    quoted_field = False
    while True:
        if i < len(text) and text[i] == '"' and not field and not quoted_field:
            # A quoted field: up to the closing quote; "" is a quote inside.
            i += 1
            while True:
                if i >= len(text):
                    return None  # unterminated
                if text[i] == '"':
                    if i + 1 < len(text) and text[i + 1] == '"':
                        field.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                field.append(text[i])
                i += 1
            quoted_field = True
        if i >= len(text):
            fields.append("".join(field))
            return fields
        if text[i] == ",":
            fields.append("".join(field))
            field, quoted_field = [], False
            i += 1
            continue
        if quoted_field or text[i] == '"':
            return None  # text after a closing quote, or a quote inside an unquoted field
        field.append(text[i])
        i += 1


def line_reason(line: RawLine, width: int) -> tuple[str | None, list[str] | None]:
    """(the first shape rule the line breaks or None, its fields padded to `width` when none)."""
    if line.raw == b"":
        return "blank_line", None
    if line.text is None:
        return "invalid_utf8", None
    if _CONTROL.search(line.text):
        return "control_character", None
    if len(line.text) > MAX_LINE_CHARACTERS:
        return "oversized_line", None
    fields = split_fields(line.text)
    if fields is None:
        return "malformed_quoting", None
    if len(fields) < width:
        return "missing_fields", None
    if any(fields[width:]):
        return "extra_fields", None
    return None, fields[:width]
