"""Who each session belongs to: skewed user picks and hashed per-user attributes.

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
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scripts.synthetic.sessions.hashing import hash_uniform
from scripts.synthetic.sessions.plan import Plan

# Per-user demographics.
DEMOGRAPHICS_MISSING = 0.04  # gender, age_level, user_group_id and user_depth together
FEMALE_SHARE = 0.12
AGE_LEVEL_SHARES = (0.04, 0.10, 0.28, 0.35, 0.14, 0.07, 0.02)  # levels 0..6
DEPTH_SHARES = (0.06, 0.14, 0.80)  # user_depth 1..3
HEAVY_DEPTH_SHARES = (0.03, 0.07, 0.90)  # heavy returners go deeper
HEAVY_USER_FRACTION = 0.02  # lowest user indices, which the skew makes the most frequent
CITY_MISSING = 0.27
CITY_SHARES = (0.12, 0.38, 0.28, 0.22)  # city_development_index 1..4

# Users: index = floor(U * v**USER_SKEW), U = plan.user_pool (see plan.USER_POOL_PER_ROW).
USER_SKEW = 1.6
USER_CANDIDATES = 3
# Time affinity of the candidate users (report, finding 5).
MALE_20_22H = 1.25
FEMALE_18_19H = 1.4
AGE_2_LATE_OR_SUNDAY = 1.3


@dataclass(frozen=True)
class Users:
    """Per-user attributes; codes: gender 0/1/2 = missing/Male/Female, -1 or 0 = missing."""

    index: np.ndarray
    gender: np.ndarray
    age: np.ndarray  # -1 missing, else 0..6
    depth: np.ndarray  # 0 missing, else 1..3
    city: np.ndarray  # 0 missing, else 1..4


def _user_attributes(index: np.ndarray, plan: Plan) -> Users:
    salt = plan.salt
    missing = hash_uniform(index, salt, 1) < DEMOGRAPHICS_MISSING
    gender = np.where(hash_uniform(index, salt, 2) < FEMALE_SHARE, 2, 1)
    age = np.searchsorted(np.cumsum(AGE_LEVEL_SHARES)[:-1], hash_uniform(index, salt, 3), side="right")
    heavy = index < np.uint64(max(1, int(plan.user_pool * HEAVY_USER_FRACTION)))
    depth_u = hash_uniform(index, salt, 4)
    depth = 1 + np.where(
        heavy,
        np.searchsorted(np.cumsum(HEAVY_DEPTH_SHARES)[:-1], depth_u, side="right"),
        np.searchsorted(np.cumsum(DEPTH_SHARES)[:-1], depth_u, side="right"),
    )
    city_u = hash_uniform(index, salt, 5)
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


def pick_users(rng: np.random.Generator, plan: Plan, hour: np.ndarray, sunday: np.ndarray) -> Users:
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
