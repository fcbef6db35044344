"""Contact blocks: consent respected, today's hours, weekly hours, municipalities by region."""

from datetime import date, time, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from network.models import OpeningHoursException
from tests.blocks.helpers import api, make_page, render
from tests.factories import (
    ContactPersonFactory,
    ImageFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningHoursRangeFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

# A Wednesday, 10:00 in Ljubljana.
WEDNESDAY = timezone.make_aware(timezone.datetime(2025, 3, 12, 10, 0))


@pytest.fixture
def office(centre):
    location = LocationFactory(
        name="Večgeneracijski center Celje",
        street_address="Mariborska cesta 2",
        postcode="3000",
        municipality=MunicipalityFactory(name="Celje"),
        phone="+386 3 425 50 00",
        email="info@socio.si",
    )
    for weekday in range(5):
        OpeningHoursRangeFactory(location=location, weekday=weekday, opens=time(7), closes=time(18))
    return location


def test_contacts_without_consent_are_never_shown(centre):
    shown = ContactPersonFactory(name="Ana Novak", email="ana@socio.si", photo=ImageFactory())
    hidden = ContactPersonFactory(name="Skrita Oseba", consent_to_publish=False)
    page = make_page(
        centre.site.root_page,
        [{"type": "contacts", "value": {"heading": "", "people": [shown.pk, hidden.pk]}}],
    )

    [person] = api(page)[0]["value"]["people"]
    html = render(page)

    assert person["name"] == "Ana Novak"
    assert person["email"] == "ana@socio.si"
    assert person["organisation"]["id"] == shown.organisation_id
    assert set(person["photo"]) == {"url", "width", "height", "alt"}
    assert "Ana Novak" in html
    assert 'href="mailto:ana@socio.si"' in html
    assert "Skrita Oseba" not in html


def test_quick_contact_shows_the_office_and_todays_hours(centre, office):
    page = make_page(
        centre.site.root_page, [{"type": "quick_contact", "value": {"location": office.pk}}]
    )

    with mock.patch("django.utils.timezone.now", return_value=WEDNESDAY):
        office_data = api(page)[0]["value"]["office"]
        html = render(page)

    assert office_data["name"] == "Večgeneracijski center Celje"
    assert office_data["address"]["street_address"] == "Mariborska cesta 2"
    assert office_data["address"]["municipality"]["name"] == "Celje"
    assert office_data["phone"] == "+386 3 425 50 00"
    assert office_data["today"]["date"] == "2025-03-12"
    assert office_data["today"]["hours"] == [{"opens": "07:00", "closes": "18:00"}]
    assert office_data["today"]["open"] is True
    assert "<address>" in html
    assert "Mariborska cesta 2" in html
    assert 'datetime="2025-03-12">07:00–18:00</time>' in html


def test_quick_contact_on_a_holiday_says_closed_in_the_pages_language(centre, office):
    OpeningHoursException.objects.create(
        location=office, date=date(2025, 3, 12), closed=True, note="Praznik"
    )
    page = make_page(
        centre.site.root_page, [{"type": "quick_contact", "value": {"location": office.pk}}]
    )

    with mock.patch("django.utils.timezone.now", return_value=WEDNESDAY):
        today = api(page)[0]["value"]["office"]["today"]
        html = render(page)

    assert today["open"] is False
    assert today["text"] == "zaprto"
    assert today["note"] == "Praznik"
    assert 'datetime="2025-03-12">zaprto</time> (Praznik)' in html


def test_opening_hours_table_and_coming_exceptions(centre, office):
    coming = timezone.localdate() + timedelta(days=3)
    OpeningHoursException.objects.create(
        location=office,
        date=coming,
        closed=False,
        opens=time(8),
        closes=time(12),
        note="Krajši dan",
    )
    OpeningHoursException.objects.create(location=office, date=date(2020, 1, 1), closed=True)
    page = make_page(
        centre.site.root_page, [{"type": "opening_hours", "value": {"location": office.pk}}]
    )

    value = api(page)[0]["value"]
    html = render(page)

    assert value["location"] == {"id": office.pk, "name": "Večgeneracijski center Celje"}
    assert value["summary"] == "pon–pet 07:00–18:00; sob, ned zaprto"
    assert value["days"][0] == {"weekday": 0, "name": "ponedeljek", "hours": "07:00–18:00"}
    assert value["days"][6]["hours"] == "zaprto"
    assert value["exceptions"] == [
        {"date": coming.isoformat(), "closed": False, "hours": "08:00–12:00", "note": "Krajši dan"}
    ]
    assert "<caption>" in html
    assert '<th scope="row">ponedeljek</th><td>07:00–18:00</td>' in html
    assert "Krajši dan" in html


def test_municipalities_served_grouped_by_region(centre):
    savinjska = RegionFactory(name="Savinjska")
    zasavska = RegionFactory(name="Zasavska")
    organisation = OrganisationFactory()
    organisation.municipalities.add(
        MunicipalityFactory(name="Celje", region=savinjska),
        MunicipalityFactory(name="Vojnik", region=savinjska),
    )
    organisation.save()
    extra = MunicipalityFactory(name="Litija", region=zasavska)
    page = make_page(
        centre.site.root_page,
        [
            {
                "type": "municipalities",
                "value": {"organisation": organisation.pk, "municipalities": [extra.pk]},
            }
        ],
    )

    value = api(page)[0]["value"]
    html = render(page)

    assert value["organisation"]["id"] == organisation.pk
    assert [(m["name"], m["region"]["name"]) for m in value["municipalities"]] == [
        ("Celje", "Savinjska"),
        ("Vojnik", "Savinjska"),
        ("Litija", "Zasavska"),
    ]
    assert "<h3>Savinjska</h3>" in html
    assert "<li>Litija</li>" in html
