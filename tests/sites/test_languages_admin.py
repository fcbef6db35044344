"""Per-site languages in the admin: what a site publishes in, who may translate into what.

wagtail-localize's locales are install-wide; each tenant chooses its languages, the
"Translate" forms offer only those, and a translator group edits one language's tree.
"""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale, Page

from network.models import Tenant
from network.provisioning import ProvisioningError, ensure_translator_group, provision_site
from tests.factories import FunderFactory, LocationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def set_languages(tenant: Tenant, codes: list[str]) -> Tenant:
    tenant.languages, tenant.default_language = codes, codes[0]
    tenant.save()
    return tenant


def offered(response) -> set[str]:
    """The languages the "Translate" form offers."""
    assert response.status_code == 200
    queryset = response.context["form"].fields["locales"].queryset
    return set(queryset.values_list("language_code", flat=True))


def page_translate_url(page: Page) -> str:
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def snippet_translate_url(instance) -> str:
    meta = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, instance.pk],
    )


# The site's languages


def test_a_new_site_publishes_in_every_language_until_it_chooses(tenants):
    languages = Tenant.languages_for(tenants.a.site)

    assert languages.default == "sl"
    assert set(languages.codes) == {"sl", "cs", "en"}


def test_a_site_publishes_in_its_chosen_languages_default_first(tenants):
    set_languages(tenants.a, ["en", "sl"])

    languages = Tenant.languages_for(tenants.a.site)

    assert languages.codes == ("en", "sl")
    assert "cs" not in languages


def test_provisioning_sets_the_home_pages_language_and_the_others(db):
    organisation = OrganisationFactory(slug="hana", locale=locale("cs"))

    tenant = provision_site(
        name="Haná",
        hostname="hana.localhost",
        organisation=organisation,
        locale="cs",
        languages=["en"],
    ).tenant

    assert (tenant.default_language, tenant.languages) == ("cs", ["cs", "en"])


def test_provisioning_names_an_unknown_language(db):
    with pytest.raises(ProvisioningError) as raised:
        provision_site(
            name="X", hostname="x.localhost", organisation=OrganisationFactory(), languages=["xx"]
        )

    assert raised.value.field == "languages"
    assert "xx" in raised.value.message


@pytest.mark.parametrize(
    ("languages", "default", "field"),
    [
        (["sl", "de"], "sl", "languages"),
        ("sl,en", "sl", "languages"),
        (["sl", "sl"], "sl", "languages"),
        (["sl", "en"], "cs", "default_language"),
        (["sl"], "xx", "default_language"),
    ],
)
def test_bad_languages_are_refused_naming_the_field(tenants, languages, default, field):
    tenant = tenants.a
    tenant.languages, tenant.default_language = languages, default

    with pytest.raises(ValidationError) as raised:
        tenant.full_clean()

    assert field in raised.value.message_dict


def test_the_data_migration_gives_existing_sites_their_home_pages_languages(tenants):
    home = tenants.a.site.root_page
    home.copy_for_translation(locale("en")).save_revision().publish()
    Tenant.objects.update(languages=[], default_language="")
    migration = import_module("network.migrations.0004_tenant_languages_data")

    migration.set_site_languages(apps, None)

    tenants.a.refresh_from_db()
    tenants.b.refresh_from_db()
    assert (tenants.a.default_language, tenants.a.languages) == ("sl", ["sl", "en"])
    assert tenants.b.languages == ["sl"]


# "Translate" offers the site's languages only


def test_translate_page_offers_only_the_sites_languages(client, tenants):
    set_languages(tenants.a, ["sl", "en"])
    client.force_login(tenants.users["editor_a"])

    response = client.get(page_translate_url(tenants.a.site.root_page))

    assert offered(response) == {"en"}


def test_a_language_the_site_does_not_publish_in_is_refused(client, tenants):
    set_languages(tenants.a, ["sl", "en"])
    home = tenants.a.site.root_page
    client.force_login(tenants.users["editor_a"])

    response = client.post(page_translate_url(home), {"locales": [locale("cs").pk]})

    assert response.status_code == 200
    assert "locales" in response.context["form"].errors
    assert not home.get_translations().exists()


def test_translating_the_home_page_lets_the_sites_groups_edit_the_new_tree(client, tenants):
    set_languages(tenants.a, ["sl", "en"])
    home = tenants.a.site.root_page
    client.force_login(tenants.users["editor_a"])

    response = client.post(page_translate_url(home), {"locales": [locale("en").pk]})

    assert response.status_code == 302
    english = home.get_translation(locale("en"))
    assert english.permissions_for_user(tenants.users["editor_a"]).can_edit()
    assert english.permissions_for_user(tenants.users["moderator_a"]).can_publish()
    assert not english.permissions_for_user(tenants.users["editor_b"]).can_edit()


def test_translate_snippet_offers_the_languages_of_the_users_sites(client, tenants):
    set_languages(tenants.a, ["sl", "cs"])
    location = LocationFactory(organisation=tenants.organisation_a)

    client.force_login(tenants.users["editor_a"])
    assert offered(client.get(snippet_translate_url(location))) == {"cs"}

    client.force_login(tenants.users["coordinator"])
    assert offered(client.get(snippet_translate_url(location))) == {"cs", "en"}


def test_an_editor_cannot_translate_another_centres_page_or_snippet(client, tenants):
    location_b = LocationFactory(organisation=tenants.organisation_b)
    client.force_login(tenants.users["editor_a"])

    assert client.get(page_translate_url(tenants.b.site.root_page)).status_code == 404
    response = client.post(snippet_translate_url(location_b), {"locales": [locale("en").pk]})
    assert response.status_code == 404
    assert not location_b.get_translations().exists()


def test_an_editor_cannot_translate_network_wide_snippets(client, tenants):
    client.force_login(tenants.users["editor_a"])

    funder = FunderFactory()

    response = client.post(snippet_translate_url(funder), {"locales": [locale("en").pk]})

    # The admin answers PermissionDenied by sending the user back to the dashboard.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not funder.get_translations().exists()


def test_an_editor_cannot_sync_another_centres_translations(client, tenants):
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(tenants.b.site.root_page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    client.force_login(tenants.users["editor_a"])
    assert client.get(url).status_code == 404
    client.force_login(tenants.users["editor_b"])
    assert client.get(url).status_code == 200


# A translator group works in one language


def test_a_translator_group_edits_its_language_only(client, tenants):
    set_languages(tenants.a, ["sl", "en"])
    home = tenants.a.site.root_page
    english = home.copy_for_translation(locale("en"))
    english.save_revision().publish()
    translator = UserFactory(groups=[ensure_translator_group(tenants.a, "en")])

    assert english.permissions_for_user(translator).can_edit()
    assert not english.permissions_for_user(translator).can_publish()
    assert not home.permissions_for_user(translator).can_edit()
    client.force_login(translator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).status_code == 302
    # Translators translate what editors send them; they do not start translations.
    response = client.get(page_translate_url(home))
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_a_translator_group_needs_a_language_of_the_site_with_a_home_page(tenants):
    set_languages(tenants.a, ["sl", "en"])

    with pytest.raises(ProvisioningError) as not_published:
        ensure_translator_group(tenants.a, "cs")
    with pytest.raises(ProvisioningError) as not_translated:
        ensure_translator_group(tenants.a, "en")

    assert not_published.value.field == not_translated.value.field == "language"
    assert "cs" in not_published.value.message
