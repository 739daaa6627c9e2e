"""Reference statistics in plain Python, written from the textbook formulas (not from the SQL):
the Wilson score interval, the two-proportion z-test and Holm's step-down adjustment."""

from __future__ import annotations

import math
from statistics import NormalDist

# The two-sided 95 % normal quantile, from the standard library rather than typed in.
Z_95 = NormalDist().inv_cdf(0.975)


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float | None, float | None]:
    """Wilson score interval of successes / trials: centre (p + z^2/2n) / (1 + z^2/n), half
    width z / (1 + z^2/n) * sqrt(p(1 - p)/n + z^2/4n^2). (None, None) without trials."""
    if trials == 0:
        return None, None
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half_width = z / denominator * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return max(0.0, centre - half_width), min(1.0, centre + half_width)


def two_proportion_p_value(x1: int, n1: int, x2: int, n2: int) -> float | None:
    """Two-sided p-value of the pooled two-proportion z-test (no continuity correction); None
    when a side is empty or nothing varies (pooled rate 0 or 1)."""
    if n1 == 0 or n2 == 0:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    if pooled in (0, 1):
        return None
    z = (x1 / n1 - x2 / n2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return math.erfc(abs(z) / math.sqrt(2))  # P(|Z| >= |z|)


def holm_adjusted(p_values: list[float | None]) -> list[float | None]:
    """Holm's step-down adjusted p-values over the non-null ones, in the input order: the i-th
    smallest of m becomes max over j <= i of (m - j + 1) * p_(j), capped at 1."""
    tested = sorted((p, index) for index, p in enumerate(p_values) if p is not None)
    adjusted: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, index) in enumerate(tested):
        running = max(running, (len(tested) - rank) * p)
        adjusted[index] = min(1.0, running)
    return adjusted
