"""The HTML page: one self-contained file, CSS inlined, charts as inline SVG, no script.

`external_references` finds anything that would make a browser reach outside the file; the
page is refused if it has any, so an offline reader always sees the whole report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"

_EXTERNAL = re.compile(
    r"https?://|ftp://|//cdn|@import|url\(\s*['\"]?(?!#)|<script|<link\b|<iframe|<img\b|\bsrc\s*=",
    re.IGNORECASE,
)


def external_references(html: str) -> list[str]:
    """Snippets of the page that reference something outside it (empty when self-contained)."""
    return [html[max(0, match.start() - 30) : match.end() + 30] for match in _EXTERNAL.finditer(html)]


def render_page(context: dict[str, Any]) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    html = environment.get_template("report.html.j2").render(css=jinja2.filters.Markup(css), **context)
    found = external_references(html)
    if found:
        raise ValueError(f"the report would reference something outside the file: {found[:3]}")
    return html
