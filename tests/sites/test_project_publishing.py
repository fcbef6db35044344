"""An EU-funded project page cannot be published without its acknowledgement and aims."""

from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from sites.models import ProjectPage
from tests.factories import (
    FunderFactory,
    FundingLineFactory,
    ProjectFactory,
    ProjectIndexPageFactory,
    UserFactory,
    provision_centre,
)
from tests.i18n import translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    tenant = provision_centre("Socio", "socio.localhost", slug="socio")
    index = ProjectIndexPageFactory(parent=tenant.site.root_page)
    project = ProjectFactory(live=True, aims="", expected_results="", total_value=Decimal("875000"))
    FundingLineFactory(project=project, funder=FunderFactory(kind="eu"), amount=Decimal("575000"))
    return index, project


def post_page(client, index, project, *, action: str, body: list):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    data = nested_form_data(
        {
            "title": "Socio",
            "slug": "socio-projekt",
            "project": project.pk,
            "intro": "",
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )
    data[action] = action
    return client.post(f"/admin/pages/add/centre_sites/projectpage/{index.pk}/", data)


def test_publishing_without_acknowledgement_and_aims_is_refused(client, setting):
    index, project = setting

    response = post_page(client, index, project, action="action-publish", body=[])

    assert response.status_code == 200
    errors = response.context["form"].errors
    # The admin speaks the user's preferred language, by default the network's default.
    assert errors["body"] == [
        translated(
            "This project is co-funded by the European Union: add the EU funding "
            "acknowledgement block before publishing."
        )
    ]
    assert errors["project"] == [
        translated(
            "Fill in the project's aims and its expected or achieved results "
            "(Network → Projects) before publishing: EU rules require them on the page."
        )
    ]
    assert not ProjectPage.objects.exists()


def test_saving_a_draft_is_allowed(client, setting):
    index, project = setting

    response = post_page(client, index, project, action="action-submit", body=[])

    assert response.status_code == 302
    page = ProjectPage.objects.get()
    assert not page.live


def test_publishing_with_acknowledgement_and_aims(client, setting):
    index, project = setting
    project.aims = "Socialna vključenost ranljivih skupin"
    project.expected_results = "Več kot 500 vključenih"
    project.save()
    acknowledgement = (
        "eu_acknowledgement",
        {
            "project": project.pk,
            "emblem_height": 60,
            "typeface": "arial",
            "colour": "reflex_blue",
            "other_logos": streamfield([]),
        },
    )

    response = post_page(client, index, project, action="action-publish", body=[acknowledgement])

    assert response.status_code == 302, response.context["form"].errors
    assert ProjectPage.objects.get().live
