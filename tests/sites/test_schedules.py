"""Schedules expand in local wall-clock time, around each of django-recurrence's pitfalls."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import override_settings
from recurrence import DAILY, WEEKLY, Recurrence, Rule, deserialize

from sites.schedules import Change, Schedule

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
PRAGUE = ZoneInfo("Europe/Prague")
UTC = ZoneInfo("UTC")


def weekly(start: date, *, zone="Europe/Ljubljana", byday=(1,), until=None, **options) -> Schedule:
    rule = Rule(WEEKLY, byday=list(byday), until=until)
    return Schedule.build(
        zone=zone,
        start_date=start,
        start_time=time(10),
        end_time=time(12),
        recurrence=Recurrence(rrules=[rule], **options.pop("dates", {})),
        **options,
    )


def window(first: date, last: date, zone=LJUBLJANA) -> tuple[datetime, datetime]:
    return (
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(last, time.min, tzinfo=zone),
    )


def calendar_settings(**values):
    """The MREZA settings with some CALENDAR values replaced."""
    return override_settings(
        MREZA={**settings.MREZA, "CALENDAR": {**settings.MREZA["CALENDAR"], **values}}
    )


@pytest.fixture(autouse=True)
def far_horizon():
    # The expansion caps at the horizon from "now"; these tests look years ahead.
    with calendar_settings(HORIZON_DAYS=3650):
        yield


def test_a_weekly_10_oclock_rule_stays_at_10_across_both_dst_changes():
    # Pitfall: stored in UTC, 10:00 CEST becomes 09:00 CET after the October change.
    schedule = weekly(date(2026, 9, 1))
    occurrences = schedule.expand(*window(date(2026, 9, 1), date(2027, 5, 1)))

    local = [occurrence.start.astimezone(LJUBLJANA) for occurrence in occurrences]
    assert {start.time() for start in local} == {time(10)}
    assert {start.weekday() for start in local} == {1}
    # Both offsets occur, so the UTC instants really differ across the changes.
    assert {start.utcoffset() for start in local} == {timedelta(hours=1), timedelta(hours=2)}
    assert occurrences[0].start == datetime(2026, 9, 1, 8, tzinfo=UTC)
    after_october = next(o for o in occurrences if o.start.date() > date(2026, 10, 25))
    assert after_october.start == datetime(2026, 10, 27, 9, tzinfo=UTC)
    after_march = next(o for o in occurrences if o.start.date() > date(2027, 3, 28))
    assert after_march.start == datetime(2027, 3, 30, 8, tzinfo=UTC)


def test_the_same_rule_in_prague_is_at_10_in_prague():
    schedule = weekly(date(2026, 11, 3), zone="Europe/Prague")
    (first, *_rest) = schedule.expand(*window(date(2026, 11, 1), date(2026, 12, 1), PRAGUE))
    assert first.start.astimezone(PRAGUE).time() == time(10)
    assert first.start.tzinfo.key == "Europe/Prague"


def test_an_exclusion_saved_at_midnight_cancels_the_10_oclock_occurrence():
    # Pitfall: django-recurrence stores EXDATE as midnight UTC, which never equals 10:00.
    stored = deserialize(
        "RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE:20261110T000000Z\nEXDATE:20261116T230000Z"
    )
    schedule = Schedule.build(
        zone="Europe/Ljubljana",
        start_date=date(2026, 11, 3),
        start_time=time(10),
        end_time=time(12),
        recurrence=stored,
    )
    days = [o.start.date() for o in schedule.expand(*window(date(2026, 11, 1), date(2026, 12, 1)))]
    # 10 Nov excluded (midnight UTC), 17 Nov excluded (local midnight stored as 23:00 UTC).
    assert days == [date(2026, 11, 3), date(2026, 11, 24)]


def test_an_extra_date_is_added_at_the_schedules_time():
    schedule = weekly(date(2026, 11, 3), dates={"rdates": [datetime(2026, 11, 14, 0, 0)]})
    occurrences = schedule.expand(*window(date(2026, 11, 1), date(2026, 11, 20)))
    assert [o.start.astimezone(LJUBLJANA) for o in occurrences] == [
        datetime(2026, 11, 3, 10, tzinfo=LJUBLJANA),
        datetime(2026, 11, 10, 10, tzinfo=LJUBLJANA),
        datetime(2026, 11, 14, 10, tzinfo=LJUBLJANA),
        datetime(2026, 11, 17, 10, tzinfo=LJUBLJANA),
    ]


def test_bounds_are_always_explicit_so_nothing_is_skipped_or_doubled():
    # Pitfall: between() without an explicit start skips or duplicates; windows that
    # split the year must add up to the whole year, each date exactly once.
    schedule = weekly(date(2026, 1, 6))
    whole = schedule.expand(*window(date(2026, 1, 1), date(2027, 1, 1)))
    parts = []
    for month in range(1, 13):
        first = date(2026, month, 1)
        last = date(2026 + month // 12, month % 12 + 1, 1)
        parts += schedule.expand(*window(first, last))
    assert parts == whole
    assert len(whole) == 52


def test_unbounded_rules_stop_at_the_horizon():
    # Pitfall: an unbounded rule runs to year 9999; expansion caps at the horizon.
    schedule = Schedule.build(
        zone="Europe/Ljubljana",
        start_date=date(2026, 1, 1),
        start_time=time(10),
        end_time=time(11),
        recurrence=Recurrence(rrules=[Rule(DAILY)]),
    )
    with calendar_settings(HORIZON_DAYS=30):
        now = datetime.now(UTC)
        occurrences = schedule.expand(now, datetime(9999, 1, 1, tzinfo=UTC))
    assert 29 <= len(occurrences) <= 31
    assert occurrences[-1].start < now + timedelta(days=31)


def test_until_is_inclusive_of_its_local_day():
    # The widget stores UNTIL as midnight UTC; the last Tuesday on that day still counts.
    stored = deserialize("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261124T000000Z")
    schedule = Schedule.build(
        zone="Europe/Ljubljana",
        start_date=date(2026, 11, 3),
        start_time=time(17),
        end_time=time(19),
        recurrence=stored,
    )
    days = [o.start.date() for o in schedule.expand(*window(date(2026, 11, 1), date(2027, 1, 1)))]
    assert days == [date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17), date(2026, 11, 24)]
    assert schedule.rrule_text() == "FREQ=WEEKLY;UNTIL=20261124T225959Z;BYDAY=TU"


def test_public_holidays_are_skipped_in_the_schedules_country():
    # Christmas and St Stephen's/Independence Day fall on Friday and Saturday in 2026.
    slovenian = Schedule.build(
        zone="Europe/Ljubljana",
        start_date=date(2026, 12, 21),
        start_time=time(9),
        end_time=time(10),
        recurrence=Recurrence(rrules=[Rule(DAILY)]),
        skip_public_holidays=True,
    )
    days = {o.start.date() for o in slovenian.expand(*window(date(2026, 12, 21), date(2027, 1, 3)))}
    assert date(2026, 12, 25) not in days and date(2026, 12, 26) not in days
    assert date(2027, 1, 1) not in days and date(2027, 1, 2) not in days  # two days in Slovenia
    assert date(2026, 12, 24) in days
    czech = Schedule.build(
        zone="Europe/Prague",
        start_date=date(2026, 12, 21),
        start_time=time(9),
        end_time=time(10),
        recurrence=Recurrence(rrules=[Rule(DAILY)]),
        skip_public_holidays=True,
    )
    days = {
        o.start.date() for o in czech.expand(*window(date(2026, 12, 21), date(2027, 1, 3), PRAGUE))
    }
    assert date(2026, 12, 24) not in days  # Štědrý den is a Czech public holiday
    assert date(2027, 1, 2) in days


def test_cancelled_and_moved_dates_keep_their_reasons():
    schedule = weekly(
        date(2026, 11, 3),
        changes=[
            Change(date(2026, 11, 10), cancelled=True, reason="Bolezen"),
            Change(
                date(2026, 11, 17),
                cancelled=False,
                reason="Dvorana je zasedena",
                new_date=date(2026, 11, 18),
                new_start_time=time(16),
            ),
        ],
    )
    occurrences = schedule.expand(*window(date(2026, 11, 1), date(2026, 11, 30)))
    by_status = {o.status: o for o in occurrences}
    assert by_status["cancelled"].start == datetime(2026, 11, 10, 10, tzinfo=LJUBLJANA)
    assert by_status["cancelled"].note == "Bolezen"
    moved = by_status["rescheduled"]
    assert moved.start == datetime(2026, 11, 18, 16, tzinfo=LJUBLJANA)
    assert moved.end == datetime(2026, 11, 18, 18, tzinfo=LJUBLJANA)  # keeps its length
    assert moved.original_start == datetime(2026, 11, 17, 10, tzinfo=LJUBLJANA)
    assert moved.note == "Dvorana je zasedena"


def test_a_date_moved_into_the_window_from_outside_is_found():
    schedule = weekly(
        date(2026, 11, 3),
        changes=[Change(date(2026, 11, 10), cancelled=False, new_date=date(2026, 12, 2))],
    )
    occurrences = schedule.expand(*window(date(2026, 12, 1), date(2026, 12, 3)))
    assert [(o.start.date(), o.status) for o in occurrences] == [
        (date(2026, 12, 1), "scheduled"),
        (date(2026, 12, 2), "rescheduled"),
    ]


def test_a_multi_day_event_overlapping_the_window_start_is_included():
    schedule = Schedule.build(
        zone="Europe/Ljubljana",
        start_date=date(2026, 11, 28),
        start_time=time(9),
        end_date=date(2026, 11, 30),
        end_time=time(15),
    )
    (occurrence,) = schedule.expand(*window(date(2026, 11, 29), date(2026, 12, 31)))
    assert occurrence.end - occurrence.start == timedelta(days=2, hours=6)


def test_the_whole_series_status_wins():
    schedule = weekly(date(2026, 11, 3), status="cancelled", status_note="Program je ukinjen")
    occurrences = schedule.expand(*window(date(2026, 11, 1), date(2026, 11, 20)))
    assert {(o.status, o.note) for o in occurrences} == {("cancelled", "Program je ukinjen")}


def test_a_time_in_the_spring_gap_moves_forward_instead_of_failing():
    schedule = Schedule.build(
        zone="Europe/Ljubljana",
        start_date=date(2027, 3, 28),
        start_time=time(2, 30),
        end_time=time(4),
    )
    (occurrence,) = schedule.expand(*window(date(2027, 3, 27), date(2027, 3, 29)))
    assert occurrence.start.astimezone(LJUBLJANA).time() == time(3, 30)
    assert occurrence.end > occurrence.start


def test_the_signature_changes_only_with_the_schedule():
    base = weekly(date(2026, 11, 3))
    assert base.signature() == weekly(date(2026, 11, 3)).signature()
    assert base.signature() != weekly(date(2026, 11, 10)).signature()
    assert base.signature() != weekly(date(2026, 11, 3), byday=(1, 3)).signature()
