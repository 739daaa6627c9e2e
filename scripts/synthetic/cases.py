"""Event files as people re-save them, for the tests: each written from an electronics file of
the events generator, changing how it is written and not what it says.

* `write_tools`: as pandas, Spark and Excel leave a file: an unnamed index column first
  (pandas' `to_csv`), the columns in reverse order, an extra `notes` column, CRLF line ends,
  brands in German, Russian and Chinese, and event times written ` UTC`, `+00:00`, `T...Z`,
  `T....000Z`, `+03:00` (the local time three hours ahead) and `.250-00:00`. The spelling and
  the brand follow the row's content, so a duplicated row stays a duplicate. Returns every
  rewritten line's time in UTC, by line number.
* `write_daily`: a month of small files, one per day.
* `write_nothing_usable`: rows of an event type no store logs: every row is quarantined.

A time the generator wrote invalid (a dirty row) is left as it was.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zlib
from datetime import datetime, timedelta
from pathlib import Path

from scripts.synthetic import events

UTF8_BRANDS = ("äpfel", "ßony", "самсунг", "小米")
REJECTED_TYPE = "add_to_wishlist"
# The generator's smallest file; the small files are cut from one.
BASE_ROWS = 1_000


def _base(rows: int, seed: int) -> tuple[list[str], list[list[str]]]:
    """The generator's header and rows (as fields)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "events.csv"
        events.generate(path, rows=max(rows, BASE_ROWS), seed=seed)
        header, *body = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
    return header, body


def _csv_line(fields: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return out.getvalue()


def _tool_time(at: datetime, choice: int) -> tuple[str, datetime]:
    """A UTC time as one of the tools writes it, and the time it means."""
    spellings = (
        (at.strftime("%Y-%m-%d %H:%M:%S UTC"), at),
        (at.strftime("%Y-%m-%d %H:%M:%S+00:00"), at),
        (at.strftime("%Y-%m-%dT%H:%M:%SZ"), at),
        (at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), at),
        ((at + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S+03:00"), at),
        (at.strftime("%Y-%m-%dT%H:%M:%S.250-00:00"), at + timedelta(milliseconds=250)),
    )
    return spellings[choice % len(spellings)]


def write_tools(path: Path, rows: int, seed: int) -> dict[int, str]:
    header, body = _base(rows, seed)
    order = list(reversed(range(len(header))))
    lines = [_csv_line(["", *(header[i] for i in order), "notes"])]
    event_at = {}
    for number, fields in enumerate(body):
        fields = list(fields)
        choice = zlib.crc32(_csv_line(fields).encode("utf-8"))
        try:
            at = datetime.strptime(fields[0], "%Y-%m-%d %H:%M:%S UTC")
        except ValueError:
            at = None
        if at is not None:
            fields[0], meant = _tool_time(at, choice)
            event_at[number + 2] = meant.isoformat(" ")
        if choice % 37 == 0:
            fields[5] = UTF8_BRANDS[choice % len(UTF8_BRANDS)]
        lines.append(_csv_line([str(number), *(fields[i] for i in order), "re-saved"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return event_at


def write_daily(folder: Path, files: int, rows_per_file: int, seed: int) -> list[Path]:
    header, body = _base(files * rows_per_file, seed)
    paths = []
    for day in range(files):
        path = folder / f"day-{day + 1:03d}.csv"
        chunk = body[day * rows_per_file : (day + 1) * rows_per_file]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(_csv_line(fields) for fields in [header, *chunk]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_nothing_usable(path: Path, rows: int, seed: int) -> None:
    header, body = _base(rows, seed)
    lines = [_csv_line(header)]
    for number, fields in enumerate(body[:rows]):
        fields = list(fields)
        fields[1] = REJECTED_TYPE
        fields[7] = str(10**18 + number)  # a user of its own per row: no row repeats another
        lines.append(_csv_line(fields))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
