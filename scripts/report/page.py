"""The HTML page: one self-contained file, CSS inlined, charts as inline SVG, no script.

`external_references` finds anything in the page's markup that would make a browser reach
outside the file; the page is refused if it has any, so an offline reader always sees the
whole report. It reads tags, attributes and CSS, not text: a mart value such as a brand
written `http://...` is escaped text a browser never follows, and must not stop the report.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Elements that load or run something by themselves.
_LOADING_TAGS = {
    "script",
    "link",
    "iframe",
    "frame",
    "frameset",
    "img",
    "image",
    "object",
    "embed",
    "base",
    "audio",
    "video",
    "source",
    "track",
    "portal",
    "meta",
}
# Attributes whose value is a location; only in-page anchors (`#id`) are allowed.
_LOCATION_ATTRIBUTES = {
    "src",
    "href",
    "xlink:href",
    "srcset",
    "data",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "codebase",
    "ping",
    "manifest",
}
_EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?(?!#)|expression\(", re.IGNORECASE)
# The page's own head: its charset and viewport tags load nothing.
_ALLOWED_META = {"charset", "name", "content"}


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        shown = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attributes.items())}>"[:120]
        if tag == "meta":
            if not set(attributes) <= _ALLOWED_META or "http-equiv" in attributes:
                self.found.append(shown)
        elif tag in _LOADING_TAGS:
            self.found.append(shown)
        for name, value in attributes.items():
            if (
                (name in _LOCATION_ATTRIBUTES and value and not value.startswith("#"))
                or (name == "style" and _EXTERNAL_CSS.search(value))
                or name.startswith("on")
            ):
                self.found.append(shown)
        self._in_style = tag == "style"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [data[max(0, m.start() - 30) : m.end() + 30] for m in _EXTERNAL_CSS.finditer(data)]


def external_references(html: str) -> list[str]:
    """Snippets of the page's markup (tags, attributes, CSS) that reference something outside
    it or run something (empty when self-contained)."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.found


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
