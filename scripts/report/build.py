"""Build the report: read the marts, draw the charts, word the recommendations, write the files.

outputs/report.html          the page (self-contained)
outputs/charts/<name>.png    each chart, for slides and chats
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from markupsafe import Markup

from scripts.report import render
from scripts.report.charts import CHARTS
from scripts.report.marts import MissingMart, open_marts
from scripts.report.page import render_page
from scripts.report.recommendations import recommend
from scripts.report.sections import read_sections

TITLE = "E-commerce funnel and campaign engagement report"
# Charts drawn across the whole page width (many columns or panels).
WIDE_CHARTS = {"ads_activity_heatmap", "ads_demographic_shares", "store_cohort_retention"}


@dataclass
class Report:
    path: Path
    charts: list[Path] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)  # chart name -> why it is not drawn
    relations_read: set[str] = field(default_factory=set)


def build_report(
    database: Path, outputs: Path, log: Callable[[str], None] = print, database_name: str | None = None
) -> Report:
    """`database_name` is the warehouse the page names, when the report is built from a
    candidate that will be published under another name."""
    database, outputs = Path(database), Path(outputs)
    chart_dir = outputs / "charts"
    report = Report(path=outputs / "report.html")
    with open_marts(database) as marts:
        started = time.perf_counter()
        sections = read_sections(marts)
        recommendations = recommend(marts)
        log(
            "  read KPIs, tables and recommendation figures from the marts in "
            f"{time.perf_counter() - started:.1f}s"
        )

        started = time.perf_counter()
        drawn = []
        for index, chart in enumerate(CHARTS, start=1):
            item = {
                "name": chart.name,
                "section": chart.section,
                "relations": chart.relations,
                "wide": chart.name in WIDE_CHARTS,
                "missing": None,
                "svg": None,
            }
            target = chart_dir / f"{chart.name}.png"
            try:
                spec = chart.build(marts).to_dict()
            except MissingMart as exc:
                item["missing"] = f"mart {exc.relation} is not in the warehouse"
                report.missing[chart.name] = item["missing"]
                target.unlink(missing_ok=True)  # no stale picture from an earlier run
                log(f"  warning: chart {chart.name} not drawn: {item['missing']}")
            else:
                item["svg"] = Markup(render.svg(spec, chart.name))
                report.charts.append(render.png(spec, target))
            drawn.append(item)
            if index % 6 == 0 or index == len(CHARTS):
                log(f"  charts {index}/{len(CHARTS)} ({time.perf_counter() - started:.1f}s)")
        report.relations_read = set(marts.relations_read)

    html = render_page(
        {
            "title": TITLE,
            "database": database_name or database.name,
            "generated_at": datetime.now().strftime("%Y-%m-%d %H:%M"),
            "sections": sections,
            "recommendations": recommendations,
            "charts": drawn,
        }
    )
    report.path.parent.mkdir(parents=True, exist_ok=True)
    report.path.write_text(html, encoding="utf-8")
    log(
        f"  wrote {report.path} ({len(html) / 1024:.0f} KiB) and {len(report.charts)} PNG charts "
        f"in {chart_dir}"
    )
    return report
