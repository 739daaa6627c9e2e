"""The real ad log's published figures and the reference tables the sample is drawn from.

- Products A-J with their published sessions and CTR (the published figures of the AmExpert 2018 train.csv),
  and a product_category_1 mixture per product giving category 5 about 40 %, 3 and 4 the
  smallest.
- campaign_id: 10 campaigns, 118601 the largest at 34 %, 404347 at 3 %; webpage_id is
  fixed per campaign.
- product_category_2: four float ids nested in each product_category_1.
"""

from __future__ import annotations

# Published figures of the real file (the published figures of the AmExpert 2018 train.csv).
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
