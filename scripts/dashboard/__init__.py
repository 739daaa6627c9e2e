"""The interactive dashboard over the published marts (issue 15).

Start
    make run            # build and publish warehouse/analytics.duckdb (once, or after new data)
    make dashboard      # compile the filtered queries, then serve http://127.0.0.1:8501 (DASHBOARD_PORT)

`python -m scripts.dashboard --ci` serves the CI build (warehouse/ci.duckdb) instead; a warehouse
built with `scripts.run_pipeline --vars '{...}'` needs the same `--vars` here, because the
filtered queries are compiled with the thresholds (alert_min_views, ...) the marts were built with.
`make test-dashboard` loads both pages in headless Chromium at 1400 px, fails on a KPI card whose
value is cut, and saves outputs-dashboard/*.png.

What it shows
    Store      KPI cards (store.kpi_summary), the case study's funnel (funnel_summary) beside the
               ordered one (ordered_funnel), revenue by month / brand / top-level and full category,
               purchases by hour and events by weekday, behaviour segments and their actions,
               brands left in abandoned carts, zero-conversion products, product alerts, and
               revenue lacking a brand or category before / after the backfill.
               Filters: event date, brand, top-level category (as exported; Unknown = missing).
    Campaigns  KPI cards (ads.kpi_summary), category mix by gender, sessions by category,
               campaign sessions and CTR with its Wilson 95 % interval, the campaign x segment
               CTR lift (significant cells outlined, and listed), the hour x weekday heatmap,
               session shares per demographic value, engagement depth vs top-category share and
               returning-user rate. Filters: session date, campaign, gender, age level, city
               development index, user group.
    Every visual of a page follows its filters. Charts are the report's (scripts/report/charts.py).
    Values read as in the report (scripts/formatting.py); a card too narrow for every digit
    shows compact units (5.11M) with the exact value on hover, and tables write p-values as
    < 0.0001 or four decimals.

Where the numbers come from (one definition per metric)
    No filter: the marts themselves. With a filter: each mart's own compiled SQL (dbt compile,
    target/dashboard/) run over the filtered rows of the clean fact table (store.events_cleaned,
    ads.sessions_cleaned; filters.py), with every model between them computed from those rows
    by its own compiled SQL: queries.py renames each input relation of the compiled code to a
    CTE holding that input and writes one query per mart to target/dashboard/filtered/. Filter
    values are bind parameters ($1, $2, ...), never SQL text. Python computes no metric; it
    formats values as the report does. A filtered page answers "what would the marts say if the
    log held only these rows", except that a product's brand and category (the catalog) and a
    user's returning flag come from the whole log, as in the marts.
    tests/python/test_dashboard.py checks every filtered query over the whole log against its
    mart, and filtered pages against an independent pandas computation on the slice.

Reading the warehouse while `make run` publishes
    Each refresh opens the published file read-only in a fresh in-memory connection and closes
    it when the page's queries are done: nothing is held between refreshes, so a build is never
    blocked, and the first refresh after a publication (an atomic rename) reads the new file.
    Results are cached by filters and the file's identity (inode, size, mtime), so a repeated
    filter answers from memory and a new publication is never served from the old cache.

Speed (default sample: 885k events, 463k sessions; 2 cores shared with other jobs)
    `python -m scripts.dashboard.timing` measures the queries of typical interactions
    (logs/dashboard_timing.json). Unfiltered pages: 0.03 s. Campaigns, any filter: 0.25-0.4 s.
    Store: a brand, a category, a month or a combination: 0.45-0.9 s for the page; the ordered
    funnel, which rebuilds every journey of the slice, is drawn last (0.1-0.7 s more). A slice
    holding most of the log (e.g. all but the first month) takes about 1.2 s for the page and
    2.3 s with the ordered funnel. A repeated filter: served from the cache.
    At 10M events the marts keep unfiltered pages instant, but a filtered query scans and
    aggregates the slice, about 11x the work: wide Store slices would take 10-25 s (estimated).
    What keeps it responsive there: unfiltered and repeated views from the marts and the
    cache, the ordered funnel deferred, and, as the next step, pre-aggregated marts at the
    filter grain (date x brand x top-level category for the additive measures: counts,
    revenue, activity) so that only distinct-user numbers and journeys scan events.

Another BI tool instead (Metabase, Superset, Power BI, Evidence, ...)
    Point its DuckDB connector at the same published file, read-only: warehouse/analytics.duckdb
    (DUCKDB_PATH), schemas `store` and `ads`, marts only, written in DuckDB storage v1.4 (a
    connector bundling DuckDB 1.4 or later opens it). Read-only is the DuckDB setting
    `access_mode=READ_ONLY` (Python: `duckdb.connect(path, read_only=True)`):
    - Metabase: a DuckDB driver plugin; database file = the path, that setting as a property.
    - Superset: SQLAlchemy with duckdb-engine, `duckdb:////abs/path/warehouse/analytics.duckdb`
      and engine parameters `{"connect_args": {"read_only": true}}`.
    - Power BI / Excel: DuckDB's ODBC driver, a DSN with the file as database and the setting.
    - Evidence: its DuckDB source, the file copied or linked into `sources/<name>/`.
    The marts carry table and column comments (each mart's YAML), which most tools show. A
    tool that keeps its connection open keeps reading the publication it opened: reconnect (or
    let its pool recycle connections) to see a new run. For filtered numbers with the marts'
    definitions outside this dashboard, run the filtered queries
    (target/dashboard/filtered/<schema>__<mart>.sql, after `python -m scripts.dashboard compile`)
    with the file attached as `marts` and the filter values bound to $1, $2, ...
"""
