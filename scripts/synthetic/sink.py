"""Byte-stable CSV writing shared by both generators.

Byte-identical output across runs and machines needs three things: a fixed line ending,
no locale-dependent formatting (callers format every value themselves), and, for
`.csv.gz`, a gzip header without the file name or modification time.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def open_csv(path: Path) -> Iterator[TextIO]:
    """Open `path` for writing text; gzip-compressed when the name ends in `.gz`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        # filename="" and mtime=0 keep the gzip header free of anything run-specific; level 6
        # (gzip's own default) is several times faster than Python's 9 for a few % more bytes.
        # Closed innermost first: the text layer flushes into the gzip stream, which writes its
        # trailer, then the file.
        with (
            open(path, "wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as zipped,
            io.TextIOWrapper(zipped, encoding="utf-8", newline="\n") as text,
        ):
            yield text
    else:
        with open(path, "w", encoding="utf-8", newline="\n") as text:
            yield text


def manifest_path(data_path: Path) -> Path:
    """The manifest sits beside the data: `events.csv.gz` -> `events.manifest.json`."""
    name = data_path.name
    for suffix in (".csv.gz", ".csv"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return data_path.with_name(f"{name}.manifest.json")


def write_manifest(data_path: Path, manifest: dict) -> Path:
    """Write the planted counts as sorted, indented JSON (stable bytes)."""
    target = manifest_path(data_path)
    target.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return target
