"""What the public asks a calendar: filters and months from the query string, and month grids.

Shared by the event index (list, month calendar, printable programme) and the
iCal feeds, so bad input gets the same clear 400 everywhere.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.utils import timezone

from sites.models.occurrences import CalendarEntry, Occurrence
from sites.occurrences import RangeError

FILTER_PARAMETERS = ("location", "programme", "target_group")


@dataclass(frozen=True)
class OccurrenceFilters:
    """The optional narrowing a visitor may ask for, as ids."""

    location: int | None = None
    programme: int | None = None
    target_group: int | None = None

    @classmethod
    def from_query(cls, query) -> OccurrenceFilters:
        values = {}
        for name in FILTER_PARAMETERS:
            raw = query.get(name, "").strip()
            if not raw:
                continue
            if not raw.isdigit():
                raise RangeError(name, f"'{name}' must be a whole number (an id), not {raw!r}.")
            values[name] = int(raw)
        return cls(**values)

    def as_kwargs(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in FILTER_PARAMETERS if getattr(self, name)}

    def as_query(self) -> str:
        return "&".join(f"{name}={value}" for name, value in self.as_kwargs().items())


def parse_month(year: str, month: str) -> date:
    """The first day of a month from URL parts; a bad month is a ``RangeError``."""
    number = int(month)
    if not 1 <= number <= 12:
        raise RangeError("month", f"'month' must be between 1 and 12, not {number}.")
    if not 1900 <= int(year) <= 2200:
        raise RangeError("year", f"'year' must be between 1900 and 2200, not {year}.")
    return date(int(year), number, 1)


def month_bounds(first: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The month as an aware [start, end) in the given zone."""
    following = next_month(first)
    return (
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(following, time.min, tzinfo=zone),
    )


def next_month(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1)


def previous_month(first: date) -> date:
    return (first - timedelta(days=1)).replace(day=1)


def in_language(queryset: QuerySet, locale_id: int, *, via: str = "entry__") -> QuerySet:
    """Each page once: in the locale where translated, else in the language it exists in.

    ``queryset`` holds occurrences (``via="entry__"``) or calendar entries (``via=""``).
    Only listed translations count (live, public: they have a calendar entry); a draft
    translation must not hide the original.
    """
    translated = CalendarEntry.objects.filter(locale_id=locale_id).values("page__translation_key")
    return queryset.filter(
        Q(**{f"{via}locale_id": locale_id}) | ~Q(**{f"{via}page__translation_key__in": translated})
    )


def occurrence_times(occurrence: Occurrence) -> tuple[datetime, datetime]:
    """An occurrence's start and end in its schedule's local time, to the second."""
    zone = ZoneInfo(occurrence.entry.time_zone)
    return (
        timezone.localtime(occurrence.start, zone).replace(microsecond=0),
        timezone.localtime(occurrence.end, zone).replace(microsecond=0),
    )


@dataclass
class Day:
    day: date
    in_month: bool
    is_today: bool
    occurrences: list[Occurrence] = field(default_factory=list)


def month_grid(first: date, occurrences: list[Occurrence], today: date) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day with the occurrences starting on it."""
    by_day: dict[date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_day[occurrence_times(occurrence)[0].date()].append(occurrence)
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return [
        [
            Day(
                day=day,
                in_month=day.month == first.month,
                is_today=day == today,
                occurrences=by_day.get(day, []),
            )
            for day in week
        ]
        for week in weeks
    ]


def by_day(occurrences: list[Occurrence]) -> list[tuple[date, list[Occurrence]]]:
    """Occurrences grouped by their local start date, in order (the printable programme)."""
    grouped: dict[date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        grouped[occurrence_times(occurrence)[0].date()].append(occurrence)
    return sorted(grouped.items())
