"""Superusers provision a centre site from the admin, through the same service."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from network.models import Tenant
from tests.factories import OrganisationFactory, UserFactory
from tests.i18n import translated

pytestmark = pytest.mark.django_db

URL = "/admin/network/provision/"


def form_data(organisation, **overrides) -> dict:
    return {
        "name": "Socio",
        "hostname": "socio.localhost",
        "port": 80,
        "organisation": organisation.pk,
        "languages": ["sl"],
        "locale": "sl",
        "kind": "centre",
        "time_zone": "Europe/Ljubljana",
        **overrides,
    }


def test_superuser_provisions_a_site_in_one_step(client):
    client.force_login(UserFactory(is_superuser=True))
    organisation = OrganisationFactory(slug="socio")

    response = client.post(URL, form_data(organisation))

    assert response.status_code == 302
    assert response.url == reverse("wagtailsites:index")
    site = Site.objects.get(hostname="socio.localhost")
    assert site.tenant.editors.name == "Socio Editors"


def test_taken_hostname_is_a_form_error_on_the_hostname_field(client):
    client.force_login(UserFactory(is_superuser=True))
    OrganisationFactory(slug="first")
    client.post(URL, form_data(OrganisationFactory(slug="socio")))
    sites_before = Site.objects.count()

    response = client.post(URL, form_data(OrganisationFactory(slug="second"), name="Other"))

    assert response.status_code == 200
    # The admin speaks the user's preferred language, by default the network's default.
    taken = translated(
        "The hostname %(hostname)s is already taken by the site “%(site)s”.",
        hostname="socio.localhost",
        site="Socio",
    )
    assert response.context["form"].errors["hostname"] == [taken]
    assert Site.objects.count() == sites_before


def test_bad_hostname_is_a_form_error(client):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(URL, form_data(OrganisationFactory(), hostname="bad host"))
    assert response.status_code == 200
    assert "hostname" in response.context["form"].errors
    assert not Site.objects.filter(hostname="bad host").exists()


@pytest.mark.parametrize("role", ["editor_a", "moderator_a", "coordinator"])
def test_only_superusers_may_provision(client, tenants, role):
    client.force_login(tenants.users[role])
    response = client.post(URL, form_data(OrganisationFactory(), hostname="c.localhost", name="C"))
    assert response.status_code in (302, 403)
    assert not Site.objects.filter(hostname="c.localhost").exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_the_form_starts_with_the_networks_default_language_only(client, settings):
    client.force_login(UserFactory(is_superuser=True))

    form = client.get(URL).context["form"]

    assert [code for code, _name in form.fields["languages"].choices] == ["sl", "cs", "en"]
    assert form["languages"].value() == [settings.LANGUAGE_CODE]
    assert form["locale"].value() == settings.LANGUAGE_CODE


def test_a_site_is_provisioned_in_the_languages_ticked(client):
    client.force_login(UserFactory(is_superuser=True))

    response = client.post(
        URL, form_data(OrganisationFactory(), languages=["cs", "en"], locale="cs")
    )

    assert response.status_code == 302
    site = Site.objects.get(hostname="socio.localhost")
    assert site.root_page.locale.language_code == "cs"
    assert Tenant.languages_for(site).codes == ("cs", "en")
    assert Tenant.languages_for(site).default == "cs"


def test_a_default_language_not_ticked_is_an_error_on_its_field(client):
    client.force_login(UserFactory(is_superuser=True))

    response = client.post(URL, form_data(OrganisationFactory(), languages=["sl"], locale="en"))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "locale": [translated("The default language must be one of the site's languages.")]
    }
    assert not Site.objects.filter(hostname="socio.localhost").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"languages": []}, "languages"),
        ({"languages": ["sl", "de"]}, "languages"),
        ({"locale": ""}, "locale"),
    ],
)
def test_missing_or_unknown_languages_are_errors_on_their_field(client, overrides, field):
    client.force_login(UserFactory(is_superuser=True))

    response = client.post(URL, form_data(OrganisationFactory(), **overrides))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert not Site.objects.filter(hostname="socio.localhost").exists()
