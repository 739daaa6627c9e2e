"""What a page is filtered on, and the slice of its fact table that the filters select.

A filter is a frozen dataclass, so it is hashable and keys the query cache. An empty tuple
means "every value"; the date range is inclusive. `is_unfiltered` decides whether a page reads
the marts themselves (pre-aggregated, instant) or their filtered queries over a slice. Its
`params()` are the values of its slice's parameters, by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Slice:
    """The rows a filtered page recomputes its marts from (scripts/dashboard/queries.py): the
    published fact table `fact_table` (a mart), its `date_column` from parameter start_date to
    end_date, and each list parameter's column among the values picked (an empty list: every
    value). Values are bind parameters ($1, $2, ... in the order of `parameters`), so the SQL is
    composed once and a value picked never becomes SQL text."""

    fact_table: str
    date_column: str
    lists: tuple[tuple[str, str, str], ...]  # (parameter, column, SQL type of its values)

    @property
    def parameters(self) -> tuple[str, ...]:
        return ("start_date", "end_date", *(name for name, _, _ in self.lists))

    def sql(self, relation: str) -> str:
        """The slice over `relation`, the fact table as the compiled SQL names it."""
        conditions = [f"{self.date_column} between cast($1 as date) and cast($2 as date)"]
        for position, (_, column, value_type) in enumerate(self.lists, start=3):
            values = f"cast(${position} as {value_type}[])"
            conditions.append(f"(len({values}) = 0 or list_contains({values}, {column}))")
        return f"select *\nfrom {relation}\nwhere\n    " + "\n    and ".join(conditions)


# Brand and top-level category as exported (`Unknown` where missing), as the marts group them.
STORE_SLICE = Slice(
    "events_cleaned",
    "event_date",
    (("brands", "brand", "varchar"), ("categories", "category_top_level", "varchar")),
)
# The demographics are their `_label` columns, so `Unknown` can be picked.
CAMPAIGN_SLICE = Slice(
    "sessions_cleaned",
    "session_date",
    (
        ("campaigns", "campaign_id", "bigint"),
        ("genders", "gender_label", "varchar"),
        ("age_levels", "age_level_label", "varchar"),
        ("city_development_indexes", "city_development_label", "varchar"),
        ("user_groups", "user_group_label", "varchar"),
    ),
)


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date

    def covers(self, other: DateRange) -> bool:
        return self.start <= other.start and self.end >= other.end


@dataclass(frozen=True)
class StoreFilters:
    """The Store page: event date, brand and top-level category as exported (`Unknown` for a
    missing one, as the marts group them)."""

    dates: DateRange
    brands: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def is_unfiltered(self, full: DateRange) -> bool:
        return self.dates.covers(full) and not self.brands and not self.categories

    def params(self) -> dict[str, Any]:
        return {
            "start_date": self.dates.start,
            "end_date": self.dates.end,
            "brands": list(self.brands),
            "categories": list(self.categories),
        }


@dataclass(frozen=True)
class CampaignFilters:
    """The Campaigns page: session date, campaign and the four demographic values (their
    `_label` texts, `Unknown` included)."""

    dates: DateRange
    campaigns: tuple[int, ...] = ()
    genders: tuple[str, ...] = ()
    age_levels: tuple[str, ...] = ()
    city_development_indexes: tuple[str, ...] = ()
    user_groups: tuple[str, ...] = ()

    def is_unfiltered(self, full: DateRange) -> bool:
        lists = (
            self.campaigns,
            self.genders,
            self.age_levels,
            self.city_development_indexes,
            self.user_groups,
        )
        return self.dates.covers(full) and not any(lists)

    def params(self) -> dict[str, Any]:
        return {
            "start_date": self.dates.start,
            "end_date": self.dates.end,
            "campaigns": [int(campaign) for campaign in self.campaigns],
            "genders": list(self.genders),
            "age_levels": list(self.age_levels),
            "city_development_indexes": list(self.city_development_indexes),
            "user_groups": list(self.user_groups),
        }
