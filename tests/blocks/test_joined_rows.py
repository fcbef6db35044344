"""Chosen rows come with the relations every block showing them reads: one query, not three."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blocks.projects import role_label
from network.models.projects import ParticipationRole
from tests.blocks.helpers import api, make_page, render
from tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def tables_read(captured: CaptureQueriesContext) -> list[str]:
    """The main table of each SELECT, in order."""
    return [
        match.group(1)
        for query in captured.captured_queries
        if (match := re.search(r'FROM "(\w+)"', query["sql"]))
    ]


def test_a_project_comes_with_its_programme_for_every_block_showing_it(centre, esf_project):
    page = make_page(
        centre.site.root_page,
        [
            {"type": "project_summary", "value": {"project": esf_project.pk}},
            {"type": "eu_acknowledgement", "value": {"project": esf_project.pk}},
        ],
    )

    with CaptureQueriesContext(connection) as captured:
        summary, acknowledgement = api(page)

    tables = tables_read(captured)
    assert tables.count("network_project") == 1
    assert "network_fundingprogramme" not in tables  # joined to the project's row
    assert summary["value"]["programme"]["name"] == esf_project.funding_programme.name
    assert acknowledgement["value"]["mode"] == "2021-2027"


def test_an_office_comes_with_its_organisation_and_municipality(centre):
    office = LocationFactory(
        name="Večgeneracijski center Celje",
        organisation=OrganisationFactory(name="Zavod Socio"),
        municipality=MunicipalityFactory(name="Celje"),
    )
    page = make_page(
        centre.site.root_page,
        [
            {"type": "quick_contact", "value": {"location": office.pk}},
            {"type": "opening_hours", "value": {"location": office.pk}},
        ],
    )

    with CaptureQueriesContext(connection) as captured:
        quick_contact, opening_hours = api(page)

    tables = tables_read(captured)
    assert tables.count("network_location") == 1
    assert "network_organisation" not in tables
    assert "network_municipality" not in tables
    shown = quick_contact["value"]["office"]
    assert shown["organisation"] == {"id": office.organisation_id, "name": "Zavod Socio"}
    assert shown["address"]["municipality"] == {"id": office.municipality_id, "name": "Celje"}
    assert opening_hours["value"]["location"]["name"] == "Večgeneracijski center Celje"
    assert "Večgeneracijski center Celje" in render(page)


def test_a_deleted_office_is_shown_as_nothing(centre):
    office = LocationFactory()
    page = make_page(
        centre.site.root_page, [{"type": "quick_contact", "value": {"location": office.pk}}]
    )
    office.delete()

    assert api(page)[0]["value"] is None


@pytest.mark.parametrize("role", list(ParticipationRole))
def test_role_labels_are_the_ones_django_displays(esf_project, role):
    participation = esf_project.participations.first()
    participation.role = role

    assert role_label(role) == participation.get_role_display()


def test_an_unknown_role_is_shown_as_stored():
    assert role_label("observer") == "observer"
