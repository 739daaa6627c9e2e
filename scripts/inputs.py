"""Resolve and check the raw input files before dbt reads them, so a bad input fails in one line.

EVENTS_PATH / SESSIONS_PATH may name a file, a directory (every `.csv` / `.csv.gz` in it) or
a glob (`~/rees46/2019-*.csv.gz`). Each file is checked cheaply, without reading it in full:
it exists, is readable, starts with the source's header (a UTF-8 BOM and CRLF are fine) and has
a line below it. Everything a single line can get wrong is the models' business: they
quarantine that line with its reason and load the rest (models/staging/*/base).

The expected header of each source is read from its dbt source YAML, where the models and the
docs read it too.
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCE_YAML = {
    "events": PROJECT_ROOT / "models/staging/store/_store__sources.yml",
    "sessions": PROJECT_ROOT / "models/staging/ads/_ads__sources.yml",
}
# The dbt source of each dataset; dbt reads its files from the var `<source>_files`.
DBT_SOURCE = {"events": "store", "sessions": "ads"}
SUFFIXES = (".csv", ".csv.gz")
# Enough of a file to hold its header and the start of the first data line.
HEAD_BYTES = 1 << 16
BOM = b"\xef\xbb\xbf"


class InputError(Exception):
    """A raw input that cannot be read; the message names the file and the cause."""


def expected_columns(dataset: str) -> list[str]:
    """The raw columns declared for `dataset` in its source YAML, in file order."""
    (source,) = yaml.safe_load(SOURCE_YAML[dataset].read_text(encoding="utf-8"))["sources"]
    (table,) = source["tables"]
    return [column["name"] for column in table["columns"]]


def resolve_files(spec: str) -> list[Path]:
    """The files a path names: itself, the .csv / .csv.gz files of a directory, or a glob's matches.

    An existing file is taken literally even when its name holds glob characters (`[`, `*`).
    """
    path = Path(spec).expanduser()
    if path.is_file():
        return [path.resolve()]
    if path.is_dir():
        files = sorted(p.resolve() for p in path.iterdir() if p.is_file() and p.name.endswith(SUFFIXES))
        if not files:
            raise InputError(f"{path}: no .csv or .csv.gz file in this directory")
        return files
    if glob.has_magic(str(path)):
        files = sorted(Path(p).resolve() for p in glob.glob(str(path)) if Path(p).is_file())
        if not files:
            raise InputError(f"{path}: no file matches this pattern")
        return files
    if not path.exists():
        raise InputError(f"{path}: file not found")
    raise InputError(f"{path}: not a regular file")


def _head(path: Path) -> bytes:
    """The first bytes of the file, decompressed when it is a .gz."""
    try:
        if path.name.endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                return handle.read(HEAD_BYTES)
        with open(path, "rb") as handle:
            return handle.read(HEAD_BYTES)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except (OSError, EOFError, zlib.error) as exc:
        # gzip raises BadGzipFile (an OSError) or EOFError on a damaged or non-gzip file.
        raise InputError(f"{path}: not a readable gzip file ({exc})") from None


def _header_problem(found: list[str], expected: list[str], dataset: str) -> str | None:
    if found == expected:
        return None
    missing = [name for name in expected if name not in found]
    if missing:
        return f"header lacks {dataset} column(s) {', '.join(missing)}"
    unexpected = [name for name in found if name not in expected]
    if unexpected:
        return f"header has column(s) {', '.join(unexpected)} that the {dataset} layout does not"
    return f"header columns are in another order than the {dataset} layout ({', '.join(expected)})"


def check_input(path: Path, dataset: str) -> None:
    """Raise InputError unless `path` starts with the dataset's header and has a line below it."""
    if not path.exists():
        raise InputError(f"{path}: file not found")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path}: permission denied")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: file is empty")
    head = _head(path).removeprefix(BOM)
    first_line, newline, rest = head.partition(b"\n")
    first_line = first_line.rstrip(b"\r")
    if not first_line.strip():
        raise InputError(f"{path}: file is empty (no header row)")
    try:
        header = first_line.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: the header row is not UTF-8 text") from None
    found = [name.strip().strip('"') for name in header.split(",")]
    problem = _header_problem(found, expected_columns(dataset), dataset)
    if problem:
        raise InputError(f"{path}: {problem}")
    if not newline or not rest.strip():
        raise InputError(f"{path}: no data rows below the header")


def check_inputs(spec: str, dataset: str) -> list[Path]:
    """Resolve `spec` and check every file it names; return the files, in name order."""
    files = resolve_files(spec)
    for path in files:
        check_input(path, dataset)
    return files
