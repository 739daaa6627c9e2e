"""The one id scrambler of both generators: a keyed bijection of [0, 2**bits).

Ids are a scrambled running counter, so they look random yet are unique by construction,
without remembering any of them.
"""

from __future__ import annotations

import numpy as np

# Odd multipliers (splitmix64's): multiplying by an odd number modulo 2**bits is a bijection.
MIXERS = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)


def scramble(counter: np.ndarray, bits: int, key: int) -> np.ndarray:
    """A keyed bijection of [0, 2**bits): distinct counters give distinct, random-looking ids."""
    mask = np.uint64((1 << bits) - 1)
    shift = np.uint64(bits // 2)
    x = (counter.astype(np.uint64) ^ np.uint64(key & ((1 << 64) - 1))) & mask
    for multiplier in MIXERS:
        x = (x * np.uint64(multiplier)) & mask  # wraps modulo 2**64, then 2**bits
        x ^= x >> shift
    return x
