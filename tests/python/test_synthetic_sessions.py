"""The synthetic session log: published figures, planted dirt and determinism.

Targets come from the reference (`reference-figures.md`, section 2), never from the
generator's own tables; the planted dirt is found by detectors written here and compared
with the manifest the generator returns.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from scripts.synthetic import sessions

# Published figures of the real train.csv.
PUBLISHED_ROWS = 463_291
PUBLISHED_CLICKS = 31_331
PUBLISHED_WEEKEND_ROWS = 79_045
PUBLISHED_PRODUCTS = {  # product: (sessions, CTR %)
    "C": (163_501, 6.91),
    "H": (109_574, 6.99),
    "I": (63_711, 6.40),
    "D": (41_064, 7.18),
    "B": (22_479, 5.51),
    "E": (21_452, 6.87),
    "A": (15_391, 6.19),
    "J": (9_698, 9.27),
    "G": (9_414, 4.62),
    "F": (7_007, 4.91),
}
HEADER = [
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
COL = {name: i for i, name in enumerate(HEADER)}
FLOAT_COLUMNS = ("product_category_2", "user_group_id", "age_level", "user_depth", "city_development_index")
SAMPLE_ROWS = 60_000
RELATIVE_TOLERANCE = 0.02
DIGITS = re.compile(r"[0-9]+")


def _read(path: Path) -> tuple[list[str], list[tuple[str, ...]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        return next(reader), [tuple(row) for row in reader]


def _parses(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        return False
    return True


def _dirty_reason(row: tuple[str, ...]) -> str | None:
    """The one defect of a quarantined row, as the pipeline's reason code."""
    if row[COL["session_id"]] == "":
        return "missing_session_id"
    if not _parses(row[COL["DateTime"]]):
        return "invalid_datetime"
    if not (DIGITS.fullmatch(row[COL["user_id"]]) and DIGITS.fullmatch(row[COL["campaign_id"]])):
        return "invalid_id"
    if row[COL["is_click"]] not in ("0", "1"):
        return "invalid_is_click"
    return None


def _clean(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Valid rows, exact repeats dropped, first row kept per session_id."""
    seen_ids: set[str] = set()
    kept = []
    for row in rows:
        if _dirty_reason(row) is None and row[COL["session_id"]] not in seen_ids:
            seen_ids.add(row[COL["session_id"]])
            kept.append(row)
    return kept


def _close(actual: float, target: float) -> bool:
    return abs(actual - target) <= RELATIVE_TOLERANCE * target


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("sessions") / "sessions.csv"
    # Small chunks so the run crosses several chunk boundaries, as a full-size one does.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sessions.plan, "CHUNK_ROWS", 16_384)
        manifest = sessions.generate(path, rows=SAMPLE_ROWS, seed=7)
    header, rows = _read(path)
    return {"manifest": manifest, "header": header, "rows": rows, "clean": _clean(rows)}


def test_header_row_count_and_manifest_arithmetic(sample: dict) -> None:
    manifest = sample["manifest"]
    assert sample["header"] == HEADER
    assert len(sample["rows"]) == manifest["rows"] == SAMPLE_ROWS
    assert all(len(row) == len(HEADER) for row in sample["rows"])
    assert manifest["rows"] == (
        manifest["clean_rows"]
        + manifest["exact_duplicate_rows"]
        + manifest["conflicting_session_ids"]
        + sum(manifest["dirty_rows"].values())
    )
    assert manifest["conflicting_session_rows"] == 2 * manifest["conflicting_session_ids"]
    assert manifest["dataset"] == "sessions" and manifest["seed"] == 7


def test_planted_dirt_is_found_exactly(sample: dict) -> None:
    rows, manifest = sample["rows"], sample["manifest"]
    reasons = Counter(reason for row in rows if (reason := _dirty_reason(row)))
    assert dict(reasons) == manifest["dirty_rows"]
    assert all(count >= 1 for count in manifest["dirty_rows"].values())

    repeats = len(rows) - len(set(rows))
    assert repeats == manifest["exact_duplicate_rows"] >= 1

    versions: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    row_count: Counter[str] = Counter()
    for row in rows:
        if row[COL["session_id"]]:
            versions[row[COL["session_id"]]].add(row)
            row_count[row[COL["session_id"]]] += 1
    conflicting = [sid for sid, variants in versions.items() if len(variants) > 1]
    assert len(conflicting) == manifest["conflicting_session_ids"] >= 1
    assert sum(row_count[sid] for sid in conflicting) == manifest["conflicting_session_rows"]

    assert len(sample["clean"]) == manifest["clean_rows"]


def test_product_shares_and_click_rates_match_published(sample: dict) -> None:
    clean = sample["clean"]
    sessions_by_product = Counter(row[COL["product"]] for row in clean)
    clicks_by_product = Counter(row[COL["product"]] for row in clean if row[COL["is_click"]] == "1")
    assert set(sessions_by_product) == set(PUBLISHED_PRODUCTS)
    for product, (published, ctr_percent) in PUBLISHED_PRODUCTS.items():
        share = sessions_by_product[product] / len(clean)
        ctr = clicks_by_product[product] / sessions_by_product[product]
        assert _close(share, published / PUBLISHED_ROWS), product
        assert _close(ctr, ctr_percent / 100), product
    assert _close(sum(clicks_by_product.values()) / len(clean), PUBLISHED_CLICKS / PUBLISHED_ROWS)


def test_weekend_share_and_time_window(sample: dict) -> None:
    clean = sample["clean"]
    stamps = [datetime.strptime(row[COL["DateTime"]], "%Y-%m-%d %H:%M") for row in clean]
    weekend = sum(stamp.weekday() >= 5 for stamp in stamps)
    assert _close(weekend / len(clean), PUBLISHED_WEEKEND_ROWS / PUBLISHED_ROWS)
    assert min(stamps) >= datetime(2017, 7, 2) and max(stamps) < datetime(2017, 7, 8)
    weekday_hours = Counter(stamp.hour for stamp in stamps if stamp.weekday() < 5)
    assert weekday_hours.most_common(1)[0][0] in (19, 20, 21)


def test_value_shapes(sample: dict) -> None:
    for row in sample["clean"]:
        assert DIGITS.fullmatch(row[COL["session_id"]]) and int(row[COL["session_id"]]) > 0
        assert row[COL["gender"]] in ("", "Male", "Female")
        assert row[COL["product_category_1"]] in ("1", "2", "3", "4", "5")
        assert row[COL["var_1"]] in ("0", "1")
        for name in FLOAT_COLUMNS:
            value = row[COL[name]]
            assert value == "" or re.fullmatch(r"[0-9]+\.0", value), (name, value)


def test_user_attributes_are_fixed_per_user_and_consistent(sample: dict) -> None:
    per_user: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for row in sample["clean"]:
        gender, age, group = row[COL["gender"]], row[COL["age_level"]], row[COL["user_group_id"]]
        per_user[row[COL["user_id"]]].add(
            (gender, age, group, row[COL["user_depth"]], row[COL["city_development_index"]])
        )
        if gender == "":
            assert age == group == row[COL["user_depth"]] == ""
        else:
            level = int(float(age))
            expected = 0 if level == 0 else level + (6 if gender == "Female" else 0)
            assert int(float(group)) == expected
    assert all(len(attributes) == 1 for attributes in per_user.values())
    assert 2.5 <= len(sample["clean"]) / len(per_user) <= 3.5  # ~3 sessions per user


def _share(rows: list[tuple[str, ...]], column: str, value: str) -> float:
    return sum(row[COL[column]] == value for row in rows) / len(rows)


def _ctr(rows: list[tuple[str, ...]]) -> float:
    return sum(row[COL["is_click"]] == "1" for row in rows) / len(rows)


def test_report_signals_are_present(sample: dict) -> None:
    clean = sample["clean"]
    female = [row for row in clean if row[COL["gender"]] == "Female"]
    male = [row for row in clean if row[COL["gender"]] == "Male"]
    female_3, male_3 = (_share(g, "product_category_1", "3") for g in (female, male))
    assert female_3 > 1.05 * male_3  # report: females ~15 % more engaged with category 3
    assert _share(male, "product_category_1", "5") > _share(female, "product_category_1", "5")
    assert 0.80 <= len(male) / (len(male) + len(female)) <= 0.95
    assert 0.36 <= _share(clean, "product_category_1", "5") <= 0.44

    by_depth = {d: [row for row in clean if row[COL["user_depth"]] == d] for d in ("1.0", "3.0")}
    assert _ctr(by_depth["3.0"]) > _ctr(by_depth["1.0"])

    campaigns = Counter(row[COL["campaign_id"]] for row in clean)
    assert campaigns.most_common(1)[0][0] == "118601"
    assert "404347" in campaigns
    in_404347 = [row for row in clean if row[COL["campaign_id"]] == "404347"]
    niche = [
        row
        for row in in_404347
        if row[COL["gender"]] == "Female" and row[COL["age_level"]] in ("0.0", "1.0", "2.0")
    ]
    assert _ctr(niche) > 1.5 * _ctr(in_404347)  # the underperformer's niche segment
    webpages = {(row[COL["campaign_id"]], row[COL["webpage_id"]]) for row in clean}
    assert len(webpages) == len(campaigns)  # one webpage per campaign


def _run(path: Path, rows: int, seed: int) -> bytes:
    sessions.generate(path, rows=rows, seed=seed)
    return path.read_bytes()


@pytest.mark.parametrize("name", ["sessions.csv", "sessions.csv.gz"])
def test_same_seed_is_byte_identical(tmp_path: Path, name: str) -> None:
    first = _run(tmp_path / "a" / name, 2_000, 42)
    assert first == _run(tmp_path / "b" / name, 2_000, 42)
    assert first != _run(tmp_path / "c" / name, 2_000, 43)
    if name.endswith(".gz"):
        assert gzip.decompress(first) == _run(tmp_path / "d" / "sessions.csv", 2_000, 42)


def test_smallest_run_still_plants_every_kind(tmp_path: Path) -> None:
    path = tmp_path / "sessions.csv"
    manifest = sessions.generate(path, rows=1_000, seed=1)
    _, rows = _read(path)
    assert len(rows) == 1_000
    assert dict(Counter(r for row in rows if (r := _dirty_reason(row)))) == manifest["dirty_rows"]
    assert len(rows) - len(set(rows)) == manifest["exact_duplicate_rows"] == 1
    assert len(_clean(rows)) == manifest["clean_rows"]
