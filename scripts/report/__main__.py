"""Write the HTML report (and a PNG per chart) from the mart tables of a built warehouse.

python -m scripts.report --database warehouse/analytics.duckdb --outputs outputs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.report.build import build_report
from scripts.report.marts import MissingMart


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.report", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        type=Path,
        default=Path("warehouse/analytics.duckdb"),
        help="the DuckDB warehouse holding the marts (default: %(default)s)",
    )
    parser.add_argument(
        "--outputs",
        type=Path,
        default=Path("outputs"),
        help="folder for report.html and charts/ (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        report = build_report(args.database, args.outputs)
    except (FileNotFoundError, MissingMart) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Report: {report.path.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
