"""Resolve and check the raw input files before dbt reads them, so a bad input fails in one line.

EVENTS_PATH / SESSIONS_PATH may name a file, a directory (every `.csv` / `.csv.gz` in it) or
a glob (`~/rees46/2019-*.csv.gz`). Each file is checked cheaply, without reading it in full:
it exists, is readable, has a header naming every required column of its source and a line
below it. Columns are matched by name (case and surrounding spaces aside), in any order; a
pandas index (an unnamed first column) and any other column the source does not know are
ignored. Everything a single row can get wrong is the models' business: they quarantine that
row with its reason and load the rest (models/staging/*/base).

The columns of each source, and which of them a file may lack, are read from its dbt source
YAML, where the models and the docs read them too. `write_manifest` hands the checked files to
dbt: their paths, versions and headers, in a JSON file named by env INPUTS_MANIFEST (macro
`input_files`), so that the file lists change no dbt var and a test's build reuses the parse.
"""

from __future__ import annotations

import csv
import glob
import gzip
import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCE_YAML = {
    "events": PROJECT_ROOT / "models/staging/store/_store__sources.yml",
    "sessions": PROJECT_ROOT / "models/staging/ads/_ads__sources.yml",
}
# The dbt source of each dataset.
DBT_SOURCE = {"events": "store", "sessions": "ads"}
SUFFIXES = (".csv", ".csv.gz")
# Enough of a file to hold its header and the start of the first data line.
HEAD_BYTES = 1 << 16
BOM = b"\xef\xbb\xbf"
# The environment variable naming the manifest dbt reads (macro input_files).
MANIFEST_ENV = "INPUTS_MANIFEST"


class InputError(Exception):
    """A raw input that cannot be read; the message names the file and the cause."""


@dataclass(frozen=True)
class SourceColumn:
    name: str
    optional: bool


def source_columns(dataset: str) -> list[SourceColumn]:
    """The raw columns declared for `dataset` in its source YAML (`config: meta: optional`)."""
    (source,) = yaml.safe_load(SOURCE_YAML[dataset].read_text(encoding="utf-8"))["sources"]
    (table,) = source["tables"]
    return [
        SourceColumn(column["name"], bool(column.get("config", {}).get("meta", {}).get("optional")))
        for column in table["columns"]
    ]


def expected_columns(dataset: str) -> list[str]:
    """Every raw column of `dataset`, in the export's own order."""
    return [column.name for column in source_columns(dataset)]


@dataclass(frozen=True)
class InputFile:
    """A checked input file and how its header maps onto its source's columns."""

    path: Path
    version: str  # `<size>@<modification time, epoch microseconds>`: a changed file reloads
    header: tuple[str, ...]  # the header's names as written, in file order
    ignored: tuple[str, ...] = field(default=())  # header names no model reads
    has_index_column: bool = False  # an unnamed first column: the index pandas' to_csv writes
    missing_optional: tuple[str, ...] = field(default=())  # optional columns the file lacks

    def manifest_entry(self) -> dict[str, object]:
        return {
            "source_file": str(self.path),
            "source_file_version": self.version,
            "header": list(self.header),
            "ignored_columns": list(self.ignored),
        }


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


def _version(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}@{stat.st_mtime_ns // 1000}"


def _header_names(path: Path, first_line: str) -> list[str]:
    (names,) = list(csv.reader([first_line])) or [[]]
    names = [name.strip() for name in names]
    if len(names) == 1:
        for separator, called in ((";", "';'"), ("\t", "tabs"), ("|", "'|'")):
            if separator in names[0]:
                raise InputError(f"{path}: the header is separated by {called}, not commas")
    return names


def describe_layout(path: Path, names: list[str], dataset: str, version: str = "") -> InputFile:
    """Map a header onto the dataset's columns by name; raise InputError if a required one is
    missing or named twice."""
    columns = source_columns(dataset)
    folded = [name.casefold() for name in names]
    wanted = {column.name.casefold(): column for column in columns}
    twice = sorted({name for name in folded if name and folded.count(name) > 1 and name in wanted})
    if twice:
        raise InputError(f"{path}: the header names {dataset} column(s) {', '.join(twice)} more than once")
    missing = [column.name for column in columns if column.name.casefold() not in folded]
    required = [name for name in missing if not wanted[name.casefold()].optional]
    if required:
        raise InputError(f"{path}: header lacks {dataset} column(s) {', '.join(required)}")
    has_index = bool(names) and names[0] == ""
    unknown = [
        name if name else f"(unnamed column {position})"
        for position, name in enumerate(names, start=1)
        if name.casefold() not in wanted and not (position == 1 and has_index)
    ]
    return InputFile(
        path=path,
        version=version,
        header=tuple(names),
        ignored=tuple(unknown),
        has_index_column=has_index,
        missing_optional=tuple(missing),
    )


def check_input(path: Path, dataset: str) -> InputFile:
    """Raise InputError unless `path` has a header naming the dataset's required columns and a
    line below it; return how its header maps onto them."""
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
    layout = describe_layout(path, _header_names(path, header), dataset, _version(path))
    if not newline or not rest.strip():
        raise InputError(f"{path}: no data rows below the header")
    return layout


def check_inputs(spec: str, dataset: str) -> list[InputFile]:
    """Resolve `spec` and check every file it names; return the files, in name order."""
    return [check_input(path, dataset) for path in resolve_files(spec)]


def write_manifest(path: Path, inputs: dict[str, list[InputFile]]) -> Path:
    """The checked files of every dataset, as macro input_files reads them (one JSON line)."""
    manifest = {
        DBT_SOURCE[dataset]: [file.manifest_entry() for file in files] for dataset, files in inputs.items()
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def notices(inputs: dict[str, list[InputFile]]) -> list[str]:
    """What the run says once about the files' headers: an index column or an optional column
    that is absent (the ignored columns are listed in pipeline_audit)."""
    lines = []
    for dataset, files in inputs.items():
        indexed = [file for file in files if file.has_index_column]
        if indexed:
            named = indexed[0].path if len(indexed) == 1 else f"{len(indexed)} {dataset} files"
            lines.append(f"  {named}: ignoring the unnamed first column (an index, as pandas writes it)")
        for column in {name for file in files for name in file.missing_optional}:
            lacking = [file for file in files if column in file.missing_optional]
            named = lacking[0].path if len(lacking) == 1 else f"{len(lacking)} {dataset} files"
            lines.append(f"  {named}: no {column} column: its measures are null (no {column} data)")
    return lines
