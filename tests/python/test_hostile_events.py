"""The hostile events file: its manifest agrees with an independent reading of the file.

The file is written through the CLI (`generate_sample hostile`), then read by the tests' own
line reader and cleaning reference (raw_lines.py, store_reference.py, written from the
documented rules), which must find every planted line where the manifest says, with the
outcome it says, and the same totals. That the pipeline's audit agrees is checked by running
it on the file (see scripts/synthetic/hostile/writer.py); this test needs no dbt build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import generate_sample
from scripts.synthetic.sink import manifest_path
from tests.python.raw_lines import read_lines
from tests.python.store_reference import REJECT_REASONS, clean_events

BOM = b"\xef\xbb\xbf"
HEADER = b"event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n"
# DuckDB's CSV sniffer reads about this much of a file; the file must be well past it.
SNIFFER_SAMPLE_LINES = 20_480
MIN_BYTES = 5 * 1024 * 1024
BLOCKS = ("start", "middle", "end")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("hostile") / "events.csv"
    assert generate_sample.main(["hostile", "--events-path", str(path)]) == 0
    return path, json.loads(manifest_path(path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reference(hostile, dbt_vars):
    path, _ = hostile
    lines = read_lines(path)
    return lines, clean_events(lines, dbt_vars["accepted_event_types"])


def test_file_shape(hostile):
    path, manifest = hostile
    data = path.read_bytes()
    assert data.startswith(BOM + HEADER)
    assert len(data) > MIN_BYTES
    # One CRLF per crlf_line case and block, nothing else.
    assert data.count(b"\r") == data.count(b"\r\n") == len(BLOCKS)
    planted = manifest["planted"]
    starts = {block: min(min(case[block]["lines"]) for case in planted.values()) for block in BLOCKS}
    ends = {block: max(max(case[block]["lines"]) for case in planted.values()) for block in BLOCKS}
    assert starts["start"] == 2, "right after the header"
    assert starts["middle"] > SNIFFER_SAMPLE_LINES
    assert ends["end"] == manifest["rows"] + 1, "the last line of the file"


def test_totals_agree_with_an_independent_reading(hostile, reference):
    _, manifest = hostile
    lines, ref = reference
    assert len(lines) == manifest["rows"]
    assert len(ref.clean) == manifest["clean_rows"]
    assert ref.duplicate_rows == manifest["exact_duplicate_rows"]
    rejected = ref.rejected["reject_reason"].value_counts().to_dict()
    assert set(manifest["dirty_rows"]) <= set(REJECT_REASONS)
    for reason in REJECT_REASONS:
        assert rejected.get(reason, 0) == manifest["dirty_rows"].get(reason, 0), reason
    assert len(lines) == len(ref.clean) + ref.duplicate_rows + len(ref.rejected)


def test_every_planted_line_gets_its_outcome(hostile, reference):
    _, manifest = hostile
    lines, ref = reference
    raw = {line.source_line: line.raw for line in lines}
    clean_lines = set(ref.clean["source_line"])
    rejected = dict(zip(ref.rejected["source_line"], ref.rejected["reject_reason"], strict=True))
    checked = 0
    for name, case in manifest["planted"].items():
        for block in BLOCKS:
            for number, expected in zip(case[block]["lines"], case[block]["expect"], strict=True):
                checked += 1
                if expected is None:
                    assert number in clean_lines, (name, block, number)
                elif expected == "blank_line" and number not in rejected:
                    # A later blank line: an exact copy of the first one.
                    assert raw[number] == b"", (name, block, number)
                else:
                    assert rejected.get(number) == expected, (name, block, number)
    planted = manifest["planted"].values()
    planted_lines = sum(len(case[block]["lines"]) for case in planted for block in BLOCKS)
    assert checked == planted_lines == manifest["rows"] - manifest["good_lines"]["rows"]


def test_valid_hostile_values_load_as_they_are(hostile, reference):
    _, manifest = hostile
    _, ref = reference
    clean = ref.clean.set_index("source_line")
    names = ("formula_hyperlink", "formula_cmd", "formula_sum", "html_script", "utf8_brand")
    brands = {name: clean.loc[manifest["planted"][name]["middle"]["lines"][0], "brand"] for name in names}
    assert brands == {
        "formula_hyperlink": '=HYPERLINK("http://x","y")',
        "formula_cmd": "+cmd|' /C calc'!A0",
        "formula_sum": "@SUM(1)",
        "html_script": "<script>alert(1)</script>",
        "utf8_brand": "l'oréal",
    }
    first, second = (clean.loc[n] for n in manifest["planted"]["pipe_pair"]["start"]["lines"])
    assert (first["category_code"], first["brand"]) == ("a|b", "c")
    assert (second["category_code"], second["brand"]) == ("a", "b|c")
    assert first["user_id"] == second["user_id"] and first["event_at"] == second["event_at"]
    huge_lines = [manifest["planted"]["huge_price"][block]["lines"][0] for block in BLOCKS]
    huge = [clean.loc[line, "price_cents"] for line in huge_lines]
    # decimal(18, 2)'s largest value, three times: their sum needs a wider type.
    assert huge == [999_999_999_999_999_999] * 3
