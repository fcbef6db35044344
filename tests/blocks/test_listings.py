"""Listing blocks: upcoming events, programmes and good practices, filtered and scoped."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.blocks.helpers import api, make_page, render
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    LocationFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    RegionFactory,
    TargetGroupFactory,
    ThemeFactory,
    provision_centre,
)

pytestmark = pytest.mark.django_db


def events(value: dict) -> list[dict]:
    return value["events"]


@pytest.fixture
def other_centre(db):
    return provision_centre("Sopotniki", "sopotniki.localhost", name="Sopotniki", slug="sopotniki")


@pytest.fixture
def calendar(centre, other_centre):
    """Events of two centres: past, upcoming, a draft, one per location and target group."""
    index = EventIndexPageFactory(parent=centre.site.root_page)
    other_index = EventIndexPageFactory(parent=other_centre.site.root_page)
    now = timezone.now()
    pivka = LocationFactory(name="Točka moči Pivka")
    seniors = TargetGroupFactory(name="Starejši")
    programmes = ProgrammeIndexPageFactory(parent=centre.site.root_page)
    choir = ProgrammePageFactory(parent=programmes, title="Pevski zbor")
    created = {
        "past": EventPageFactory(
            parent=index, title="Včerajšnja delavnica", starts_at=now - timedelta(days=1)
        ),
        "soon": EventPageFactory(parent=index, title="Kavarna", starts_at=now + timedelta(days=1)),
        "pivka": EventPageFactory(
            parent=index, title="Ples v Pivki", location=pivka, starts_at=now + timedelta(days=2)
        ),
        "choir": EventPageFactory(
            parent=index, title="Vaja zbora", programme=choir, starts_at=now + timedelta(days=3)
        ),
        "seniors": EventPageFactory(
            parent=index, title="Telovadba", starts_at=now + timedelta(days=4)
        ),
        "draft": EventPageFactory(parent=index, title="Osnutek", live=False),
        "elsewhere": EventPageFactory(
            parent=other_index, title="Prevoz v Litijo", starts_at=now + timedelta(hours=5)
        ),
    }
    created["seniors"].target_groups.add(seniors)
    created["seniors"].save_revision().publish()
    return {**created, "location": pivka, "target_group": seniors, "programme": choir}


def listing(calendar, **value) -> dict:
    return {"type": "upcoming_events", "value": {"limit": 10, **value}}


def test_upcoming_events_of_this_site_only_in_order(centre, calendar):
    page = make_page(centre.site.root_page, [listing(calendar)])

    value = api(page)[0]["value"]

    titles = [event["title"] for event in events(value)]
    assert titles == ["Kavarna", "Ples v Pivki", "Vaja zbora", "Telovadba"]
    first = events(value)[1]
    assert first["location"] == {"id": calendar["location"].pk, "name": "Točka moči Pivka"}
    assert first["url"] == f"/dogodki/{calendar['pivka'].slug}/"
    occurrence = calendar["pivka"].calendar_entry.occurrences.get()
    assert first["starts_at"] == occurrence.start.isoformat()
    assert events(value)[2]["programme"] == {"id": calendar["programme"].pk, "title": "Pevski zbor"}


def test_upcoming_events_filters_and_limit(centre, calendar):
    page = make_page(
        centre.site.root_page,
        [
            listing(calendar, location=calendar["location"].pk),
            listing(calendar, programme=calendar["programme"].pk),
            listing(calendar, target_group=calendar["target_group"].pk),
            listing(calendar, limit=2),
            listing(calendar, scope="network", limit=1),
        ],
    )

    results = [[event["title"] for event in events(block["value"])] for block in api(page)]

    assert results == [
        ["Ples v Pivki"],
        ["Vaja zbora"],
        ["Telovadba"],
        ["Kavarna", "Ples v Pivki"],
        ["Prevoz v Litijo"],
    ]


def test_upcoming_events_render_links_and_times(centre, calendar):
    page = make_page(centre.site.root_page, [listing(calendar, heading="Kaj se dogaja")])
    html = render(page)
    assert "<h2>Kaj se dogaja</h2>" in html
    assert f'<a href="/dogodki/{calendar["soon"].slug}/">Kavarna</a>' in html
    assert "<time datetime=" in html
    assert "Včerajšnja delavnica" not in html
    assert "Osnutek" not in html
    assert "Prevoz v Litijo" not in html


def test_programme_list_by_target_group_and_theme(centre, other_centre):
    index = ProgrammeIndexPageFactory(parent=centre.site.root_page)
    youth, theme = TargetGroupFactory(name="Mladi"), ThemeFactory(name="Znanje")
    computers = ProgrammePageFactory(parent=index, title="Računalniški tečaj", intro="Za začetnike")
    computers.target_groups.add(youth)
    computers.themes.add(theme)
    computers.save()
    ProgrammePageFactory(parent=index, title="Angleščina")
    ProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=other_centre.site.root_page))
    page = make_page(
        centre.site.root_page,
        [
            {"type": "programme_list", "value": {"limit": 10}},
            {"type": "programme_list", "value": {"limit": 10, "target_group": youth.pk}},
            {"type": "programme_list", "value": {"limit": 10, "theme": theme.pk}},
        ],
    )

    every, for_youth, on_knowledge = (block["value"]["programmes"] for block in api(page))

    assert [item["title"] for item in every] == ["Angleščina", "Računalniški tečaj"]
    assert [item["title"] for item in for_youth] == ["Računalniški tečaj"]
    assert on_knowledge[0]["intro"] == "Za začetnike"
    assert on_knowledge[0]["kind"] == "workshop"
    assert "Računalniški tečaj" in render(page)


def test_good_practices_are_network_wide_by_theme_or_region(centre, other_centre):
    hub_index = GoodPracticeIndexPageFactory(parent=other_centre.site.root_page)
    zasavje, mobility = RegionFactory(name="Zasavska"), ThemeFactory(name="Mobilnost")
    transport = GoodPracticePageFactory(
        parent=hub_index, title="Prostovoljni prevozi", region=zasavje, transferred_units=12
    )
    transport.themes.add(mobility)
    transport.save()
    GoodPracticePageFactory(parent=hub_index, title="Dnevni center za otroke")
    page = make_page(
        centre.site.root_page,
        [
            {"type": "good_practices", "value": {"limit": 5}},
            {"type": "good_practices", "value": {"limit": 5, "theme": mobility.pk}},
            {"type": "good_practices", "value": {"limit": 5, "region": zasavje.pk}},
        ],
    )

    every, on_mobility, in_zasavje = (block["value"]["practices"] for block in api(page))

    assert {item["title"] for item in every} == {"Prostovoljni prevozi", "Dnevni center za otroke"}
    assert [item["title"] for item in on_mobility] == ["Prostovoljni prevozi"]
    assert in_zasavje[0]["region"] == {"id": zasavje.pk, "name": "Zasavska"}
    assert in_zasavje[0]["transferred_units"] == 12
    assert in_zasavje[0]["url"].startswith("http://sopotniki.localhost/")
    assert "Prostovoljni prevozi" in render(page)


def test_listing_without_a_site_is_empty_not_an_error(calendar):
    from blocks.events import UpcomingEventsBlock

    block = UpcomingEventsBlock()
    value = block.to_python({"limit": 5, "scope": "site"})
    assert block.get_api_representation(value, context={})["events"] == []
    assert "Kavarna" not in block.render(value, context={})
