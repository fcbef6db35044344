"""Settings → Centre sites: whoever provisions sites changes the languages a site publishes in."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from network.models import Tenant
from network.provisioning import (
    ProvisioningError,
    language_label,
    provision_site,
    set_site_languages,
)
from tests.factories import OrganisationFactory, StandardPageFactory, provision_centre
from tests.i18n import translated, translated_plural

pytestmark = pytest.mark.django_db

INDEX = "/admin/network/sites/"


def admin_label(code: str) -> str:
    """A language's name as the admin shows it (in the network's default language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return language_label(code)


def edit_url(tenant: Tenant) -> str:
    return reverse("network_centre_sites:edit", args=[tenant.pk])


def publish_translation(page: Page, language: str) -> Page:
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translation = page.specific.copy_for_translation(locale)
    translation.save_revision().publish()
    return translation


def english_edition(tenant: Tenant, pages: int = 1) -> Page:
    """The site's home page in English, live, with ``pages`` live English pages below it."""
    home = tenant.site.root_page
    english_home = publish_translation(home, "en")
    for number in range(pages):
        publish_translation(StandardPageFactory(parent=home, title=f"Stran {number}"), "en")
    return english_home


@pytest.fixture
def centre_a(tenants) -> Tenant:
    set_site_languages(tenants.a, languages=["sl"], default_language="sl")
    return tenants.a


@pytest.fixture
def superuser_client(client, tenants):
    client.force_login(tenants.users["superuser"])
    return client


def test_the_listing_shows_each_sites_languages(superuser_client, centre_a, tenants):
    set_site_languages(tenants.b, languages=["sl", "en"], default_language="sl")

    response = superuser_client.get(INDEX)

    assert response.status_code == 200
    rows = {
        row.find("a").get_text(strip=True): [cell.get_text(strip=True) for cell in row("td")]
        for row in BeautifulSoup(response.content, "html.parser").select("tbody tr")
    }
    sl, en = admin_label("sl"), admin_label("en")
    assert rows["Centre A"][1:] == ["a.localhost", sl, sl]
    assert rows["Centre B"][1:] == ["b.localhost", sl, f"{sl}, {en}"]
    assert f'href="{edit_url(centre_a)}"' in response.content.decode()
    # The listing's add button is provisioning.
    assert f'href="{reverse("network_provision_site")}"' in response.content.decode()


def test_the_listing_queries_do_not_grow_with_sites(
    superuser_client, tenants, django_assert_max_num_queries
):
    for number in range(10):
        provision_centre(f"Centre {number}", f"c{number}.localhost", slug=f"c{number}")

    with django_assert_max_num_queries(20):
        response = superuser_client.get(INDEX)
    assert response.content.decode().count("c0.localhost") == 1


def test_a_site_of_every_language_is_shown_as_such(superuser_client, tenants):
    # Provisioned without languages: it publishes in every language of the network.
    form = superuser_client.get(edit_url(tenants.a)).context["form"]

    assert form["languages"].value() == ["sl", "cs", "en"]
    assert form["default_language"].value() == "sl"


def test_adding_english_offers_it_to_translators_then_visitors(superuser_client, centre_a):
    site = centre_a.site

    def offered_to_translators() -> list[str]:
        form = superuser_client.get(f"/admin/localize/submit/page/{site.root_page_id}/")
        return [locale.language_code for locale in form.context["form"].fields["locales"].queryset]

    def offered_to_visitors() -> list[str]:
        html = superuser_client.get("/", HTTP_HOST="a.localhost").content
        switcher = BeautifulSoup(html, "html.parser").select(".language-switcher a")
        return [link["hreflang"] for link in switcher]

    assert offered_to_translators() == []

    response = superuser_client.post(
        edit_url(centre_a), {"languages": ["sl", "en"], "default_language": "sl"}
    )

    assert response.status_code == 302
    assert response.url == INDEX
    assert Tenant.languages_for(site).codes == ("sl", "en")
    assert offered_to_translators() == ["en"]
    assert offered_to_visitors() == []  # nothing in English is live yet
    english_edition(centre_a, pages=0)
    assert offered_to_visitors() == ["en", "sl"]


def test_a_stray_translation_is_not_offered_to_visitors(superuser_client, centre_a):
    english_edition(centre_a, pages=0)

    html = superuser_client.get("/", HTTP_HOST="a.localhost").content

    assert BeautifulSoup(html, "html.parser").select(".language-switcher a") == []


def test_the_default_must_be_one_of_the_languages(superuser_client, centre_a):
    response = superuser_client.post(
        edit_url(centre_a), {"languages": ["sl"], "default_language": "en"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "default_language": [
            translated("The default language must be one of the site's languages.")
        ]
    }


def test_no_language_is_an_error_on_the_languages_field(superuser_client, centre_a):
    response = superuser_client.post(edit_url(centre_a), {"default_language": "sl"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["languages"]


def test_the_default_needs_a_live_home_page_in_it(superuser_client, centre_a):
    data = {"languages": ["sl", "en"], "default_language": "en"}

    refused = superuser_client.post(edit_url(centre_a), data)

    message = translated(
        "The site has no live home page in “%(language)s”: translate and publish the home "
        "page first."
    )
    assert refused.context["form"].errors == {
        "default_language": [message % {"language": admin_label("en")}]
    }
    english_edition(centre_a, pages=0)

    accepted = superuser_client.post(edit_url(centre_a), data)

    assert accepted.status_code == 302
    assert Tenant.languages_for(centre_a.site).default == "en"


def test_removing_a_language_with_live_pages_is_refused(superuser_client, centre_a):
    set_site_languages(centre_a, languages=["sl", "en"], default_language="sl")
    english_edition(centre_a, pages=2)

    response = superuser_client.post(
        edit_url(centre_a), {"languages": ["sl"], "default_language": "sl"}
    )

    assert response.status_code == 200
    # The home page and two pages below it are live in English.
    expected = translated_plural(
        "“%(language)s” cannot be removed: the site has %(count)d live page in it. "
        "Unpublish it first.",
        "“%(language)s” cannot be removed: the site has %(count)d live pages in it. "
        "Unpublish them first.",
        3,
    ) % {"language": admin_label("en"), "count": 3}
    assert response.context["form"].errors == {"languages": [expected]}
    assert Tenant.languages_for(centre_a.site).codes == ("sl", "en")


def test_a_language_with_drafts_only_may_be_removed(superuser_client, centre_a):
    set_site_languages(centre_a, languages=["sl", "en"], default_language="sl")
    english_edition(centre_a, pages=1)
    for page in Page.objects.live().filter(locale__language_code="en"):
        page.specific.unpublish()

    response = superuser_client.post(
        edit_url(centre_a), {"languages": ["sl"], "default_language": "sl"}
    )

    assert response.status_code == 302
    assert Tenant.languages_for(centre_a.site).codes == ("sl",)


def test_rerunning_provisioning_refuses_the_same_removal(tenants):
    organisation = OrganisationFactory(slug="kc")
    tenant = provision_site(
        name="KC", hostname="kc.localhost", organisation=organisation, languages=["en"]
    ).tenant
    english_edition(tenant, pages=0)

    with pytest.raises(ProvisioningError) as raised:
        provision_site(name="KC", hostname="kc.localhost", organisation=organisation, languages=[])

    assert raised.value.field == "languages"
    assert Tenant.languages_for(tenant.site).codes == ("sl", "en")


@pytest.mark.parametrize("role", ["editor_a", "moderator_a", "coordinator"])
def test_only_those_who_provision_sites_change_languages(client, centre_a, tenants, role):
    """Refused as Wagtail's admin refuses: back to the dashboard, saying so (see docs)."""
    client.force_login(tenants.users[role])
    data = {"languages": ["sl", "en"], "default_language": "sl"}

    for response in (
        client.get(INDEX),
        client.get(edit_url(centre_a)),
        client.post(edit_url(centre_a), data),
    ):
        assert (response.status_code, response.url) == (302, "/admin/")

    assert Tenant.languages_for(centre_a.site).codes == ("sl",)
    denied = client.get("/admin/").context["messages"]
    assert translated("Sorry, you do not have permission to access this area.") in [
        str(message).strip() for message in denied
    ]


def test_the_menu_offers_centre_sites_to_superusers_only(client, tenants):
    client.force_login(tenants.users["coordinator"])
    assert INDEX not in client.get("/admin/").content.decode()

    client.force_login(tenants.users["superuser"])
    assert INDEX in client.get("/admin/").content.decode()


def test_anonymous_is_sent_to_login(client, centre_a):
    response = client.get(edit_url(centre_a))

    assert response.status_code == 302
    assert "/admin/login/" in response.url
