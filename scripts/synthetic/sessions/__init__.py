"""Synthetic twin of the AmExpert 2018 click-prediction session log (`train.csv`).

One row per ad-campaign session, in the real file's 15 columns and value shapes. The
published figures hold on the clean sessions alone; the planted dirt is extra rows.

    generate(path, rows=463_291, seed=42) -> manifest dict

Each module's docstring holds the rates and dirt it plants: `reference` (published
figures, products, campaigns), `plan` (exact per-product, per-hour and click counts),
`calendar` (time window), `users` (who, with which demographics), `clean_sessions`
(categories, var_1, click propensities), `hashing` (per-user hashes and ids), `dirt`
(kinds and counts of planted rows, manifest arithmetic), `extras` (where they go),
`text` (CSV formatting) and `writer` (streaming, determinism).
"""

from scripts.synthetic.sessions.writer import DEFAULT_ROWS, GENERATOR_VERSION, generate

__all__ = ["DEFAULT_ROWS", "GENERATOR_VERSION", "generate"]
