"""Synthetic twin of the public REES46 electronics-store event log (`events.csv`).

The real file ("eCommerce events history in electronics store", 885,129 rows, Sep 2020 to
Feb 2021) cannot be downloaded here. This package writes a file with the same columns,
value shapes, size, rates and dirt, so that the pipeline and its tests run on something
that looks like it, from the published figures of the real file.

    generate(path, rows=885_129, seed=42, layout="electronics", month=None) -> manifest dict

`layout` picks one of the three REES46 export layouts (`layouts`): electronics (this
store, the default), cosmetics or multicategory (one month per file, `month` = YYYY-MM).

Each module's docstring holds the rates and dirt it plants:
`catalog_lines` (brand and category revenue, zero-conversion products), `catalog`
(products, missing brand and category_code), `draws` (stratified counts), `behaviour`
(user segments, journeys, sessions), `calendar` (time window and patterns), `ids`
(user and session ids), `text` (CSV formatting), `dirt` (duplicates, empty sessions,
dirty rows), `layouts` (what each export layout changes) and `writer` (chunking,
determinism, the manifest).
"""

from scripts.synthetic.events.writer import DEFAULT_ROWS, GENERATOR_VERSION, generate

__all__ = ["DEFAULT_ROWS", "GENERATOR_VERSION", "generate"]
