"""Every page type renders accessibly, in its language, within a fixed number of queries."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from network.models import SiteBranding
from tests.factories import (
    ContactPersonFactory,
    EventPageFactory,
    ImageFactory,
    NewsArticlePageFactory,
    ProjectFactory,
    ProjectPageFactory,
    StandardPageFactory,
)
from tests.sites.conftest import CENTRE_HOST, add_project_rows, get, host_of
from tests.sites.html_audit import Audit

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "centre_home_page",
    "hub_home_page",
    "standard_page",
    "project_index_page",
    "project_page",
    "programme_index_page",
    "programme_page",
    "social_activation_programme_page",
    "event_index_page",
    "event_page",
    "news_index_page",
    "news_article_page",
    "location_page",
    "contact_page",
    "good_practice_index_page",
    "good_practice_page",
    "search_page",
]
# Rendering a page costs routing, site settings, navigation and what the page shows;
# none of it grows with the number of items (see the tests with ten of each below).
MAX_QUERIES = 30


def render(client, network, name: str, **params) -> str:
    response = get(client, network.pages[name], host=host_of(name), **params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_renders_an_accessible_page(client, network, name):
    html = render(client, network, name, **({"q": "Točke"} if name == "search_page" else {}))
    audit = Audit(html)

    assert audit.problems() == []
    assert audit.html_lang == "sl"
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert audit.headings[0] == (1, network.pages[name].title)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_runs_a_bounded_number_of_queries(
    client, network, name, django_assert_max_num_queries
):
    render(client, network, name)  # warm Wagtail's site root paths cache
    with django_assert_max_num_queries(MAX_QUERIES):
        render(client, network, name)


def test_breadcrumbs_lead_from_the_site_home_to_the_page(client, network):
    html = render(client, network, "project_page")

    trail = html.split('aria-label="Drobtina"')[1].split("</nav>")[0]
    assert '<a href="/">Točke moči</a>' in trail
    assert '<a href="/projekti/">Projekti</a>' in trail
    assert '<span aria-current="page">Projekt Točke moči</span>' in trail


def test_home_page_has_no_breadcrumbs_and_menu_marks_the_current_section(client, network):
    home = render(client, network, "centre_home_page")
    project = render(client, network, "project_page")

    assert "Drobtina" not in home
    assert '<a href="/projekti/" class="is-ancestor">Projekti</a>' in project


def test_private_pages_stay_out_of_the_menu(client, network):
    secret = StandardPageFactory(
        parent=network.centre.root_page, title="Interno", show_in_menus=True
    )
    PageViewRestriction.objects.create(page=secret, restriction_type="login")

    assert "Interno" not in render(client, network, "centre_home_page")


def test_language_switcher_lists_only_live_translations(client, network):
    english, _created = Locale.objects.get_or_create(language_code="en")
    page = network.pages["standard_page"]
    for ancestor in page.get_ancestors().filter(depth__gte=2):
        ancestor.copy_for_translation(english)
    translation = page.copy_for_translation(english)
    translation.title = "About us"
    translation.save_revision().publish()

    html = render(client, network, "standard_page")

    assert '<link rel="alternate" hreflang="en" href="http://centre.localhost/en/' in html
    assert '<link rel="alternate" hreflang="sl" href="http://centre.localhost/o-nas/">' in html
    switcher = html.split('aria-label="Jezik"')[1].split("</nav>")[0]
    assert 'hreflang="en" lang="en">English</a>' in switcher
    assert 'lang="sl" aria-current="true">Slovenščina</a>' in switcher

    translation.refresh_from_db()
    translation.unpublish()
    html = render(client, network, "standard_page")
    assert 'hreflang="en"' not in html
    assert 'aria-label="Jezik"' not in html


def test_english_translation_renders_in_english(client, network):
    english, _created = Locale.objects.get_or_create(language_code="en")
    page = network.pages["standard_page"]
    home = page.get_parent().copy_for_translation(english)
    home.save_revision().publish()
    translation = page.copy_for_translation(english)
    translation.save_revision().publish()

    response = client.get(translation.get_url_parts()[2], HTTP_HOST=CENTRE_HOST)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Skip to main content" in html


def test_branding_sets_colours_logo_contact_and_social_links(client, network):
    branding = SiteBranding.for_site(network.centre)
    branding.primary_colour = "#24477f"
    branding.accent_colour = "#2a6f97"
    branding.logo = ImageFactory()
    branding.save()

    html = render(client, network, "centre_home_page")

    assert "--primary: #24477f; --on-primary: #ffffff;" in html
    assert "--accent: #2a6f97; --on-accent: #ffffff;" in html
    assert 'alt="Točke moči" class="brand__logo"' in html
    assert '<a href="mailto:info@znanje.example">info@znanje.example</a>' in html
    assert '<a href="https://fb.example">Facebook</a>' in html


def test_project_page_shows_the_eu_acknowledgement_before_anything_else(client, network):
    html = render(client, network, "project_page")
    main = html.split('<main id="main"')[1]

    acknowledgement = main.index('class="acknowledgement"')
    assert main.index("<h1>") < acknowledgement < main.index("<h2")
    assert "Projekt sofinancira Evropski socialni sklad." in main
    assert "eu-emblem.svg" in main


def test_project_page_shows_funding_shares_partners_and_indicators(client, network):
    main = render(client, network, "project_page").split('<main id="main"')[1]

    assert "575.000,00\u00a0€" in main
    assert (
        '<td class="number">460.000,00\u00a0€</td>\n            <td class="number">80 %</td>'
        in main
    )
    assert "<h3>Vodilni partner</h3>" in main or "<h3>Lead partner</h3>" in main
    assert "Občina Pivka" in main
    assert '<td class="number">80 oseb</td>' in main
    assert '<td class="number">35 oseb</td>' in main
    assert "43,8 %" in main


def test_project_without_eu_funding_has_no_eu_emblem(client, network):
    project = ProjectFactory(owner=network.organisation)
    page = ProjectPageFactory(parent=network.pages["project_index_page"], project=project)

    html = get(client, page).content.decode()

    assert "eu-emblem.svg" not in html
    assert 'class="acknowledgement"' not in html


def test_unpublished_project_is_not_shown(client, network):
    Project = type(network.project)
    Project.objects.filter(pk=network.project.pk).update(live=False)

    html = render(client, network, "project_page")

    assert "Vključeni uporabniki" not in html
    assert "MonetaryGrant" not in html


def test_project_page_queries_do_not_grow_with_funding_partners_and_indicators(
    client, network, django_assert_num_queries
):
    small = ProjectPageFactory(parent=network.pages["project_index_page"])
    add_project_rows(small.project, count=1)
    large = ProjectPageFactory(parent=network.pages["project_index_page"])
    add_project_rows(large.project, count=10)
    get(client, small)
    with CaptureQueriesContext(connection) as one:
        get(client, small)
    with django_assert_num_queries(len(one.captured_queries)):
        html = get(client, large).content.decode()
    assert "Partner 9" in html and "Funder 9" in html and "Indikator 9" in html


def test_cancelled_event_shows_its_status_and_reason(client, network):
    event = network.pages["event_page"]
    event.status = "cancelled"
    event.status_note = "Bolezen izvajalke"
    event.save()

    html = render(client, network, "event_page")

    assert '<p class="notice notice--cancelled"><strong>' in html
    assert "Bolezen izvajalke" in html


def test_event_index_lists_upcoming_events_only(client, network):
    index = network.pages["event_index_page"]
    EventPageFactory(
        parent=index,
        title="Lanski piknik",
        starts_at=timezone.now() - timedelta(days=400),
        hours=3,
    )

    html = render(client, network, "event_index_page")

    assert "Kvačkanje" in html
    assert "Lanski piknik" not in html


def test_location_page_joins_only_the_address_parts_it_has(client, network):
    html = render(client, network, "location_page")

    assert "<address>Točka moči Postojna<br>6230 Postojna</address>" in html
    assert ", 6230 Postojna" not in html


def test_location_page_shows_today_the_week_and_changes(client, network):
    html = render(client, network, "location_page")

    assert '<p class="today"><strong>Danes</strong>' in html
    assert '<th scope="row">Ponedeljek</th><td>08:00–16:00</td>' in html
    assert '<th scope="row">Nedelja</th><td>zaprto</td>' in html
    assert "zaprto (Praznik)" in html
    assert "Kvačkanje" in html


def test_contact_page_shows_offices_and_only_consenting_people(client, network):
    page = network.pages["contact_page"]
    page.contacts.add(
        ContactPersonFactory(
            organisation=network.organisation, name="Skrita", consent_to_publish=False
        )
    )
    page.save()

    html = render(client, network, "contact_page")

    assert "Točka moči Postojna" in html
    assert "Ana Novak" in html
    assert "Skrita" not in html


def test_social_activation_page_shows_who_can_join_and_coordinators(client, network):
    html = render(client, network, "social_activation_programme_page")

    assert "Ana Novak" in html
    assert "Zavod Znanje Postojna" in html
    assert "49" in html


def test_search_page_has_a_labelled_form_and_lists_results(client, network):
    from search.indexing import rebuild

    rebuild()  # factories save pages without the publish signal that indexes them
    html = render(client, network, "search_page", q="Projekt")

    assert '<label for="search-query">' in html
    assert 'role="search"' in html
    assert re.search(
        r'<a href="http://[^"]+/projekti/projekt-tocke-moci/">Projekt Točke moči</a>', html
    )


def test_index_pages_paginate_with_an_accessible_navigation(client, network):
    for number in range(13):
        NewsArticlePageFactory(parent=network.pages["news_index_page"], title=f"Vest {number}")

    first = render(client, network, "news_index_page")
    second = render(client, network, "news_index_page", page=2)

    assert Audit(first).problems() == []
    assert '<a href="?page=2" rel="next">' in first
    assert '<a href="?page=1" aria-current="page">' in first
    assert '<a href="?page=2" aria-current="page">' in second
    assert '<a href="?page=1" rel="prev">' in second


@pytest.mark.parametrize(
    ("name", "make_child"),
    [
        ("news_index_page", lambda parent, n: NewsArticlePageFactory(parent=parent)),
        ("event_index_page", lambda parent, n: EventPageFactory(parent=parent)),
        ("project_index_page", lambda parent, n: ProjectPageFactory(parent=parent)),
    ],
)
def test_index_queries_do_not_grow_with_children(
    client, network, name, make_child, django_assert_num_queries
):
    render(client, network, name)
    with CaptureQueriesContext(connection) as few:
        render(client, network, name)
    for number in range(10):
        make_child(network.pages[name], number)
    with django_assert_num_queries(len(few.captured_queries)):
        render(client, network, name)


def test_amounts_are_formatted_in_the_page_language(client, network):
    project = ProjectFactory(owner=network.organisation, total_value=Decimal("1234567.50"))
    page = ProjectPageFactory(parent=network.pages["project_index_page"], project=project)

    assert "1.234.567,50\u00a0€" in get(client, page).content.decode()


def test_not_found_page_uses_the_site_layout(client, network):
    response = client.get("/ni-take-strani/", HTTP_HOST=CENTRE_HOST)

    assert response.status_code == 404
    assert Audit(response.content.decode()).problems() == []
