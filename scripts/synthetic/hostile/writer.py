"""Assemble the hostile events file and write its manifest from what was planted.

Layout of the file: a UTF-8 BOM, the header, the START block of cases (right after the
header), the first half of the good lines, the MIDDLE block, the second half, the END block
(the last lines of the file). The good lines are an electronics file from the events
generator (`BASE_ROWS` rows, with its own duplicates and dirty rows, which its manifest
counts); each block holds every case of `cases` once.

The manifest counts as the models do (store.pipeline_audit):
* rows: data lines as the models read them, the header excluded, each CRLF artefact and each
  half of a quoted newline counted.
* dirty_rows: quarantined lines per reason, counted once per distinct text
  (stg_store__events_rejected de-duplicates rejected lines by text); quarantined_lines: the
  same per line, copies included.
* exact_duplicate_rows: the generator's duplicates plus the copies of identical rejected
  lines: every blank line has the same (empty) text, so all blank lines but one.
* clean_rows: distinct usable rows.
* planted: for each case, the line numbers of each block and the outcome of each line.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from scripts.synthetic import events
from scripts.synthetic.hostile.cases import CASES
from scripts.synthetic.sink import write_manifest

BOM = b"\xef\xbb\xbf"
# Enough good lines (~6 MB) that the middle and end blocks lie far past the ~20,000 lines
# DuckDB's CSV sniffer samples.
BASE_ROWS = 45_000
BLOCKS = ("start", "middle", "end")


def _good_lines(rows: int, seed: int) -> tuple[bytes, list[bytes], dict]:
    """The generator's header, its data lines (each with its LF) and its manifest."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "events.csv"
        manifest = events.generate(path, rows=rows, seed=seed)
        header, *lines = path.read_bytes().splitlines(keepends=True)
    return header, lines, manifest


def _block(first_item: int, first_line: int) -> tuple[bytes, dict[str, dict], list[str | None]]:
    """One block: its bytes, each case's line numbers and outcomes, and every line's outcome."""
    data: list[bytes] = []
    where: dict[str, dict] = {}
    outcomes: list[str | None] = []
    line = first_line
    for item, case in enumerate(CASES, start=first_item):
        data.append(case.build(item))
        lines = list(range(line, line + len(case.expected)))
        where[case.name] = {"lines": lines, "expect": list(case.expected)}
        outcomes.extend(case.expected)
        line += len(case.expected)
    return b"".join(data), where, outcomes


def write(path: Path, seed: int = 42, base_rows: int = BASE_ROWS) -> dict:
    """Write the hostile file to `path` and its manifest beside it; return the manifest."""
    header, good, base = _good_lines(base_rows, seed)
    middle = len(good) // 2
    parts = [BOM + header]
    line = 2  # the header is line 1
    planted: dict[str, dict] = {case.name: {"what": case.what} for case in CASES}
    outcomes: list[str | None] = []
    for number, name in enumerate(BLOCKS):
        if name == "middle":
            parts.append(b"".join(good[:middle]))
            line += middle
        elif name == "end":
            parts.append(b"".join(good[middle:]))
            line += len(good) - middle
        data, where, block_outcomes = _block(number * len(CASES), line)
        parts.append(data)
        for case_name, lines in where.items():
            planted[case_name][name] = lines
        outcomes.extend(block_outcomes)
        line += len(block_outcomes)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"".join(parts))
    manifest = _manifest(base, outcomes, planted, len(good), seed)
    if manifest["rows"] != line - 2:
        raise AssertionError("line bookkeeping is off")  # a bug here, not in the file
    write_manifest(target, manifest)
    return manifest


def _add(*counts: dict[str, int]) -> dict[str, int]:
    """Per-reason sums, every reason kept (zeros too), sorted by reason."""
    total: dict[str, int] = {}
    for count in counts:
        for reason, n in count.items():
            total[reason] = total.get(reason, 0) + n
    return dict(sorted(total.items()))


def _manifest(base: dict, outcomes: list[str | None], planted: dict, good: int, seed: int) -> dict:
    quarantined = dict(Counter(reason for reason in outcomes if reason is not None))
    # Every planted line is unique except blank lines, which all have the same text.
    blank_copies = max(quarantined.get("blank_line", 0) - 1, 0)
    distinct = quarantined | {"blank_line": quarantined.get("blank_line", 0) - blank_copies}
    base_dirty = dict(base["dirty_rows"])
    planted_clean = sum(reason is None for reason in outcomes)
    return {
        "dataset": "events",
        "kind": "hostile",
        "seed": seed,
        "rows": good + len(outcomes),
        "clean_rows": base["clean_rows"] + planted_clean,
        "exact_duplicate_rows": base["exact_duplicate_rows"] + blank_copies,
        "dirty_rows": _add(distinct, base_dirty),
        "quarantined_lines": _add(quarantined, base_dirty),
        "good_lines": {
            "rows": good,
            "generator_manifest": base,
        },
        "planted": planted,
        "notes": [
            "Line numbers count the header as line 1, as source_line does; the BOM sits before the header.",
            "crlf_line: DuckDB's reader ends a line at the CR and again at the LF of a CRLF inside this "
            "LF file, so the row loads (clean) and the next line number is an extra blank line "
            "(blank_line). rows counts that artefact.",
            "quoted_newline: lines are split before fields, so both halves are lines of their own; "
            "each fails malformed_quoting first (an unterminated quote; a quote inside an unquoted field).",
            "Blank lines all have the same (empty) text: the quarantine keeps one (dirty_rows.blank_line "
            "= 1) and counts the others as exact duplicates; quarantined_lines.blank_line counts them all.",
            "dirty_rows also holds the good lines' own planted dirt (generator_manifest).",
            "huge_price rows are valid: three purchases at 9999999999999999.99 sum past decimal(18, 2).",
        ],
    }
