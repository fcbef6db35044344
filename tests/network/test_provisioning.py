"""Provisioning a centre site: one step, safe to repeat, all-or-nothing on bad input."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupPagePermission, Page, Site

from network.models import SiteBranding, Tenant
from network.provisioning import ProvisioningError, provision_site
from tests.factories import OrganisationFactory
from tests.i18n import translated

pytestmark = pytest.mark.django_db


def counts() -> dict:
    return {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "tenants": Tenant.objects.count(),
        "settings": SiteBranding.objects.count(),
    }


def test_provision_creates_site_home_groups_collection_and_settings():
    organisation = OrganisationFactory(slug="socio", name="Javni zavod Socio")

    result = provision_site(
        name="Socio",
        hostname="socio.localhost",
        organisation="socio",
        branding={"primary_colour": "#7a1f5c", "contact_email": "info@socio.example"},
    )

    site = Site.objects.get(hostname="socio.localhost")
    assert result.created
    assert site.root_page.specific.__class__.__name__ == "CentreHomePage"
    assert site.root_page.live
    assert site.root_page.locale.language_code == "sl"
    tenant = result.tenant
    assert tenant.editors.name == "Socio Editors"
    assert tenant.moderators.name == "Socio Moderators"
    assert tenant.collection.name == "Socio"
    organisation.refresh_from_db()
    assert organisation.site == site
    assert SiteBranding.for_site(site).primary_colour == "#7a1f5c"
    editor_codenames = set(
        GroupPagePermission.objects.filter(group=tenant.editors).values_list(
            "permission__codename", flat=True
        )
    )
    assert editor_codenames == {"add_page", "change_page"}
    assert set(
        GroupPagePermission.objects.filter(group=tenant.editors).values_list("page", flat=True)
    ) == {site.root_page_id}


def test_rerunning_provisioning_changes_nothing():
    OrganisationFactory(slug="socio")
    provision_site(name="Socio", hostname="socio.localhost", organisation="socio")
    before = counts()
    permissions_before = GroupPagePermission.objects.count()

    again = provision_site(name="Socio", hostname="socio.localhost", organisation="socio")

    assert not again.created
    assert counts() == before
    assert GroupPagePermission.objects.count() == permissions_before


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"hostname": "Not A Host!"}, "hostname"),
        ({"organisation": "no-such-organisation"}, "organisation"),
        ({"locale": "de"}, "locale"),
        ({"name": "  "}, "name"),
        ({"port": 0}, "port"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"branding": {"primary_colour": "red"}}, "primary_colour"),
        ({"branding": {"favourite_food": "štruklji"}}, "branding"),
    ],
)
def test_bad_input_names_the_field_and_creates_nothing(kwargs, field):
    OrganisationFactory(slug="socio")
    before = counts()
    arguments = {"name": "Socio", "hostname": "socio.localhost", "organisation": "socio", **kwargs}

    with pytest.raises(ProvisioningError) as raised:
        provision_site(**arguments)

    assert raised.value.field == field
    assert counts() == before


def test_taken_hostname_is_refused_for_another_organisation():
    OrganisationFactory(slug="socio")
    OrganisationFactory(slug="other")
    provision_site(name="Socio", hostname="socio.localhost", organisation="socio")
    before = counts()
    # Outside a request the service speaks the default language.
    taken = translated(
        "The hostname %(hostname)s is already taken by the site “%(site)s”.",
        hostname="socio.localhost",
        site="Socio",
    )

    with pytest.raises(ProvisioningError, match=re.escape(taken)) as raised:
        provision_site(name="Other", hostname="socio.localhost", organisation="other")

    assert raised.value.field == "hostname"
    assert counts() == before


def test_command_reports_clear_error_without_traceback():
    before = counts()
    # Management commands speak the default language.
    unknown = translated("Unknown organisation “%(slug)s”.", slug="ghost")
    with pytest.raises(CommandError, match=re.escape(f"--organisation: {unknown}")):
        call_command(
            "provision_site", name="Ghost", hostname="ghost.localhost", organisation="ghost"
        )
    assert counts() == before


def test_command_provisions_a_site(capsys):
    OrganisationFactory(slug="hana", name="Region HANÁ, z.s.")
    call_command(
        "provision_site",
        name="Komunitní centra",
        hostname="hana.localhost",
        organisation="hana",
        locale="cs",
        time_zone="Europe/Prague",
    )
    site = Site.objects.get(hostname="hana.localhost")
    assert site.root_page.locale.language_code == "cs"
    assert site.tenant.time_zone == "Europe/Prague"
    assert "Provisioned: Komunitní centra" in capsys.readouterr().out


def test_command_provisions_a_site_in_its_languages():
    OrganisationFactory(slug="hana")

    call_command(
        "provision_site",
        name="Komunitní centra",
        hostname="hana.localhost",
        organisation="hana",
        languages="cs,en",
    )

    site = Site.objects.get(hostname="hana.localhost")
    # Without --locale the first language is the default, and the home page's language.
    assert site.root_page.locale.language_code == "cs"
    assert Tenant.languages_for(site).codes == ("cs", "en")


@pytest.mark.parametrize(
    ("options", "option", "message"),
    [
        (
            {"languages": "cs,en", "locale": "sl"},
            "--locale",
            "The default language must be one of the site's languages.",
        ),
        ({"languages": "sl,de"}, "--languages", "Unknown languages: %(codes)s."),
        ({"languages": " , "}, "--languages", "Give at least one language code, e.g. sl,en."),
    ],
)
def test_command_names_the_option_of_bad_languages(options, option, message):
    OrganisationFactory(slug="hana")
    before = counts()

    with pytest.raises(CommandError) as raised:
        call_command(
            "provision_site",
            name="Komunitní centra",
            hostname="hana.localhost",
            organisation="hana",
            **options,
        )

    assert str(raised.value).startswith(f"{option}: {translated(message, codes='de')}")
    assert counts() == before
