"""A number (or name) shown to a reader, tied to the mart value it was read from.

Every figure on the page is one of these: the HTML carries its key and source
(`data-figure`, `data-source`) so a test can look the value up in the mart and compare. The
text is formatted by `scripts.formatting.format_value`, by the column's naming convention.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.formatting import format_value


@dataclass(frozen=True)
class Figure:
    key: str  # stable id, unique on the page
    relation: str  # schema.table it was read from
    column: str
    value: Any

    @property
    def source(self) -> str:
        return f"{self.relation}.{self.column}"

    @property
    def text(self) -> str:
        return format_value(self.column, self.value)


def figure(key: str, relation: str, row: dict[str, Any], column: str) -> Figure:
    """The figure for `row[column]`, a row read from `relation`."""
    return Figure(key=key, relation=relation, column=column, value=row[column])
