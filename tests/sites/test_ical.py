"""iCal feeds round-trip: what calendar apps expand from a feed is what the Occurrence table holds.

Pages are published (so the signals fill the Occurrence table), their feeds fetched over
the test client, parsed with ``icalendar`` and expanded with ``recurring_ical_events``
over a two-year window inside the materialised one, across both DST changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import holidays
import pytest
import recurring_ical_events
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from icalendar import Calendar
from recurrence import SA, TH, TU, WEEKLY, Recurrence, Rule
from wagtail.models import Locale, Page, PageViewRestriction

from sites.models import (
    CalendarEntry,
    EventPage,
    Occurrence,
    ProgrammePage,
    SocialActivationProgrammePage,
)
from sites.occurrences import materialised_window
from tests.factories import (
    EventIndexPageFactory,
    LocationFactory,
    LocationPageFactory,
    MunicipalityFactory,
    ProgrammeIndexPageFactory,
    StandardPageFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
PRAGUE = ZoneInfo("Europe/Prague")
HOST_A = "a.localhost"
HOST_B = "b.localhost"


# -- helpers -----------------------------------------------------------------------------


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def add_page(parent: Page, model, *, live: bool = True, changes=(), **fields) -> Page:
    """A scheduled page under ``parent``, published (signals sync it) unless ``live=False``."""
    change_model = model._meta.get_field("schedule_changes").related_model
    page = model(live=live, **fields)
    page.schedule_changes = [change_model(**change) for change in changes]
    parent.add_child(instance=page)
    if not live:
        page.save_revision()
        return type(page).objects.get(pk=page.pk)
    return publish(page)


def path_of(page: Page) -> str:
    return page.get_url_parts()[2]


def feed_response(client, path: str, host: str = HOST_A, **params):
    return client.get(path, params, HTTP_HOST=host)


def fetch(client, path: str, host: str = HOST_A, **params) -> Calendar:
    response = feed_response(client, path, host, **params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def page_feed(client, page: Page, host: str = HOST_A, **params) -> Calendar:
    return fetch(client, path_of(page) + "calendar.ics", host, **params)


def round_trip_window() -> tuple[datetime, datetime]:
    """Two years inside the materialised window (history 365 days, horizon 548 days)."""
    start = (timezone.now() - timedelta(days=360)).astimezone(UTC)
    start = start.replace(hour=0, minute=0, second=0, microsecond=0)
    return start, start + timedelta(days=730)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def expanded(calendar: Calendar, start: datetime, end: datetime) -> dict[str, set]:
    """UID → {(start, end)} in UTC of the events calendar apps show (not cancelled ones)."""
    result: dict[str, set] = {}
    for event in recurring_ical_events.of(calendar).between(start, end):
        if str(event.get("STATUS", "CONFIRMED")) == "CANCELLED":
            continue
        result.setdefault(str(event["UID"]), set()).add((utc(event.start), utc(event.end)))
    return result


def table(start: datetime, end: datetime, **filters) -> dict[str, set]:
    """UID → {(start, end)} in UTC of the non-cancelled Occurrence rows overlapping the window."""
    result: dict[str, set] = {}
    rows = (
        Occurrence.objects.filter(start__lt=end, end__gt=start, **filters)
        .exclude(status="cancelled")
        .select_related("entry")
    )
    for row in rows:
        result.setdefault(f"{row.entry.uid}@mreza", set()).add((utc(row.start), utc(row.end)))
    return result


def events_of(calendar: Calendar, page: Page | None = None) -> list:
    events = calendar.walk("VEVENT")
    if page is None:
        return events
    uid = uid_of(page)
    return [event for event in events if str(event["UID"]) == uid]


def master_of(calendar: Calendar, page: Page):
    (master,) = [event for event in events_of(calendar, page) if "RECURRENCE-ID" not in event]
    return master


def uid_of(page: Page) -> str:
    return f"{CalendarEntry.objects.get(page_id=page.pk).uid}@mreza"


def date_list(event, name: str) -> list[datetime]:
    """Every date-time of a (possibly repeated) RDATE/EXDATE property."""
    values = event.get(name, [])
    if not isinstance(values, list):
        values = [values]
    return [item.dt for value in values for item in value.dts]


def titles(calendar: Calendar) -> set[str]:
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


# -- the world ---------------------------------------------------------------------------


@dataclass
class Centre:
    """Centre A's calendar (and one page of centre B), with the dates the tests pick."""

    root: Page
    events: Page
    programmes: Page
    location: object
    location_page: Page
    other_location: object
    target_group: object
    pages: dict[str, Page] = field(default_factory=dict)
    dates: dict[str, date] = field(default_factory=dict)
    other_tenant_page: Page | None = None


def clear_holiday(day: date, skipped: set[date]) -> date:
    """The first Monday from ``day`` on that is neither a holiday nor already used."""
    while day in skipped:
        day += timedelta(days=7)
    return day


@pytest.fixture
def centre(tenants) -> Centre:
    root = tenants.a.site.root_page
    today = timezone.localdate(timezone=LJUBLJANA)
    municipality = MunicipalityFactory(name="Postojna")
    location = LocationFactory(
        organisation=tenants.organisation_a,
        name="Točka moči Postojna",
        street_address="Tržaška cesta 2",
        postcode="6230",
        municipality=municipality,
    )
    other_location = LocationFactory(organisation=tenants.organisation_a, name="Točka moči Pivka")
    target_group = TargetGroupFactory(name="Starejši")
    events = EventIndexPageFactory(parent=root, title="Dogodki", slug="dogodki")
    programmes = ProgrammeIndexPageFactory(parent=root, title="Programi", slug="programi")
    location_page = LocationPageFactory(
        parent=root, title="Postojna", slug="postojna", location=location
    )
    centre = Centre(
        root=root,
        events=events,
        programmes=programmes,
        location=location,
        location_page=location_page,
        other_location=other_location,
        target_group=target_group,
    )

    # Weekly on Mondays 10:00–12:00 in Ljubljana, from 400 days ago, never ending; skips
    # public holidays (Easter Monday, …), two excluded Mondays, one extra Wednesday, one
    # cancelled and one moved Monday — all inside the round-trip window.
    first_monday = weekday_on_or_before(today - timedelta(days=400), 0)
    si_holidays = set(holidays.country_holidays("SI", years=range(today.year - 2, today.year + 3)))
    used = set(si_holidays)
    picks = {}
    for name, offset in (
        ("excluded_1", -200),
        ("excluded_2", 90),
        ("cancelled", -30),
        ("moved", 60),
        ("before_extra", 120),
    ):
        day = clear_holiday(weekday_on_or_before(today + timedelta(days=offset), 0), used)
        used.add(day)
        picks[name] = day
    picks["extra"] = picks.pop("before_extra") + timedelta(days=2)  # a Wednesday
    picks["moved_to"] = picks["moved"] + timedelta(days=1)
    centre.dates = picks
    weekly = add_page(
        programmes,
        ProgrammePage,
        title="Ples za starejše",
        slug="ples",
        kind="social",
        intro="Plešemo vsak ponedeljek.",
        location=location,
        start_date=first_monday,
        start_time=time(10),
        end_time=time(12),
        recurrence=Recurrence(
            rrules=[Rule(WEEKLY)],
            rdates=[datetime.combine(picks["extra"], time())],
            exdates=[
                datetime.combine(picks["excluded_1"], time()),
                datetime.combine(picks["excluded_2"], time()),
            ],
        ),
        skip_public_holidays=True,
        changes=[
            {
                "original_date": picks["cancelled"],
                "action": "cancelled",
                "reason": "Dvorana je zasedena.",
            },
            {
                "original_date": picks["moved"],
                "action": "moved",
                "new_date": picks["moved_to"],
                "new_start_time": time(15),
                "new_end_time": time(17),
                "reason": "Prestavljeno na torek.",
            },
        ],
    )
    weekly.target_groups.add(target_group)
    centre.pages["weekly"] = publish(weekly)

    # Tuesdays and Thursdays 17:00–18:30 in Prague, until 200 days from now, Czech holidays off.
    centre.pages["prague"] = add_page(
        programmes,
        SocialActivationProgrammePage,
        title="Komunitní setkání",
        slug="setkani",
        duration_months=11,
        time_zone="Europe/Prague",
        start_date=weekday_on_or_before(today - timedelta(days=380), 1),
        start_time=time(17),
        end_time=time(18, 30),
        recurrence=Recurrence(
            rrules=[
                Rule(
                    WEEKLY,
                    byday=[TU, TH],
                    until=datetime.combine(today, time()) + timedelta(days=200),
                )
            ]
        ),
        skip_public_holidays=True,
    )
    # 30 Saturdays 9:00–11:00 (COUNT), starting 100 days ago: crosses a DST change.
    centre.pages["count"] = add_page(
        events,
        EventPage,
        title="Sobotni pohod",
        slug="pohod",
        location=other_location,
        start_date=weekday_on_or_before(today - timedelta(days=100), 5),
        start_time=time(9),
        end_time=time(11),
        recurrence=Recurrence(rrules=[Rule(WEEKLY, count=30, byday=[SA])]),
    )
    # One event over three days, part of the dance programme.
    centre.pages["multi_day"] = add_page(
        events,
        EventPage,
        title="Plesni tabor",
        slug="tabor",
        location=location,
        programme=centre.pages["weekly"],
        start_date=today + timedelta(days=40),
        start_time=time(10),
        end_time=time(16),
        end_date=today + timedelta(days=42),
    )
    centre.pages["one_off"] = add_page(
        events,
        EventPage,
        title="Predavanje o zdravju",
        slug="predavanje",
        location=location,
        start_date=today + timedelta(days=10),
        start_time=time(18),
        end_time=time(20),
    )
    # A one-off event cancelled on its date, and a whole series cancelled.
    centre.pages["cancelled_one_off"] = add_page(
        events,
        EventPage,
        title="Odpovedana delavnica",
        slug="odpovedana",
        start_date=today + timedelta(days=20),
        start_time=time(9),
        end_time=time(10),
        changes=[{"original_date": today + timedelta(days=20), "action": "cancelled"}],
    )
    centre.pages["cancelled_series"] = add_page(
        programmes,
        ProgrammePage,
        title="Joga",
        slug="joga",
        kind="sport_culture",
        start_date=weekday_on_or_before(today - timedelta(days=50), 4),
        start_time=time(16),
        end_time=time(17),
        recurrence=Recurrence(rrules=[Rule(WEEKLY)]),
        status="cancelled",
        status_note="Vaditeljica je zbolela.",
    )
    # Centre B's page: never in centre A's feeds.
    b_events = EventIndexPageFactory(parent=tenants.b.site.root_page, slug="dogodki")
    centre.other_tenant_page = add_page(
        b_events,
        EventPage,
        title="Dogodek centra B",
        slug="dogodek-b",
        start_date=today + timedelta(days=5),
        start_time=time(10),
        end_time=time(11),
    )
    return centre


# -- the round trip ----------------------------------------------------------------------


def test_window_spans_both_dst_changes_inside_the_materialised_window():
    start, end = round_trip_window()
    history, horizon = materialised_window()
    assert history < start < end < horizon
    offsets = {
        (start + timedelta(days=day)).astimezone(LJUBLJANA).utcoffset() for day in range(730)
    }
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}
    # Both changes happen inside, not just both offsets: spring and autumn.
    changes = [
        (start + timedelta(days=day - 1)).date()  # the change is in the day before
        for day in range(1, 730)
        if (start + timedelta(days=day)).astimezone(LJUBLJANA).utcoffset()
        != (start + timedelta(days=day - 1)).astimezone(LJUBLJANA).utcoffset()
    ]
    assert {change.month for change in changes} == {3, 10}


def test_site_feed_expands_to_the_occurrence_table(client, centre):
    start, end = round_trip_window()
    calendar = fetch(client, "/calendar.ics")
    feed = expanded(calendar, start, end)
    rows = table(start, end, entry__site=centre.root.get_site())
    assert feed == rows
    # Every scheduled page with a date to show is there, each with its own UID.
    for name in ("weekly", "prague", "count", "multi_day", "one_off"):
        assert uid_of(centre.pages[name]) in feed, name
    assert uid_of(centre.pages["cancelled_series"]) not in feed
    assert uid_of(centre.pages["cancelled_one_off"]) not in feed
    assert sum(len(instants) for instants in feed.values()) > 150


@pytest.mark.parametrize("name", ["weekly", "prague", "count", "multi_day", "one_off"])
def test_page_feed_expands_to_the_occurrence_table(client, centre, name):
    start, end = round_trip_window()
    page = centre.pages[name]
    feed = expanded(page_feed(client, page), start, end)
    rows = table(start, end, entry__programme_id=page.pk)
    if isinstance(page, EventPage):
        rows = table(start, end, entry_id=page.pk)
    assert feed == rows
    assert feed


def test_weekly_ten_oclock_stays_at_ten_across_dst(client, centre):
    start, end = round_trip_window()
    page = centre.pages["weekly"]
    instants = expanded(page_feed(client, page), start, end)[uid_of(page)]
    local = {(s.astimezone(LJUBLJANA).time(), e.astimezone(LJUBLJANA).time()) for s, e in instants}
    assert local == {(time(10), time(12)), (time(15), time(17))}
    utc_hours = {s.hour for s, e in instants if s.astimezone(LJUBLJANA).hour == 10}
    assert utc_hours == {8, 9}  # summer and winter time


def test_master_event_carries_zone_rule_and_exceptions(client, centre):
    page = centre.pages["weekly"]
    calendar = page_feed(client, page)
    master = master_of(calendar, page)
    raw = calendar.to_ical().decode()

    assert master["DTSTART"].params["TZID"] == "Europe/Ljubljana"
    assert master["DTEND"].params["TZID"] == "Europe/Ljubljana"
    assert master.start.time() == time(10)
    assert "DTSTART;TZID=Europe/Ljubljana:" in raw
    assert str(master["STATUS"]) == "CONFIRMED"
    assert str(master["DESCRIPTION"]) == "Plešemo vsak ponedeljek."
    assert str(master["LOCATION"]) == "Točka moči Postojna, Tržaška cesta 2, 6230 Postojna"
    assert str(master["URL"]) == "http://a.localhost/programi/ples/"
    assert master["RRULE"]["FREQ"] == ["WEEKLY"]

    exdates = {moment.date(): moment for moment in date_list(master, "EXDATE")}
    for name in ("excluded_1", "excluded_2", "cancelled"):
        assert centre.dates[name] in exdates, name
        assert exdates[centre.dates[name]].time() == time(10)
        assert exdates[centre.dates[name]].tzinfo.key == "Europe/Ljubljana"
    # Public holidays on Mondays inside the window are excluded too (Easter Monday at least).
    history, horizon = materialised_window()
    si = holidays.country_holidays("SI", years=range(history.year, horizon.year + 1))
    holiday_mondays = {
        day
        for day in si
        if day.weekday() == 0 and history.date() < day < horizon.date() and day >= page.start_date
    }
    assert holiday_mondays
    assert holiday_mondays <= set(exdates)
    # The moved Monday is not excluded: it is overridden.
    assert centre.dates["moved"] not in exdates
    rdates = date_list(master, "RDATE")
    assert [moment.date() for moment in rdates] == [centre.dates["extra"]]
    assert rdates[0].time() == time(10) and rdates[0].tzinfo.key == "Europe/Ljubljana"
    assert "RDATE;TZID=Europe/Ljubljana:" in raw
    assert "EXDATE;TZID=Europe/Ljubljana:" in raw


def test_moved_occurrence_is_an_override_with_recurrence_id(client, centre):
    page = centre.pages["weekly"]
    calendar = page_feed(client, page)
    (moved,) = [event for event in events_of(calendar, page) if "RECURRENCE-ID" in event]
    master = master_of(calendar, page)

    assert moved["UID"] == master["UID"]
    assert moved["SEQUENCE"] == master["SEQUENCE"]
    recurrence_id = moved["RECURRENCE-ID"]
    assert recurrence_id.params["TZID"] == "Europe/Ljubljana"
    assert recurrence_id.dt == datetime.combine(centre.dates["moved"], time(10), tzinfo=LJUBLJANA)
    assert moved.start == datetime.combine(centre.dates["moved_to"], time(15), tzinfo=LJUBLJANA)
    assert moved.end == datetime.combine(centre.dates["moved_to"], time(17), tzinfo=LJUBLJANA)
    assert str(moved["DESCRIPTION"]).startswith("Prestavljeno na torek.")
    row = Occurrence.objects.get(entry_id=page.pk, status="rescheduled")
    assert (row.start, row.end, row.original_start) == (moved.start, moved.end, recurrence_id.dt)


def test_prague_programme_has_its_zone_and_until_in_utc(client, centre):
    page = centre.pages["prague"]
    calendar = page_feed(client, page)
    master = master_of(calendar, page)
    raw = calendar.to_ical().decode()

    assert master["DTSTART"].params["TZID"] == "Europe/Prague"
    until = master["RRULE"]["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == timedelta(0)
    assert re.search(r"RRULE:FREQ=WEEKLY;UNTIL=\d{8}T\d{6}Z;BYDAY=TU,TH", raw)
    # UNTIL is the end of the last local day, in UTC.
    last_day = timezone.localdate(timezone=PRAGUE) + timedelta(days=200)
    assert until.astimezone(PRAGUE) == datetime.combine(last_day, time(23, 59, 59), tzinfo=PRAGUE)
    # Czech holidays on Tuesdays or Thursdays are excluded.
    history, horizon = materialised_window()
    cz = holidays.country_holidays("CZ", years=range(history.year, horizon.year + 1))
    exdates = {moment.date() for moment in date_list(master, "EXDATE")}
    expected = {
        day
        for day in cz
        if day.weekday() in (1, 3) and page.start_date <= day <= last_day and day > history.date()
    }
    assert expected and expected <= exdates
    # A programme's own feed is in its own zone.
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Prague"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Prague"]


def test_count_rule_keeps_count(client, centre):
    page = centre.pages["count"]
    calendar = page_feed(client, page)
    master = master_of(calendar, page)
    assert master["RRULE"]["COUNT"] == [30]
    assert "UNTIL" not in master["RRULE"]
    assert Occurrence.objects.filter(entry_id=page.pk).count() == 30
    assert len(recurring_ical_events.of(calendar).between(date(2000, 1, 1), date(2100, 1, 1))) == 30


def test_one_off_and_multi_day_events_have_no_rule(client, centre):
    calendar = fetch(client, "/calendar.ics")
    for name, days in (("one_off", 0), ("multi_day", 2)):
        page = centre.pages[name]
        (event,) = events_of(calendar, page)
        assert "RRULE" not in event and "RDATE" not in event and "EXDATE" not in event
        assert (event.end.date() - event.start.date()).days == days
        assert event["DTSTART"].params["TZID"] == "Europe/Ljubljana"


def test_cancellations_are_status_cancelled(client, centre):
    calendar = fetch(client, "/calendar.ics")
    (one_off,) = events_of(calendar, centre.pages["cancelled_one_off"])
    assert str(one_off["STATUS"]) == "CANCELLED"
    series = master_of(calendar, centre.pages["cancelled_series"])
    assert str(series["STATUS"]) == "CANCELLED"
    assert str(series["DESCRIPTION"]).startswith("Vaditeljica je zbolela.")
    assert "RRULE" in series


def test_series_status_postponed_and_online(client, centre):
    page = centre.pages["one_off"]
    page.status = "postponed"
    page.status_note = "Nov datum sporočimo."
    page = publish(page)
    (event,) = events_of(page_feed(client, page))
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["DESCRIPTION"]).startswith("Nov datum sporočimo.")

    page.status = "moved_online"
    page.status_note = ""
    page = publish(page)
    (event,) = events_of(page_feed(client, page))
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "Na spletu"  # "Online" in the page's language
    assert "GEO" not in event


def test_calendar_properties_and_timezones(client, centre):
    response = feed_response(client, "/calendar.ics")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Mreza//")
    assert str(calendar["X-WR-CALNAME"]) == "Centre A"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Ljubljana"
    raw = response.content.decode()
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in raw
    assert "\r\nX-PUBLISHED-TTL:PT1H\r\n" in raw
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"Europe/Ljubljana", "Europe/Prague"}
    assert not calendar.get_missing_tzids()
    # VTIMEZONEs come before the events that use them.
    assert raw.index("BEGIN:VTIMEZONE") < raw.index("BEGIN:VEVENT")
    for event in calendar.walk("VEVENT"):
        assert re.fullmatch(r"[0-9a-f-]{36}@mreza", str(event["UID"]))
        assert "DTSTAMP" in event and "LAST-MODIFIED" in event and "SEQUENCE" in event
        assert event["LAST-MODIFIED"].dt.utcoffset() == timedelta(0)
    assert re.search(r"^LAST-MODIFIED:\d{8}T\d{6}Z\r$", raw, re.MULTILINE)
    assert re.search(r"^DTSTAMP:\d{8}T\d{6}Z\r$", raw, re.MULTILINE)


def test_uid_is_the_stored_uuid_not_the_url(client, centre):
    page = centre.pages["one_off"]
    entry = CalendarEntry.objects.get(page_id=page.pk)
    (event,) = events_of(fetch(client, "/calendar.ics"), page)
    assert str(event["UID"]) == f"{entry.uid}@mreza"
    assert "localhost" not in str(event["UID"])


# -- identity and versions ---------------------------------------------------------------


def test_uid_stays_and_sequence_moves_only_with_the_schedule(client, centre):
    page = centre.pages["one_off"]

    def master():
        return master_of(page_feed(client, page), page)

    first = master()
    assert first["SEQUENCE"] == 0

    page.title = "Predavanje o zdravem življenju"
    page = publish(page)
    renamed = master()
    assert renamed["UID"] == first["UID"]
    assert renamed["SEQUENCE"] == 0
    assert str(renamed["SUMMARY"]) == "Predavanje o zdravem življenju"
    assert renamed["LAST-MODIFIED"].dt >= first["LAST-MODIFIED"].dt

    page.start_time = time(17)
    page = publish(page)
    moved = master()
    assert moved["UID"] == first["UID"]
    assert moved["SEQUENCE"] == 1
    assert moved.start.time() == time(17)

    # Unpublished and published again: the same UID, and the SEQUENCE is not reset.
    page.unpublish()
    assert uid_of(page) not in {str(e["UID"]) for e in events_of(fetch(client, "/calendar.ics"))}
    page = publish(page)
    again = master()
    assert again["UID"] == first["UID"]
    assert again["SEQUENCE"] == 1


def test_a_new_change_to_one_date_raises_the_sequence(client, centre):
    page = centre.pages["count"]
    before = master_of(page_feed(client, page), page)["SEQUENCE"]
    change_model = type(page)._meta.get_field("schedule_changes").related_model
    third = page.start_date + timedelta(days=14)
    page.schedule_changes = [change_model(original_date=third, action="cancelled")]
    page = publish(page)
    master = master_of(page_feed(client, page), page)
    assert master["SEQUENCE"] == before + 1
    assert datetime.combine(third, time(9), tzinfo=LJUBLJANA) in date_list(master, "EXDATE")


# -- which pages a feed lists ------------------------------------------------------------


def test_drafts_private_pages_and_other_tenants_never_appear(client, centre):
    today = timezone.localdate(timezone=LJUBLJANA)
    draft = add_page(
        centre.events,
        EventPage,
        live=False,
        title="Osnutek dogodka",
        slug="osnutek",
        start_date=today + timedelta(days=3),
        start_time=time(10),
        end_time=time(11),
    )
    private = add_page(
        centre.events,
        EventPage,
        title="Zasebni dogodek",
        slug="zasebno",
        start_date=today + timedelta(days=4),
        start_time=time(10),
        end_time=time(11),
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    # A live page with an unpublished new title: the feed shows what is live.
    live = centre.pages["one_off"]
    live.title = "Skrivni naslov osnutka"
    live.save_revision()

    feeds = [
        fetch(client, "/calendar.ics"),
        page_feed(client, centre.events),
        page_feed(client, centre.location_page),
    ]
    for calendar in feeds:
        shown = titles(calendar)
        assert "Predavanje o zdravju" in shown
        for hidden in ("Osnutek dogodka", "Zasebni dogodek", "Skrivni naslov osnutka"):
            assert hidden not in shown
        assert "Dogodek centra B" not in shown
        assert uid_of(private) not in calendar.to_ical().decode()
    assert not CalendarEntry.objects.filter(page_id=draft.pk, occurrences__isnull=False).exists()

    # Their own feeds are not found, nor is B's page on A's hostname.
    for path in (
        path_of(draft) + "calendar.ics",
        path_of(private) + "calendar.ics",
        path_of(centre.other_tenant_page) + "calendar.ics",
    ):
        assert feed_response(client, path).status_code == 404, path
    # B's own feed has B's page only.
    b_titles = titles(fetch(client, "/calendar.ics", host=HOST_B))
    assert b_titles == {"Dogodek centra B"}


def test_programme_feed_has_the_programme_and_its_events(client, centre):
    calendar = page_feed(client, centre.pages["weekly"])
    assert titles(calendar) == {"Ples za starejše", "Plesni tabor"}


def test_event_feed_has_that_event(client, centre):
    calendar = page_feed(client, centre.pages["multi_day"])
    assert titles(calendar) == {"Plesni tabor"}
    assert {str(event["UID"]) for event in calendar.walk("VEVENT")} == {
        uid_of(centre.pages["multi_day"])
    }


def test_location_feed_has_the_sites_pages_at_that_location(client, centre):
    calendar = page_feed(client, centre.location_page)
    assert titles(calendar) == {"Ples za starejše", "Plesni tabor", "Predavanje o zdravju"}


def test_event_index_feed_filters(client, centre):
    index = centre.events
    everything = titles(page_feed(client, index))
    assert everything == titles(fetch(client, "/calendar.ics"))
    assert titles(page_feed(client, index, location=centre.other_location.pk)) == {"Sobotni pohod"}
    assert titles(page_feed(client, index, programme=centre.pages["weekly"].pk)) == {
        "Ples za starejše",
        "Plesni tabor",
    }
    assert titles(page_feed(client, index, target_group=centre.target_group.pk)) == {
        "Ples za starejše"
    }


def test_network_wide_index_spans_every_site(client, centre):
    index = centre.events
    assert "Dogodek centra B" not in titles(page_feed(client, index))
    index.network_wide = True
    publish(index)
    assert "Dogodek centra B" in titles(page_feed(client, index))


def test_feed_in_the_language_of_the_url(client, centre):
    english = Locale.objects.get_or_create(language_code="en")[0]
    page = centre.pages["one_off"]
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.title = "A talk on health"
    publish(translation)
    # Its parents were copied as live aliases of the Slovenian ones: the English tree.
    assert centre.root.get_translation(english).live

    slovenian = titles(fetch(client, "/calendar.ics"))
    assert "Predavanje o zdravju" in slovenian and "A talk on health" not in slovenian
    english_titles = titles(fetch(client, "/en/calendar.ics"))
    # The translated event in English, the rest in the language it exists in.
    assert "A talk on health" in english_titles
    assert "Predavanje o zdravju" not in english_titles
    assert "Ples za starejše" in english_titles
    english_event = fetch(client, path_of(translation) + "calendar.ics")
    (event,) = english_event.walk("VEVENT")
    assert str(event["URL"]).startswith("http://a.localhost/en/")


# -- HTTP -------------------------------------------------------------------------------


def test_headers(client, centre):
    response = feed_response(client, "/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="centre-a.ics"'
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert response["Last-Modified"].endswith("GMT")
    assert response["ETag"]
    page = feed_response(client, path_of(centre.pages["weekly"]) + "calendar.ics")
    assert page["Content-Disposition"] == 'attachment; filename="ples.ics"'
    # Revalidation by ETag.
    again = client.get("/calendar.ics", HTTP_HOST=HOST_A, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    # Calendar apps may ask with HEAD first.
    head = client.head("/calendar.ics", HTTP_HOST=HOST_A)
    assert head.status_code == 200 and head["ETag"] == response["ETag"]


def test_not_found_and_bad_requests(client, centre):
    standard = StandardPageFactory(parent=centre.root, slug="o-nas")
    for path in (
        "/ni-take-strani/calendar.ics",
        "/programi/ni-takega/calendar.ics",
        path_of(standard) + "calendar.ics",
        path_of(centre.events) + "calendar/calendar.ics",
    ):
        assert feed_response(client, path).status_code == 404, path
    for parameter in ("location", "programme", "target_group"):
        for path in ("/calendar.ics", path_of(centre.events) + "calendar.ics"):
            response = feed_response(client, path, **{parameter: "abc"})
            assert response.status_code == 400, (path, parameter)
            assert parameter in response.content.decode()
    assert client.post("/calendar.ics", HTTP_HOST=HOST_A).status_code == 405


def test_programme_index_has_no_feed(client, centre):
    assert feed_response(client, path_of(centre.programmes) + "calendar.ics").status_code == 404


# -- queries ----------------------------------------------------------------------------

# With Django's and Wagtail's caches cold: the site, its locale, the page, the tenant's zone,
# the entries, three per page type (content type, pages, changes) and the site root paths.
FEED_QUERIES = 18


def add_many(centre: Centre, programmes: range, events: range) -> None:
    """Weekly programmes (each with a cancelled and a moved date) and one-off events."""
    today = timezone.localdate(timezone=LJUBLJANA)
    for number in programmes:
        first = today - timedelta(days=number)
        add_page(
            centre.programmes,
            ProgrammePage,
            title=f"Program {number}",
            slug=f"program-{number}",
            kind="workshop",
            location=centre.location,
            start_date=first,
            start_time=time(9),
            end_time=time(10),
            recurrence=Recurrence(rrules=[Rule(WEEKLY)]),
            changes=[
                {"original_date": first + timedelta(days=7), "action": "cancelled"},
                {
                    "original_date": first + timedelta(days=14),
                    "action": "moved",
                    "new_date": first + timedelta(days=15),
                },
            ],
        )
    for number in events:
        add_page(
            centre.events,
            EventPage,
            title=f"Dogodek {number}",
            slug=f"dogodek-{number}",
            location=centre.location,
            start_date=today + timedelta(days=number + 1),
            start_time=time(9),
            end_time=time(10),
        )


def count_feed_queries(client, django_assert_max_num_queries, path: str) -> int:
    """Queries of one feed request, with Django's and Wagtail's caches cold."""
    cache.clear()
    ContentType.objects.clear_cache()
    with django_assert_max_num_queries(FEED_QUERIES) as captured:
        response = client.get(path, HTTP_HOST=HOST_A)
    assert response.status_code == 200
    return len(captured)


def masters(calendar: Calendar) -> list:
    return [event for event in calendar.walk("VEVENT") if "RECURRENCE-ID" not in event]


@pytest.mark.parametrize(
    "path", ["/calendar.ics", "/dogodki/calendar.ics", "/postojna/calendar.ics"]
)
def test_feed_queries_do_not_grow_with_pages(tenants, client, django_assert_max_num_queries, path):
    root = tenants.a.site.root_page
    location = LocationFactory(organisation=tenants.organisation_a)
    centre = Centre(
        root=root,
        events=EventIndexPageFactory(parent=root, slug="dogodki"),
        programmes=ProgrammeIndexPageFactory(parent=root, slug="programi"),
        location=location,
        location_page=LocationPageFactory(parent=root, slug="postojna", location=location),
        other_location=None,
        target_group=None,
    )
    add_many(centre, programmes=range(2), events=range(1))
    few = count_feed_queries(client, django_assert_max_num_queries, path)
    assert len(masters(fetch(client, path))) == 3

    add_many(centre, programmes=range(2, 20), events=range(1, 10))
    many = count_feed_queries(client, django_assert_max_num_queries, path)
    calendar = fetch(client, path)
    assert len(masters(calendar)) == 30
    assert len(calendar.walk("VEVENT")) == 30 + 20  # one moved date per programme
    assert many == few


# -- add-to-calendar links ----------------------------------------------------------------


def render_links(page: Page) -> str:
    request = RequestFactory().get("/", HTTP_HOST=HOST_A)
    template = Template('{% include "centre_sites/includes/add_to_calendar.html" %}')
    return template.render(Context({"page": page, "request": request}))


def links_of(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', html)]


def test_add_to_calendar_links(centre):
    page = centre.pages["one_off"]
    html = render_links(page)
    assert 'aria-labelledby="add-to-calendar-heading"' in html
    webcal, feed, google, outlook = links_of(html)
    assert webcal == "webcal://a.localhost/dogodki/predavanje/calendar.ics"
    assert feed == "http://a.localhost/dogodki/predavanje/calendar.ics"

    occurrence = Occurrence.objects.get(entry_id=page.pk)
    start, end = utc(occurrence.start), utc(occurrence.end)
    google_url = urlsplit(google)
    assert google_url.netloc == "calendar.google.com"
    assert google_url.path == "/calendar/render"
    query = parse_qs(google_url.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Predavanje o zdravju"]
    assert query["dates"] == [f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"]
    assert query["ctz"] == ["Europe/Ljubljana"]
    assert query["location"] == ["Točka moči Postojna, Tržaška cesta 2, 6230 Postojna"]
    assert "http://a.localhost/dogodki/predavanje/" in query["details"][0]

    outlook_url = urlsplit(outlook)
    assert outlook_url.netloc == "outlook.live.com"
    assert outlook_url.path == "/calendar/0/deeplink/compose"
    query = parse_qs(outlook_url.query)
    assert query["rru"] == ["addevent"]
    assert query["subject"] == ["Predavanje o zdravju"]
    assert query["startdt"] == [f"{start:%Y-%m-%dT%H:%M:%SZ}"]
    assert query["enddt"] == [f"{end:%Y-%m-%dT%H:%M:%SZ}"]


def test_add_to_calendar_links_skip_cancelled_dates(centre):
    # The whole series is cancelled: subscribe links only, no next date to add.
    html = render_links(centre.pages["cancelled_series"])
    assert len(links_of(html)) == 2
    assert "google" not in html
    # A location page gets its feed.
    html = render_links(centre.location_page)
    assert "http://a.localhost/postojna/calendar.ics" in links_of(html)


def test_add_to_calendar_feed_links_resolve(client, centre):
    for page in (centre.pages["weekly"], centre.pages["one_off"], centre.location_page):
        feed = links_of(render_links(page))[1]
        assert feed_response(client, urlsplit(feed).path).status_code == 200
