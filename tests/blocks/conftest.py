"""Fixtures for the shared blocks: a Slovenian and a Czech centre, and pages to put blocks on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.blocks.stream_world import World, build_world
from tests.factories import (
    FunderFactory,
    FundingLineFactory,
    FundingProgrammeFactory,
    ImageFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OrganisationFactory,
    ProjectFactory,
    ProjectParticipationFactory,
    provision_centre,
)


@pytest.fixture
def centre(db):
    """A Slovenian centre served at socio.localhost."""
    return provision_centre("Socio", "socio.localhost", name="Javni zavod Socio", slug="socio")


@pytest.fixture
def czech_centre(db):
    """A Czech centre served at hana.localhost, its pages in Czech."""
    organisation = OrganisationFactory(name="Region Haná", slug="region-hana")
    from network.provisioning import provision_site

    return provision_site(
        name="Haná", hostname="hana.localhost", organisation=organisation, locale="cs"
    ).tenant


@pytest.fixture
def esf_project(db):
    """A 2021–2027 ESF+ project with two funding lines, a lead, two partners, an indicator."""
    programme = FundingProgrammeFactory(
        name="Program evropske kohezijske politike 2021–2027", period="2021-2027", fund="ESF+"
    )
    project = ProjectFactory(
        title="Točke moči",
        registration_code="OP20.00123",
        funding_programme=programme,
        total_value=Decimal("875000.00"),
        summary="Večgeneracijski centri v šestih občinah.",
        aims="Manj osamljenosti, več znanja.",
        expected_results="80 vključenih uporabnikov.",
        live=True,
    )
    ministry = FunderFactory(name="Ministrstvo za delo", logo=ImageFactory(title="MDDSZ"))
    esf = FunderFactory(name="Evropski socialni sklad", kind="eu")
    FundingLineFactory(project=project, funder=ministry, amount=Decimal("143750.00"))
    FundingLineFactory(project=project, funder=esf, amount=Decimal("431250.00"))
    ProjectParticipationFactory(
        project=project, organisation=OrganisationFactory(name="Zavod Znanje"), role="lead_partner"
    )
    for name in ("Občina Pivka", "Knjižnica Bena Zupančiča"):
        ProjectParticipationFactory(project=project, organisation=OrganisationFactory(name=name))
    indicator = IndicatorFactory(project=project, target=Decimal("80"))
    IndicatorValueFactory(indicator=indicator, achieved=Decimal("35"))
    return project


@pytest.fixture
def world(centre) -> World:
    """Ten of each referenced object, and listed pages, on the Slovenian centre's site."""
    return build_world(centre.site.root_page)
