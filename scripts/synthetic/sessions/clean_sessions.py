"""The clean sessions of one chunk: when, who, which product and campaign, and clicks.

- Chunks draw their product and click counts from what the plan has left (multivariate
  hypergeometric), so the run totals are exact at any size; inside a product the clicks
  go to sessions by weighted sampling without replacement, weighted by the click
  propensities below.
- product_category_1: the product's mixture (see `reference`), tilted toward 3 for
  females (about 15 % more than males) and toward 5 for age levels 2-3 and user_depth 3.
  product_category_2: present on 22 % of rows, a float id nested in the category_1.
- var_1: 1 on 40 % of rows, independent of everything else.
- Click propensity (relative, within a product): user_depth 1/2/3 = 0.75/0.88/1.05;
  city_development_index 1-4 = 0.94/0.98/1.02/1.06, x1.06 more for cities 3-4 with
  categories 1 or 5; campaign 118601 x1.5 for female age level 3 and x1.1 for city 4;
  campaign 404347 x0.8 overall but x3 for females of age level 0-2 (its niche).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scripts.synthetic.sessions.calendar import draw_minutes
from scripts.synthetic.sessions.plan import Plan
from scripts.synthetic.sessions.reference import (
    CAMPAIGN_118601,
    CAMPAIGN_404347,
    CAMPAIGNS,
    CATEGORY_2_IDS,
    PRODUCTS,
)
from scripts.synthetic.sessions.users import Users, pick_users

CATEGORY_2_PRESENT = 0.22
VAR_1_ONES = 0.40

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


@dataclass
class Sessions:
    """A chunk of clean sessions as numeric codes, in clean-row order."""

    minute: np.ndarray
    users: Users
    product: np.ndarray
    campaign: np.ndarray
    category: np.ndarray  # 1..5
    category_2: np.ndarray  # 0 = missing, else 1 + index into flattened CATEGORY_2_IDS
    var_1: np.ndarray
    is_click: np.ndarray


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
    """0 = missing, else 1 + an index into the flattened CATEGORY_2_IDS, within the
    row's category_1."""
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
    weight *= np.where(in_118601 & female & (users.age == 3), CAMPAIGN_118601_FEMALE_AGE_3_CLICK, 1.0)
    weight *= np.where(in_118601 & (users.city == 4), CAMPAIGN_118601_CITY_4_CLICK, 1.0)
    in_404347 = campaign == CAMPAIGN_404347
    niche = in_404347 & female & (users.age >= 0) & (users.age <= 2)
    weight *= np.where(in_404347, CAMPAIGN_404347_CLICK, 1.0)
    weight *= np.where(niche, CAMPAIGN_404347_NICHE_CLICK, 1.0)
    return weight


def _assign_clicks(
    rng: np.random.Generator, product: np.ndarray, clicks: np.ndarray, propensity: np.ndarray
) -> np.ndarray:
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


def clean_sessions(
    rng: np.random.Generator,
    plan: Plan,
    start: int,
    stop: int,
    rows_left: np.ndarray,
    clicks_left: np.ndarray,
) -> Sessions:
    """Clean rows start..stop; draws this chunk's share of the remaining product rows and
    clicks so the run totals come out exact (updates rows_left / clicks_left)."""
    n = stop - start
    minute = draw_minutes(rng, plan.slot_bounds, start, stop)
    hour = (minute // 60) % 24
    users = pick_users(rng, plan, hour, minute < 24 * 60)
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
