"""Where a good practice has been taken up: a list, a count per region, and in the API."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sites.models import GoodPracticePage, PracticeTransfer
from tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory, RegionFactory
from tests.headless.conftest import demo, demo_network  # noqa: F401  (shared demo fixtures)

pytestmark = pytest.mark.django_db


def transport(demo_summary) -> GoodPracticePage:
    return GoodPracticePage.objects.get(slug="brezplacni-prevozi-za-starejse")


def test_the_demo_practice_lists_its_take_ups_and_counts_them_by_region(client, demo):  # noqa: F811
    practice = transport(demo)
    html = client.get(practice.url, HTTP_HOST="localhost").content.decode()
    assert "12 enot" in html or "12 units" in html
    assert "Občina Litija" in html
    table = html.split('class="transfers-by-region"')[1].split("</table>")[0]
    assert "<td>2</td>" in table or "<td>1</td>" in table
    regions = dict(practice.transfers_by_region())
    assert sum(regions.values()) == 2


def test_the_region_comes_from_the_location_then_the_organisation(demo):  # noqa: F811
    practice = transport(demo)
    north = RegionFactory(name="Severna", slug="severna")
    south = RegionFactory(name="Južna", slug="juzna")
    organisation = OrganisationFactory(region=north)
    located = LocationFactory(
        organisation=organisation, municipality=MunicipalityFactory(region=south)
    )
    unlocated = LocationFactory(organisation=organisation, municipality=None)
    practice.transfers.add(PracticeTransfer(location=located), PracticeTransfer(location=unlocated))
    practice.save()
    practice = GoodPracticePage.objects.get(pk=practice.pk)
    regions = dict(practice.transfers_by_region())
    assert regions["Južna"] == 1  # the location's municipality
    assert regions["Severna"] == 1  # the location's organisation
    assert practice.units_taken_up == 12  # the stated number is larger than the records


def test_a_take_up_names_an_organisation_or_a_location(demo):  # noqa: F811
    with pytest.raises(ValidationError) as error:
        PracticeTransfer(page=transport(demo)).full_clean()
    assert "organisation" in error.value.message_dict


def test_the_api_lists_take_ups_with_their_regions(client, demo):  # noqa: F811
    practice = transport(demo)
    body = client.get(f"/api/v3/pages/{practice.pk}/", HTTP_HOST="localhost").json()
    names = {row["organisation"]["name"] for row in body["transfers"]}
    assert "Občina Litija" in names
    assert all(row["since"] for row in body["transfers"])
