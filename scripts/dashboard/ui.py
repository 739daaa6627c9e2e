"""What both pages share: where to read, the cached loads, KPI cards and chart placement.

Configuration comes from the environment, so the launcher, `make dashboard` and the tests
point the same app at different builds: DUCKDB_PATH (the published warehouse, default
warehouse/analytics.duckdb) and DASHBOARD_SQL_DIR (the filtered queries, default
target/dashboard/filtered/; `python -m scripts.dashboard` composes them).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import altair as alt
import streamlit as st

from scripts.dashboard import data
from scripts.dashboard.cards import card_help, card_value
from scripts.dashboard.data import CampaignOptions, PageData, StoreOptions, load_page
from scripts.dashboard.filters import CampaignFilters, DateRange, StoreFilters
from scripts.dashboard.queries import DEFAULT_TARGET, FilteredQuery, filtered_dir, load_queries
from scripts.dashboard.warehouse import FileIdentity, Republished, WarehouseMissing, identify
from scripts.inputs import PROJECT_ROOT
from scripts.report.marts import MartReader

# Cached page loads kept: one per filter combination and publication (each a few small tables).
CACHE_ENTRIES = 64
CARDS_PER_ROW = 5


def warehouse_path() -> Path:
    return PROJECT_ROOT / os.environ.get("DUCKDB_PATH", "warehouse/analytics.duckdb")


def sql_dir() -> Path:
    return Path(os.environ.get("DASHBOARD_SQL_DIR") or filtered_dir(DEFAULT_TARGET))


@st.cache_resource(show_spinner=False)
def _queries(folder: str, modified_ns: int) -> dict[str, FilteredQuery]:
    return load_queries(Path(folder))


def queries() -> dict[str, FilteredQuery]:
    folder = sql_dir()
    if not folder.is_dir():
        raise FileNotFoundError(f"no filtered dashboard queries in {folder}: start with `make dashboard`")
    return _queries(str(folder), folder.stat().st_mtime_ns)


def publication() -> FileIdentity:
    """The publication this refresh reads; stops the page with a hint when there is none."""
    try:
        return identify(warehouse_path())
    except WarehouseMissing as missing:
        st.error(str(missing))
        st.stop()
        raise  # unreachable: st.stop() ends the run


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _cached_page(
    identity: FileIdentity,
    relations: tuple[str, ...],
    filters: StoreFilters | CampaignFilters,
    full_range: DateRange,
    folder: str,
) -> PageData:
    return load_page(identity, relations, filters, full_range, queries())


def page_data(
    relations: tuple[str, ...],
    filters: StoreFilters | CampaignFilters,
    full_range: DateRange,
    identity: FileIdentity,
) -> tuple[PageData, float]:
    """The page's tables (cached by publication and filters) and the wall time this refresh took."""
    started = time.perf_counter()
    for attempt in range(3):
        try:
            data = _cached_page(identity, relations, filters, full_range, str(sql_dir()))
            break
        except Republished:  # a publication landed while opening: read the new one
            if attempt == 2:
                raise
            identity = identify(warehouse_path())
    return data, time.perf_counter() - started


@st.cache_data(max_entries=8, show_spinner=False)
def store_options(identity: FileIdentity) -> StoreOptions:
    return data.store_options(identity)


@st.cache_data(max_entries=8, show_spinner=False)
def campaign_options(identity: FileIdentity) -> CampaignOptions:
    return data.campaign_options(identity)


def cards(kpi: Mapping[str, Any], labels: Mapping[str, str]) -> None:
    """One st.metric per KPI column, formatted as the report formats it (in compact units, with
    the exact value on hover, when it is longer than a card)."""
    items = list(labels.items())
    for row_start in range(0, len(items), CARDS_PER_ROW):
        columns = st.columns(CARDS_PER_ROW)
        for column, (name, label) in zip(columns, items[row_start : row_start + CARDS_PER_ROW], strict=False):
            shown, exact = card_value(name, kpi[name])
            column.metric(label, shown, help=card_help(exact))


def chart(
    build: Callable[[MartReader], alt.TopLevelMixin], marts: MartReader, subtitle: str | None = None
) -> None:
    """A report chart builder's chart, with the report's own theme (not Streamlit's)."""
    figure = build(marts)
    if subtitle:
        title = figure.title
        figure = figure.properties(title=alt.TitleParams(getattr(title, "text", title), subtitle=subtitle))
    st.altair_chart(figure, theme=None, width="content", height=_outer_height(figure.to_dict()))


def _outer_height(spec: Any) -> int:
    """The pixels a chart needs: its tallest plot plus title, axes and a bottom legend. Streamlit
    passes an explicit height to the chart (its "content" height squeezes the report's small
    layered charts to a sliver), so the height is read from the spec itself."""
    heights: list[int] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("height"), int | float):
                heights.append(int(node["height"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    legend_rows = 60 if '"bottom"' in json.dumps(spec) else 0
    return max(heights, default=240) + 120 + legend_rows


def footer(
    data: PageData, seconds: float, deferred: PageData | None = None, deferred_seconds: float = 0.0
) -> None:
    """Where the numbers came from and how long this refresh's queries took (the browser check
    waits for this line, the last one a page writes)."""
    source = "the marts' own SQL over the filtered slice" if data.filtered else "the published marts"
    timing = f"{seconds:.2f} s" + (
        f", then {deferred_seconds:.2f} s for {', '.join(deferred.tables)}" if deferred else ""
    )
    st.caption(
        f"Read from {source} of {data.identity.path}; this refresh took {timing} of queries (cached "
        "results take no time). Definitions: each mart's YAML (models/marts/) and "
        "scripts/dashboard/__init__.py."
    )
