"""sitemap.xml and robots.txt: one per site, public live pages of that site only."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale, PageViewRestriction

from network.provisioning import provision_site, set_site_languages
from tests.factories import OrganisationFactory, StandardPageFactory
from tests.sites.conftest import CENTRE_HOST, HUB_HOST

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client, host: str) -> ET.Element:
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(client, host: str) -> list[str]:
    return [loc.text for loc in sitemap(client, host).findall("s:url/s:loc", NS)]


def test_centre_sitemap_lists_its_live_public_pages(client, network):
    urls = locations(client, CENTRE_HOST)

    assert "http://centre.localhost/" in urls
    assert "http://centre.localhost/o-nas/" in urls
    assert "http://centre.localhost/projekti/projekt-tocke-moci/" in urls
    assert all(url.startswith("http://centre.localhost/") for url in urls)


def test_drafts_private_pages_and_their_children_are_left_out(client, network):
    home = network.centre.root_page
    draft = StandardPageFactory(parent=home, title="Osnutek")
    draft.unpublish()
    private = StandardPageFactory(parent=home, title="Za člane")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    StandardPageFactory(parent=private, title="Zapisnik")
    StandardPageFactory(parent=home, title="Javno")

    urls = locations(client, CENTRE_HOST)

    assert "http://centre.localhost/javno/" in urls
    assert not [url for url in urls if "osnutek" in url or "za-clane" in url]


def test_other_tenants_pages_are_left_out(client, network):
    other = provision_site(
        name="Drugi center",
        hostname="drugi.localhost",
        organisation=OrganisationFactory(slug="drugi"),
    ).tenant.site
    StandardPageFactory(parent=other.root_page, title="Tuja stran")

    centre_urls = locations(client, CENTRE_HOST)
    other_urls = locations(client, "drugi.localhost")
    hub_urls = locations(client, HUB_HOST)

    assert not [url for url in centre_urls if "drugi" in url or "hub" in url]
    assert "http://drugi.localhost/tuja-stran/" in other_urls
    assert all(url.startswith("http://drugi.localhost/") for url in other_urls)
    assert "http://hub.localhost/dobre-prakse/brezplacni-prevozi/" in hub_urls
    assert not [url for url in hub_urls if "centre.localhost" in url]


def test_translations_are_listed_with_hreflang_alternates(client, network):
    english, _created = Locale.objects.get_or_create(language_code="en")
    home = network.centre.root_page.specific
    home.copy_for_translation(english).save_revision().publish()
    page = network.pages["standard_page"]
    page.copy_for_translation(english).save_revision().publish()

    root = sitemap(client, CENTRE_HOST)

    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    assert entries["http://centre.localhost/en/o-nas/"] == {
        "sl": "http://centre.localhost/o-nas/",
        "en": "http://centre.localhost/en/o-nas/",
        # Visitors of any other language are sent to the site's default language.
        "x-default": "http://centre.localhost/o-nas/",
    }
    assert entries["http://centre.localhost/o-nas/"]["en"] == "http://centre.localhost/en/o-nas/"
    assert entries["http://centre.localhost/dogodki/"] == {}


def publish_translation(page, language: str):
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translation = page.specific.copy_for_translation(locale)
    translation.save_revision().publish()
    return translation


def entries_of(client, host: str) -> dict[str, dict[str, str]]:
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in sitemap(client, host).findall("s:url", NS)
    }


def test_only_the_sites_languages_are_listed_and_linked(client, network):
    tenant = network.centre.tenant
    set_site_languages(tenant, languages=["sl", "en"], default_language="sl")
    page = network.pages["standard_page"]
    for language in ("en", "cs"):
        publish_translation(network.centre.root_page, language)
        publish_translation(page, language)

    entries = entries_of(client, CENTRE_HOST)

    # The Czech copies are live but the site does not publish in Czech: no entry, no link.
    assert not [url for url in entries if "/cs/" in url]
    assert entries["http://centre.localhost/o-nas/"] == {
        "sl": "http://centre.localhost/o-nas/",
        "en": "http://centre.localhost/en/o-nas/",
        "x-default": "http://centre.localhost/o-nas/",
    }


def test_x_default_follows_the_sites_default_language(client, network):
    """A Czech centre: x-default points at the Czech pages, not at the install's default."""
    czech = provision_site(
        name="Komunitní centrum",
        hostname="cz.localhost",
        organisation=OrganisationFactory(slug="kc"),
        locale="cs",
        languages=["en"],
    ).tenant.site
    page = StandardPageFactory(parent=czech.root_page, title="O nás", slug="o-nas")
    publish_translation(czech.root_page, "en")
    english = publish_translation(page, "en")
    english.slug = "about-us"
    english.save_revision().publish()

    entries = entries_of(client, "cz.localhost")

    assert entries["http://cz.localhost/en/about-us/"] == {
        "cs": "http://cz.localhost/cs/o-nas/",
        "en": "http://cz.localhost/en/about-us/",
        "x-default": "http://cz.localhost/cs/o-nas/",
    }


def test_sitemap_queries_do_not_grow_with_pages(client, network, django_assert_max_num_queries):
    for number in range(30):
        page = StandardPageFactory(parent=network.centre.root_page, title=f"Stran {number}")
        if number == 0:
            publish_translation(network.centre.root_page, "en")
        publish_translation(page, "en")

    with django_assert_max_num_queries(25):
        urls = locations(client, CENTRE_HOST)
    assert len(urls) > 30


def test_robots_txt_points_to_the_sitemap_on_the_sites_own_host(client, network):
    response = client.get("/robots.txt", HTTP_HOST=CENTRE_HOST)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert "User-agent: *" in body
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://centre.localhost/sitemap.xml" in body
    hub = client.get("/robots.txt", HTTP_HOST=HUB_HOST).content.decode()
    assert "Sitemap: http://hub.localhost/sitemap.xml" in hub


def test_robots_txt_keeps_the_sites_port(client, network):
    provision_site(
        name="Na vratih",
        hostname="port.localhost",
        port=8000,
        organisation=OrganisationFactory(slug="na-vratih"),
    )

    body = client.get(
        "/robots.txt", HTTP_HOST="port.localhost:8000", SERVER_PORT="8000"
    ).content.decode()

    assert "Sitemap: http://port.localhost:8000/sitemap.xml" in body


def test_unknown_hosts_get_the_default_sites_files(client, network):
    body = client.get("/robots.txt", HTTP_HOST="unknown.localhost").content.decode()

    assert "Sitemap: http://hub.localhost/sitemap.xml" in body
    assert not [url for url in locations(client, "unknown.localhost") if "centre" in url]
