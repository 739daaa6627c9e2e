"""The folder of export files people really have, as the tests build it (test_export_cases on
DuckDB, tests/spark/test_export_cases_on_spark on both engines).

* the hostile file (scripts/synthetic/hostile: every line defect at the start, middle and end
  of a file larger than DuckDB's sniffer sample, spreadsheet formulas and HTML in valid rows),
  named with a quote, a space, brackets, `*` and `?`, beside a file its name would match as a
  glob, in a folder whose path carries SQL (`'); copy ... to ...; --`);
* a file as pandas / Spark / Excel re-save one (scripts/synthetic/cases.write_tools: an index
  column, reordered and extra columns, CRLF, UTF-8 brands, ISO 8601 times with offsets);
* small daily files, and a file of which no row is usable;
* a labelled session file and an unlabelled one (no is_click column, ISO times).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from scripts import generate_sample
from scripts.run_pipeline import CI, sample_files
from scripts.synthetic.cases import write_daily, write_nothing_usable, write_tools
from scripts.synthetic.sink import manifest_path

PWNED = "pwned.csv"
HOSTILE_NAME = "it's [1] *events?.csv"
UNLABELLED_SESSIONS = 2_000


@dataclass(frozen=True)
class ExportCases:
    events: Path  # the folder of event files
    sessions: Path  # the folder of session files
    hostile: Path
    hostile_manifest: dict
    event_at: dict[int, str]  # tools.csv: each rewritten line's time in UTC
    unlabelled_sessions: int

    @property
    def event_files(self) -> list[Path]:
        return sorted(path for path in self.events.iterdir() if path.suffix == ".csv")

    @property
    def session_files(self) -> list[Path]:
        return sorted(self.sessions.iterdir())


def _unlabelled_sessions(labelled: Path, path: Path) -> int:
    """The labelled file's first rows without is_click, with ids of their own and ISO times:
    AmExpert's test.csv as a tool would re-save it."""
    with labelled.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))[:UNLABELLED_SESSIONS]
    with path.open("w", encoding="utf-8", newline="") as target:
        names = [name for name in rows[0] if name != "is_click"]
        writer = csv.DictWriter(target, names, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            if row["session_id"].isdigit():
                row["session_id"] = str(int(row["session_id"]) + 10**9)
            row["DateTime"] = row["DateTime"].replace(" ", "T") + ":00Z"
            writer.writerow(row)
    return len(rows)


def write_export_cases(root: Path, daily_files: int) -> ExportCases:
    events = root / f"x'); copy (select 42) to '{PWNED}'; --"
    events.mkdir(parents=True)
    hostile = events / HOSTILE_NAME
    assert generate_sample.main(["hostile", "--events-path", str(hostile)]) == 0
    manifest = json.loads(manifest_path(hostile).read_text(encoding="utf-8"))
    manifest_path(hostile).unlink()  # the folder holds only what a user would point at
    # What a glob reading of the hostile name would find besides it: read once, as itself.
    ci_events = sample_files(CI)["events"][0].read_text(encoding="utf-8").splitlines(keepends=True)
    (events / "it's 1 xevents!.csv").write_text("".join(ci_events[:51]), encoding="utf-8")
    event_at = write_tools(events / "tools.csv", rows=2_000, seed=7)
    write_daily(events, files=daily_files, rows_per_file=12, seed=8)
    write_nothing_usable(events / "nothing-usable.csv", rows=40, seed=9)
    sessions = root / "sessions"
    sessions.mkdir()
    labelled = sample_files(CI)["sessions"][0]
    (sessions / "train.csv").write_bytes(labelled.read_bytes())
    unlabelled = _unlabelled_sessions(labelled, sessions / "test.csv")
    return ExportCases(events, sessions, hostile, manifest, event_at, unlabelled)
