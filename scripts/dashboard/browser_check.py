"""The browser check (`make test-dashboard`): serve the dashboard, load each page in headless
Chromium (Debian's /usr/bin/chromium, driven by playwright) at 1400 px, check every KPI card
against the marts (its value as the page must show it, nothing cut, and the exact value on
hover where a card shows compact units), and save a screenshot of each page.

    python -m scripts.dashboard.browser_check          # the CI build (built first if missing)
    python -m scripts.dashboard.browser_check --dev    # the published warehouse of `make run`

Screenshots go to outputs-dashboard/ (DASHBOARD_SCREENSHOTS): not under outputs/ or outputs-ci/,
which each publication replaces whole. Exit 0 when every card is right on both pages.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import duckdb

from scripts import run_pipeline
from scripts.dashboard import cards
from scripts.dashboard.cards import card_value
from scripts.inputs import PROJECT_ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = PROJECT_ROOT / os.environ.get("DASHBOARD_SCREENSHOTS", "outputs-dashboard")
# Without these the closed network makes Chromium stall on updates, sync and QUIC probes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# page -> (path on the server, the mart its cards show, card column -> label)
PAGES = {
    "store": ("/", "store.kpi_summary", cards.STORE),
    "campaigns": ("/campaigns", "ads.kpi_summary", cards.CAMPAIGNS),
}
READY_TEXT = "this refresh took"
# The width the pages are checked at: a laptop's browser window.
WIDTH = 1400  # the footer each page writes last
SERVER_START_SECONDS = 120
PAGE_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_server(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the dashboard server exited with {server.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the dashboard did not answer on {url} within {SERVER_START_SECONDS} s")


def expected_cards(database: Path) -> dict[str, list[Card]]:
    """page -> every card as the page must show it, read from the marts."""
    expected = {}
    with duckdb.connect(str(database), read_only=True) as con:
        for page, (_, relation, labels) in PAGES.items():
            cursor = con.execute(f"select * from {relation}")
            row = dict(zip([column[0] for column in cursor.description], cursor.fetchone(), strict=False))
            expected[page] = [
                Card(label, *card_value(column, row[column])) for column, label in labels.items()
            ]
    return expected


@dataclass(frozen=True)
class Card:
    label: str
    shown: str  # the text on the card
    exact: str | None  # the exact value, on hover, when `shown` is shortened


# Every KPI card's label and value as rendered, and whether either is cut: Streamlit clips them
# with an ellipsis (overflow hidden), so the text is whole in the DOM and only its width tells.
# Cut: an element of it is wider inside than its box, or the text wider than the box.
_CARDS_JS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].map(card => {
    const cut = (part) => {
        const range = document.createRange();
        range.selectNodeContents(part);
        return range.getBoundingClientRect().width > part.getBoundingClientRect().width + 0.5
            || [part, ...part.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth);
    };
    const label = card.querySelector('[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"]');
    const value = card.querySelector('[data-testid="stMetricValue"]');
    return {label: label.innerText, value: value.innerText, label_cut: cut(label), value_cut: cut(value)};
})"""


_TABLES_DRAWN_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrameResizable"]')]
    .every(grid => grid.getBoundingClientRect().width > 100)"""


def check_cards(tab, expected: list[Card]) -> list[str]:
    """What is wrong with the rendered cards, one line each (none: every card shows its value
    whole, and a shortened one its exact value on hover)."""
    rendered = {card["label"]: card for card in tab.evaluate(_CARDS_JS)}
    problems = []
    for card in expected:
        found = rendered.get(card.label)
        if found is None:
            problems.append(f"{card.label}: no card")
            continue
        if found["value"] != card.shown:
            problems.append(f"{card.label}: shows {found['value']!r}, expected {card.shown!r}")
        if found["value_cut"]:
            problems.append(f"{card.label}: value {found['value']!r} cut at {tab.viewport_size['width']} px")
        if found["label_cut"]:
            problems.append(f"{card.label}: label cut at {tab.viewport_size['width']} px")
        if card.exact:
            metric = tab.locator('[data-testid="stMetric"]').filter(has_text=card.label)
            metric.locator('[data-testid="stTooltipHoverTarget"]').hover()
            tooltip = tab.locator('[data-testid="stTooltipContent"]')
            tooltip.wait_for(timeout=5_000)
            if card.exact not in tooltip.inner_text():
                problems.append(f"{card.label}: hover shows {tooltip.inner_text()!r}, not {card.exact!r}")
            tab.mouse.move(0, 0)
            tooltip.wait_for(state="hidden", timeout=5_000)
    return problems


def check_pages(url: str, expected: dict[str, list[Card]]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results = {}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": WIDTH, "height": 5600},  # tall: Streamlit scrolls inside the page
            )
            try:
                tab = browser.new_page()
                for page, (path, _, _) in PAGES.items():
                    started = time.perf_counter()
                    tab.goto(url + path)
                    tab.get_by_text(READY_TEXT).wait_for(timeout=PAGE_SECONDS * 1000)
                    tab.wait_for_load_state("networkidle")
                    # The tables draw on a canvas once laid out, after the page is idle: the
                    # screenshot waits for them (narrower than 100 px, a grid is not drawn yet).
                    tab.wait_for_function(_TABLES_DRAWN_JS, timeout=PAGE_SECONDS * 1000)
                    loaded = time.perf_counter() - started
                    shot = SCREENSHOTS / f"{page}.png"
                    tab.screenshot(path=str(shot))
                    results[page] = {
                        "url": url + path,
                        "width": WIDTH,
                        "seconds_to_render": round(loaded, 2),
                        "cards_checked": len(expected[page]),
                        "shortened": {
                            card.label: [card.shown, card.exact] for card in expected[page] if card.exact
                        },
                        "problems": check_cards(tab, expected[page]),
                        "screenshot": str(shot),
                    }
            finally:
                browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dashboard.browser_check", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--dev", action="store_true", help="check the published warehouse of `make run`, not the CI build"
    )
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(
            f"error: no Chromium at {CHROMIUM}: install Debian's chromium (make test-dashboard does as root)",
            file=sys.stderr,
        )
        return 1
    database = run_pipeline.duckdb_path(run_pipeline.DEV if args.dev else run_pipeline.CI)
    if not database.exists():
        if args.dev:
            print(f"error: no published warehouse at {database}: run `make run` first", file=sys.stderr)
            return 1
        if run_pipeline.main(["--ci"]) != 0:
            return 1
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = SCREENSHOTS / "server.log"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with log.open("w") as server_log:
        # Its own session, so that stopping it stops Streamlit and nothing else.
        server = subprocess.Popen(
            [sys.executable, "-m", "scripts.dashboard", *([] if args.dev else ["--ci"]), "--port", str(port)],
            cwd=PROJECT_ROOT,
            stdout=server_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_for_server(url, server)
            results = check_pages(url, expected_cards(database))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    (SCREENSHOTS / "browser_check.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    failed = {page: result["problems"] for page, result in results.items() if result["problems"]}
    for page, result in results.items():
        shortened = "; ".join(
            f"{label} {shown} ({exact} on hover)" for label, (shown, exact) in result["shortened"].items()
        )
        print(
            f"[dashboard] {page}: {result['cards_checked']} KPI cards checked at {WIDTH} px, "
            f"problems: {len(result['problems'])}{f' (shortened: {shortened})' if shortened else ''}; "
            f"rendered in {result['seconds_to_render']} s; screenshot {result['screenshot']}"
        )
    if failed:
        print(f"error: KPI cards wrong in the rendered pages: {failed} (server log: {log})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
