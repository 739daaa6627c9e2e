"""Write the built-in sample: synthetic twins of the two public raw files.

    python -m scripts.generate_sample --help
    python -m scripts.generate_sample events --layout multicategory --month 2019-11 \
        --rows 55000000 --events-path data/raw/2019-Nov.csv.gz
    python -m scripts.generate_sample hostile --events-path data/hostile/events.csv

Each file gets a manifest (`<name>.manifest.json`) beside it with the counts the generator
planted (rows, exact duplicates, each kind of dirty row), which the tests use as ground truth.
`hostile` writes an events file with every line defect the models quarantine
(scripts/synthetic/hostile).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from scripts.synthetic import events, hostile, sessions
from scripts.synthetic.events.layouts import DEFAULT_LAYOUT, LAYOUTS, parse_month
from scripts.synthetic.sink import manifest_path, write_manifest

MIN_ROWS = 1_000
MAX_ROWS = 100_000_000


def _row_count(text: str) -> int:
    value = int(text)
    if not MIN_ROWS <= value <= MAX_ROWS:
        raise argparse.ArgumentTypeError(f"must be between {MIN_ROWS:,} and {MAX_ROWS:,}")
    return value


def _month(text: str) -> str:
    try:
        parse_month(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.generate_sample",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument(
        "dataset",
        choices=("events", "sessions", "both", "hostile"),
        nargs="?",
        default="both",
        help="which file to write (default: both); hostile: an events file of line defects",
    )
    parser.add_argument(
        "--events-path",
        type=Path,
        default=Path("data/raw/events.csv"),
        help="events file to write; a .csv.gz name writes gzip (default: %(default)s)",
    )
    parser.add_argument(
        "--sessions-path",
        type=Path,
        default=Path("data/raw/sessions.csv"),
        help="sessions file to write; a .csv.gz name writes gzip (default: %(default)s)",
    )
    parser.add_argument(
        "--rows",
        type=_row_count,
        default=None,
        help=(
            f"rows per file, {MIN_ROWS:,} to {MAX_ROWS:,} (default: the public datasets' "
            f"sizes, {events.DEFAULT_ROWS:,} events and {sessions.DEFAULT_ROWS:,} sessions)"
        ),
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: %(default)s)")
    monthly = ", ".join(f"{name} {spec.default_month}" for name, spec in LAYOUTS.items() if spec.slots)
    parser.add_argument(
        "--layout",
        choices=tuple(LAYOUTS),
        default=DEFAULT_LAYOUT,
        help=(
            "events export layout: electronics (19-digit ids, Sep 2020 - Feb 2021), cosmetics "
            "(9-digit ids, UUID sessions, remove_from_cart, one month) or multicategory (9-digit "
            "ids, UUID sessions, most buyers never cart, one month) (default: %(default)s)"
        ),
    )
    parser.add_argument(
        "--month",
        type=_month,
        default=None,
        help=f"YYYY-MM of a cosmetics or multicategory file (default: {monthly})",
    )
    return parser


GENERATORS = {"events": events, "sessions": sessions}


def is_current(dataset: str, path: Path, **wanted: object) -> bool:
    """Whether `path` was written by this generator, at its current version, with the arguments
    `wanted` (seed, rows, layout, month), so it can be reused instead of written again."""
    manifest_file = manifest_path(path)
    if not (path.exists() and manifest_file.exists()):
        return False
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    wanted["generator_version"] = GENERATORS[dataset].GENERATOR_VERSION
    # The sessions manifest has no layout; a hostile file has a kind: neither is a sample's.
    found = {"layout": DEFAULT_LAYOUT, "month": None, **manifest}
    return "kind" not in manifest and all(found.get(key) == value for key, value in wanted.items())


def generate_file(
    dataset: str,
    path: Path,
    rows: int | None = None,
    seed: int = 42,
    layout: str = DEFAULT_LAYOUT,
    month: str | None = None,
) -> dict:
    """Write one sample file and its manifest; return the manifest. `layout` and `month` are
    the events file's."""
    module = GENERATORS[dataset]
    rows = rows or module.DEFAULT_ROWS
    started = time.perf_counter()
    if dataset == "events":
        manifest = events.generate(path, rows=rows, seed=seed, layout=layout, month=month)
    else:
        manifest = module.generate(path, rows=rows, seed=seed)
    write_manifest(path, manifest)
    elapsed = time.perf_counter() - started
    print(f"[generate] wrote {rows:,} {dataset} rows to {path} in {elapsed:.1f}s", file=sys.stderr)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.month is not None and args.layout == DEFAULT_LAYOUT:
        parser.error(f"--month applies to a monthly layout, not {DEFAULT_LAYOUT}")
    if args.dataset == "hostile":
        hostile.write(args.events_path, seed=args.seed)
        return 0
    paths = {"events": args.events_path, "sessions": args.sessions_path}
    for dataset, path in paths.items():
        if args.dataset in (dataset, "both"):
            generate_file(dataset, path, rows=args.rows, seed=args.seed, layout=args.layout, month=args.month)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
