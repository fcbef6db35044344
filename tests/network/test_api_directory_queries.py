"""The network directory's SQL queries are bounded: a page of 50 items stays within the same
fixed number as a page of 2, and a detail with 30 related rows of each kind within another."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories import (
    ContactPersonFactory,
    FunderFactory,
    FundingLineFactory,
    FundingProgrammeFactory,
    ImageFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    LocationFactory,
    LocationPageFactory,
    MunicipalityFactory,
    OpeningHoursExceptionFactory,
    OpeningHoursRangeFactory,
    OrganisationFactory,
    ProjectFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectParticipationFactory,
    RegionFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from tests.network.directory_world import A, get, items

pytestmark = pytest.mark.django_db

ROWS = 30
# Site, locales, the filter's scope (pages, restrictions), count, rows, their prefetches,
# renditions, and the sites, references and pages the items are shown on: fixed numbers.
MAX_LIST_QUERIES = 22
MAX_DETAIL_QUERIES = 22
RESOURCES = ["organisations", "funders", "projects", "locations", "contacts", "regions"]


@pytest.fixture
def crowd(tenants):
    """Thirty of everything, all shown on A's site, with logos, photos, hours and pages."""
    owner = tenants.organisation_a
    home = tenants.a.site.root_page
    programme = FundingProgrammeFactory()
    target_group, theme = TargetGroupFactory(), ThemeFactory()
    index = ProjectIndexPageFactory(parent=home)
    hub = ProjectFactory(owner=owner, funding_programme=programme, total_value=None)
    ProjectPageFactory(parent=index, project=hub)
    for _ in range(ROWS):
        region = RegionFactory()
        municipality = MunicipalityFactory(region=region)
        partner = OrganisationFactory(region=region, logo=ImageFactory())
        partner.municipalities.add(municipality, MunicipalityFactory(region=region))
        partner.save()
        funder = FunderFactory(logo=ImageFactory(), organisation=partner)
        ProjectParticipationFactory(project=hub, organisation=partner)
        FundingLineFactory(project=hub, funder=funder, amount=Decimal("1000.00"))
        IndicatorValueFactory(indicator=IndicatorFactory(project=hub))

        project = ProjectFactory(owner=owner, funding_programme=programme)
        project.target_groups.add(target_group)
        project.themes.add(theme)
        project.save()
        FundingLineFactory(project=project, funder=FunderFactory(logo=ImageFactory()))
        ProjectParticipationFactory(project=project, organisation=partner, role="lead_partner")
        ProjectPageFactory(parent=index, project=project)

        office = LocationFactory(organisation=owner, municipality=municipality)
        OpeningHoursRangeFactory(location=office)
        OpeningHoursExceptionFactory(location=office)
        LocationPageFactory(parent=home, location=office)
        ContactPersonFactory(organisation=owner, location=office, photo=ImageFactory())
    return hub


def shown(client, path: str, **params) -> int:
    return len(items(get(client, path, A, **params)))


def test_lists_run_a_bounded_number_of_queries_whatever_the_limit(
    client, crowd, django_assert_max_num_queries
):
    for resource in RESOURCES:
        for scope in ({}, {"site": "all"}):
            # The first request makes the renditions of new logos and photos, once ever.
            assert len(items(get(client, f"{resource}/", A, limit="50", **scope))) >= ROWS
            with django_assert_max_num_queries(MAX_LIST_QUERIES, info=f"{resource} {scope}"):
                assert shown(client, f"{resource}/", limit="2", **scope) == 2
            with django_assert_max_num_queries(MAX_LIST_QUERIES, info=f"{resource} {scope}"):
                assert shown(client, f"{resource}/", limit="50", **scope) >= ROWS


def test_details_run_a_bounded_number_of_queries(client, crowd, django_assert_max_num_queries):
    for path in (
        f"projects/{crowd.pk}/",
        f"organisations/{crowd.owner_id}/",
        f"funders/{crowd.funding_lines.first().funder_id}/",
    ):
        get(client, path, A)
        with django_assert_max_num_queries(MAX_DETAIL_QUERIES):
            response = get(client, path, A)
        assert response.status_code == 200, response.content
    detail = get(client, f"projects/{crowd.pk}/", A, locale="en").json()
    assert len(detail["funding_lines"]) == len(detail["indicators"]) == ROWS
