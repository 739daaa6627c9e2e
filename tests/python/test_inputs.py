"""A bad input file stops the run with one line naming the file and the cause."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from scripts import run_pipeline
from scripts.inputs import (
    InputError,
    check_input,
    check_inputs,
    describe_layout,
    expected_columns,
    write_manifest,
)

EVENTS_HEADER = ",".join(expected_columns("events"))
SHORT_HEADER = EVENTS_HEADER.replace(",brand", "")
SEMICOLON_HEADER = EVENTS_HEADER.replace(",", ";")


ROW = "2020-10-01 10:00:00 UTC,view,1,2,a.b,msi,10.00,3,S"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
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
        (
            lambda d: _write(d / "short.csv", EVENTS_HEADER.replace(",brand", "") + "\n1\n"),
            "lacks events column(s) brand",
        ),
        (
            lambda d: _write(d / "twice.csv", f"{EVENTS_HEADER},Brand\n1\n"),
            "names events column(s) brand more",
        ),
        (
            lambda d: _write(d / "semicolons.csv", EVENTS_HEADER.replace(",", ";") + "\n1\n"),
            "separated by ';'",
        ),
        (lambda d: _write_bytes(d / "utf16.csv", EVENTS_HEADER.encode("utf-16") + b"\n"), "not UTF-8"),
        (lambda d: _write_bytes(d / "latin1.csv", b"event_time\xe9\n"), "not UTF-8"),
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
    # A UTF-8 byte order mark and Windows line ends are fine; rows below are the models' job.
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + f"{EVENTS_HEADER}\r\n{ROW}\r\n".encode())
    check_input(bom, "events")
    check_input(_write(tmp_path / "ragged.csv", f'{EVENTS_HEADER}\n"unterminated,1\n'), "events")
    zipped = tmp_path / "events.csv.gz"
    with gzip.open(zipped, "wt", encoding="utf-8") as handle:
        handle.write(f"{EVENTS_HEADER}\n{ROW}\n")
    check_input(zipped, "events")


def test_columns_are_matched_by_name_whatever_the_order_and_extra_columns():
    """A header in another order, in other case, with a pandas index first and a column the
    source does not know: read by name, the index ignored and said, the unknown listed."""
    names = list(reversed(expected_columns("events")))
    header = ["", *[name.upper() if name == "brand" else name for name in names], "notes"]
    layout = describe_layout(Path("f.csv"), header, "events")
    assert layout.header == tuple(header)
    assert layout.has_index_column
    assert layout.ignored == ("notes",)
    assert layout.missing_optional == ()


def test_a_session_file_may_lack_is_click_only():
    names = [name for name in expected_columns("sessions") if name != "is_click"]
    assert describe_layout(Path("test.csv"), names, "sessions").missing_optional == ("is_click",)
    with pytest.raises(InputError, match="lacks sessions column\\(s\\) DateTime"):
        describe_layout(Path("test.csv"), [name for name in names if name != "DateTime"], "sessions")


def test_the_manifest_holds_what_dbt_reads(tmp_path):
    path = _write(tmp_path / "events.csv", f",{EVENTS_HEADER},notes\n0,{ROW},x\n")
    written = write_manifest(tmp_path / "inputs.json", {"events": [check_input(path, "events")]})
    (entry,) = json.loads(written.read_text(encoding="utf-8"))["store"]
    assert entry["source_file"] == str(path)
    assert entry["header"] == ["", *expected_columns("events"), "notes"]
    assert entry["ignored_columns"] == ["notes"]
    size, _, modified = entry["source_file_version"].partition("@")
    assert int(size) == path.stat().st_size and int(modified) == path.stat().st_mtime_ns // 1000


def test_run_stops_before_dbt_on_a_missing_user_file(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "events.csv"
    monkeypatch.setenv("EVENTS_PATH", str(missing))
    monkeypatch.setenv("SESSIONS_PATH", str(missing))
    assert run_pipeline.main([]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {missing}: file not found"]


def test_a_path_names_a_file_a_directory_or_a_glob(tmp_path):
    months = tmp_path / "rees46"
    months.mkdir()
    for name in ("2019-Nov.csv.gz", "2019-Oct.csv", "notes.txt"):
        target = months / name
        if name.endswith(".gz"):
            target.write_bytes(gzip.compress(f"{EVENTS_HEADER}\n{ROW}\n".encode()))
        else:
            target.write_text(f"{EVENTS_HEADER}\n{ROW}\n", encoding="utf-8")
    both = [months / "2019-Nov.csv.gz", months / "2019-Oct.csv"]
    assert [file.path for file in check_inputs(str(months), "events")] == both
    assert [file.path for file in check_inputs(str(months / "2019-*"), "events")] == both
    assert [file.path for file in check_inputs(str(months / "2019-Oct.csv"), "events")] == [
        months / "2019-Oct.csv"
    ]


def test_a_file_name_with_glob_characters_is_that_file(tmp_path):
    literal = _write(tmp_path / "events[1] it's *.csv", f"{EVENTS_HEADER}\n{ROW}\n")
    _write(tmp_path / "events1 it's x.csv", f"{EVENTS_HEADER}\n{ROW}\n")
    assert [file.path for file in check_inputs(str(literal), "events")] == [literal]


@pytest.mark.parametrize(
    ("name", "cause"), [("empty_dir", "no .csv or .csv.gz file"), ("none-*.csv", "no file matches")]
)
def test_a_directory_or_glob_without_files_gives_one_line(tmp_path, name, cause):
    if name == "empty_dir":
        (tmp_path / name).mkdir()
    with pytest.raises(InputError) as raised:
        check_inputs(str(tmp_path / name), "events")
    assert cause in str(raised.value) and str(tmp_path / name) in str(raised.value)
