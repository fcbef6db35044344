"""Structured opening hours: answers "is it open at T" and renders itself in each language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import translation
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _


@dataclass(frozen=True, order=True)
class TimeRange:
    opens: time
    closes: time

    def __contains__(self, moment: time) -> bool:
        return self.opens <= moment < self.closes

    def as_text(self) -> str:
        # The network is European: a 24-hour clock in every language, English included.
        return f"{self.opens:%H:%M}–{self.closes:%H:%M}"


@dataclass(frozen=True)
class DayException:
    """Hours that replace the weekly ones on one date; no ranges means closed."""

    day: date
    ranges: tuple[TimeRange, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class OpeningHours:
    """Weekly ranges (0 = Monday) plus dated exceptions, in one time zone."""

    weekly: Mapping[int, tuple[TimeRange, ...]] = field(default_factory=dict)
    exceptions: Mapping[date, DayException] = field(default_factory=dict)
    by_appointment: bool = False
    time_zone: ZoneInfo = ZoneInfo("Europe/Ljubljana")
    note: str = ""

    @classmethod
    def from_ranges(
        cls,
        weekly: Iterable[tuple[int, time, time]],
        exceptions: Iterable[DayException] = (),
        **kwargs,
    ) -> OpeningHours:
        days: dict[int, list[TimeRange]] = {}
        for weekday, opens, closes in weekly:
            days.setdefault(weekday, []).append(TimeRange(opens, closes))
        return cls(
            weekly={day: tuple(sorted(ranges)) for day, ranges in days.items()},
            exceptions={exception.day: exception for exception in exceptions},
            **kwargs,
        )

    @classmethod
    def for_location(cls, location) -> OpeningHours:
        """Build from a Location's weekly_hours and hours_exceptions (prefetch them for lists)."""
        exceptions = [
            DayException(
                day=row.date,
                ranges=() if row.closed else (TimeRange(row.opens, row.closes),),
                note=row.note,
            )
            for row in location.hours_exceptions.all()
        ]
        return cls.from_ranges(
            ((row.weekday, row.opens, row.closes) for row in location.weekly_hours.all()),
            exceptions,
            by_appointment=location.by_appointment,
            time_zone=ZoneInfo(location.time_zone),
            note=location.hours_note,
        )

    def ranges_on(self, day: date) -> tuple[TimeRange, ...]:
        if day in self.exceptions:
            return self.exceptions[day].ranges
        return self.weekly.get(day.weekday(), ())

    def is_open(self, at: datetime) -> bool:
        """Whether the location is open at ``at`` (aware; naive means local time)."""
        local = at.astimezone(self.time_zone) if at.tzinfo else at
        return any(local.time() in time_range for time_range in self.ranges_on(local.date()))

    @property
    def closed_weekdays(self) -> list[int]:
        return [day for day in range(7) if not self.weekly.get(day)]

    def as_text(self, language: str | None = None) -> str:
        """E.g. "Mon–Fri 07:00–18:00; Sat, Sun closed", in the given or active language."""
        with translation.override(language or translation.get_language()):
            parts = [self._group_text(group) for group in self._weekday_groups()]
            if self.by_appointment:
                parts.append(
                    _("other times by appointment") if self.weekly else _("by appointment")
                )
            if self.note:
                parts.append(self.note)
            return "; ".join(parts)

    def as_lines(self, language: str | None = None) -> list[tuple[str, str]]:
        """One (weekday, hours) pair per day, for a table."""
        with translation.override(language or translation.get_language()):
            return [
                (str(WEEKDAYS[day]), self._ranges_text(self.weekly.get(day, ())))
                for day in range(7)
            ]

    def _weekday_groups(self) -> list[list[int]]:
        """Consecutive weekdays with identical hours, closed days gathered at the end."""
        open_groups: list[list[int]] = []
        for day in range(7):
            ranges = self.weekly.get(day, ())
            if not ranges:
                continue
            if (
                open_groups
                and open_groups[-1][-1] == day - 1
                and self.weekly[open_groups[-1][0]] == ranges
            ):
                open_groups[-1].append(day)
            else:
                open_groups.append([day])
        closed = self.closed_weekdays
        if self.by_appointment and not self.weekly:
            return open_groups
        return open_groups + ([closed] if closed else [])

    def _group_text(self, days: list[int]) -> str:
        if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
            label = f"{WEEKDAYS_ABBR[days[0]]}–{WEEKDAYS_ABBR[days[-1]]}"
        else:
            label = ", ".join(str(WEEKDAYS_ABBR[day]) for day in days)
        return f"{label} {self._ranges_text(self.weekly.get(days[0], ()))}"

    @staticmethod
    def _ranges_text(ranges: tuple[TimeRange, ...]) -> str:
        if not ranges:
            return _("closed")
        return ", ".join(time_range.as_text() for time_range in ranges)
