"""A centre's home page shows its organisation's offices, hours and consenting contacts."""

from datetime import time

import pytest

from network.provisioning import provision_site
from tests.factories import (
    ContactPersonFactory,
    LocationFactory,
    OpeningHoursRangeFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def socio():
    organisation = OrganisationFactory(slug="socio", name="Javni zavod Socio")
    provision_site(name="Socio", hostname="socio.localhost", organisation=organisation)
    location = LocationFactory(organisation=organisation, name="Večgeneracijski center Celje")
    for weekday in range(5):
        OpeningHoursRangeFactory(location=location, weekday=weekday, opens=time(7), closes=time(18))
    ContactPersonFactory(organisation=organisation, name="Ana Novak", consent_to_publish=True)
    ContactPersonFactory(organisation=organisation, name="Skrita Oseba", consent_to_publish=False)
    return organisation


def test_home_page_lists_locations_with_hours_in_the_site_language(client, socio):
    response = client.get("/", HTTP_HOST="socio.localhost")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sl"' in html
    assert "Večgeneracijski center Celje" in html
    assert "pon–pet 07:00–18:00; sob, ned zaprto" in html


def test_contacts_without_consent_are_not_published(client, socio):
    html = client.get("/", HTTP_HOST="socio.localhost").content.decode()
    assert "Ana Novak" in html
    assert "Skrita Oseba" not in html


def test_home_page_queries_do_not_grow_with_locations(client, socio, django_assert_max_num_queries):
    for number in range(10):
        location = LocationFactory(organisation=socio, name=f"Enota {number}")
        OpeningHoursRangeFactory(location=location)
    with django_assert_max_num_queries(25):
        response = client.get("/", HTTP_HOST="socio.localhost")
    assert response.status_code == 200
    assert "Enota 9" in response.content.decode()


def test_unknown_host_falls_back_to_the_default_site(client, socio):
    response = client.get("/", HTTP_HOST="unknown.localhost")
    assert response.status_code in (200, 404)
    assert "Večgeneracijski center Celje" not in response.content.decode()
