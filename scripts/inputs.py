"""Check a raw input file before dbt reads it, so a bad file fails in one clear line.

The expected header and the exact `read_csv` call of each source are read from its dbt source
YAML: they are defined once, where the staging models and the docs read them too.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from pathlib import Path

import duckdb
import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCE_YAML = {
    "events": PROJECT_ROOT / "models/staging/store/_store__sources.yml",
    "sessions": PROJECT_ROOT / "models/staging/ads/_ads__sources.yml",
}


class InputError(Exception):
    """A raw input file that cannot be read; the message names the file and the cause."""


def _source(dataset: str) -> dict:
    return yaml.safe_load(SOURCE_YAML[dataset].read_text(encoding="utf-8"))["sources"][0]


def expected_columns(dataset: str) -> list[str]:
    """The raw columns declared for `dataset` in its source YAML, in file order."""
    (table,) = _source(dataset)["tables"]
    return [column["name"] for column in table["columns"]]


def read_csv_call(dataset: str) -> str:
    """The source's `read_csv(...)` with its path (a Jinja env_var) as a `?` parameter."""
    location = _source(dataset)["config"]["meta"]["external_location"]
    return re.sub(r"'\{\{.*?\}\}'", "?", location, flags=re.DOTALL)


def _data_row_count(path: Path, dataset: str) -> int:
    """Read the whole file exactly as dbt will; a damaged file fails here, in one line."""
    try:
        (count,) = duckdb.execute(f"select count(*) from {read_csv_call(dataset)}", [str(path)]).fetchone()
    except duckdb.Error as exc:
        cause = str(exc).splitlines()[0].replace(f'"{path}"', "").replace(f": {path}", "")
        raise InputError(f"{path}: cannot be read as CSV ({cause.rstrip(' .')})") from None
    return count


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
    """Raise InputError unless `path` is a readable CSV with the expected header and data rows."""
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
    if _data_row_count(path, dataset) == 0:
        raise InputError(f"{path}: no data rows below the header")
