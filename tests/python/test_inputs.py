"""A bad input file stops the run with one line naming the file and the cause."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from scripts import run_pipeline
from scripts.inputs import InputError, check_input, expected_columns

EVENTS_HEADER = ",".join(expected_columns("events"))


ROW = "2020-10-01 10:00:00 UTC,view,1,2,a.b,msi,10.00,3,S"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _truncated_gzip(path: Path) -> Path:
    """A gzip cut short, as an interrupted download leaves it: its header still reads."""
    whole = gzip.compress(f"{EVENTS_HEADER}\n".encode() + f"{ROW}\n".encode() * 5_000)
    path.write_bytes(whole[: len(whole) // 2])
    return path


@pytest.mark.parametrize(
    ("make", "cause"),
    [
        (lambda d: d / "absent.csv", "file not found"),
        (lambda d: d, "not a regular file"),
        (lambda d: _write(d / "empty.csv", ""), "file is empty"),
        (lambda d: _write(d / "blank.csv", "\n"), "no header row"),
        (lambda d: _write(d / "fake.csv.gz", "not gzip"), "not a readable gzip file"),
        (lambda d: _write(d / "other.csv", "a,b,c\n1,2,3\n"), "header lacks events column(s) event_time"),
        (lambda d: _write(d / "header_only.csv", f"{EVENTS_HEADER}\n"), "no data rows below the header"),
        (lambda d: _truncated_gzip(d / "cut.csv.gz"), "cannot be read as CSV"),
        (
            lambda d: _write(d / "open_quote.csv", f'{EVENTS_HEADER}\n2020-10-01 10:00:00 UTC,view,"1,2\n'),
            "cannot be read as CSV",
        ),
    ],
)
def test_bad_file_gives_one_line_naming_file_and_cause(tmp_path, make, cause):
    path = make(tmp_path)
    with pytest.raises(InputError) as raised:
        check_input(path, "events")
    message = str(raised.value)
    assert message.startswith(f"{path}: ")
    assert cause in message
    assert "\n" not in message


def test_plain_and_gzip_files_with_the_header_pass(tmp_path):
    check_input(_write(tmp_path / "events.csv", f"{EVENTS_HEADER}\n{ROW}\n"), "events")
    zipped = tmp_path / "events.csv.gz"
    with gzip.open(zipped, "wt", encoding="utf-8") as handle:
        handle.write(f"{EVENTS_HEADER}\n{ROW}\n")
    check_input(zipped, "events")


def test_run_stops_before_dbt_on_a_missing_user_file(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "events.csv"
    monkeypatch.setenv("EVENTS_PATH", str(missing))
    monkeypatch.setenv("SESSIONS_PATH", str(missing))
    assert run_pipeline.main([]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {missing}: file not found"]
