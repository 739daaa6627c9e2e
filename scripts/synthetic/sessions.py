"""Synthetic twin of the AmExpert 2018 click-prediction session log (`train.csv`).

One row per ad-campaign session, in the real file's 15 columns and value shapes
(nullable demographics written as pandas-style floats `4.0`, empty when missing).
Deterministic: the same `rows` and `seed` give byte-identical `.csv` / `.csv.gz` output.
Streaming: rows are built in numpy chunks of `CHUNK_ROWS` clean sessions, formatted,
written and discarded; per-user attributes come from a counter-based hash of the user
index, so memory does not grow with the number of users.

Clean sessions (the published figures hold on these alone)
----------------------------------------------------------
- Products A-J: exactly the published session shares (largest-remainder apportionment
  of the clean rows). Clicks: round(clean rows x 31,331 / 463,291) in all, so the overall
  CTR is the published 6.7627 %, split over the products in proportion to published
  CTR x sessions, so each product's CTR is its published one up to rounding. Chunks draw
  their product and click counts from what is left (multivariate hypergeometric), so the
  run totals are exact at any size; inside a product the clicks go to sessions by weighted
  sampling without replacement, weighted by the click propensities below.
- DateTime: 2017-07-02 (Sunday) to 2017-07-07 (Friday), minute resolution. Sunday holds
  exactly 79,045 / 463,291 = 17.06 % of the clean rows; each day follows an hourly profile
  (weekday peak 19-21h). Clean rows are written in time order (extra rows sit among
  them and carry their source's time, so the file as a whole is only nearly sorted).
- Users: about 3 sessions per user. A session's user index is U * v**1.6 (v uniform,
  U = 0.36 x clean rows), which gives many one-session users and a few heavy returners.
  Of 3 candidate users one is picked by time affinity: males lean to 20-22h, females to
  18-19h, age level 2 to late evenings and Sunday.
- Per-user attributes (hash of the user index): gender, age_level, user_group_id and
  user_depth are missing together for 4 % of users; known gender is 12 % Female;
  age_level 0-6 with levels 2-3 = 63 % of known ages; user_group_id = age_level for
  males, 6 + age_level for females, 0 for age level 0; user_depth 1/2/3 = 6/14/80 %
  (90 % depth 3 among the heaviest 2 % of user indices, who return most);
  city_development_index missing for 27 %, else 1-4 = 12/38/28/22 %.
- campaign_id: 10 campaigns (table below), 118601 the largest at 34 %, 404347 at 3 %;
  webpage_id is fixed per campaign.
- product_category_1: a mixture per product (table below) giving category 5 about 40 %,
  3 and 4 the smallest; tilted toward 3 for females (about 15 % more than males) and
  toward 5 for age levels 2-3 and user_depth 3. product_category_2: present on 22 % of
  rows, a float id nested in the category_1.
- var_1: 1 on 40 % of rows, independent of everything else.
- Click propensity (relative, within a product): user_depth 1/2/3 = 0.75/0.88/1.05;
  city_development_index 1-4 = 0.94/0.98/1.02/1.06, x1.06 more for cities 3-4 with
  categories 1 or 5; campaign 118601 x1.5 for female age level 3 and x1.1 for city 4;
  campaign 404347 x0.8 overall but x3 for females of age level 0-2 (its niche).

Planted dirt (all EXTRA rows, placed among the clean ones)
----------------------------------------------------------
Counts at the published size, scaled by rows / 463,291 and rounded, at least 1 each:
- exact duplicates (120): a copy of a clean row, written after the original; each
  clean row is copied at most once.
- conflicting duplicates (40 session_ids): a copy of a clean row keeping its session_id
  but with is_click flipped or DateTime moved by 1-30 minutes, written after the
  original. Both rows of a pair count in `conflicting_session_rows` (2 per id).
- dirty rows (15 each), a clean row's content with a fresh unique session_id and one
  defect, keyed by the pipeline's reason code: `missing_session_id` (empty session_id),
  `invalid_datetime` (unparseable DateTime), `invalid_id` (text in user_id or
  campaign_id), `invalid_is_click` (is_click outside 0/1).
No clean row is the source of more than one extra row.

Manifest arithmetic: rows = clean_rows + exact_duplicate_rows + conflicting_session_ids
+ sum(dirty_rows); conflicting_session_rows = 2 x conflicting_session_ids (the clean
original plus its extra copy), so the conflicting originals are part of clean_rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from scripts.synthetic.sink import open_csv

DEFAULT_ROWS = 463_291
GENERATOR_VERSION = 1
CHUNK_ROWS = 100_000

HEADER = (
    "session_id,DateTime,user_id,product,campaign_id,webpage_id,product_category_1,"
    "product_category_2,user_group_id,gender,age_level,user_depth,city_development_index,"
    "var_1,is_click"
)

# Published figures of the real file (reference-figures.md, section 2).
PUBLISHED_ROWS = 463_291
PUBLISHED_CLICKS = 31_331
PUBLISHED_WEEKEND_ROWS = 79_045

# product, published sessions, published CTR %, product_category_1 mixture (cat 1..5)
PRODUCTS: tuple[tuple[str, int, float, tuple[float, float, float, float, float]], ...] = (
    ("C", 163_501, 6.91, (0.10, 0.10, 0.05, 0.05, 0.70)),
    ("H", 109_574, 6.99, (0.30, 0.20, 0.05, 0.10, 0.35)),
    ("I", 63_711, 6.40, (0.35, 0.25, 0.10, 0.10, 0.20)),
    ("D", 41_064, 7.18, (0.20, 0.30, 0.15, 0.15, 0.20)),
    ("B", 22_479, 5.51, (0.30, 0.30, 0.20, 0.10, 0.10)),
    ("E", 21_452, 6.87, (0.25, 0.25, 0.20, 0.20, 0.10)),
    ("A", 15_391, 6.19, (0.40, 0.30, 0.10, 0.10, 0.10)),
    ("J", 9_698, 9.27, (0.10, 0.20, 0.40, 0.20, 0.10)),
    ("G", 9_414, 4.62, (0.30, 0.20, 0.10, 0.30, 0.10)),
    ("F", 7_007, 4.91, (0.20, 0.30, 0.10, 0.30, 0.10)),
)

# campaign_id, webpage_id (fixed per campaign), share of sessions
CAMPAIGNS: tuple[tuple[int, int, float], ...] = (
    (118601, 28529, 0.34),
    (359520, 13787, 0.17),
    (405490, 60305, 0.13),
    (360936, 6970, 0.11),
    (98970, 45962, 0.08),
    (414149, 1734, 0.06),
    (82320, 11085, 0.03),
    (404347, 53587, 0.03),
    (105960, 51181, 0.03),
    (396664, 5365, 0.02),
)
_CAMPAIGN_ROW = {campaign[0]: row for row, campaign in enumerate(CAMPAIGNS)}
CAMPAIGN_118601 = _CAMPAIGN_ROW[118601]  # the report's winner, strong with female age 3
CAMPAIGN_404347 = _CAMPAIGN_ROW[404347]  # the report's underperformer with a niche

# product_category_2 ids, four per product_category_1 (row = category_1 - 1)
CATEGORY_2_IDS: tuple[tuple[int, int, int, int], ...] = (
    (82527, 146115, 270915, 32026),
    (254132, 18595, 408790, 235358),
    (181650, 269093, 143597, 99226),
    (447834, 234846, 419804, 62911),
    (327439, 450184, 408831, 270147),
)
CATEGORY_2_PRESENT = 0.22
VAR_1_ONES = 0.40

# Per-user demographics.
DEMOGRAPHICS_MISSING = 0.04  # gender, age_level, user_group_id and user_depth together
FEMALE_SHARE = 0.12
AGE_LEVEL_SHARES = (0.04, 0.10, 0.28, 0.35, 0.14, 0.07, 0.02)  # levels 0..6
DEPTH_SHARES = (0.06, 0.14, 0.80)  # user_depth 1..3
HEAVY_DEPTH_SHARES = (0.03, 0.07, 0.90)  # heavy returners go deeper
HEAVY_USER_FRACTION = 0.02  # lowest user indices, which the skew makes the most frequent
CITY_MISSING = 0.27
CITY_SHARES = (0.12, 0.38, 0.28, 0.22)  # city_development_index 1..4

# Users: index = floor(U * v**USER_SKEW); U = USER_POOL_PER_ROW x clean rows gives
# ~3 sessions per distinct user (many singles, a long tail of returners).
USER_SKEW = 1.6
USER_POOL_PER_ROW = 0.36
USER_CANDIDATES = 3

# Signals for the report's findings (multipliers; moderate on purpose).
# product_category_1 weights (categories 1..5) for female users: more 3, less 4 and 5.
FEMALE_CATEGORY_TILT = (1.0, 1.0, 1.12, 0.92, 0.95)
CATEGORY_5_TILT_AGE_2_3 = 1.08
CATEGORY_5_TILT_DEPTH_3 = 1.06
# Click propensity by user_depth (missing, 1, 2, 3) and city_development_index (missing, 1..4).
DEPTH_CLICK_WEIGHT = (0.9, 0.75, 0.88, 1.05)
CITY_CLICK_WEIGHT = (1.0, 0.94, 0.98, 1.02, 1.06)
DEVELOPED_CITY_CATEGORY_1_5_CLICK = 1.06  # cities 3-4 with categories 1 or 5
CAMPAIGN_118601_FEMALE_AGE_3_CLICK = 1.5
CAMPAIGN_118601_CITY_4_CLICK = 1.1
CAMPAIGN_404347_CLICK = 0.8
CAMPAIGN_404347_NICHE_CLICK = 3.0  # females of age level 0-2
# Time affinity of the candidate users (report, finding 5).
MALE_20_22H = 1.25
FEMALE_18_19H = 1.4
AGE_2_LATE_OR_SUNDAY = 1.3

# Hourly activity, relative weights for hours 0..23.
WEEKDAY_HOURS = (
    1.2, 0.8, 0.6, 0.5, 0.5, 0.7, 1.2, 2.0, 2.8, 3.3, 3.6, 3.8,
    4.0, 4.0, 3.9, 3.9, 4.0, 4.3, 4.8, 5.6, 5.9, 5.5, 3.8, 2.2,
)
SUNDAY_HOURS = (
    1.8, 1.2, 0.8, 0.6, 0.5, 0.6, 0.9, 1.5, 2.4, 3.2, 3.8, 4.1,
    4.2, 4.1, 4.0, 3.9, 3.9, 4.0, 4.2, 4.5, 4.7, 4.6, 3.6, 2.5,
)
WEEKDAY_FACTORS = (1.03, 0.98, 1.00, 0.99, 1.00)  # Monday 3 July .. Friday 7 July
DAYS = 6  # 2017-07-02 (Sunday) .. 2017-07-07
MINUTES = DAYS * 24 * 60

# Extra rows at the published size; keys are the manifest's names.
DIRT_AT_FULL_SIZE: dict[str, int] = {
    "exact_duplicate_rows": 120,
    "conflicting_session_ids": 40,
    "missing_session_id": 15,
    "invalid_datetime": 15,
    "invalid_id": 15,
    "invalid_is_click": 15,
}
DIRTY_KINDS = ("missing_session_id", "invalid_datetime", "invalid_id", "invalid_is_click")
KIND_CLEAN = -1
KIND_DUPLICATE = 0
KIND_CONFLICT = 1
# Dirty kinds are 2.. in DIRTY_KINDS order.
BAD_DATETIMES = ("2017-07-32 10:15", "2017-02-30 08:00", "2017-07-03 25:10",
                 "2017-07-05 14:61", "unknown")
BAD_IS_CLICKS = ("2", "yes", "-1", "Y")

_MASK64 = (1 << 64) - 1

# Text of every coded value, so formatting is a lookup rather than per-row str().
# Nullable numeric demographics read as floats in pandas, hence "4.0"; "" = missing.
_MINUTE_TEXT = np.array(
    [f"2017-07-{2 + m // 1440:02d} {m // 60 % 24:02d}:{m % 60:02d}" for m in range(MINUTES)],
    dtype=object,
)
_PRODUCT_TEXT = np.array([p[0] for p in PRODUCTS], dtype=object)
_CAMPAIGN_TEXT = np.array([str(c[0]) for c in CAMPAIGNS], dtype=object)
_WEBPAGE_TEXT = np.array([str(c[1]) for c in CAMPAIGNS], dtype=object)
_CATEGORY_TEXT = np.array(["", "1", "2", "3", "4", "5"], dtype=object)  # indexed by 1..5
_CATEGORY_2_TEXT = np.array([""] + [f"{i}.0" for ids in CATEGORY_2_IDS for i in ids],
                            dtype=object)
_GENDER_TEXT = np.array(["", "Male", "Female"], dtype=object)  # codes 0 missing, 1, 2
_FLOAT_TEXT = np.array([""] + [f"{v}.0" for v in range(13)], dtype=object)  # code v + 1
_DIGIT_TEXT = np.array(["0", "1"], dtype=object)


@dataclass(frozen=True)
class Plan:
    """Everything about a run that is fixed before the first row is drawn."""

    rows: int
    clean_rows: int
    extras: dict[str, int]
    slot_bounds: np.ndarray  # clean-row index where each hour slot (6 days x 24) starts
    product_rows: np.ndarray
    product_clicks: np.ndarray
    user_pool: int
    session_id_bits: int
    user_id_bits: int
    salt: int


@dataclass(frozen=True)
class Extras:
    """The planted extra rows: each copies clean row `source`, written after `anchor`."""

    kind: np.ndarray
    source: np.ndarray
    anchor: np.ndarray
    tiebreak: np.ndarray
    variant: np.ndarray  # picks the defect text / the conflicting change


@dataclass(frozen=True)
class Users:
    """Per-user attributes; codes: gender 0/1/2 = missing/Male/Female, -1 or 0 = missing."""

    index: np.ndarray
    gender: np.ndarray
    age: np.ndarray  # -1 missing, else 0..6
    depth: np.ndarray  # 0 missing, else 1..3
    city: np.ndarray  # 0 missing, else 1..4


# ---------------------------------------------------------------------------- hashing


def _mix_int(value: int) -> int:
    """splitmix64 finaliser on a Python int (for scalar salts)."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser over uint64 arrays (wrapping arithmetic is intended)."""
    z = values + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _hash_uniform(index: np.ndarray, salt: int, field: int) -> np.ndarray:
    """A uniform [0, 1) per index and field: the same user always gets the same value."""
    key = np.uint64(_mix_int(salt ^ field))
    return (_mix(index ^ key) >> np.uint64(11)).astype(np.float64) * 2.0**-53


def _permute(values: np.ndarray, bits: int, salt: int) -> np.ndarray:
    """A bijection on [0, 2**bits): odd multiplies and xor-shifts, so ids look random
    yet stay unique without remembering any of them."""
    mask = np.uint64((1 << bits) - 1)
    shift = np.uint64(bits // 2 + 1)
    x = values.astype(np.uint64)
    x = (x * np.uint64(0x9E3779B97F4A7C15) + np.uint64(salt)) & mask
    x ^= x >> shift
    x = (x * np.uint64(0xD6E8FEB86659FD93)) & mask
    return x ^ (x >> shift)


def _id_bits(count: int) -> int:
    # At least 20 bits so ids have the real file's 6-7 digits; more as the run grows.
    return max(20, (count - 1).bit_length())


# ---------------------------------------------------------------------------- planning


def _apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Largest-remainder split of `total` in proportion to `weights` (sums exactly)."""
    exact = total * weights / weights.sum()
    counts = np.floor(exact).astype(np.int64)
    leftover = total - int(counts.sum())
    counts[np.argsort(-(exact - counts), kind="stable")[:leftover]] += 1
    return counts


def _dirt_counts(rows: int) -> dict[str, int]:
    return {
        name: max(1, round(full * rows / PUBLISHED_ROWS))
        for name, full in DIRT_AT_FULL_SIZE.items()
    }


def _slot_bounds(clean_rows: int) -> np.ndarray:
    """Hour-slot starts: Sunday gets exactly the published weekend share."""
    sunday = round(clean_rows * PUBLISHED_WEEKEND_ROWS / PUBLISHED_ROWS)
    sunday_slots = _apportion(sunday, np.array(SUNDAY_HOURS))
    weekday_weights = np.outer(WEEKDAY_FACTORS, WEEKDAY_HOURS).ravel()
    weekday_slots = _apportion(clean_rows - sunday, weekday_weights)
    return np.concatenate(([0], np.cumsum(np.concatenate((sunday_slots, weekday_slots)))))


def _plan(rows: int, seed: int) -> Plan:
    extras = _dirt_counts(rows)
    clean_rows = rows - sum(extras.values())
    published_rows = np.array([p[1] for p in PRODUCTS], dtype=np.float64)
    published_clicks = published_rows * np.array([p[2] for p in PRODUCTS]) / 100
    product_rows = _apportion(clean_rows, published_rows)
    total_clicks = round(clean_rows * PUBLISHED_CLICKS / PUBLISHED_ROWS)
    # Clicks per product follow the published CTR; the split is over the per-product
    # click expectation so the overall rate stays exactly the published one.
    product_clicks = _apportion(total_clicks, published_clicks * product_rows / published_rows)
    user_pool = max(1, round(clean_rows * USER_POOL_PER_ROW))
    return Plan(
        rows=rows,
        clean_rows=clean_rows,
        extras=extras,
        slot_bounds=_slot_bounds(clean_rows),
        product_rows=product_rows,
        product_clicks=product_clicks,
        user_pool=user_pool,
        session_id_bits=_id_bits(rows),
        user_id_bits=_id_bits(user_pool),
        salt=_mix_int(seed & _MASK64),
    )


def _draw_extras(rng: np.random.Generator, plan: Plan) -> Extras:
    """Pick distinct clean sources and, for each, a later row in the same chunk."""
    kinds = np.concatenate([
        np.full(plan.extras["exact_duplicate_rows"], KIND_DUPLICATE),
        np.full(plan.extras["conflicting_session_ids"], KIND_CONFLICT),
        *[np.full(plan.extras[name], 2 + i) for i, name in enumerate(DIRTY_KINDS)],
    ])
    # Distinct sources: no clean row feeds two extras, so every planted row is countable.
    source = rng.choice(plan.clean_rows, size=kinds.size, replace=False).astype(np.int64)
    chunk_end = np.minimum((source // CHUNK_ROWS + 1) * CHUNK_ROWS, plan.clean_rows)
    anchor = source + (rng.random(kinds.size) * (chunk_end - source)).astype(np.int64)
    order = np.argsort(source, kind="stable")
    return Extras(
        kind=kinds[order],
        source=source[order],
        anchor=np.minimum(anchor, chunk_end - 1)[order],
        tiebreak=rng.random(kinds.size)[order],
        variant=rng.integers(0, 1 << 30, size=kinds.size)[order],
    )


# ---------------------------------------------------------------------------- users


def _user_attributes(index: np.ndarray, plan: Plan) -> Users:
    salt = plan.salt
    missing = _hash_uniform(index, salt, 1) < DEMOGRAPHICS_MISSING
    gender = np.where(_hash_uniform(index, salt, 2) < FEMALE_SHARE, 2, 1)
    age = np.searchsorted(np.cumsum(AGE_LEVEL_SHARES)[:-1], _hash_uniform(index, salt, 3),
                          side="right")
    heavy = index < np.uint64(max(1, int(plan.user_pool * HEAVY_USER_FRACTION)))
    depth_u = _hash_uniform(index, salt, 4)
    depth = 1 + np.where(
        heavy,
        np.searchsorted(np.cumsum(HEAVY_DEPTH_SHARES)[:-1], depth_u, side="right"),
        np.searchsorted(np.cumsum(DEPTH_SHARES)[:-1], depth_u, side="right"),
    )
    city_u = _hash_uniform(index, salt, 5)
    city_known = (city_u - CITY_MISSING) / (1 - CITY_MISSING)
    city = np.where(
        city_u < CITY_MISSING,
        0,
        1 + np.searchsorted(np.cumsum(CITY_SHARES)[:-1], city_known, side="right"),
    )
    return Users(
        index=index,
        gender=np.where(missing, 0, gender),
        age=np.where(missing, -1, age),
        depth=np.where(missing, 0, depth),
        city=city,
    )


def _time_affinity(users: Users, hour: np.ndarray, sunday: np.ndarray) -> np.ndarray:
    """How likely each candidate user is to be active at this hour (report, finding 5)."""
    weight = np.ones(users.gender.shape)
    weight *= np.where((users.gender == 1) & (hour >= 20) & (hour <= 22), MALE_20_22H, 1.0)
    weight *= np.where((users.gender == 2) & (hour >= 18) & (hour <= 19), FEMALE_18_19H, 1.0)
    late_or_sunday = sunday | (hour >= 21)
    weight *= np.where((users.age == 2) & late_or_sunday, AGE_2_LATE_OR_SUNDAY, 1.0)
    return weight


def _pick_users(rng: np.random.Generator, plan: Plan, hour: np.ndarray,
                sunday: np.ndarray) -> Users:
    """Draw skewed user candidates and keep one per session by time affinity."""
    n = hour.size
    v = rng.random((USER_CANDIDATES, n))
    index = np.minimum(plan.user_pool * v**USER_SKEW, plan.user_pool - 1).astype(np.uint64)
    candidates = _user_attributes(index, plan)
    score = np.log(_time_affinity(candidates, hour, sunday)) + rng.gumbel(size=(USER_CANDIDATES, n))
    pick = np.argmax(score, axis=0)  # Gumbel-max: a draw proportional to the affinity
    cols = np.arange(n)
    return Users(
        index=candidates.index[pick, cols],
        gender=candidates.gender[pick, cols],
        age=candidates.age[pick, cols],
        depth=candidates.depth[pick, cols],
        city=candidates.city[pick, cols],
    )


# ---------------------------------------------------------------------------- sessions


@dataclass
class Sessions:
    """A chunk of clean sessions as numeric codes, in clean-row order."""

    minute: np.ndarray
    users: Users
    product: np.ndarray
    campaign: np.ndarray
    category: np.ndarray  # 1..5
    category_2: np.ndarray  # code into _CATEGORY_2_TEXT, 0 = missing
    var_1: np.ndarray
    is_click: np.ndarray


def _minutes(rng: np.random.Generator, bounds: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Minute of the window for clean rows start..stop: spread evenly (with jitter) over
    their hour slot, so time never decreases along the clean rows."""
    j = np.arange(start, stop)
    slot = np.searchsorted(bounds, j, side="right") - 1
    size = bounds[slot + 1] - bounds[slot]
    offset = ((j - bounds[slot] + rng.random(j.size)) * 60 / size).astype(np.int64)
    return slot * 60 + np.minimum(offset, 59)


def _draw_category(rng: np.random.Generator, product: np.ndarray, users: Users) -> np.ndarray:
    """product_category_1 from the product's mixture, tilted by who is looking."""
    weight = np.array([p[3] for p in PRODUCTS])[product]
    female = (users.gender == 2)[:, None]
    weight = weight * np.where(female, FEMALE_CATEGORY_TILT, 1.0)
    cat5 = np.where((users.age == 2) | (users.age == 3), CATEGORY_5_TILT_AGE_2_3, 1.0)
    cat5 = cat5 * np.where(users.depth == 3, CATEGORY_5_TILT_DEPTH_3, 1.0)
    weight[:, 4] *= cat5
    cdf = np.cumsum(weight, axis=1)
    u = rng.random(product.size) * cdf[:, -1]
    return 1 + (u[:, None] >= cdf[:, :-1]).sum(axis=1)


def _draw_category_2(rng: np.random.Generator, category: np.ndarray) -> np.ndarray:
    """Code into _CATEGORY_2_TEXT: 0 = missing, else an id of the row's category_1."""
    per_category = len(CATEGORY_2_IDS[0])
    code = 1 + (category - 1) * per_category + rng.integers(0, per_category, size=category.size)
    return np.where(rng.random(category.size) < CATEGORY_2_PRESENT, code, 0)


def _click_propensity(campaign: np.ndarray, category: np.ndarray, users: Users) -> np.ndarray:
    """Relative chance of a click; only ranks sessions within a product (report 2-4)."""
    weight = np.array(DEPTH_CLICK_WEIGHT)[users.depth]  # code 0 = missing depth
    weight *= np.array(CITY_CLICK_WEIGHT)[users.city]
    developed_1_5 = (users.city >= 3) & ((category == 1) | (category == 5))
    weight *= np.where(developed_1_5, DEVELOPED_CITY_CATEGORY_1_5_CLICK, 1.0)
    female = users.gender == 2
    in_118601 = campaign == CAMPAIGN_118601
    weight *= np.where(in_118601 & female & (users.age == 3),
                       CAMPAIGN_118601_FEMALE_AGE_3_CLICK, 1.0)
    weight *= np.where(in_118601 & (users.city == 4), CAMPAIGN_118601_CITY_4_CLICK, 1.0)
    in_404347 = campaign == CAMPAIGN_404347
    niche = in_404347 & female & (users.age >= 0) & (users.age <= 2)
    weight *= np.where(in_404347, CAMPAIGN_404347_CLICK, 1.0)
    weight *= np.where(niche, CAMPAIGN_404347_NICHE_CLICK, 1.0)
    return weight


def _assign_clicks(rng: np.random.Generator, product: np.ndarray, clicks: np.ndarray,
                   propensity: np.ndarray) -> np.ndarray:
    """Exactly clicks[p] clicks among product p's sessions, weighted without replacement
    (Efraimidis-Spirakis: the k smallest Exp(1)/weight keys)."""
    key = rng.exponential(size=product.size) / propensity
    order = np.lexsort((key, product))
    counts = np.bincount(product, minlength=len(PRODUCTS))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    sorted_product = product[order]
    rank = np.arange(product.size) - starts[sorted_product]
    is_click = np.zeros(product.size, dtype=np.int64)
    is_click[order] = rank < clicks[sorted_product]
    return is_click


def _clean_sessions(rng: np.random.Generator, plan: Plan, start: int, stop: int,
                    rows_left: np.ndarray, clicks_left: np.ndarray) -> Sessions:
    """Clean rows start..stop; draws this chunk's share of the remaining product rows and
    clicks so the run totals come out exact (updates rows_left / clicks_left)."""
    n = stop - start
    minute = _minutes(rng, plan.slot_bounds, start, stop)
    hour = (minute // 60) % 24
    users = _pick_users(rng, plan, hour, minute < 24 * 60)
    counts = rng.multivariate_hypergeometric(rows_left, n)
    clicks = rng.hypergeometric(clicks_left, rows_left - clicks_left, counts)
    rows_left -= counts
    clicks_left -= clicks
    product = rng.permutation(np.repeat(np.arange(len(PRODUCTS)), counts))
    shares = np.array([c[2] for c in CAMPAIGNS])
    campaign = rng.choice(len(CAMPAIGNS), size=n, p=shares / shares.sum())
    category = _draw_category(rng, product, users)
    category_2 = _draw_category_2(rng, category)
    var_1 = (rng.random(n) < VAR_1_ONES).astype(np.int64)
    is_click = _assign_clicks(rng, product, clicks, _click_propensity(campaign, category, users))
    return Sessions(minute, users, product, campaign, category, category_2, var_1, is_click)



# ---------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Layout:
    """A chunk's output rows: which clean row each copies, its kind, its extra's index."""

    source: np.ndarray
    kind: np.ndarray
    extra: np.ndarray  # index into Extras, -1 for clean rows


def _chunk_layout(extras: Extras, lo: int, hi: int, start: int, clean_count: int) -> Layout:
    """Clean rows in order, each extra straight after its anchor (extras lo..hi all have
    their source and anchor in this chunk, and anchor >= source)."""
    key = np.concatenate((2 * np.arange(clean_count), 2 * (extras.anchor[lo:hi] - start) + 1))
    tie = np.concatenate((np.zeros(clean_count), extras.tiebreak[lo:hi]))
    order = np.lexsort((tie, key))
    source = np.concatenate((np.arange(clean_count), extras.source[lo:hi] - start))
    kind = np.concatenate((np.full(clean_count, KIND_CLEAN), extras.kind[lo:hi]))
    extra = np.concatenate((np.full(clean_count, -1), np.arange(lo, hi)))
    return Layout(source[order], kind[order], extra[order])


def _session_ids(plan: Plan, layout: Layout, first_position: int) -> np.ndarray:
    """Scrambled output position, so clean and dirty rows get fresh unique ids; copies
    (exact and conflicting) reuse their source's id."""
    position = np.arange(first_position, first_position + layout.source.size, dtype=np.uint64)
    session_id = _permute(position, plan.session_id_bits, plan.salt) + np.uint64(1)
    clean_rows_at = np.flatnonzero(layout.kind == KIND_CLEAN)  # output row of clean row i
    copies = (layout.kind == KIND_DUPLICATE) | (layout.kind == KIND_CONFLICT)
    session_id[copies] = session_id[clean_rows_at[layout.source[copies]]]
    return session_id


def _conflicting_changes(extras: Extras, layout: Layout, minute: np.ndarray,
                         is_click: np.ndarray) -> None:
    """Make each conflicting copy differ: flip is_click, or move DateTime 1-30 minutes
    (backwards when forwards would leave the window)."""
    rows = np.flatnonzero(layout.kind == KIND_CONFLICT)
    variant = extras.variant[layout.extra[rows]]
    flip = variant % 2 == 0
    is_click[rows[flip]] ^= 1
    moved = rows[~flip]
    shift = 1 + (variant[~flip] // 2) % 30
    minute[moved] = np.where(minute[moved] + shift < MINUTES,
                             minute[moved] + shift, minute[moved] - shift)


def _columns(plan: Plan, sessions: Sessions, layout: Layout, session_id: np.ndarray,
             minute: np.ndarray, is_click: np.ndarray) -> list[list[str]]:
    """The 15 output columns as lists of text, in header order."""
    src = layout.source
    users = sessions.users
    # A salt of its own, so user ids and session ids are scrambled differently.
    user_id = _permute(users.index[src], plan.user_id_bits, _mix_int(plan.salt)) + np.uint64(1)
    gender = users.gender[src]
    age = users.age[src]
    # user_group_id: 0 for age level 0, 1-6 males by age, 7-12 females by age.
    group = np.where(age <= 0, age, age + np.where(gender == 2, 6, 0))
    depth = users.depth[src]
    city = users.city[src]
    campaign = sessions.campaign[src]
    return [
        list(map(str, session_id.tolist())),
        _MINUTE_TEXT[minute].tolist(),
        list(map(str, user_id.tolist())),
        _PRODUCT_TEXT[sessions.product[src]].tolist(),
        _CAMPAIGN_TEXT[campaign].tolist(),
        _WEBPAGE_TEXT[campaign].tolist(),
        _CATEGORY_TEXT[sessions.category[src]].tolist(),
        _CATEGORY_2_TEXT[sessions.category_2[src]].tolist(),
        _FLOAT_TEXT[group + 1].tolist(),
        _GENDER_TEXT[gender].tolist(),
        _FLOAT_TEXT[age + 1].tolist(),
        _FLOAT_TEXT[np.where(depth == 0, 0, depth + 1)].tolist(),
        _FLOAT_TEXT[np.where(city == 0, 0, city + 1)].tolist(),
        _DIGIT_TEXT[sessions.var_1[src]].tolist(),
        _DIGIT_TEXT[is_click].tolist(),
    ]


def _plant_defects(extras: Extras, layout: Layout, columns: list[list[str]]) -> None:
    """Give each dirty row its one defect (columns: 0 session_id, 1 DateTime, 2 user_id,
    4 campaign_id, 14 is_click)."""
    for row in np.flatnonzero(layout.kind > KIND_CONFLICT).tolist():
        reason = DIRTY_KINDS[int(layout.kind[row]) - 2]
        variant = int(extras.variant[layout.extra[row]])
        if reason == "missing_session_id":
            columns[0][row] = ""
        elif reason == "invalid_datetime":
            columns[1][row] = BAD_DATETIMES[variant % len(BAD_DATETIMES)]
        elif reason == "invalid_id" and variant % 2:
            columns[2][row] = "u" + columns[2][row]
        elif reason == "invalid_id":
            columns[4][row] = "cmp_" + columns[4][row]
        else:
            columns[14][row] = BAD_IS_CLICKS[variant % len(BAD_IS_CLICKS)]


def _chunk_text(plan: Plan, extras: Extras, sessions: Sessions, layout: Layout,
                first_position: int) -> str:
    minute = sessions.minute[layout.source]
    is_click = sessions.is_click[layout.source]
    _conflicting_changes(extras, layout, minute, is_click)
    columns = _columns(plan, sessions, layout, _session_ids(plan, layout, first_position),
                       minute, is_click)
    _plant_defects(extras, layout, columns)
    return "\n".join(map(",".join, zip(*columns))) + "\n"


# ---------------------------------------------------------------------------- entry point


def _manifest(plan: Plan, seed: int) -> dict:
    return {
        "dataset": "sessions",
        "seed": seed,
        "rows": plan.rows,
        "clean_rows": plan.clean_rows,
        "exact_duplicate_rows": plan.extras["exact_duplicate_rows"],
        "conflicting_session_ids": plan.extras["conflicting_session_ids"],
        "conflicting_session_rows": 2 * plan.extras["conflicting_session_ids"],
        "dirty_rows": {name: plan.extras[name] for name in DIRTY_KINDS},
        "generator_version": GENERATOR_VERSION,
    }


def _write_sessions(out: TextIO, rng: np.random.Generator, plan: Plan) -> int:
    extras = _draw_extras(rng, plan)
    rows_left = plan.product_rows.copy()
    clicks_left = plan.product_clicks.copy()
    written = 0
    for start in range(0, plan.clean_rows, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, plan.clean_rows)
        sessions = _clean_sessions(rng, plan, start, stop, rows_left, clicks_left)
        lo, hi = np.searchsorted(extras.source, [start, stop])
        layout = _chunk_layout(extras, int(lo), int(hi), start, stop - start)
        out.write(_chunk_text(plan, extras, sessions, layout, written))
        written += layout.source.size
    return written


def generate(path: Path, rows: int, seed: int) -> dict:
    """Write `rows` data rows (header excluded) to `path` (.csv or .csv.gz) and return the
    manifest of what was planted (see the module docstring for how the counts relate)."""
    plan = _plan(rows, seed)
    if plan.clean_rows < sum(plan.extras.values()):
        raise ValueError(f"rows={rows:,} is too small for the planted extra rows")
    rng = np.random.Generator(np.random.PCG64(seed))
    with open_csv(path) as out:
        out.write(HEADER + "\n")
        written = _write_sessions(out, rng, plan)
    if written != rows:
        raise RuntimeError(f"wrote {written:,} rows, planned {rows:,}")
    return _manifest(plan, seed)
