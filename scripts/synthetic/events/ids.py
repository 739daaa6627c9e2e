"""User and session ids: keyed bijections of running counters, so ids are unique by
construction without remembering any of them.

Electronics: user ids are 19 digits near the real ones; session ids are 10 characters
[0-9A-Za-z]. Cosmetics and multi-category (monthly files): user ids are 9 digits and session
ids lower-case UUIDs (8-4-4-4-12 hex, version 4).

Files must not share ids by accident (a directory of monthly files is loaded as one store):
* 9-digit user ids: each (layout, month) owns a block of 2**26 ids (67 million users, more
  than a 100M-row file needs), so two monthly files never share a user id. The blocks follow
  the public exports: the cosmetics shop's 5 months (2019-10 .. 2020-02) and the
  multi-category store's 7 months (2019-10 .. 2020-04) get 12 distinct blocks; a month
  further away reuses the block of the month 5 (cosmetics) or 7 (multi-category) months
  from it. Two seeds of the same layout and month are two versions of one file: they share
  the block (and so can share ids).
* UUID sessions: 48 bits are a bijection of the session counter (unique within a file), the
  other 74 free bits are keyed by the file (seed, layout, month): two files share a session
  id with probability about n1 * n2 / 2**122.
* Electronics ids stay as they always were (one 19-digit range, keyed by the seed).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scripts.synthetic.scramble import MIXERS, scramble

# User ids: 19 digits near the real ones (1515915625519388267).
USER_ID_BASE = 1_515_915_625_000_000_000
USER_ID_BITS = 40
# Session ids: a 59-bit number (2**59 < 62**10) written as 10 base-62 characters.
SESSION_ID_BITS = 59
SESSION_ID_LENGTH = 10
SESSION_ALPHABET = np.frombuffer(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", dtype=np.uint8
)

# 9-digit user ids: block `slot` holds SHORT_USER_ID_BASE + slot * 2**26 + [0, 2**26).
SHORT_USER_ID_BASE = 100_000_000
SHORT_USER_ID_BITS = 26
SHORT_USER_SLOTS = 12  # 12 * 2**26 + 10**8 < 10**9: every id has 9 digits
MAX_USERS_PER_FILE = 1 << SHORT_USER_ID_BITS
# UUID sessions: the counter's bijection fills the first 12 hex digits.
UUID_COUNTER_BITS = 48
HEX_DIGITS = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)


@dataclass(frozen=True)
class IdKeys:
    """The run's scramble keys, one per id kind, drawn once from the users' stream."""

    user: int
    session: int


@dataclass(frozen=True)
class IdFormat:
    """How one file writes its ids: electronics' when `user_slot` is None, else 9-digit users
    of that block and UUID sessions keyed by `file_key`."""

    keys: IdKeys
    user_slot: int | None = None
    file_key: int = 0

    def users(self, counter: np.ndarray) -> np.ndarray:
        if self.user_slot is None:
            return user_id_texts(counter, self.keys.user)
        return short_user_id_texts(counter, self.keys.user, self.user_slot)

    def sessions(self, counter: np.ndarray) -> np.ndarray:
        if self.user_slot is None:
            return session_id_texts(counter, self.keys.session)
        return uuid_session_texts(counter, self.keys.session, self.file_key)


def user_id_texts(counter: np.ndarray, key: int) -> np.ndarray:
    ids = np.int64(USER_ID_BASE) + scramble(counter, USER_ID_BITS, key).astype(np.int64)
    return ids.astype(str).astype(object)


def session_id_texts(counter: np.ndarray, key: int) -> np.ndarray:
    x = scramble(counter, SESSION_ID_BITS, key)
    digits = np.empty((x.size, SESSION_ID_LENGTH), dtype=np.uint8)
    for place in range(SESSION_ID_LENGTH - 1, -1, -1):
        digits[:, place] = x % np.uint64(62)
        x //= np.uint64(62)
    return SESSION_ALPHABET[digits].view(f"S{SESSION_ID_LENGTH}").ravel().astype(str).astype(object)


def short_user_id_texts(counter: np.ndarray, key: int, slot: int) -> np.ndarray:
    """9-digit user ids of block `slot` (see the module docstring)."""
    if not 0 <= slot < SHORT_USER_SLOTS:
        raise ValueError(f"user id block {slot} is outside 0 .. {SHORT_USER_SLOTS - 1}")
    if counter.size and int(counter.max()) >= MAX_USERS_PER_FILE:
        # Past the block the bijection would wrap into the next file's ids.
        raise ValueError(f"more than {MAX_USERS_PER_FILE:,} users in one file")
    offset = SHORT_USER_ID_BASE + slot * MAX_USERS_PER_FILE
    ids = np.int64(offset) + scramble(counter, SHORT_USER_ID_BITS, key).astype(np.int64)
    return ids.astype(str).astype(object)


def _hex(values: np.ndarray, digits: int) -> np.ndarray:
    """The low `digits` hex digits of each value, most significant first, as ASCII codes."""
    out = np.empty((values.size, digits), dtype=np.uint8)
    x = values.copy()
    for place in range(digits - 1, -1, -1):
        out[:, place] = HEX_DIGITS[(x & np.uint64(15)).astype(np.intp)]
        x >>= np.uint64(4)
    return out


def uuid_session_texts(counter: np.ndarray, key: int, file_key: int) -> np.ndarray:
    """Lower-case version-4 UUIDs: 12 hex digits unique per counter, the rest keyed by file."""
    unique = scramble(counter, UUID_COUNTER_BITS, key)
    high = scramble(counter, 64, file_key)
    low = scramble(counter, 64, file_key ^ MIXERS[0])
    # The variant nibble is 8, 9, a or b: two free bits.
    variant = np.uint64(8) | (high >> np.uint64(62))
    text = np.empty((counter.size, 36), dtype=np.uint8)
    text[:, [8, 13, 18, 23]] = ord("-")
    digits = _hex(unique, 12)
    text[:, 0:8] = digits[:, 0:8]
    text[:, 9:13] = digits[:, 8:12]
    text[:, 14] = ord("4")
    text[:, 15:18] = _hex(high, 3)
    text[:, 19] = HEX_DIGITS[variant.astype(np.intp)]
    text[:, 20:23] = _hex(high >> np.uint64(12), 3)
    text[:, 24:36] = _hex(low, 12)
    return text.view("S36").ravel().astype(str).astype(object)
