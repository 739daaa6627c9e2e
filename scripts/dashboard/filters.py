"""What a page is filtered on, as the bind parameters of the analyses' slice macros
(macros/dashboard/dashboard_slices.sql).

A filter is a frozen dataclass, so it is hashable and keys the query cache. An empty tuple
means "every value"; the date range is inclusive. `is_unfiltered` decides whether a page reads
the marts themselves (pre-aggregated, instant) or the analyses over a slice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


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
