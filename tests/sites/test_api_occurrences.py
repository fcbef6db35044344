"""``/api/v3/occurrences/``: the dates of a site, another site or the network, over HTTP."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    LocationFactory,
    ProgrammeIndexPageFactory,
    ScheduledProgrammePageFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db

A, B = "a.localhost", "b.localhost"
LJUBLJANA = ZoneInfo("Europe/Ljubljana")
# Site scope, locale, filters, the longest-occurrence bound, count and rows: whatever the limit.
MAX_QUERIES = 10


def get(client, host: str = A, **params):
    return client.get("/api/v3/occurrences/", params, HTTP_HOST=host)


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["page"]["title"] for item in response.json()["items"]]


def assert_bad(response, parameter: str) -> None:
    assert response.status_code == 400, response.content
    body = response.json()
    assert ["query", parameter] in [error["loc"] for error in body["errors"]], body


@pytest.fixture
def calendars(tenants):
    """An event index on each centre's site."""
    tenants.events_a = EventIndexPageFactory(parent=tenants.a.site.root_page)
    tenants.events_b = EventIndexPageFactory(parent=tenants.b.site.root_page)
    return tenants


def test_default_is_the_hosts_site_for_the_next_31_days(client, calendars):
    soon = EventPageFactory(parent=calendars.events_a, title="Kmalu")
    EventPageFactory(
        parent=calendars.events_a, title="Čez dva meseca", starts_at=timezone.now() + timedelta(60)
    )
    EventPageFactory(parent=calendars.events_b, title="Pri sosedih")

    response = get(client, A)

    assert titles(response) == ["Kmalu"]
    item = response.json()["items"][0]
    assert item["site"] == {"id": calendars.a.site.pk, "hostname": A}
    assert item["page"]["url"] == f"http://{A}{soon.get_url_parts()[2]}"
    assert item["status"] == "scheduled"
    assert item["time_zone"] == "Europe/Ljubljana"


def test_site_selects_another_site_or_the_whole_network(client, calendars):
    EventPageFactory(parent=calendars.events_a, title="Pri nas")
    other = EventPageFactory(parent=calendars.events_b, title="Pri sosedih")

    assert titles(get(client, A, site=B)) == ["Pri sosedih"]
    assert titles(get(client, A, site=str(calendars.b.site.pk))) == ["Pri sosedih"]
    network = get(client, A, site="all").json()["items"]
    assert {item["page"]["title"] for item in network} == {"Pri nas", "Pri sosedih"}
    # Each item says where it belongs, with its page's URL on its own site's hostname.
    theirs = next(item for item in network if item["page"]["title"] == "Pri sosedih")
    assert theirs["site"]["hostname"] == B
    assert theirs["page"]["url"] == f"http://{B}{other.get_url_parts()[2]}"


def test_a_date_means_midnight_in_the_sites_time_zone(client, calendars):
    day = timezone.localdate(timezone=LJUBLJANA) + timedelta(days=10)
    # 00:30 in Ljubljana is still the previous day in UTC.
    EventPageFactory(
        parent=calendars.events_a,
        title="Polnočnica",
        starts_at=datetime.combine(day, time(0, 30), tzinfo=LJUBLJANA),
    )

    assert titles(get(client, start=day.isoformat(), end=(day + timedelta(1)).isoformat())) == [
        "Polnočnica"
    ]
    assert titles(get(client, start=(day - timedelta(1)).isoformat(), end=day.isoformat())) == []
    # It lasts until 02:30: a date-time without an offset is local time, one with it is exact.
    end = (day + timedelta(1)).isoformat()
    assert titles(get(client, start=f"{day}T02:00", end=end)) == ["Polnočnica"]
    assert titles(get(client, start=f"{day}T02:00+00:00", end=end)) == []


def test_start_alone_spans_31_days(client, calendars):
    start = timezone.localdate(timezone=LJUBLJANA) + timedelta(days=100)
    for days, title in ((5, "V mesecu"), (40, "Kasneje")):
        EventPageFactory(
            parent=calendars.events_a,
            title=title,
            starts_at=datetime.combine(start + timedelta(days), time(10), tzinfo=LJUBLJANA),
        )

    assert titles(get(client, start=start.isoformat())) == ["V mesecu"]


def test_cancelled_occurrences_are_listed_with_their_status_unless_excluded(client, calendars):
    EventPageFactory(parent=calendars.events_a, title="Odpovedano", status="cancelled")
    EventPageFactory(parent=calendars.events_a, title="Bo", starts_at=timezone.now() + timedelta(8))

    items = get(client).json()["items"]
    assert [(item["page"]["title"], item["status"]) for item in items] == [
        ("Odpovedano", "cancelled"),
        ("Bo", "scheduled"),
    ]
    assert titles(get(client, include_cancelled="false")) == ["Bo"]


def test_filters_by_location_programme_and_target_group(client, calendars):
    location = LocationFactory(organisation=calendars.organisation_a)
    group = TargetGroupFactory(name="Starejši")
    programmes = ProgrammeIndexPageFactory(parent=calendars.a.site.root_page)
    programme = ScheduledProgrammePageFactory(parent=programmes, title="Tečaj")
    EventPageFactory(
        parent=calendars.events_a,
        title="Na lokaciji",
        location=location,
        programme=programme,
        starts_at=timezone.now() + timedelta(days=9),
    )
    grouped = EventPageFactory(parent=calendars.events_a, title="Za starejše")
    grouped.target_groups.add(group)
    grouped.save_revision().publish()

    assert titles(get(client, location=location.pk)) == ["Na lokaciji"]
    assert titles(get(client, programme=programme.pk)) == ["Tečaj", "Na lokaciji"]
    assert titles(get(client, target_group=group.pk)) == ["Za starejše"]


def test_location_of_any_translation_filters_the_same_place(client, calendars):
    location = LocationFactory(organisation=calendars.organisation_a)
    english = location.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.save()
    EventPageFactory(parent=calendars.events_a, title="Tam", location=location)

    assert titles(get(client, location=english.pk)) == ["Tam"]


def test_each_page_once_in_the_requested_language(client, calendars):
    english, _created = Locale.objects.get_or_create(language_code="en")
    event = EventPageFactory(parent=calendars.events_a, title="Kvačkanje")
    calendars.a.site.root_page.copy_for_translation(english).save_revision().publish()
    calendars.events_a.copy_for_translation(english).save_revision().publish()
    translation = event.copy_for_translation(english)
    translation.title = "Crochet"
    translation.save_revision().publish()
    EventPageFactory(parent=calendars.events_a, title="Samo slovensko")

    assert titles(get(client)) == ["Kvačkanje", "Samo slovensko"]
    assert titles(get(client, locale="en")) == ["Crochet", "Samo slovensko"]


def test_a_draft_translation_does_not_hide_the_original(client, calendars):
    english, _created = Locale.objects.get_or_create(language_code="en")
    event = EventPageFactory(parent=calendars.events_a, title="Kvačkanje")
    calendars.a.site.root_page.copy_for_translation(english).save_revision().publish()
    calendars.events_a.copy_for_translation(english).save_revision().publish()
    draft = event.copy_for_translation(english)  # created, never published
    draft.title = "Crochet"
    draft.save_revision()

    assert titles(get(client, locale="en")) == ["Kvačkanje"]


def test_drafts_and_private_pages_have_no_occurrences(client, calendars):
    draft = EventPageFactory(parent=calendars.events_a, title="Osnutek")
    draft.unpublish()
    private = EventPageFactory(parent=calendars.events_a, title="Zasebno")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventPageFactory(parent=calendars.events_a, title="Javno")

    assert titles(get(client)) == ["Javno"]
    assert titles(get(client, site="all")) == ["Javno"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"colour": "red"}, "colour"),
        ({"start": "next tuesday"}, "start"),
        ({"start": "1700000000"}, "start"),
        ({"end": "2026-13-01"}, "end"),
        ({"start": "9999-12-31"}, "start"),
        ({"start": "2030-01-02", "end": "2030-01-01"}, "end"),
        ({"start": "2030-01-01", "end": "2032-01-01"}, "end"),
        ({"location": "abc"}, "location"),
        ({"location": "999999"}, "location"),
        ({"programme": "999999"}, "programme"),
        ({"target_group": "0"}, "target_group"),
        ({"site": "nowhere.localhost"}, "site"),
        ({"locale": "xx"}, "locale"),
        ({"site": "a\x00"}, "site"),
        ({"include_cancelled": "maybe"}, "include_cancelled"),
        ({"limit": "1000"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, calendars, params, parameter):
    assert_bad(get(client, **params), parameter)


def test_a_draft_programme_is_an_unknown_programme(client, calendars):
    programmes = ProgrammeIndexPageFactory(parent=calendars.a.site.root_page)
    programme = ScheduledProgrammePageFactory(parent=programmes, title="Še ne")
    programme.unpublish()

    assert_bad(get(client, programme=programme.pk), "programme")


@pytest.mark.parametrize("limit", [2, 100])
def test_queries_do_not_grow_with_the_number_of_occurrences(
    client, calendars, django_assert_max_num_queries, limit
):
    location = LocationFactory(organisation=calendars.organisation_a)
    programmes = ProgrammeIndexPageFactory(parent=calendars.a.site.root_page)
    programme = ScheduledProgrammePageFactory(parent=programmes)
    for number in range(25):
        EventPageFactory(
            parent=calendars.events_a if number % 2 else calendars.events_b,
            location=location,
            programme=programme,
            starts_at=timezone.now() + timedelta(days=1, hours=number),
        )

    with django_assert_max_num_queries(MAX_QUERIES):
        response = get(client, site="all", limit=limit, location=location.pk)

    assert response.status_code == 200
    assert len(response.json()["items"]) == min(limit, 25)


def test_openapi_types_every_field_of_an_item(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/occurrences/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"start", "end", "site", "location", "programme", "target_group", "locale"} <= names
    item = schema["components"]["schemas"]["OccurrenceItem"]["properties"]
    assert item["start"]["format"] == "date-time"
    assert "$ref" in str(item["page"]) and "$ref" in str(item["site"])
