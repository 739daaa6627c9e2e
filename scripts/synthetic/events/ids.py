"""User and session ids: keyed bijections of running counters, so ids are unique by
construction without remembering any of them.

User ids are 19 digits near the real ones; session ids are 10 characters [0-9A-Za-z].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# User ids: 19 digits near the real ones (1515915625519388267).
USER_ID_BASE = 1_515_915_625_000_000_000
USER_ID_BITS = 40
# Session ids: a 59-bit number (2**59 < 62**10) written as 10 base-62 characters.
SESSION_ID_BITS = 59
SESSION_ID_LENGTH = 10
SESSION_ALPHABET = np.frombuffer(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", dtype=np.uint8
)
# Odd multipliers (splitmix64's): multiplying by an odd number modulo 2**bits is a bijection.
MIXERS = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)


@dataclass(frozen=True)
class IdKeys:
    """The run's scramble keys, one per id kind, drawn once from the users' stream."""

    user: int
    session: int


def _scramble(counter: np.ndarray, bits: int, key: int) -> np.ndarray:
    """A keyed bijection of [0, 2**bits): distinct counters give distinct, random-looking ids."""
    mask = np.uint64((1 << bits) - 1)
    shift = np.uint64(bits // 2)
    x = (counter.astype(np.uint64) ^ np.uint64(key)) & mask
    for multiplier in MIXERS:
        x = (x * np.uint64(multiplier)) & mask  # wraps modulo 2**64, then 2**bits
        x ^= x >> shift
    return x


def user_id_texts(counter: np.ndarray, key: int) -> np.ndarray:
    ids = np.int64(USER_ID_BASE) + _scramble(counter, USER_ID_BITS, key).astype(np.int64)
    return ids.astype(str).astype(object)


def session_id_texts(counter: np.ndarray, key: int) -> np.ndarray:
    x = _scramble(counter, SESSION_ID_BITS, key)
    digits = np.empty((x.size, SESSION_ID_LENGTH), dtype=np.uint8)
    for place in range(SESSION_ID_LENGTH - 1, -1, -1):
        digits[:, place] = x % np.uint64(62)
        x //= np.uint64(62)
    return SESSION_ALPHABET[digits].view(f"S{SESSION_ID_LENGTH}").ravel().astype(str).astype(object)
