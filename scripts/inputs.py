"""Check a raw input file before dbt reads it, so a bad file fails in one clear line.

The expected header of each source is read from its dbt source YAML: the column list is
defined once, where the staging models and the docs read it too.
"""

from __future__ import annotations

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


class InputError(Exception):
    """A raw input file that cannot be read; the message names the file and the cause."""


def expected_columns(dataset: str) -> list[str]:
    """The raw columns declared for `dataset` in its source YAML, in file order."""
    spec = yaml.safe_load(SOURCE_YAML[dataset].read_text(encoding="utf-8"))
    (table,) = spec["sources"][0]["tables"]
    return [column["name"] for column in table["columns"]]


def _first_line(path: Path) -> str:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            return handle.readline().rstrip("\r\n")
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except (OSError, EOFError, zlib.error) as exc:
        # gzip raises BadGzipFile (an OSError) or EOFError on a damaged or non-gzip file.
        raise InputError(f"{path}: not a readable gzip file ({exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def check_input(path: Path, dataset: str) -> None:
    """Raise InputError unless `path` is a non-empty CSV whose header has the expected columns."""
    if not path.exists():
        raise InputError(f"{path}: file not found")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path}: permission denied")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: file is empty")
    header = _first_line(path)
    if not header:
        raise InputError(f"{path}: file is empty (no header row)")
    found = [name.strip().strip('"') for name in header.split(",")]
    missing = [name for name in expected_columns(dataset) if name not in found]
    if missing:
        raise InputError(f"{path}: header lacks {dataset} column(s) {', '.join(missing)}")
