"""schema.org JSON-LD: organisations, places with hours, events, series, projects, articles."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from network.opening_hours import DayException, OpeningHours, TimeRange
from sites import structured_data
from sites.models import EventScheduleChange
from tests.factories import (
    EventPageFactory,
    OpeningHoursExceptionFactory,
    OrganisationFactory,
    StandardPageFactory,
)
from tests.sites.conftest import get, host_of
from tests.sites.html_audit import Audit

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org"


def json_ld(client, network, name: str) -> Audit:
    response = get(client, network.pages[name], host=host_of(name))
    assert response.status_code == 200
    audit = Audit(response.content.decode())
    assert len(audit.json_ld) == 1
    assert audit.json_ld[0]["@context"] == SCHEMA
    return audit


# The pages


def test_centre_home_page_is_an_ngo_member_of_the_network(client, network):
    organisation = json_ld(client, network, "centre_home_page").node("NGO")

    assert organisation["name"] == "Zavod Znanje Postojna"
    assert organisation["url"] == "https://znanje.example"
    assert organisation["memberOf"] == {
        "@type": "NGO",
        "name": "Mreža centrov",
        "url": "http://hub.localhost/",
    }
    assert organisation["location"][0]["@type"] == "Place"


def test_public_bodies_are_government_organisations(client, network):
    type(network.organisation).objects.filter(pk=network.organisation.pk).update(
        kind="public_institute"
    )

    audit = json_ld(client, network, "centre_home_page")

    assert audit.types()[0] == "GovernmentOrganization"


def test_the_hub_is_the_network_itself(client, network):
    organisation = json_ld(client, network, "hub_home_page").node("NGO")

    assert organisation["name"] == "Mreža centrov"
    assert "memberOf" not in organisation


def test_location_page_is_a_place_with_weekly_and_special_hours(client, network):
    place = json_ld(client, network, "location_page").node("Place")

    assert place["address"] == {
        "@type": "PostalAddress",
        "postalCode": "6230",
        "addressLocality": "Postojna",
        "addressCountry": "SI",
    }
    [weekdays] = place["openingHoursSpecification"]
    assert weekdays["dayOfWeek"] == [
        f"{SCHEMA}/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    assert (weekdays["opens"], weekdays["closes"]) == ("08:00", "16:00")
    [holiday] = place["specialOpeningHoursSpecification"]
    holiday_date = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert holiday["validFrom"] == holiday["validThrough"] == holiday_date
    assert (holiday["opens"], holiday["closes"]) == ("00:00", "00:00")


def test_past_exceptions_are_left_out(client, network):
    OpeningHoursExceptionFactory(
        location=network.location, date=timezone.localdate() - timedelta(days=30)
    )

    place = json_ld(client, network, "location_page").node("Place")

    assert len(place["specialOpeningHoursSpecification"]) == 1


def test_event_page_is_an_event_with_status_place_and_offset_times(client, network):
    event = network.pages["event_page"]
    event.status = "postponed"
    # 10:00–12:00 in Ljubljana (summer time) is 08:00–10:00 UTC.
    event.start_date, event.start_time, event.end_time = date(2027, 7, 1), time(10), time(12)
    event.save_revision().publish()

    node = json_ld(client, network, "event_page").node("Event")

    assert node["eventStatus"] == f"{SCHEMA}/EventPostponed"
    assert node["startDate"] == "2027-07-01T10:00:00+02:00"
    assert node["endDate"] == "2027-07-01T12:00:00+02:00"
    assert node["location"]["name"] == "Točka moči Postojna"
    assert node["organizer"]["name"] == "Zavod Znanje Postojna"
    assert node["superEvent"]["@type"] == "EventSeries"
    assert node["superEvent"]["name"] == "Ustvarjalna delavnica"


@pytest.mark.parametrize(
    ("status", "schema_status"),
    [
        ("scheduled", "EventScheduled"),
        ("cancelled", "EventCancelled"),
        ("postponed", "EventPostponed"),
        ("moved_online", "EventMovedOnline"),
    ],
)
def test_event_status_maps_to_schema_org(client, network, status, schema_status):
    event = network.pages["event_page"]
    event.status = status
    event.save_revision().publish()

    node = json_ld(client, network, "event_page").node("Event")

    assert node["eventStatus"] == f"{SCHEMA}/{schema_status}"
    if status == "moved_online":
        assert node["location"]["@type"] == "VirtualLocation"
        assert node["eventAttendanceMode"] == f"{SCHEMA}/OnlineEventAttendanceMode"


def test_programme_is_an_event_series_of_its_upcoming_events(client, network):
    index, programme = network.pages["event_index_page"], network.pages["programme_page"]
    past = timezone.now() - timedelta(days=30)
    EventPageFactory(
        parent=index,
        title="Pretekla",
        programme=programme,
        starts_at=past,
        hours=1,
    )
    draft = EventPageFactory(parent=index, title="Osnutek", programme=programme)
    draft.unpublish()
    EventPageFactory(parent=index, title="Druga", programme=programme)

    series = json_ld(client, network, "programme_page").node("EventSeries")

    assert [event["name"] for event in series["subEvent"]] == ["Kvačkanje", "Druga"]
    assert {event["@type"] for event in series["subEvent"]} == {"Event"}
    assert series["location"]["name"] == "Točka moči Postojna"
    assert series["audience"] == [{"@type": "Audience", "audienceType": "Starejši"}]


def test_social_activation_programme_is_an_event_series(client, network):
    series = json_ld(client, network, "social_activation_programme_page").node("EventSeries")

    assert series["duration"] == "P11M"
    assert series["maximumAttendeeCapacity"] == 20
    assert series["audience"]["requiredMaxAge"] == 49
    assert series["organizer"]["name"] == "Zavod Znanje Postojna"


def test_project_has_monetary_grants_and_partners(client, network):
    project = json_ld(client, network, "project_page").node("Project")

    grants = project["funding"]
    assert [grant["@type"] for grant in grants] == ["MonetaryGrant", "MonetaryGrant"]
    assert grants[0]["funder"] == {
        "@type": "GovernmentOrganization",
        "name": "Evropski socialni sklad",
    }
    assert grants[0]["amount"] == {"@type": "MonetaryAmount", "currency": "EUR", "value": 460000}
    roles = {member["roleName"]: member["member"]["name"] for member in project["member"]}
    assert "Zavod Znanje Postojna" in roles.values()


def test_news_article_has_dates_and_publisher(client, network):
    article = json_ld(client, network, "news_article_page").node("NewsArticle")

    assert article["headline"] == "Srečanje mreže"
    assert article["datePublished"] == "2026-11-20"
    assert article["publisher"]["name"] == "Zavod Znanje Postojna"
    assert article["inLanguage"] == "sl"


def test_good_practice_is_an_article_by_its_organisations(client, network):
    article = json_ld(client, network, "good_practice_page").node("Article")

    assert article["author"] == [
        {"@type": "NGO", "name": "Zavod Znanje Postojna", "url": "https://znanje.example"}
    ]
    assert article["publisher"]["name"] == "Mreža centrov"


def test_pages_below_the_home_page_carry_breadcrumbs(client, network):
    crumbs = json_ld(client, network, "event_page").node("BreadcrumbList")

    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Točke moči",
        "Dogodki",
        "Kvačkanje",
    ]
    assert crumbs["itemListElement"][0]["item"] == "http://centre.localhost/"


def test_script_content_cannot_end_the_script_element(client, network):
    page = StandardPageFactory(parent=network.pages["centre_home_page"], title="</script><b>x")

    html = get(client, page).content.decode()

    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script
    names = [item["name"] for item in json.loads(script)["@graph"][0]["itemListElement"]]
    assert names[-1] == "</script><b>x"


# The builders


def hours(weekly, exceptions=()):
    return OpeningHours.from_ranges(weekly, exceptions)


def test_opening_hours_are_grouped_by_identical_hours():
    spec = structured_data.opening_hours_specification(
        hours(
            [(day, time(8), time(16)) for day in (0, 1, 3)]
            + [(2, time(8), time(12)), (2, time(13), time(18)), (5, time(9), time(12))]
        )
    )

    assert [(item["dayOfWeek"], item["opens"], item["closes"]) for item in spec] == [
        ([f"{SCHEMA}/Monday", f"{SCHEMA}/Tuesday", f"{SCHEMA}/Thursday"], "08:00", "16:00"),
        ([f"{SCHEMA}/Wednesday"], "08:00", "12:00"),
        ([f"{SCHEMA}/Wednesday"], "13:00", "18:00"),
        ([f"{SCHEMA}/Saturday"], "09:00", "12:00"),
    ]


def test_consecutive_closed_days_make_one_special_range():
    christmas = [DayException(day=date(2026, 12, day), note="Prazniki") for day in (24, 25, 26)]
    short_day = DayException(day=date(2026, 12, 31), ranges=(TimeRange(time(8), time(12)),))

    spec = structured_data.special_opening_hours_specification(
        hours([], [*christmas, short_day]), since=date(2026, 12, 1)
    )

    assert spec == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": "2026-12-24",
            "validThrough": "2026-12-26",
            "description": "Prazniki",
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "08:00",
            "closes": "12:00",
            "validFrom": "2026-12-31",
            "validThrough": "2026-12-31",
        },
    ]


def test_json_ld_script_escapes_markup():
    script = str(structured_data.json_ld_script({"name": "</script>&<!--"}))

    assert script.startswith('<script type="application/ld+json">')
    inner = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == {"name": "</script>&<!--"}


def test_amounts_are_json_numbers():
    assert structured_data.number(Decimal("575000.00")) == 575000
    assert structured_data.number(Decimal("0.50")) == 0.5


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("ngo", "NGO"),
        ("multigenerational_centre", "NGO"),
        ("network", "NGO"),
        ("social_work_centre", "GovernmentOrganization"),
        ("ministry", "GovernmentOrganization"),
        ("municipality", "GovernmentOrganization"),
    ],
)
def test_organisation_types(kind, schema_type):
    organisation = OrganisationFactory.build(kind=kind, name="X")

    assert structured_data.organisation_ref(organisation)["@type"] == schema_type


def test_a_repeating_event_is_a_series_with_one_event_per_date(client, network):
    event = network.pages["event_page"]
    monday = timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday())
    event.start_date, event.start_time, event.end_time = monday, time(10), time(12)
    event.recurrence = "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3"
    event.schedule_changes = [
        EventScheduleChange(
            original_date=monday + timedelta(days=7),
            action="moved",
            new_date=monday + timedelta(days=8),
            reason="Dvorana je zasedena",
        )
    ]
    event.save_revision().publish()

    series = json_ld(client, network, "event_page").node("EventSeries")

    events = series["subEvent"]
    assert [e["startDate"][:10] for e in events] == [
        (monday + timedelta(days=days)).isoformat() for days in (0, 8, 14)
    ]
    assert {e["startDate"][11:19] for e in events} == {"10:00:00"}
    moved = events[1]
    assert moved["eventStatus"] == f"{SCHEMA}/EventRescheduled"
    assert moved["previousStartDate"].startswith((monday + timedelta(days=7)).isoformat())
