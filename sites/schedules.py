"""Schedules: when an event or programme happens, expanded in local wall-clock time.

django-recurrence stores its datetimes in UTC, which makes a weekly 10:00 rule in
Europe/Ljubljana drift to 09:00 after the October DST change, and its exclusion
dates are midnights that never match a 10:00 occurrence. So a ``Schedule`` keeps
the first start as a *local* date and time plus the time zone, takes only the
rule's shape from django-recurrence, treats extra and excluded dates as dates,
and expands every rule between explicit, capped bounds in local time.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil import rrule as dateutil_rrule
from django.conf import settings
from django.utils import timezone
from recurrence import Recurrence, Rule, serialize


class OccurrenceStatus:
    """What the public is told about one occurrence."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"  # moved to another date or time
    POSTPONED = "postponed"
    MOVED_ONLINE = "moved_online"


def calendar_setting(name: str) -> int:
    return settings.MREZA["CALENDAR"][name]


@dataclass(frozen=True)
class Change:
    """A cancelled or moved single occurrence, keyed by its original local date."""

    original_date: date
    cancelled: bool
    reason: str = ""
    new_date: date | None = None
    new_start_time: time | None = None
    new_end_time: time | None = None


@dataclass(frozen=True)
class PlannedOccurrence:
    """One occurrence as the schedule says it happens (aware datetimes, local zone)."""

    start: datetime
    end: datetime
    status: str = OccurrenceStatus.SCHEDULED
    original_start: datetime | None = None
    note: str = ""


@dataclass
class Schedule:
    """A first occurrence in local time, repeated by at most one rule."""

    zone: ZoneInfo
    first_start: datetime  # naive, local wall-clock time
    duration: timedelta
    rule: Rule | None = None
    extra_dates: frozenset[date] = frozenset()
    excluded_dates: frozenset[date] = frozenset()
    holiday_country: str | None = None
    changes: dict[date, Change] = field(default_factory=dict)
    status: str = OccurrenceStatus.SCHEDULED
    status_note: str = ""

    # -- construction ---------------------------------------------------------

    @classmethod
    def build(
        cls,
        *,
        zone: str,
        start_date: date,
        start_time: time,
        end_time: time,
        end_date: date | None = None,
        recurrence: Recurrence | None = None,
        skip_public_holidays: bool = False,
        changes: Iterable[Change] = (),
        status: str = OccurrenceStatus.SCHEDULED,
        status_note: str = "",
    ) -> Schedule:
        tz = ZoneInfo(zone)
        first_start = datetime.combine(start_date, start_time)
        first_end = datetime.combine(end_date or start_date, end_time)
        rules = list(recurrence.rrules) if recurrence else []
        return cls(
            zone=tz,
            first_start=first_start,
            duration=first_end - first_start,
            rule=rules[0] if rules else None,
            extra_dates=frozenset(
                local_date(d, tz) for d in (recurrence.rdates if recurrence else ())
            ),
            excluded_dates=frozenset(
                local_date(d, tz) for d in (recurrence.exdates if recurrence else ())
            ),
            holiday_country=settings.MREZA["HOLIDAY_COUNTRIES"].get(zone)
            if skip_public_holidays
            else None,
            changes={change.original_date: change for change in changes},
            status=status,
            status_note=status_note,
        )

    # -- the rule in local time --------------------------------------------

    @property
    def until_date(self) -> date | None:
        """The last local date the rule may start on (UNTIL normalised to a date)."""
        if self.rule is None or self.rule.until is None:
            return None
        return local_date(self.rule.until, self.zone)

    @property
    def is_recurring(self) -> bool:
        return self.rule is not None or bool(self.extra_dates)

    def local_rule(self) -> dateutil_rrule.rrule | None:
        """The rule as a dateutil rrule over naive local datetimes."""
        if self.rule is None:
            return None
        until = self.until_date
        # django-recurrence would shift an aware UNTIL by the UTC offset: strip it, re-add it.
        shape = copy.copy(self.rule)
        shape.until = None
        local = shape.to_dateutil_rrule(dtstart=self.first_start)
        if until is not None:
            local = local.replace(until=datetime.combine(until, time.max))
        return local

    def rrule_text(self) -> str | None:
        """The rule as RFC 5545 RECUR text, UNTIL in UTC as the RFC requires with a TZID."""
        if self.rule is None:
            return None
        shape = copy.copy(self.rule)
        until = self.until_date
        shape.until = aware(datetime.combine(until, time(23, 59, 59)), self.zone) if until else None
        if shape.count is not None:
            shape.until = None
        return serialize(shape).removeprefix("RRULE:")

    # -- expansion -------------------------------------------------------------

    def planned_starts(self, after: datetime, before: datetime) -> list[datetime]:
        """Naive local starts of the plan (before changes) with after <= start < before.

        Holidays and excluded dates are already removed; both bounds are always
        given, because dateutil's ``between`` without them skips or duplicates.
        """
        starts: set[datetime] = set()
        rule = self.local_rule()
        if rule is not None:
            starts.update(rule.between(after, before, inc=True))
        elif after <= self.first_start < before:
            starts.add(self.first_start)
        for extra in self.extra_dates:
            candidate = datetime.combine(extra, self.first_start.time())
            if after <= candidate < before:
                starts.add(candidate)
        skipped = self.excluded_dates | self.holidays_between(after.date(), before.date())
        return sorted(start for start in starts if start < before and start.date() not in skipped)

    def holidays_between(self, first: date, last: date) -> frozenset[date]:
        if not self.holiday_country:
            return frozenset()
        return public_holidays(self.holiday_country, first.year, last.year)

    def expand(self, window_start: datetime, window_end: datetime) -> list[PlannedOccurrence]:
        """Occurrences overlapping [window_start, window_end), capped at the horizon.

        Moved occurrences appear at their new time, cancelled ones with that status.
        """
        horizon = timezone.now() + timedelta(days=calendar_setting("HORIZON_DAYS"))
        window_end = min(window_end, horizon)
        if window_end <= window_start:
            return []
        # Reach back one duration, so an occurrence already under way is included.
        after = naive_local(window_start - self.duration, self.zone) - timedelta(days=1)
        before = naive_local(window_end, self.zone) + timedelta(days=1)
        starts = set(self.planned_starts(after, before))
        # Occurrences moved into the window from a date outside it.
        for change in self.changes.values():
            if not change.cancelled and change.new_date is not None:
                day = datetime.combine(change.original_date, time.min)
                starts.update(self.planned_starts(day, day + timedelta(days=1)))
        occurrences = []
        for start in starts:
            occurrence = self.occurrence_at(start)
            if occurrence.start < window_end and occurrence.end > window_start:
                occurrences.append(occurrence)
        return sorted(occurrences, key=lambda o: (o.start, o.end))

    def occurrence_at(self, start: datetime) -> PlannedOccurrence:
        """The occurrence planned for the naive local ``start``, with its change applied."""
        change = self.changes.get(start.date())
        if change is not None and change.cancelled:
            return self._occurrence(
                start, start + self.duration, OccurrenceStatus.CANCELLED, None, change.reason
            )
        if change is not None and change.new_date is not None:
            new_start = datetime.combine(change.new_date, change.new_start_time or start.time())
            if change.new_end_time is not None:
                new_end = datetime.combine(change.new_date, change.new_end_time)
                if new_end <= new_start:
                    new_end += timedelta(days=1)
            else:
                new_end = new_start + self.duration
            return self._occurrence(
                new_start, new_end, OccurrenceStatus.RESCHEDULED, start, change.reason
            )
        return self._occurrence(start, start + self.duration, self.status, None, self.status_note)

    def _occurrence(
        self, start: datetime, end: datetime, status: str, original: datetime | None, note: str
    ) -> PlannedOccurrence:
        if self.status != OccurrenceStatus.SCHEDULED and status != OccurrenceStatus.CANCELLED:
            # The whole series' status (cancelled, postponed, online) wins over a move.
            status, note = self.status, self.status_note or note
        return PlannedOccurrence(
            start=aware(start, self.zone),
            end=aware(end, self.zone),
            status=status,
            original_start=aware(original, self.zone) if original else None,
            note=note,
        )

    def signature(self) -> str:
        """A digest of everything a calendar app sees; it changes iff the schedule does."""
        data = {
            "zone": self.zone.key,
            "start": self.first_start.isoformat(),
            "duration": self.duration.total_seconds(),
            "rule": str(self.local_rule()) if self.rule else None,
            "extra": sorted(d.isoformat() for d in self.extra_dates),
            "excluded": sorted(d.isoformat() for d in self.excluded_dates),
            "holidays": self.holiday_country,
            "changes": sorted(repr(change) for change in self.changes.values()),
            "status": [self.status, self.status_note],
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


# -- time helpers ------------------------------------------------------------------


def local_date(moment: date | datetime, zone: ZoneInfo) -> date:
    """The local date of a moment django-recurrence stored (aware UTC or naive)."""
    if isinstance(moment, datetime):
        if timezone.is_aware(moment):
            return moment.astimezone(zone).date()
        return moment.date()
    return moment


def aware(moment: datetime, zone: ZoneInfo) -> datetime:
    """A naive local wall-clock time made aware; times in the spring gap move forward."""
    localised = moment.replace(tzinfo=zone)
    # Round-trip through UTC normalises non-existent times (02:30 on the spring change).
    return localised.astimezone(ZoneInfo("UTC")).astimezone(zone)


def naive_local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


@lru_cache(maxsize=64)
def public_holidays(country: str, first_year: int, last_year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=range(first_year, last_year + 1)))
