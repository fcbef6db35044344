"""A hub and a centre's site holding one page of every type, for rendering tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page, Site

from network.models import Location, Organisation, Project
from network.provisioning import provision_site
from tests.factories import (
    ContactPageFactory,
    ContactPersonFactory,
    EventIndexPageFactory,
    EventPageFactory,
    FunderFactory,
    FundingLineFactory,
    FundingProgrammeFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    LocationFactory,
    LocationPageFactory,
    MunicipalityFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    OpeningHoursExceptionFactory,
    OpeningHoursRangeFactory,
    OrganisationFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ProjectFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectParticipationFactory,
    SearchPageFactory,
    SocialActivationProgrammePageFactory,
    StandardPageFactory,
    TargetGroupFactory,
)

CENTRE_HOST = "centre.localhost"
HUB_HOST = "hub.localhost"


@dataclass
class Network:
    """The hub and one centre: their sites, organisations and pages by type."""

    hub: Site
    centre: Site
    network_organisation: Organisation
    organisation: Organisation
    location: Location
    project: Project
    pages: dict[str, Page] = field(default_factory=dict)


def path_of(page: Page) -> str:
    """The page's path on its own site (what a browser asks the page's host for)."""
    return page.get_url_parts()[2]


def get(client, target: Page, /, host: str = CENTRE_HOST, **params):
    """GET the page over the test client on ``host``, with ``params`` as its query string."""
    return client.get(path_of(target), params, HTTP_HOST=host)


def add_project_rows(project: Project, *, count: int) -> None:
    """``count`` funding lines, partners and indicators (each with a value) on a project."""
    for number in range(count):
        FundingLineFactory(project=project, amount=Decimal("1000"), funder__name=f"Funder {number}")
        ProjectParticipationFactory(project=project, organisation__name=f"Partner {number}")
        indicator = IndicatorFactory(project=project, name=f"Indikator {number}")
        IndicatorValueFactory(indicator=indicator)


@pytest.fixture(autouse=True)
def _fresh_site_cache():
    """Wagtail caches site root paths across requests; tests build new sites each time."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network(db) -> Network:
    # As the demo loader does: the hub replaces Wagtail's initial default site.
    Site.objects.filter(is_default_site=True).delete()
    network_organisation = OrganisationFactory(name="Mreža centrov", slug="mreza", kind="network")
    hub = provision_site(
        name="Mreža",
        hostname=HUB_HOST,
        organisation=network_organisation,
        kind="hub",
        is_default_site=True,
    ).tenant.site
    organisation = OrganisationFactory(
        name="Zavod Znanje Postojna", slug="znanje", website="https://znanje.example"
    )
    centre = provision_site(
        name="Točke moči",
        hostname=CENTRE_HOST,
        organisation=organisation,
        branding={"contact_email": "info@znanje.example", "facebook_url": "https://fb.example"},
    ).tenant.site
    postojna = MunicipalityFactory(name="Postojna")
    location = LocationFactory(
        organisation=organisation,
        name="Točka moči Postojna",
        street_address="",
        postcode="6230",
        municipality=postojna,
        phone="+386 5 721 12 80",
    )
    for weekday in range(5):
        OpeningHoursRangeFactory(location=location, weekday=weekday, opens=time(8), closes=time(16))
    OpeningHoursExceptionFactory(
        location=location, date=timezone.localdate() + timedelta(days=3), note="Praznik"
    )
    coordinator = ContactPersonFactory(organisation=organisation, name="Ana Novak")

    esf = FunderFactory(
        name="Evropski socialni sklad",
        kind="eu",
        acknowledgement="Projekt sofinancira Evropski socialni sklad.",
    )
    ministry = FunderFactory(name="Ministrstvo za delo", kind="national")
    project = ProjectFactory(
        title="Točke moči",
        owner=organisation,
        total_value=Decimal("575000"),
        funding_programme=FundingProgrammeFactory(fund="ESF"),
        summary="Večgeneracijski centri v šestih krajih.",
        aims="Vključevanje ranljivih skupin.",
        expected_results="Šest delujočih točk.",
    )
    FundingLineFactory(project=project, funder=esf, amount=Decimal("460000"))
    FundingLineFactory(project=project, funder=ministry, amount=Decimal("115000"))
    ProjectParticipationFactory(project=project, organisation=organisation, role="lead_partner")
    ProjectParticipationFactory(project=project, organisation__name="Občina Pivka")
    indicator = IndicatorFactory(project=project, name="Vključeni uporabniki", target=80)
    IndicatorValueFactory(indicator=indicator, achieved=Decimal("35"))

    home = centre.root_page.specific
    pages: dict[str, Page] = {"centre_home_page": home, "hub_home_page": hub.root_page.specific}
    pages["standard_page"] = StandardPageFactory(parent=home, title="O nas", show_in_menus=True)
    pages["project_index_page"] = ProjectIndexPageFactory(parent=home, show_in_menus=True)
    pages["project_page"] = ProjectPageFactory(
        parent=pages["project_index_page"], title="Projekt Točke moči", project=project
    )
    pages["programme_index_page"] = ProgrammeIndexPageFactory(parent=home)
    pages["programme_page"] = ProgrammePageFactory(
        parent=pages["programme_index_page"], title="Ustvarjalna delavnica", location=location
    )
    pages["programme_page"].target_groups.add(TargetGroupFactory(name="Starejši"))
    pages["programme_page"].save()
    pages["social_activation_programme_page"] = SocialActivationProgrammePageFactory(
        parent=pages["programme_index_page"], title="Korak naprej", implementer=organisation
    )
    pages["social_activation_programme_page"].coordinators.add(coordinator)
    pages["social_activation_programme_page"].save()
    pages["event_index_page"] = EventIndexPageFactory(parent=home)
    pages["event_page"] = EventPageFactory(
        parent=pages["event_index_page"],
        title="Kvačkanje",
        location=location,
        programme=pages["programme_page"],
    )
    pages["news_index_page"] = NewsIndexPageFactory(parent=home)
    pages["news_article_page"] = NewsArticlePageFactory(
        parent=pages["news_index_page"], title="Srečanje mreže"
    )
    pages["location_page"] = LocationPageFactory(
        parent=home, title="Postojna", location=location, show_in_menus=True
    )
    pages["contact_page"] = ContactPageFactory(parent=home)
    pages["contact_page"].locations.add(location)
    pages["contact_page"].contacts.add(coordinator)
    pages["contact_page"].save()
    pages["good_practice_index_page"] = GoodPracticeIndexPageFactory(parent=home)
    hub_practices = GoodPracticeIndexPageFactory(parent=hub.root_page)
    pages["good_practice_page"] = GoodPracticePageFactory(
        parent=hub_practices, title="Brezplačni prevozi"
    )
    pages["good_practice_page"].organisations.add(organisation)
    pages["good_practice_page"].save()
    pages["search_page"] = SearchPageFactory(parent=home)
    return Network(
        hub=hub,
        centre=centre,
        network_organisation=network_organisation,
        organisation=organisation,
        location=location,
        project=project,
        pages=pages,
    )


def host_of(name: str) -> str:
    """Pages of the hub are asked of the hub's host, the rest of the centre's."""
    return HUB_HOST if name in ("hub_home_page", "good_practice_page") else CENTRE_HOST
