"""Opening hours answer "is it open at T" and read naturally in every network language."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from network.opening_hours import DayException, OpeningHours, TimeRange
from tests.factories import LocationFactory, OpeningHoursRangeFactory

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
WEEKDAYS_7_TO_18 = [(day, time(7), time(18)) for day in range(5)]


def socio_hours(**kwargs) -> OpeningHours:
    """Socio's centre: Monday to Friday 7–18, closed on Christmas Day."""
    return OpeningHours.from_ranges(
        WEEKDAYS_7_TO_18, [DayException(day=date(2026, 12, 25), note="Božič")], **kwargs
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 11, 23, 7, 0, tzinfo=LJUBLJANA), True),  # Monday, opening minute
        (datetime(2026, 11, 23, 17, 59, tzinfo=LJUBLJANA), True),
        (datetime(2026, 11, 23, 18, 0, tzinfo=LJUBLJANA), False),  # closing time is exclusive
        (datetime(2026, 11, 23, 6, 59, tzinfo=LJUBLJANA), False),
        (datetime(2026, 11, 28, 10, 0, tzinfo=LJUBLJANA), False),  # Saturday
        (datetime(2026, 12, 25, 10, 0, tzinfo=LJUBLJANA), False),  # Friday, but Christmas
        (datetime(2026, 11, 23, 6, 30, tzinfo=ZoneInfo("UTC")), True),  # 07:30 in Ljubljana
        (datetime(2026, 11, 23, 17, 30, tzinfo=ZoneInfo("UTC")), False),  # 18:30 in Ljubljana
    ],
)
def test_is_open_at(moment, expected):
    assert socio_hours().is_open(moment) is expected


def test_is_open_uses_local_time_across_daylight_saving():
    hours = socio_hours()
    # 06:30 UTC is 08:30 in summer (CEST) and 07:30 in winter (CET): open both times.
    assert hours.is_open(datetime(2026, 7, 6, 6, 30, tzinfo=ZoneInfo("UTC")))
    # 16:30 UTC is 18:30 in summer (closed) but 17:30 in winter (open).
    assert not hours.is_open(datetime(2026, 7, 6, 16, 30, tzinfo=ZoneInfo("UTC")))
    assert hours.is_open(datetime(2026, 1, 5, 16, 30, tzinfo=ZoneInfo("UTC")))


def test_dated_exception_with_special_hours_replaces_the_week():
    hours = OpeningHours.from_ranges(
        WEEKDAYS_7_TO_18,
        [DayException(day=date(2026, 12, 24), ranges=(TimeRange(time(8), time(12)),))],
    )
    assert hours.is_open(datetime(2026, 12, 24, 11, 0, tzinfo=LJUBLJANA))
    assert not hours.is_open(datetime(2026, 12, 24, 13, 0, tzinfo=LJUBLJANA))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Mon–Fri 07:00–18:00; Sat, Sun closed"),
        ("sl", "pon–pet 07:00–18:00; sob, ned zaprto"),
        ("cs", "po–pá 07:00–18:00; so, ne zavřeno"),
    ],
)
def test_weekly_hours_as_text_in_each_language(language, expected):
    assert socio_hours().as_text(language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "by appointment"), ("sl", "po dogovoru"), ("cs", "po domluvě")],
)
def test_by_appointment_only(language, expected):
    assert OpeningHours(by_appointment=True).as_text(language) == expected


def test_every_day_with_appointments_outside_hours():
    hours = OpeningHours.from_ranges(
        [(day, time(9), time(15)) for day in range(7)], by_appointment=True
    )
    assert hours.as_text("en") == "Mon–Sun 09:00–15:00; other times by appointment"
    assert hours.as_text("sl") == "pon–ned 09:00–15:00; ob drugih urah po dogovoru"


def test_split_days_are_grouped_by_identical_hours():
    hours = OpeningHours.from_ranges(
        [
            (0, time(8), time(12)),
            (0, time(13), time(16)),
            (1, time(8), time(12)),
            (1, time(13), time(16)),
            (3, time(10), time(14)),
        ]
    )
    assert hours.as_text("en") == (
        "Mon, Tue 08:00–12:00, 13:00–16:00; Thu 10:00–14:00; Wed, Fri, Sat, Sun closed"
    )
    assert hours.closed_weekdays == [2, 4, 5, 6]


@pytest.mark.django_db
def test_location_builds_its_opening_hours_from_rows():
    location = LocationFactory(by_appointment=True, time_zone="Europe/Prague")
    for weekday in range(5):
        OpeningHoursRangeFactory(location=location, weekday=weekday, opens=time(9), closes=time(15))

    hours = location.opening_hours

    assert hours.time_zone == ZoneInfo("Europe/Prague")
    assert hours.is_open(datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/Prague")))
    assert hours.as_text("cs") == "po–pá 09:00–15:00; so, ne zavřeno; v jiných časech po domluvě"
