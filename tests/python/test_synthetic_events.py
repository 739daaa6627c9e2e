"""The synthetic events file: exact planted counts, published shapes and rates, determinism.

A 100,000-row file is generated once and read back as plain text (pandas, every value a
string). Planted counts are checked exactly against the manifest with detectors written
here, independently of the generator; rates are checked as shares against the published
figures of the real file (reference-figures.md, section 1), within 2 % relative.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from scripts.generate_sample import generate_file, is_current
from scripts.synthetic import events
from scripts.synthetic.sink import manifest_path

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


# --- Layouts: cosmetics and multicategory -----------------------------------------------------
# Small monthly files of each layout, read back as text and checked with detectors written
# here. Shapes are those of the real exports (shared/real-samples/README.md).

LAYOUT_ROWS = 30_000
MIN_LAYOUT_ROWS = 1_000
MONTHLY_LAYOUTS = ("cosmetics", "multicategory")
DEFAULT_MONTHS = {"cosmetics": (2019, 12), "multicategory": (2019, 10)}
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
PRODUCT_ID_SHAPES = {"cosmetics": r"[1-9]\d{6}", "multicategory": r"[1-9]\d{6,7}"}
EVENT_TYPES = ("view", "cart", "purchase", "remove_from_cart")
# Real ratios: ~0.6 removals per cart event (cosmetics); 79 of 109 buyers never cart
# (multi-category head sample).
REMOVALS_PER_CART = 0.6
BUYERS_WITHOUT_CART = 79 / 109
# The multi-category store's public October 2019 file: 42,448,764 rows, 3,022,290 users,
# 9,244,422 sessions. Its per-user and per-session work is what a benchmark of it measures.
MULTI_ROWS_PER_USER = 42_448_764 / 3_022_290
MULTI_SESSIONS_PER_USER = 9_244_422 / 3_022_290


def _layout_defects(frame: pd.DataFrame, event_types: tuple[str, ...]) -> pd.DataFrame:
    """As `_defects`, for a layout whose accepted event types are `event_types`."""
    defects = _defects(frame)
    defects["invalid_event_type"] = ~frame["event_type"].isin(event_types)
    return defects


@pytest.fixture(scope="module", params=MONTHLY_LAYOUTS)
def monthly(request, tmp_path_factory) -> tuple[str, pd.DataFrame, pd.DataFrame, dict]:
    """(layout, every row, clean de-duplicated rows with parsed time, manifest)."""
    layout = request.param
    path = tmp_path_factory.mktemp(layout) / "events.csv"
    manifest = events.generate(path, rows=LAYOUT_ROWS, seed=SEED, layout=layout)
    frame = _read(path)
    types = EVENT_TYPES if layout == "cosmetics" else EVENT_TYPES[:3]
    clean = frame[~_layout_defects(frame, types).any(axis=1)].drop_duplicates().copy()
    clean["at"] = pd.to_datetime(clean["event_time"], format=TIME_FORMAT)
    return layout, frame, clean, manifest


def test_layout_manifest_matches_the_file(monthly):
    layout, frame, clean, manifest = monthly
    types = EVENT_TYPES if layout == "cosmetics" else EVENT_TYPES[:3]
    defects = _layout_defects(frame, types)
    assert len(frame) == manifest["rows"] == LAYOUT_ROWS
    assert manifest["layout"] == layout and manifest["month"] == "{}-{:02d}".format(*DEFAULT_MONTHS[layout])
    assert frame.duplicated().sum() == manifest["exact_duplicate_rows"]
    assert defects.sum(axis=1).max() == 1
    assert defects.sum().to_dict() == manifest["dirty_rows"]
    assert len(clean) == manifest["clean_rows"]
    by_type = clean["event_type"].value_counts().reindex(EVENT_TYPES, fill_value=0).to_dict()
    assert by_type == manifest["clean_rows_by_event_type"]
    assert (frame["user_session"] == "").sum() == manifest["empty_session_rows"]


def test_layout_id_and_session_shapes(monthly):
    layout, frame, clean, _ = monthly
    assert clean["user_id"].str.fullmatch(r"[1-9]\d{8}").all()
    sessions = clean.loc[clean["user_session"] != "", "user_session"]
    assert sessions.str.fullmatch(UUID).all()
    assert clean["product_id"].str.fullmatch(PRODUCT_ID_SHAPES[layout]).all()
    assert clean["category_id"].str.fullmatch(r"[1-9]\d{18}").all()
    if layout == "cosmetics":
        assert (frame["category_code"] == "").all(), "the cosmetics export has no category_code"
    else:
        assert (clean["category_code"] != "").mean() > 0.5
    assert (clean[clean["user_session"] != ""].groupby("user_session")["user_id"].nunique() == 1).all()


def test_layout_month_window(monthly):
    layout, frame, clean, _ = monthly
    year, month = DEFAULT_MONTHS[layout]
    assert frame["event_time"].iloc[0] == f"{year}-{month:02d}-01 00:00:00 UTC"
    assert (clean["at"].dt.year == year).all() and (clean["at"].dt.month == month).all()
    assert clean["at"].dt.day.nunique() == pd.Period(f"{year}-{month:02d}").days_in_month


def test_layout_event_mix(monthly):
    layout, _, clean, _ = monthly
    counts = clean["event_type"].value_counts()
    if layout == "cosmetics":
        assert counts["remove_from_cart"] / counts["cart"] == pytest.approx(REMOVALS_PER_CART, abs=0.05)
    else:
        assert "remove_from_cart" not in counts
        per_user = pd.crosstab(clean["user_id"], clean["event_type"])
        buyers = per_user[per_user["purchase"] > 0]
        share = (buyers["cart"] == 0).mean()
        assert share == pytest.approx(BUYERS_WITHOUT_CART, abs=0.05), "most buyers never cart"
        assert (per_user["purchase"] > 0).sum() > (per_user["cart"] > 0).sum()


def test_multicategory_users_browse_as_much_as_the_real_month(monthly):
    layout, _, clean, _ = monthly
    users = clean["user_id"].nunique()
    sessions = clean.loc[clean["user_session"] != "", "user_session"].nunique()
    if layout == "multicategory":
        assert len(clean) / users == pytest.approx(MULTI_ROWS_PER_USER, rel=0.1)
        assert sessions / users == pytest.approx(MULTI_SESSIONS_PER_USER, rel=0.1)
    else:
        assert len(clean) / users < 3, "the cosmetics shop keeps the electronics store's shape"


def test_multicategory_non_positive_prices_are_zero_priced_views(monthly):
    layout, frame, _, manifest = monthly
    price = pd.to_numeric(frame["price"], errors="coerce")
    zero = frame[frame["price"].map(_parses_as_number) & (price <= 0)]
    assert len(zero) == manifest["dirty_rows"]["non_positive_price"] >= 1
    if layout == "multicategory":
        assert (zero["price"] == "0.00").all() and (zero["event_type"] == "view").all()
        # ~11 per 9,999 rows in the real file: well above electronics' 20 per 885,129.
        assert len(zero) == pytest.approx(LAYOUT_ROWS * 11 / 9_999, rel=0.05)


def test_cosmetics_removals_follow_a_cart_of_the_same_user_and_product(tmp_path):
    path = tmp_path / "cosmetics.csv"
    events.generate(path, rows=LAYOUT_ROWS, seed=3, layout="cosmetics")
    frame = _read(path)
    rows = frame[frame["event_type"].isin(["cart", "remove_from_cart"])].drop_duplicates().copy()
    rows["at"] = pd.to_datetime(rows["event_time"], format=TIME_FORMAT)
    removals = paired = same_session = 0
    for _, group in rows.sort_values("at", kind="stable").groupby(["user_id", "product_id"]):
        open_carts: list[pd.Series] = []
        seen_cart: pd.Timestamp | None = None
        for _, row in group.iterrows():
            if row["event_type"] == "cart":
                open_carts.append(row)
                seen_cart = seen_cart or row["at"]
                continue
            removals += 1
            assert seen_cart is not None and row["at"] - seen_cart >= pd.Timedelta(seconds=1)
            if open_carts:
                cart = open_carts.pop()
                assert row["at"] - cart["at"] >= pd.Timedelta(seconds=1)
                paired += 1
                same_session += cart["user_session"] == row["user_session"]
    assert removals > 100
    assert paired / removals > 0.85, "most removals pair with one cart"
    assert same_session / paired > 0.8, "usually in the cart's session"


@pytest.mark.parametrize("layout", MONTHLY_LAYOUTS)
def test_layout_same_seed_same_bytes(tmp_path, layout):
    first, second = tmp_path / "a.csv.gz", tmp_path / "b.csv.gz"
    assert events.generate(first, rows=2_000, seed=7, layout=layout) == events.generate(
        second, rows=2_000, seed=7, layout=layout
    )
    assert first.read_bytes() == second.read_bytes()


def test_files_of_other_layouts_and_months_share_no_ids(tmp_path):
    """Files a user loads together (a directory of monthly files) must not merge users or
    sessions by accident: each layout and month gets its own user id range."""
    specs = [("cosmetics", "2019-12"), ("cosmetics", "2020-01"), ("multicategory", "2019-10"),
             ("multicategory", "2019-11")]  # fmt: skip
    frames = []
    for layout, month in specs:
        path = tmp_path / f"{layout}-{month}.csv"
        manifest = events.generate(path, rows=5_000, seed=SEED, layout=layout, month=month)
        assert manifest["month"] == month
        frame = _read(path)
        clean = frame[frame["user_id"].str.fullmatch(r"\d+") & frame["product_id"].str.fullmatch(r"\d+")]
        first_day = pd.to_datetime(clean["event_time"], format=TIME_FORMAT, errors="coerce").min()
        assert first_day == pd.Timestamp(f"{month}-01")
        frames.append(clean)
    ranges = sorted((f["user_id"].astype(int).min(), f["user_id"].astype(int).max()) for f in frames)
    for (_, high), (low, _) in zip(ranges, ranges[1:], strict=False):
        assert high < low, "user id ranges of two files overlap"
    sessions = [set(f.loc[f["user_session"] != "", "user_session"]) for f in frames]
    assert sum(len(s) for s in sessions) == len(set().union(*sessions))
    # The same store keeps its catalog from month to month; the two stores share no product.
    products = {spec: set(f["product_id"]) for spec, f in zip(specs, frames, strict=False)}
    assert products[specs[0]] & products[specs[1]]
    assert not (products[specs[0]] | products[specs[1]]) & (products[specs[2]] | products[specs[3]])


def test_leap_february(tmp_path):
    path = tmp_path / "events.csv"
    events.generate(path, rows=MIN_LAYOUT_ROWS, seed=1, layout="cosmetics", month="2020-02")
    at = pd.to_datetime(_read(path)["event_time"], format=TIME_FORMAT, errors="coerce").dropna()
    assert at.min() == pd.Timestamp("2020-02-01") and at.max() < pd.Timestamp("2020-03-01")
    assert at.max() >= pd.Timestamp("2020-02-29")


def test_cli_layout_and_month(tmp_path):
    from scripts import generate_sample

    parser = generate_sample.build_parser()
    args = parser.parse_args(["events", "--layout", "cosmetics", "--month", "2020-01"])
    assert (args.layout, args.month) == ("cosmetics", "2020-01")
    assert parser.parse_args(["events"]).layout == "electronics"
    for bad in (["--layout", "books"], ["--layout", "cosmetics", "--month", "2020-13"], ["--month", "Jan"]):
        with pytest.raises(SystemExit):
            parser.parse_args(["events", *bad])
    with pytest.raises(SystemExit):
        generate_sample.main(["events", "--month", "2019-10"])  # electronics has no month
    with pytest.raises(ValueError):
        events.generate(tmp_path / "events.csv", rows=1_000, seed=1, month="2019-10")


def test_electronics_manifest_counts_clean_rows_by_event_type(sample):
    frame, manifest, _ = sample
    assert manifest["layout"] == "electronics" and manifest["month"] is None
    assert not (frame["event_type"] == "remove_from_cart").any(), "the electronics store logs no removals"
    clean = frame[~_defects(frame).any(axis=1)].drop_duplicates()
    by_type = clean["event_type"].value_counts().reindex(EVENT_TYPES, fill_value=0).to_dict()
    assert by_type == manifest["clean_rows_by_event_type"]


def test_a_file_from_another_generator_version_is_written_again(tmp_path):
    """`make run`, `make test` and the benchmark reuse a generated file only if its manifest
    names the same arguments and this generator's version: a twin whose shape changed since
    (the multi-category users' browsing, version 3) is not measured by mistake."""
    path = tmp_path / "events.csv"
    wanted = {"rows": 2_000, "seed": 7, "layout": "multicategory", "month": "2019-10"}
    generate_file("events", path, **wanted)
    assert is_current("events", path, **wanted)
    assert not is_current("events", path, **{**wanted, "seed": 8})
    manifest = json.loads(manifest_path(path).read_text(encoding="utf-8"))
    manifest["generator_version"] -= 1
    manifest_path(path).write_text(json.dumps(manifest), encoding="utf-8")
    assert not is_current("events", path, **wanted)
