"""Vega-Lite specs to pictures, offline: inline SVG for the page, PNG files for everyone else.

vl-convert bundles Vega and renders without a browser or network. The SVG is made safe to
inline several times on one page: its namespace declarations (URLs a reader might take for
external references; HTML5 does not need them) are dropped, and its element ids (clip paths,
gradients) are prefixed with the chart's name so that two charts never share an id.
"""

from __future__ import annotations

import re
from pathlib import Path

import vl_convert

PNG_SCALE = 2  # pixels per CSS pixel: sharp on high-density screens and in slides

_NAMESPACES = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')
_ID = re.compile(r'\bid="([^"]+)"')
_ID_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')


def svg(spec: dict, name: str) -> str:
    """The chart as an `<svg>` element ready to inline in HTML5."""
    text = vl_convert.vegalite_to_svg(spec)
    text = _NAMESPACES.sub("", text)
    text = text.replace("xlink:href=", "href=")
    text = _ID.sub(lambda match: f'id="{name}-{match.group(1)}"', text)
    text = _ID_REFERENCE.sub(lambda match: f"{match.group(1)}{name}-{match.group(2)}", text)
    title = spec.get("title")
    label = title.get("text") if isinstance(title, dict) else title
    if label:
        label = str(label).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        text = text.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return text


def png(spec: dict, path: Path) -> Path:
    """Write the chart as a PNG file; return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(vl_convert.vegalite_to_png(spec, scale=PNG_SCALE))
    return path
