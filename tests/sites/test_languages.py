"""Languages on the public sites: the switcher, hreflang, prefixed URLs, fallback and formats.

Each site publishes in its own languages (network.models.Tenant.languages); a page missing
in the visitor's language is shown in the site's default language, with a notice saying so.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.template import Context, Template
from django.utils import formats, translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from network.models import Tenant
from network.provisioning import provision_site
from tests.factories import OrganisationFactory, StandardPageFactory
from tests.i18n import translated
from tests.sites.conftest import CENTRE_HOST

pytestmark = pytest.mark.django_db

NOTICE = (
    "This page is not available in %(requested)s. It is shown in %(shown)s, "
    "the site's main language."
)


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def publish_translation(page: Page, code: str, title: str, *, slug: str = "") -> Page:
    """The page's live translation into ``code`` (its parents copied first, as drafts)."""
    translation_ = page.specific.copy_for_translation(locale(code), copy_parents=True)
    translation_.title = title
    if slug:
        translation_.slug = slug
    translation_.save_revision().publish()
    return translation_


def html_of(client, path: str, host: str = CENTRE_HOST) -> str:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    return response.content.decode()


def switcher_languages(html: str) -> list[str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return re.findall(r'hreflang="([\w-]+)"', nav.group(0)) if nav else []


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def notice_in(html: str) -> str:
    found = re.search(r'<p class="language-notice" role="note" lang="(\w+)">(.*?)</p>', html)
    return f"{found.group(1)}: {unescape(found.group(2))}" if found else ""


def expected_notice(requested: str, shown: str) -> str:
    with translation.override(requested):
        names = {code: get_language_info(code)["name_translated"] for code in (requested, shown)}
    text = translated(NOTICE, language=requested, requested=names[requested], shown=names[shown])
    return f"{requested}: {text}"


def set_languages(site, codes: list[str], default: str = "") -> Tenant:
    tenant = site.tenant
    tenant.languages, tenant.default_language = codes, default or codes[0]
    tenant.full_clean()
    tenant.save()
    return tenant


# The switcher and hreflang


def test_switcher_offers_only_live_translations_in_the_sites_languages(client, network):
    set_languages(network.centre, ["sl", "en"])
    page = network.pages["standard_page"]
    publish_translation(network.centre.root_page, "en", "Points of Strength")
    publish_translation(page, "en", "About us", slug="about-us")
    # A Czech translation exists but the site does not publish in Czech.
    publish_translation(network.centre.root_page, "cs", "Body síly")
    publish_translation(page, "cs", "O nás")

    html = html_of(client, "/o-nas/")

    assert switcher_languages(html) == ["en", "sl"]
    assert alternates(html) == {
        "en": "http://centre.localhost/en/about-us/",
        "sl": "http://centre.localhost/o-nas/",
        "x-default": "http://centre.localhost/o-nas/",
    }


def test_switcher_leads_to_the_translation_and_back(client, network):
    publish_translation(network.centre.root_page, "en", "Points of Strength")
    publish_translation(network.pages["standard_page"], "en", "About us", slug="about-us")

    english = html_of(client, "/en/about-us/")

    assert '<html lang="en">' in english
    assert '<a href="/o-nas/" hreflang="sl" lang="sl">Slovenščina</a>' in english
    assert '<a href="/en/about-us/" hreflang="en" lang="en" aria-current="true">' in english
    assert not notice_in(english)


def test_a_page_in_one_language_has_no_switcher_and_no_alternates(client, network):
    html = html_of(client, "/o-nas/")

    assert switcher_languages(html) == []
    assert alternates(html) == {}


# Fallback to the site's default language


def test_a_missing_translation_is_shown_in_the_default_language_and_says_so(client, network):
    publish_translation(network.centre.root_page, "en", "Points of Strength")

    html = html_of(client, "/en/o-nas/")

    assert '<html lang="sl">' in html
    assert "<h1>O nas</h1>" in html or ">O nas</h1>" in html
    assert notice_in(html) == expected_notice("en", "sl")


def test_a_site_without_the_language_shows_its_home_page_with_the_notice(client, network):
    html = html_of(client, "/en/")

    assert '<html lang="sl">' in html
    assert notice_in(html) == expected_notice("en", "sl")


def test_pages_in_the_requested_language_carry_no_notice(client, network):
    assert not notice_in(html_of(client, "/"))
    assert not notice_in(html_of(client, "/o-nas/"))


def test_pages_about_a_translated_page_at_unprefixed_urls_carry_no_notice(client, network):
    publish_translation(network.centre.root_page, "en", "Points of Strength")
    source = network.pages["event_page"]
    source.registration_required = True
    source.save_revision().publish()
    event = publish_translation(source, "en", "Crochet")

    response = client.get(f"/registration/{event.pk}/", HTTP_HOST=CENTRE_HOST)

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert not notice_in(response.content.decode())


def test_a_path_missing_from_every_tree_is_still_not_found(client, network):
    publish_translation(network.centre.root_page, "en", "Points of Strength")

    assert client.get("/en/ni-je/", HTTP_HOST=CENTRE_HOST).status_code == 404
    assert client.get("/ni-je/", HTTP_HOST=CENTRE_HOST).status_code == 404


def test_the_fallback_follows_the_sites_default_language(client, network):
    """A Czech centre's unprefixed pages are Czech: no notice; /en/ falls back to Czech."""
    organisation = OrganisationFactory(name="Region Haná", slug="hana", locale=locale("cs"))
    site = provision_site(
        name="Haná",
        hostname="hana.localhost",
        organisation=organisation,
        locale="cs",
        languages=["en"],
    ).tenant.site
    StandardPageFactory(parent=site.root_page, title="O nás", slug="o-nas")
    publish_translation(site.root_page, "en", "Haná")

    czech = html_of(client, "/cs/o-nas/", host="hana.localhost")
    english = html_of(client, "/en/o-nas/", host="hana.localhost")

    assert not notice_in(czech)
    assert '<html lang="cs">' in english
    assert notice_in(english) == expected_notice("en", "cs")


def test_the_api_finds_a_missing_translation_in_the_default_language(client, network):
    publish_translation(network.centre.root_page, "en", "Points of Strength")

    response = client.get(
        "/api/v3/pages/find/", {"html_path": "/en/o-nas/"}, HTTP_HOST=CENTRE_HOST, follow=True
    )

    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["meta"]["locale"]) == (network.pages["standard_page"].pk, "sl")


# Numbers, currency and dates by locale


@pytest.mark.parametrize(
    ("language", "currency", "expected"),
    [
        ("sl", "EUR", "575.000,00\u00a0€"),
        ("cs", "CZK", "575\u00a0000,00\u00a0Kč"),
        ("en", "EUR", "€575,000.00"),
    ],
)
def test_money_is_written_as_the_language_writes_it(language, currency, expected):
    template = Template("{% load mreza_tags %}{{ amount|money:currency }}")

    with translation.override(language):
        text = template.render(Context({"amount": Decimal("575000"), "currency": currency}))

    assert text == expected


def test_an_empty_amount_shows_nothing():
    template = Template("{% load mreza_tags %}[{{ amount|money }}]")

    assert template.render(Context({"amount": None})) == "[]"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sl", "24. november 2026"), ("cs", "24. listopadu 2026"), ("en", "Nov. 24, 2026")],
)
def test_dates_are_written_as_the_language_writes_them(language, expected):
    with translation.override(language):
        assert formats.date_format(date(2026, 11, 24)) == expected


def test_the_project_page_formats_its_figures_in_the_pages_language(client, network):
    project_page = network.pages["project_page"]
    publish_translation(project_page, "en", "Points of Strength project")

    slovenian = html_of(client, project_page.get_url())
    english = html_of(client, project_page.get_translation(locale("en")).get_url())

    assert "575.000" in slovenian
    assert "575,000" in english
