"""python -m scripts.synthetic.hostile --events-path X.csv: see the package docstring."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.synthetic.hostile import write
from scripts.synthetic.hostile.writer import BASE_ROWS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.synthetic.hostile",
        description="Write an events file with every line defect planted at its start, middle and end, "
        "and its manifest (<name>.manifest.json) of what the models must make of each line.",
    )
    parser.add_argument("--events-path", type=Path, required=True, help="the .csv file to write")
    parser.add_argument("--seed", type=int, default=42, help="seed of the good lines (default: %(default)s)")
    parser.add_argument(
        "--good-lines", type=int, default=BASE_ROWS, help="generated good lines (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    manifest = write(args.events_path, seed=args.seed, base_rows=args.good_lines)
    print(f"[hostile] wrote {manifest['rows']:,} data lines to {args.events_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
