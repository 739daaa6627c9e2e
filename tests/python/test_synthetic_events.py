"""The synthetic events file: exact planted counts, published shapes and rates, determinism.

A 100,000-row file is generated once and read back as plain text (pandas, every value a
string). Planted counts are checked exactly against the manifest with detectors written
here, independently of the generator; rates are checked as shares against the published
figures of the real file (reference-figures.md, section 1), within 2 % relative.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from scripts.synthetic import events

ROWS = 100_000
SEED = 42
TIME_FORMAT = "%Y-%m-%d %H:%M:%S UTC"
WINDOW_START = datetime(2020, 9, 24, 11, 57, 6)
WINDOW_END = datetime(2021, 2, 28, 23, 59, 59)
HEADER = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"

# Published figures of the real file (after de-duplication unless said otherwise).
PUBLISHED_RAW_ROWS = 885_129
PUBLISHED_ROWS = 884_474
PUBLISHED_TYPES = {"view": 793_099, "cart": 54_032, "purchase": 37_343}
PUBLISHED_USERS = 407_283
PUBLISHED_SESSIONS = 490_398
PUBLISHED_VIEWERS, PUBLISHED_CARTERS, PUBLISHED_BUYERS = 406_863, 36_952, 21_304
PUBLISHED_SEGMENTS = {
    "only viewed": 369_083,
    "carted never bought": 16_896,
    "bought once": 13_598,
    "bought 2+": 7_706,
}
PUBLISHED_NO_BRAND_ROWS = 212_364
PUBLISHED_NO_CATEGORY_ROWS = 236_219
PUBLISHED_REVENUE = 5_125_113.92
PUBLISHED_VIDEOCARD_REVENUE = 2_604_764.80
TOLERANCE = 0.02


def _close(actual: float, expected: float, tolerance: float = TOLERANCE) -> bool:
    return abs(actual / expected - 1) <= tolerance


def _read(path: Path) -> pd.DataFrame:
    # Every value as the exact text in the file: empty stays "", nothing becomes NaN.
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _parses_as_time(text: str) -> bool:
    try:
        datetime.strptime(text, TIME_FORMAT)
    except ValueError:
        return False
    return True


def _parses_as_number(text: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


def _defects(frame: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per dirty-row reason code, detected from the text alone."""
    price_is_number = frame["price"].map(_parses_as_number)
    return pd.DataFrame(
        {
            "invalid_event_time": ~frame["event_time"].map(_parses_as_time),
            "invalid_event_type": ~frame["event_type"].isin(["view", "cart", "purchase"]),
            "missing_user_id": frame["user_id"] == "",
            "invalid_product_id": ~frame["product_id"].str.fullmatch(r"\d+"),
            "invalid_price": ~price_is_number,
            "non_positive_price": price_is_number & (pd.to_numeric(frame["price"], errors="coerce") <= 0),
        }
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, dict, Path]:
    path = tmp_path_factory.mktemp("events") / "events.csv"
    manifest = events.generate(path, rows=ROWS, seed=SEED)
    return _read(path), manifest, path


@pytest.fixture(scope="module")
def clean(sample: tuple[pd.DataFrame, dict, Path]) -> pd.DataFrame:
    """Rows with no defect, exact duplicates dropped, with parsed time and price."""
    frame = sample[0]
    rows = frame[~_defects(frame).any(axis=1)].drop_duplicates().copy()
    rows["at"] = pd.to_datetime(rows["event_time"], format=TIME_FORMAT)
    rows["amount"] = rows["price"].astype(float)
    return rows


@pytest.fixture(scope="module")
def per_user(clean: pd.DataFrame) -> pd.DataFrame:
    counts = pd.crosstab(clean["user_id"], clean["event_type"])
    return counts.reindex(columns=["view", "cart", "purchase"], fill_value=0)


# --- Exact planted counts -------------------------------------------------------------------


def test_row_count_and_manifest_add_up(sample):
    frame, manifest, path = sample
    assert len(frame) == ROWS == manifest["rows"]
    total = manifest["clean_rows"] + manifest["exact_duplicate_rows"] + sum(manifest["dirty_rows"].values())
    assert total == ROWS
    assert manifest["dataset"] == "events" and manifest["seed"] == SEED
    text = path.read_bytes()
    assert text.startswith((HEADER + "\n").encode()) and text.endswith(b"\n") and b"\r" not in text


def test_exact_duplicates_match_manifest(sample):
    frame, manifest, _ = sample
    duplicated = frame.duplicated(keep="first")
    assert duplicated.sum() == manifest["exact_duplicate_rows"]
    # Each duplicated row appears exactly twice and is a clean row.
    assert frame.value_counts().max() == 2
    assert not _defects(frame[duplicated]).any(axis=None)


def test_each_dirty_kind_is_detected_and_counted(sample):
    frame, manifest, _ = sample
    defects = _defects(frame)
    assert defects.sum(axis=1).max() == 1, "a dirty row has exactly one defect"
    assert defects.sum().to_dict() == manifest["dirty_rows"]
    dirty = frame[defects.any(axis=1)]
    assert not dirty.duplicated().any(), "a dirty row is never duplicated"
    assert min(manifest["dirty_rows"].values()) >= 1


def test_empty_sessions_match_manifest(sample):
    frame, manifest, _ = sample
    assert (frame["user_session"] == "").sum() == manifest["empty_session_rows"] >= 1


# --- Value shapes ---------------------------------------------------------------------------


def test_value_shapes(clean):
    assert clean["user_id"].str.fullmatch(r"[1-9]\d{18}").all()
    assert clean["category_id"].str.fullmatch(r"[1-9]\d{18}").all()
    assert clean["product_id"].str.fullmatch(r"[1-9]\d{0,6}").all()
    sessions = clean["user_session"]
    assert sessions[sessions != ""].str.fullmatch(r"[A-Za-z0-9]{10}").all()
    assert clean["event_time"].str.endswith(" UTC").all()
    assert clean["price"].str.fullmatch(r"\d+\.\d{2}").all() and (clean["amount"] > 0).all()
    assert clean["brand"].str.fullmatch(r"[a-z0-9-]*").all()
    assert clean["category_code"].str.fullmatch(r"([a-z_]+(\.[a-z_]+)+)?").all()


def test_time_window_and_first_row(sample, clean):
    frame = sample[0]
    assert frame["event_time"].iloc[0] == "2020-09-24 11:57:06 UTC"
    assert clean["at"].min() == WINDOW_START and clean["at"].max() <= WINDOW_END
    assert clean["at"].dt.strftime("%Y-%m").nunique() == 6


def test_time_patterns(clean):
    hours = clean["at"].dt.hour.value_counts()
    night = hours.reindex([22, 23, 0, 1]).sum() / 4
    day = hours.reindex([8, 9, 10, 11]).sum() / 4
    assert night < 0.35 * day, "nights (UTC) are quiet"
    weekdays = clean["at"].dt.day_of_week.value_counts()
    assert weekdays[5] < weekdays[0], "Saturday is quieter than Monday"


def test_catalog_is_consistent(clean):
    per_product = clean.groupby("product_id")
    assert (per_product["category_id"].nunique() == 1).all()
    assert (per_product["price"].nunique() == 1).all()
    branded = clean[clean["brand"] != ""]
    assert (branded.groupby("product_id")["brand"].nunique() == 1).all()
    coded = clean[clean["category_code"] != ""]
    assert (coded.groupby("category_id")["category_code"].nunique() == 1).all()


@pytest.mark.parametrize(("column", "key"), [("brand", "product_id"), ("category_code", "category_id")])
def test_part_of_missing_attributes_is_recoverable(clean, column, key):
    known = set(clean.loc[clean[column] != "", key])
    missing = clean[clean[column] == ""]
    recoverable = missing[key].isin(known).mean()
    assert 0.10 <= recoverable <= 0.30, "most gaps are true gaps, a minority backfillable"


# --- Published rates, as shares ---------------------------------------------------------------


@pytest.mark.parametrize("event_type", ["view", "cart", "purchase"])
def test_event_type_shares(clean, event_type):
    share = (clean["event_type"] == event_type).mean()
    assert _close(share, PUBLISHED_TYPES[event_type] / PUBLISHED_ROWS)


def test_users_and_sessions_per_row(clean):
    assert _close(clean["user_id"].nunique() / len(clean), PUBLISHED_USERS / PUBLISHED_ROWS)
    sessions = clean.loc[clean["user_session"] != "", "user_session"].nunique()
    assert _close(sessions / len(clean), PUBLISHED_SESSIONS / PUBLISHED_ROWS)


def test_sessions_never_shared_between_users(clean):
    with_session = clean[clean["user_session"] != ""]
    assert (with_session.groupby("user_session")["user_id"].nunique() == 1).all()


def test_missing_brand_and_category_shares(sample):
    frame = sample[0]
    assert _close((frame["brand"] == "").mean(), PUBLISHED_NO_BRAND_ROWS / PUBLISHED_RAW_ROWS)
    assert _close((frame["category_code"] == "").mean(), PUBLISHED_NO_CATEGORY_ROWS / PUBLISHED_RAW_ROWS)


def test_funnel_user_rates(per_user):
    viewers = (per_user["view"] > 0).sum()
    carters = (per_user["cart"] > 0).sum()
    buyers = (per_user["purchase"] > 0).sum()
    assert _close(carters / viewers, PUBLISHED_CARTERS / PUBLISHED_VIEWERS)
    assert _close(buyers / carters, PUBLISHED_BUYERS / PUBLISHED_CARTERS)
    assert _close(viewers / len(per_user), PUBLISHED_VIEWERS / PUBLISHED_USERS)


def test_segment_shares(per_user):
    purchases = per_user["purchase"]
    segments = {
        "only viewed": ((per_user["cart"] == 0) & (purchases == 0)).sum(),
        "carted never bought": ((per_user["cart"] > 0) & (purchases == 0)).sum(),
        "bought once": (purchases == 1).sum(),
        "bought 2+": (purchases >= 2).sum(),
    }
    for name, users in segments.items():
        assert _close(users / len(per_user), PUBLISHED_SEGMENTS[name] / PUBLISHED_USERS), name


def test_revenue_concentrates_like_the_store(clean):
    bought = clean[clean["event_type"] == "purchase"]
    aov = bought["amount"].mean()
    assert _close(aov, PUBLISHED_REVENUE / PUBLISHED_TYPES["purchase"], 0.05)
    by_category = bought.groupby("category_code")["amount"].sum().sort_values(ascending=False)
    assert by_category.index[0] == "computers.components.videocards"
    share = by_category.iloc[0] / bought["amount"].sum()
    assert _close(share, PUBLISHED_VIDEOCARD_REVENUE / PUBLISHED_REVENUE, 0.10)
    top_brands = bought[bought["brand"] != ""].groupby("brand")["amount"].sum().nlargest(5).index
    assert {"msi", "gigabyte", "palit"} <= set(top_brands)


# --- Funnel coherence -------------------------------------------------------------------------


def test_user_timestamps_strictly_increase(clean):
    assert not clean.duplicated(["user_id", "event_time"]).any()


def test_carts_follow_views_and_purchases_follow_carts(clean, per_user):
    first = clean.groupby(["user_id", "product_id", "event_type"])["at"].min().unstack()
    users = first.index.get_level_values("user_id")
    has_views = per_user.loc[users, "view"].to_numpy() > 0
    has_carts = per_user.loc[users, "cart"].to_numpy() > 0
    carted = first["cart"].notna().to_numpy()
    bought = first["purchase"].notna().to_numpy()
    viewed_before = (first["view"] < first["cart"]).to_numpy()
    carted_before = (first["cart"] < first["purchase"]).to_numpy()
    assert viewed_before[carted & has_views].all()
    assert carted_before[bought & has_carts].all()
    # The planted exceptions exist: buyers who never cart and users who never view.
    assert (~has_carts[bought]).any() and (~has_views).any()


def test_high_view_products_that_never_sell(clean):
    per_product = pd.crosstab(clean["product_id"], clean["event_type"])
    never_sold = per_product[(per_product["purchase"] == 0) & (per_product["cart"] == 0)]
    assert (never_sold["view"] >= 40).sum() >= 8
    assert (per_product["purchase"] == 0).mean() > 0.5, "most products never sell"
    top_share = per_product["view"].max() / per_product["view"].sum()
    assert top_share < 0.01, "popularity is moderately flat"


# --- Determinism and bounds -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["events.csv", "events.csv.gz"])
def test_same_seed_same_bytes(tmp_path, name):
    first, second, other = tmp_path / "a" / name, tmp_path / "b" / name, tmp_path / "c" / name
    assert events.generate(first, rows=2_000, seed=7) == events.generate(second, rows=2_000, seed=7)
    events.generate(other, rows=2_000, seed=8)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()


def test_smallest_file(tmp_path):
    path = tmp_path / "events.csv"
    manifest = events.generate(path, rows=1_000, seed=1)
    frame = _read(path)
    assert len(frame) == 1_000
    assert frame.duplicated().sum() == manifest["exact_duplicate_rows"] == 1
    assert _defects(frame).sum().to_dict() == manifest["dirty_rows"]
    assert set(manifest["dirty_rows"].values()) == {1}


def test_cli_rejects_rows_out_of_bounds():
    generate_sample = pytest.importorskip("scripts.generate_sample")
    parser = generate_sample.build_parser()
    assert parser.parse_args(["events", "--rows", "1000"]).rows == 1_000
    assert parser.parse_args(["events", "--rows", "100000000"]).rows == 100_000_000
    for bad in ("999", "100000001"):
        with pytest.raises(SystemExit):
            parser.parse_args(["events", "--rows", bad])
    assert events.DEFAULT_ROWS == PUBLISHED_RAW_ROWS
