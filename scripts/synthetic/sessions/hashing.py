"""Counter-based hashing: per-user attributes and unique ids without remembering users.

Per-user attributes come from a hash of the user index, so the same user always gets the
same attributes and memory does not grow with the number of users. Ids come from the shared
id scrambler (scripts/synthetic/scramble.py).
"""

from __future__ import annotations

import numpy as np


def mix(values: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser over uint64 arrays (wrapping arithmetic is intended)."""
    z = values + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def mix_int(value: int) -> int:
    """splitmix64 finaliser on one unsigned 64-bit Python int (for scalar salts).

    Goes through a one-element array: numpy wraps array arithmetic silently, but warns
    on overflowing scalars.
    """
    return int(mix(np.array([value], dtype=np.uint64))[0])


def hash_uniform(index: np.ndarray, salt: int, field: int) -> np.ndarray:
    """A uniform [0, 1) per index and field: the same user always gets the same value."""
    key = np.uint64(mix_int(salt ^ field))
    return (mix(index ^ key) >> np.uint64(11)).astype(np.float64) * 2.0**-53


def id_bits(count: int) -> int:
    # At least 20 bits so ids have the real file's 6-7 digits; more as the run grows.
    return max(20, (count - 1).bit_length())
