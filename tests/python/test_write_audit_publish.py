"""`make run` as BI users live with it: a good run is published; runs that fail (a failing data
test, a model error, too little memory, kill -9 at a random moment) leave the
published warehouse, exports and report byte-identical; the next run recovers by itself; and
a dashboard's read-only connections query the published warehouse all through a build without
waiting, blocking it or seeing a mix of two builds.

Each run is the real pipeline in a child process, on the CI sample (dev target, CI thresholds),
into a temporary warehouse and outputs folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import run_pipeline
from scripts.inputs import PROJECT_ROOT
from scripts.publish import Published

CI_EVENTS = run_pipeline.sample_files(run_pipeline.CI)["events"][0]
CI_SESSIONS = run_pipeline.sample_files(run_pipeline.CI)["sessions"][0]
ERROR_LINE = r"^error: {step} failed: .+\. Nothing was published; see .+{log}$"


@dataclass
class Site:
    root: Path
    published: Published
    build_database: Path
    good_run_seconds: float = 0.0

    def env(self, events: Path = CI_EVENTS, **extra: str) -> dict[str, str]:
        env = {
            name: value
            for name, value in os.environ.items()
            if name not in {"DUCKDB_MEMORY_LIMIT", "DUCKDB_CANDIDATE_PATH"}
        }
        env.update(
            EVENTS_PATH=str(events),
            SESSIONS_PATH=str(CI_SESSIONS),
            DUCKDB_PATH=str(self.published.warehouse),
            DUCKDB_BUILD_PATH=str(self.build_database),
            OUTPUTS_DIR=str(self.published.outputs),
            DBT_TARGET_PATH=str(self.root / "target"),  # leave the project's manifest alone
        )
        env.update(extra)
        return env

    def command(self, **dbt_vars: object) -> list[str]:
        return [
            sys.executable,
            "-m",
            "scripts.run_pipeline",
            "--vars",
            json.dumps({**run_pipeline.CI.dbt_vars, **dbt_vars}),
        ]

    def run(self, events: Path = CI_EVENTS, env: dict[str, str] | None = None, **dbt_vars: object):
        return subprocess.run(
            self.command(**dbt_vars),
            cwd=PROJECT_ROOT,
            env=env or self.env(events),
            capture_output=True,
            text=True,
            check=False,
        )

    def snapshot(self) -> dict[str, str]:
        """sha256 of the published warehouse and of every file under the published outputs."""
        files = [
            self.published.warehouse,
            *sorted(p for p in self.published.outputs.rglob("*") if p.is_file()),
        ]
        return {
            str(path.relative_to(self.root)): hashlib.sha256(path.read_bytes()).hexdigest() for path in files
        }

    def leftovers(self) -> list[Path]:
        return [path for path in [*self.published.leftovers(), self.published.commit_record] if path.exists()]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, ci_database: Path) -> Site:
    """A temporary warehouse holding one good published run."""
    root = tmp_path_factory.mktemp("publish")
    built = Site(
        root,
        Published(root / "warehouse" / "analytics.duckdb", root / "outputs"),
        root / "warehouse" / "build.duckdb",
    )
    started = time.perf_counter()
    good = built.run()
    built.good_run_seconds = time.perf_counter() - started
    assert good.returncode == 0, good.stdout[-3000:] + good.stderr
    assert (built.published.outputs / "report.html").exists()
    assert (built.published.outputs / "events_cleaned.csv").exists()
    return built


@pytest.fixture(scope="module")
def smaller_events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A different input (the CI events file's first 40,000 rows): its build is distinguishable."""
    path = tmp_path_factory.mktemp("inputs") / "events.csv"
    with CI_EVENTS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as target:
        for number, line in enumerate(source):
            if number > 40_000:
                break
            target.write(line)
    return path


def _events_with_a_wishlist_only_user(folder: Path) -> Path:
    """The CI events plus one `wishlist` event of a user with no other event."""
    path = folder / "events_wishlist.csv"
    row = "2020-10-01 10:00:00 UTC,wishlist,1,2144415922528452715,a.b,msi,10.00,1,S1\n"
    path.write_text(CI_EVENTS.read_text(encoding="utf-8") + row, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("failure", "named"),
    [
        ("failing data test", "user_summary"),
        ("model error", "int_users_funnel_states"),
        ("out of memory", "Out of Memory"),
    ],
)
def test_a_failed_run_publishes_nothing(site: Site, failure: str, named: str, tmp_path: Path):
    """Slow (about 25-40 s each): a whole `make run` that fails, the failing data test after
    every model built, the other two after whatever does not depend on the failure."""
    before = site.snapshot()
    # A run with other vars parses the project again (about 14 s), into a target folder of its
    # own: the site's parse stays for the runs with its vars.
    other_vars_target = str(site.root / "target-other-vars")
    if failure == "failing data test":
        # An event type the marts do not count, accepted through the var: its user gets a
        # user_summary row with no counted event, which the mart's data test rejects after
        # every model built.
        events = _events_with_a_wishlist_only_user(tmp_path)
        result = site.run(
            env=site.env(events, DBT_TARGET_PATH=other_vars_target),
            accepted_event_types=["view", "cart", "purchase", "remove_from_cart", "wishlist"],
        )
    elif failure == "model error":
        # A percentage where a fraction belongs: int_users_funnel_states fails, and the
        # marts that do not depend on it are already in the candidate.
        result = site.run(env=site.env(DBT_TARGET_PATH=other_vars_target), high_value_quantile=90)
    else:
        result = site.run(env=site.env(DUCKDB_MEMORY_LIMIT="30MB"))
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    assert re.match(ERROR_LINE.format(step="dbt build", log="dbt.log"), last_line), last_line
    assert named in last_line, f"the error does not name the failure of this run: {last_line}"
    assert site.snapshot() == before


READER = """
import json, sys, time
from pathlib import Path
import duckdb

warehouse, held, stop, record = sys.argv[1], sys.argv[2] == "held", Path(sys.argv[3]), Path(sys.argv[4])
QUERY = '''
    select
        (select user_count from store.kpi_summary),
        (select stage_user_count from store.funnel_summary where funnel_stage = 'view'),
        (select count(*) from store.user_summary where view_count = 0)
'''
connection = duckdb.connect(warehouse, read_only=True) if held else None
with record.open("w") as out:
    while True:
        stopping = stop.exists()  # one more query after the build ended
        started = time.perf_counter()
        try:
            con = connection or duckdb.connect(warehouse, read_only=True)
            answer = {"answer": list(con.execute(QUERY).fetchone())}
            if not held:
                con.close()
        except Exception as exc:
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        answer["seconds"] = time.perf_counter() - started
        out.write(json.dumps(answer) + "\\n")
        out.flush()
        if stopping:
            break
        time.sleep(0.05)
"""


def _start_reader(site: Site, kind: str) -> tuple[subprocess.Popen, Path]:
    record = site.root / f"reader_{kind}.jsonl"
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            READER,
            str(site.published.warehouse),
            kind,
            str(site.root / "stop_readers"),
            str(record),
        ]
    )
    return reader, record


def _records(path: Path) -> list[dict]:
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


def _live_processes_in_group(group: int) -> list[str]:
    """Processes of a process group that still run (zombies excluded), from /proc."""
    live = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        state, process_group = fields[0], int(fields[2])
        if process_group == group and state != "Z":
            live.append(stat.parent.name)
    return live


def _group_is_gone(group: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _live_processes_in_group(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_killed_run_then_a_rerun_that_readers_query_throughout(site: Site, smaller_events: Path):
    """Slow (about 80 s): a run killed at a random moment of a whole run, then a whole rerun
    while two readers query the published file."""
    before = site.snapshot()
    build_inode = site.build_database.stat().st_ino
    seed = random.randrange(2**32)
    # The killed run builds the same input as the good run, so any moment of it is likely
    # before it ends; the rerun builds another input, so its answers differ from the old ones.
    moment = random.Random(seed).uniform(0, 0.9 * site.good_run_seconds)
    killed_log = site.root / "killed_run.log"

    # kill -9 of the pipeline alone, as `kill -9 <pid>` does: dbt, its child, must die with it.
    with killed_log.open("w") as log:
        run = subprocess.Popen(
            site.command(),
            cwd=PROJECT_ROOT,
            env=site.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        time.sleep(moment)
        run.kill()
        run.wait()
    context = f"killed {moment:.1f}s into the run (seed {seed}); its log: {killed_log}"
    assert _group_is_gone(run.pid, 10), f"a child of the killed run is still running; {context}"
    if "[publish] ..." not in killed_log.read_text(encoding="utf-8"):
        assert site.snapshot() == before, context
    # else the kill came after the commit record: the rerun finishes that publication.

    (site.root / "stop_readers").unlink(missing_ok=True)
    readers = {kind: _start_reader(site, kind) for kind in ("held", "fresh")}
    while not all(_records(record) for _, record in readers.values()):
        time.sleep(0.1)  # both readers are querying before the build starts
    rerun = site.run(smaller_events)
    (site.root / "stop_readers").touch()
    for reader, _ in readers.values():
        reader.wait(timeout=60)
    assert rerun.returncode == 0, f"{context}\n{rerun.stdout[-3000:]}{rerun.stderr}"

    # The rerun needed no clean-up, left none, published new data, and kept the build database.
    assert site.leftovers() == []
    assert site.snapshot() != before
    assert site.build_database.stat().st_ino == build_inode

    held, fresh = (_records(record) for _, record in readers.values())
    errors = [answer["error"] for answer in held + fresh if "error" in answer]
    assert not errors, errors
    assert max(answer["seconds"] for answer in held + fresh) < 5, "a reader waited"
    # Each answer is one build's: users = viewers + users who never viewed, from the same file.
    answers = [tuple(answer["answer"]) for answer in held + fresh]
    assert all(users == viewers + non_viewers for users, viewers, non_viewers in answers), set(answers)
    old = held[0]["answer"]
    new = fresh[-1]["answer"]  # queried after the rerun ended: a new connection sees the new build
    assert old != new
    assert all(answer["answer"] == old for answer in held)  # an open connection keeps its build
    sequence = [answer["answer"] for answer in fresh]
    assert set(map(tuple, sequence)) <= {tuple(old), tuple(new)}
    assert sequence == sorted(sequence, key=lambda answer: answer == new), "went back from new to old"
    assert len(fresh) > 10, "the fresh reader did not query during the build"
