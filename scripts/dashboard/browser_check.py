"""The browser check (`make test-dashboard`): serve the dashboard over the CI build, load each
page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright), find every KPI
card's value, as the marts hold it, in the rendered page, and save a screenshot of each page.

    python -m scripts.dashboard.browser_check      # after `make test` (builds the CI warehouse if missing)

Screenshots go to outputs-dashboard/ (DASHBOARD_SCREENSHOTS): not under outputs/ or outputs-ci/,
which each publication replaces whole. Exit 0 when every value was found on both pages.
"""

from __future__ import annotations

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
from pathlib import Path

import duckdb

from scripts import run_pipeline
from scripts.dashboard import cards
from scripts.headline import format_value
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
READY_TEXT = "this refresh took"  # the footer each page writes last
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


def expected_cards(database: Path) -> dict[str, list[str]]:
    """page -> every card value as the page must show it, read from the marts."""
    expected = {}
    with duckdb.connect(str(database), read_only=True) as con:
        for page, (_, relation, labels) in PAGES.items():
            cursor = con.execute(f"select * from {relation}")
            row = dict(zip([column[0] for column in cursor.description], cursor.fetchone(), strict=False))
            expected[page] = [format_value(column, row[column]) for column in labels]
    return expected


def check_pages(url: str, expected: dict[str, list[str]]) -> dict[str, dict]:
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
                viewport={"width": 1400, "height": 5600},  # tall: Streamlit scrolls inside the page
            )
            try:
                tab = browser.new_page()
                for page, (path, _, _) in PAGES.items():
                    started = time.perf_counter()
                    tab.goto(url + path)
                    tab.get_by_text(READY_TEXT).wait_for(timeout=PAGE_SECONDS * 1000)
                    tab.wait_for_load_state("networkidle")
                    loaded = time.perf_counter() - started
                    text = tab.inner_text("body")
                    missing = [value for value in expected[page] if value not in text]
                    shot = SCREENSHOTS / f"{page}.png"
                    tab.screenshot(path=str(shot))
                    results[page] = {
                        "url": url + path,
                        "seconds_to_render": round(loaded, 2),
                        "values_checked": len(expected[page]),
                        "missing": missing,
                        "screenshot": str(shot),
                    }
            finally:
                browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return results


def main() -> int:
    if not CHROMIUM.exists():
        print(
            f"error: no Chromium at {CHROMIUM}: install Debian's chromium (make test-dashboard does as root)",
            file=sys.stderr,
        )
        return 1
    database = run_pipeline.duckdb_path(run_pipeline.CI)
    if not database.exists() and run_pipeline.main(["--ci"]) != 0:
        return 1
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = SCREENSHOTS / "server.log"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with log.open("w") as server_log:
        # Its own session, so that stopping it stops Streamlit and nothing else.
        server = subprocess.Popen(
            [sys.executable, "-m", "scripts.dashboard", "--ci", "--port", str(port)],
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
    failed = {page: result["missing"] for page, result in results.items() if result["missing"]}
    for page, result in results.items():
        print(
            f"[dashboard] {page}: "
            f"{result['values_checked'] - len(result['missing'])}/{result['values_checked']} "
            f"KPI values found, rendered in {result['seconds_to_render']} s; "
            f"screenshot {result['screenshot']}"
        )
    if failed:
        print(
            f"error: KPI values missing from the rendered pages: {failed} (server log: {log})",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
