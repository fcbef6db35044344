"""Pages are available as typed JSON through Wagtail's API v3, references resolved."""

from decimal import Decimal

import pytest

from tests.factories import (
    ContactPersonFactory,
    FunderFactory,
    FundingLineFactory,
    ProjectFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    provision_centre,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project_page():
    tenant = provision_centre("Socio", "socio.localhost", slug="socio")
    project = ProjectFactory(
        title="Socio – večgeneracijski center",
        total_value=Decimal("875000.00"),
        aims="Socialna vključenost",
        live=True,
    )
    FundingLineFactory(project=project, funder=FunderFactory(name="ESS"), amount=Decimal("575000"))
    index = ProjectIndexPageFactory(parent=tenant.site.root_page)
    return ProjectPageFactory(parent=index, project=project, intro="Projekt na kratko")


def get_page(client, page):
    response = client.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST="socio.localhost")
    assert response.status_code == 200, response.content
    return response.json()


def test_project_page_serialises_its_project_with_funding(client, project_page):
    data = get_page(client, project_page)

    assert data["intro"] == "Projekt na kratko"
    project = data["project"]
    assert project["title"] == "Socio – večgeneracijski center"
    assert project["total_value"] == "875000.00"
    line = project["funding_lines"][0]
    assert line["funder"]["name"] == "ESS"
    assert line["amount"] == "575000.00"
    assert line["share"] == "65.71"


def test_unpublished_project_is_not_serialised(client, project_page):
    project_page.project.live = False
    project_page.project.save()
    assert get_page(client, project_page)["project"] is None


def test_programme_facilitator_without_consent_is_null(client):
    from tests.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

    tenant = provision_centre("Socio", "socio.localhost", slug="socio")
    index = ProgrammeIndexPageFactory(parent=tenant.site.root_page)
    hidden = ContactPersonFactory(name="Skrita Oseba", consent_to_publish=False)
    page = ProgrammePageFactory(parent=index, facilitator=hidden)
    data = get_page(client, page)
    assert data["facilitator"] is None
    assert "Skrita Oseba" not in str(data)


def test_openapi_document_types_page_references(client, project_page):
    schema = client.get("/api/v3/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "ProjectData" in components
    assert "total_value" in components["ProjectData"]["properties"]


def test_good_practice_page_gives_its_region(client):
    from tests.factories import (
        GoodPracticeIndexPageFactory,
        GoodPracticePageFactory,
        RegionFactory,
    )

    tenant = provision_centre("Socio", "socio.localhost", slug="socio")
    index = GoodPracticeIndexPageFactory(parent=tenant.site.root_page)
    region = RegionFactory(name="Zasavska")
    practice = GoodPracticePageFactory(parent=index, region=region)

    assert get_page(client, practice)["region"] == {"id": region.pk, "name": "Zasavska"}
