"""Demo schedules: weekly groups over the season (October to June) and their changes.

Dates are computed from the load date, so the demo always shows upcoming dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from recurrence import WEEKLY, Recurrence, Rule, serialize

from network.demo.content import DemoContext
from sites.schedules import Schedule

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class DateChange:
    """The ``nth`` upcoming date (0 = the next) cancelled, or moved by ``shift_days``."""

    nth: int
    reason: str
    shift_days: int = 0


@dataclass(frozen=True)
class RepeatText:
    """Every ``interval`` weeks on ``weekdays`` from ``starts`` to ``ends`` (local times)."""

    weekdays: tuple[str, ...]
    starts: str
    ends: str
    interval: int = 1
    skip_public_holidays: bool = True
    # First date: 1 October of the season, or (month, day) for other starts.
    season_start: tuple[int, int] = (10, 1)
    months: int = 9  # October to June
    changes: tuple[DateChange, ...] = ()


def season_first_day(today: date, month: int, day: int, months: int) -> date:
    """The start of the season under way, or else of the next one (so dates lie ahead)."""
    previous = date(today.year - 1, month, day)
    return previous if today < add_months(previous, months) else date(today.year, month, day)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, 1) - timedelta(days=1) if day.day > 28 else date(year, month, day.day)


def schedule_fields(ctx: DemoContext, repeat: RepeatText) -> tuple[dict, list[dict]]:
    """Page fields and schedule-change rows for a repeating demo activity."""
    season = season_first_day(ctx.today, *repeat.season_start, repeat.months)
    numbers = [WEEKDAYS.index(name) for name in repeat.weekdays]
    first = season
    while first.weekday() not in numbers:
        first += timedelta(days=1)
    until = add_months(season, repeat.months) - timedelta(days=1)
    rule = Rule(
        WEEKLY,
        interval=repeat.interval,
        byday=numbers,
        until=datetime.combine(until, time(23, 59)),
    )
    fields = {
        "start_date": first,
        "start_time": time.fromisoformat(repeat.starts),
        "end_time": time.fromisoformat(repeat.ends),
        "recurrence": serialize(Recurrence(rrules=[rule])),
        "skip_public_holidays": repeat.skip_public_holidays,
    }
    changes = []
    if repeat.changes:
        schedule = Schedule.build(
            zone=ctx.spec.time_zone,
            start_date=first,
            start_time=fields["start_time"],
            end_time=fields["end_time"],
            recurrence=Recurrence(rrules=[rule]),
            skip_public_holidays=repeat.skip_public_holidays,
        )
        after = datetime.combine(ctx.today + timedelta(days=1), time.min)
        upcoming = schedule.planned_starts(after, after + timedelta(days=180))
        for change in repeat.changes:
            original = upcoming[change.nth].date()
            changes.append(
                {
                    "original_date": original,
                    "action": "moved" if change.shift_days else "cancelled",
                    "new_date": original + timedelta(days=change.shift_days)
                    if change.shift_days
                    else None,
                    "reason": change.reason,
                }
            )
    return fields, changes
