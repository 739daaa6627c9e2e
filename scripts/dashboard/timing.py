"""How long the dashboard's queries take for a set of typical interactions, without the cache
(every load opens the warehouse and runs the page's queries, as a new filter combination does).

    python -m scripts.dashboard.timing              # the published dev warehouse (after `make run`)
    python -m scripts.dashboard.timing --ci         # the CI build

Prints one line per interaction and writes logs/dashboard_timing.json. Rendering in the browser
adds the charts' drawing (measured by the browser check).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from datetime import timedelta
from pathlib import Path

from scripts import run_pipeline
from scripts.dashboard import data
from scripts.dashboard.__main__ import build_vars
from scripts.dashboard.filters import CampaignFilters, DateRange, StoreFilters
from scripts.dashboard.queries import compile_queries, load_queries
from scripts.dashboard.warehouse import identify
from scripts.inputs import PROJECT_ROOT

REPEATS = 3


def interactions(store: data.StoreOptions, ads: data.CampaignOptions) -> list[tuple[str, object]]:
    full, month = store.dates, timedelta(days=30)
    later = DateRange(full.start + month, full.end)
    return [
        ("store: no filter (marts)", StoreFilters(full)),
        ("store: last 30 days", StoreFilters(DateRange(full.end - month, full.end))),
        ("store: all but the first month", StoreFilters(later)),
        ("store: top brand", StoreFilters(full, brands=store.brands[:1])),
        ("store: top category", StoreFilters(full, categories=store.categories[:1])),
        (
            "store: 3 brands x 1 category x last 60 days",
            StoreFilters(DateRange(full.end - 2 * month, full.end), store.brands[:3], store.categories[:1]),
        ),
        ("campaigns: no filter (marts)", CampaignFilters(ads.dates)),
        ("campaigns: gender Female", CampaignFilters(ads.dates, genders=("Female",))),
        ("campaigns: top campaign", CampaignFilters(ads.dates, campaigns=ads.campaigns[:1])),
        ("campaigns: one day", CampaignFilters(DateRange(ads.dates.end, ads.dates.end))),
        (
            "campaigns: age 2-3 x city 2 x all but the first day",
            CampaignFilters(
                DateRange(ads.dates.start + timedelta(days=1), ads.dates.end),
                age_levels=("2", "3"),
                city_development_indexes=("2",),
            ),
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dashboard.timing", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--ci", action="store_true")
    args = parser.parse_args(argv)
    profile = run_pipeline.CI if args.ci else run_pipeline.DEV
    identity = identify(run_pipeline.duckdb_path(profile))
    with tempfile.TemporaryDirectory() as target:
        queries = load_queries(compile_queries(data.PAGE_RELATIONS, Path(target), build_vars(args.ci, {})))
    store, ads = data.store_options(identity), data.campaign_options(identity)
    results = []
    for name, filters in interactions(store, ads):
        is_store = isinstance(filters, StoreFilters)
        relations = data.STORE_RELATIONS if is_store else data.CAMPAIGN_RELATIONS
        deferred = data.STORE_DEFERRED_RELATIONS if is_store else ()
        full = store.dates if is_store else ads.dates
        first, total = [], []
        for _ in range(REPEATS):
            page = data.load_page(identity, relations, filters, full, queries).seconds
            later = data.load_page(identity, deferred, filters, full, queries).seconds if deferred else 0.0
            first.append(page)
            total.append(page + later)
        results.append(
            {
                "interaction": name,
                "page_median_seconds": round(statistics.median(first), 3),
                "with_deferred_median_seconds": round(statistics.median(total), 3),
            }
        )
        print(
            f"{name:55s} page {statistics.median(first):.2f} s, with the ordered funnel "
            f"{statistics.median(total):.2f} s (medians of {REPEATS})",
            flush=True,
        )
    out = PROJECT_ROOT / "logs" / "dashboard_timing.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"warehouse": identity.path, "results": results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
