"""How many planted rows of a kind a file gets, and which of them fall in a chunk.

Both generators plant their dirt the same way: a count per kind at the published size,
scaled to the requested size, and positions drawn up front, then visited chunk by chunk.
"""

from __future__ import annotations

import numpy as np


def scaled_count(published: int, rows: int, published_rows: int) -> int:
    """`published` rows in the real file of `published_rows`, scaled to `rows`.

    At least one, so even the smallest file has every kind of planted row to find.
    """
    return max(1, round(published * rows / published_rows))


def window(sorted_positions: np.ndarray, start: int, stop: int) -> slice:
    """The part of `sorted_positions` in [start, stop): the planted rows of one chunk."""
    lo, hi = np.searchsorted(sorted_positions, [start, stop])
    return slice(int(lo), int(hi))
