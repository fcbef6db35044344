"""The demo network's languages: Slovenian and Czech centres, each with an English edition."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Site

from network.demo.loader import load_demo_network
from network.demo.sites import SITES
from network.demo.upsert import CREATED, UPDATED
from sites.models import ProjectPage
from sites.publishing import project_page_publication_errors

pytestmark = pytest.mark.django_db

PORT = 8000
HOME_LANGUAGES = {spec.hostname: spec.locale for spec in SITES}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            yield load_demo_network(port=PORT)
            transaction.set_rollback(True)
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    yield
    cache.clear()


def english() -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.mark.parametrize("hostname", HOME_LANGUAGES)
def test_every_site_publishes_in_its_language_and_english(demo, hostname):
    site = Site.objects.get(hostname=hostname)
    home = site.root_page

    assert site.tenant.languages == [HOME_LANGUAGES[hostname], "en"]
    assert site.tenant.default_language == home.locale.language_code == HOME_LANGUAGES[hostname]
    translation = home.get_translation_or_none(english())
    if hostname == "localhost":
        # The hub has no English pages yet (tests elsewhere expect one hub home page).
        assert translation is None
        return
    assert translation.live
    assert translation.title != home.title


@pytest.mark.parametrize(
    ("hostname", "title"),
    [
        ("socio.localhost", "Multigenerational centre Socio"),
        ("hana.localhost", "Community centres in the Haná Region"),
    ],
)
def test_a_project_page_is_translated_keeping_its_project_blocks(demo, hostname, title):
    home = Site.objects.get(hostname=hostname).root_page
    source = ProjectPage.objects.descendant_of(home).live().first()

    translation = source.get_translation(english()).specific

    assert (translation.title, translation.live) == (title, True)
    assert translation.get_url_parts()[2].startswith("/en/projects/")
    kept = [
        block.block_type
        for block in source.body
        if block.block_type not in {"heading", "paragraph"}
    ]
    assert [
        b.block_type for b in translation.body if b.block_type not in {"heading", "paragraph"}
    ] == kept
    assert project_page_publication_errors(project=translation.project, body=translation.body) == {}


def test_socio_switches_from_slovenian_to_english(client, demo):
    slovenian = client.get("/", HTTP_HOST="socio.localhost").content.decode()
    english_html = client.get("/en/", HTTP_HOST="socio.localhost").content.decode()

    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in slovenian
    assert '<html lang="en">' in english_html
    assert "Socio – multigenerational centre" in english_html
    assert '<a href="/" hreflang="sl" lang="sl">Slovenščina</a>' in english_html


def test_the_hub_in_english_shows_its_slovenian_home_page_and_says_so(client, demo):
    html = client.get("/en/", HTTP_HOST="localhost").content.decode()

    assert '<html lang="sl">' in html
    assert '<p class="language-notice" role="note" lang="en">' in html


def test_hana_is_czech_with_an_english_edition(client, demo):
    czech = client.get("/", HTTP_HOST="hana.localhost").content.decode()

    assert '<html lang="cs">' in czech
    assert 'hreflang="en" lang="en">English</a>' in czech
    assert "language-notice" not in czech


def test_centre_editors_edit_their_english_pages(demo):
    editor = get_user_model().objects.get(username="socio-urednik")
    home = Site.objects.get(hostname="socio.localhost").root_page

    assert home.get_translation(english()).permissions_for_user(editor).can_edit()
    other = Site.objects.get(hostname="hana.localhost").root_page.get_translation(english())
    assert not other.permissions_for_user(editor).can_edit()


def test_loading_again_leaves_the_translations_as_they_are(demo):
    summary = load_demo_network(port=PORT)

    assert summary.tally.total(CREATED) == summary.tally.total(UPDATED) == 0
