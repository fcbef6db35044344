"""The Occurrence table follows publishing, and range queries read only it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from sites.models import CalendarEntry, EventPage, Occurrence
from sites.occurrences import RangeError, occurrences_between, sync_all, upcoming
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    LocationFactory,
    ProgrammeIndexPageFactory,
    ScheduledProgrammePageFactory,
    TargetGroupFactory,
    provision_centre,
)

LJUBLJANA = ZoneInfo("Europe/Ljubljana")


@pytest.fixture
def centre(db):
    return provision_centre("Socio", "socio.localhost", name="Socio", slug="socio")


@pytest.fixture
def events(centre):
    return EventIndexPageFactory(parent=centre.site.root_page)


@pytest.fixture
def programmes(centre):
    return ProgrammeIndexPageFactory(parent=centre.site.root_page)


def weekly_group(parent, **kwargs):
    """Every Tuesday at 17:00 from next Tuesday, for ten weeks."""
    today = timezone.localdate(timezone=LJUBLJANA)
    tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
    return ScheduledProgrammePageFactory(
        parent=parent,
        starts_at=datetime.combine(tuesday, time(17), tzinfo=LJUBLJANA),
        recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10",
        **kwargs,
    )


def starts(page) -> list[datetime]:
    return [o.start for o in Occurrence.objects.filter(entry_id=page.pk).order_by("start")]


def test_publishing_materialises_the_schedule(programmes):
    group = weekly_group(programmes)
    assert len(starts(group)) == 10
    entry = CalendarEntry.objects.get(page=group)
    assert entry.site == programmes.get_site()
    assert entry.time_zone == "Europe/Ljubljana"
    assert entry.programme_id == group.pk


def test_unpublishing_removes_occurrences_and_republishing_keeps_the_uid(programmes):
    group = weekly_group(programmes)
    uid = CalendarEntry.objects.get(page=group).uid

    group.unpublish()
    assert starts(group) == []

    group.save_revision().publish()
    assert len(starts(group)) == 10
    assert CalendarEntry.objects.get(page=group).uid == uid


def test_a_draft_change_does_not_touch_the_public_dates(programmes):
    group = weekly_group(programmes)
    before = starts(group)
    group.start_time = time(9)
    group.save_revision()  # saved as a draft, not published
    assert starts(group) == before


def test_publishing_a_changed_schedule_rebuilds_and_bumps_the_sequence(programmes):
    group = weekly_group(programmes)
    entry = CalendarEntry.objects.get(page=group)
    assert entry.sequence == 0

    group.title = "Nov naslov"
    group.save_revision().publish()
    assert CalendarEntry.objects.get(page=group).sequence == 0  # the dates did not change

    group.start_time, group.end_time = time(9), time(11)
    group.save_revision().publish()
    entry.refresh_from_db()
    assert entry.sequence == 1
    assert {s.astimezone(LJUBLJANA).time() for s in starts(group)} == {time(9)}


def test_deleting_the_page_deletes_its_occurrences(programmes):
    group = weekly_group(programmes)
    group.delete()
    assert not Occurrence.objects.exists()
    assert not CalendarEntry.objects.exists()


def test_a_view_restriction_on_an_ancestor_hides_the_dates(programmes):
    group = weekly_group(programmes)
    restriction = PageViewRestriction.objects.create(
        page=programmes, restriction_type=PageViewRestriction.LOGIN
    )
    assert starts(group) == []

    restriction.delete()
    assert len(starts(group)) == 10


def test_moving_a_page_to_another_site_moves_its_dates(centre, programmes, db):
    other = provision_centre("Sopotniki", "sopotniki.localhost", name="Sopotniki", slug="sop")
    other_programmes = ProgrammeIndexPageFactory(parent=other.site.root_page)
    group = weekly_group(programmes)

    group.move(other_programmes, pos="last-child")

    assert CalendarEntry.objects.get(page=group).site == other.site
    assert len(starts(group)) == 10


def test_sync_all_rolls_the_horizon_and_the_command_reports(programmes, settings):
    settings.MREZA = {**settings.MREZA, "CALENDAR": {**settings.MREZA["CALENDAR"]}}
    group = ScheduledProgrammePageFactory(
        parent=programmes, recurrence="RRULE:FREQ=DAILY", starts_at=timezone.now()
    )
    settings.MREZA["CALENDAR"]["HORIZON_DAYS"] = 10
    sync_all()
    assert 9 <= len(starts(group)) <= 11

    settings.MREZA["CALENDAR"]["HORIZON_DAYS"] = 20
    out = StringIO()
    call_command("sync_occurrences", stdout=out)
    assert 19 <= len(starts(group)) <= 21
    assert "Synced" in out.getvalue() and "1 page(s)" in out.getvalue()


def test_range_queries_filter_by_site_location_programme_and_target_group(
    centre, events, programmes
):
    other = provision_centre("Sopotniki", "sopotniki.localhost", name="Sopotniki", slug="sop")
    elsewhere = EventIndexPageFactory(parent=other.site.root_page)
    pivka = LocationFactory(name="Pivka")
    seniors = TargetGroupFactory(name="Starejši")
    group = weekly_group(programmes, title="Skupina")
    at_pivka = EventPageFactory(parent=events, title="V Pivki", location=pivka)
    of_group = EventPageFactory(parent=events, title="Izlet skupine", programme=group)
    for_seniors = EventPageFactory(parent=events, title="Telovadba")
    for_seniors.target_groups.add(seniors)
    for_seniors.save_revision().publish()
    EventPageFactory(parent=elsewhere, title="Drugje")

    def titles(**filters):
        now = timezone.now()
        rows = occurrences_between(now, now + timedelta(days=100), **filters)
        return sorted({row.entry.page.title for row in rows})

    assert titles() == ["Drugje", "Izlet skupine", "Skupina", "Telovadba", "V Pivki"]
    assert titles(site=centre.site) == ["Izlet skupine", "Skupina", "Telovadba", "V Pivki"]
    assert titles(location=pivka.pk) == ["V Pivki"]
    assert titles(programme=group.pk) == ["Izlet skupine", "Skupina"]
    assert titles(target_group=seniors.pk) == ["Telovadba"]
    assert at_pivka.pk and of_group.pk


def test_drafts_and_private_pages_never_appear(events):
    EventPageFactory(parent=events, title="Osnutek", live=False)
    private = EventPageFactory(parent=events, title="Zasebno")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    EventPageFactory(parent=events, title="Javno")

    assert [row.entry.page.title for row in upcoming()] == ["Javno"]


@pytest.mark.parametrize(
    ("start", "end", "parameter"),
    [
        (datetime(2026, 12, 1, tzinfo=LJUBLJANA), datetime(2026, 11, 1, tzinfo=LJUBLJANA), "end"),
        (datetime(2026, 1, 1, tzinfo=LJUBLJANA), datetime(2028, 1, 1, tzinfo=LJUBLJANA), "end"),
    ],
)
def test_bad_ranges_name_the_parameter(db, start, end, parameter):
    with pytest.raises(RangeError) as error:
        occurrences_between(start, end)
    assert error.value.parameter == parameter


def test_a_month_query_runs_the_same_queries_for_3_and_for_30_pages(
    events, django_assert_max_num_queries
):
    def month():
        first = timezone.localdate(timezone=LJUBLJANA)
        start = datetime.combine(first, time.min, tzinfo=LJUBLJANA)
        return [
            (row.entry.page.title, row.entry.location)
            for row in occurrences_between(start, start + timedelta(days=31))
        ]

    for _ in range(3):
        EventPageFactory(parent=events, location=LocationFactory())
    # One query for the longest stored occurrence, one for the rows.
    with django_assert_max_num_queries(2):
        assert len(month()) == 3
    for _ in range(27):
        EventPageFactory(parent=events, location=LocationFactory())
    # One query for the longest stored occurrence, one for the rows.
    with django_assert_max_num_queries(2):
        assert len(month()) == 30


def test_an_event_page_needs_a_date_and_an_end_after_its_start(events):
    from django.core.exceptions import ValidationError

    event = EventPage(title="Brez datuma")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "start_date" in error.value.message_dict

    event = EventPage(
        title="Narobe",
        start_date=date(2026, 12, 1),
        start_time=time(18),
        end_time=time(17),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end_time" in error.value.message_dict


def test_api_items_say_when_what_where_and_on_which_site(
    centre, events, programmes, django_assert_max_num_queries
):
    from sites.serializers import occurrence_item

    pivka = LocationFactory(name="Pivka")
    group = weekly_group(programmes, title="Skupina")
    EventPageFactory(parent=events, title="Izlet", programme=group, location=pivka)
    now = timezone.now()
    with django_assert_max_num_queries(3):
        items = [
            occurrence_item(row)
            for row in occurrences_between(now, now + timedelta(days=100), site=centre.site)
        ]
    event = next(item for item in items if item["page"]["title"] == "Izlet")
    assert event["page"]["type"] == "centre_sites.eventpage"
    assert event["page"]["url"].startswith("http://socio.localhost")
    assert event["site"] == {"id": centre.site.pk, "hostname": "socio.localhost"}
    assert event["location"] == {"id": pivka.pk, "name": "Pivka"}
    assert event["programme"] == {"id": group.pk, "title": "Skupina"}
    assert event["time_zone"] == "Europe/Ljubljana"
    assert datetime.fromisoformat(event["start"]) > now
    assert len([item for item in items if item["page"]["title"] == "Skupina"]) == 10


def test_a_long_occurrence_under_way_is_found_and_short_ones_do_not_widen_the_scan(events):
    from sites.models import CalendarEntry

    weekend = EventPageFactory(
        parent=events, title="Tabor", starts_at=timezone.now() - timedelta(days=2), hours=24 * 5
    )
    EventPageFactory(parent=events, title="Kavarna", starts_at=timezone.now() + timedelta(days=1))
    assert CalendarEntry.objects.get(page=weekend).longest_occurrence == timedelta(days=5)

    titles = [row.entry.page.title for row in upcoming()]
    assert titles == ["Tabor", "Kavarna"]  # the camp is under way, so it is listed first
