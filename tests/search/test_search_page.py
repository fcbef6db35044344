"""The search page every site has: this site or the network, facets, errors, pages."""

from __future__ import annotations

import re

import pytest

from tests.factories import SearchPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_page(indexed):
    return SearchPageFactory(parent=indexed.site_a.root_page, slug="iskanje")


def text(response) -> str:
    return response.content.decode()


def test_a_centre_searches_its_own_site_with_the_network_one_click_away(client, search_page):
    response = client.get("/iskanje/", {"q": "center"}, HTTP_HOST="a.localhost")
    assert response.status_code == 200
    html = text(response)
    assert "Večgeneracijski center Cerknica" in html
    assert "Dnevni center za otroke" not in html  # centre B's page
    assert 'value="site" checked' in html
    link = re.search(r'href="([^"]*scope=network[^"]*)"', html).group(1)
    network = client.get("/iskanje/" + link.replace("&amp;", "&"), HTTP_HOST="a.localhost")
    assert "Dnevni center za otroke" in text(network)
    assert "http://b.localhost/dnevni-center/" in text(network)


def test_facets_are_checkboxes_with_counts_and_filter_the_results(client, search_page, indexed):
    html = text(
        client.get("/iskanje/", {"q": "center", "scope": "network"}, HTTP_HOST="a.localhost")
    )
    assert f'name="sites" value="{indexed.site_b.pk}"' in html
    assert re.search(r"<legend>[^<]+</legend>\s*<ul class=\"facet-options\">", html)
    narrowed = text(
        client.get(
            "/iskanje/",
            {"q": "center", "scope": "network", "sites": indexed.site_b.pk},
            HTTP_HOST="a.localhost",
        )
    )
    assert "Dnevni center za otroke" in narrowed
    assert "Večgeneracijski center Cerknica" not in narrowed
    assert f'name="sites" value="{indexed.site_b.pk}" checked' in narrowed


def test_matched_words_are_marked(client, search_page):
    html = text(client.get("/iskanje/", {"q": "vecgeneracijski"}, HTTP_HOST="a.localhost"))
    assert "<mark>Večgeneracijski</mark>" in html


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "a" * 300}, "q"),
        ({"q": "center", "themes": "nope"}, None),
        ({"q": "x", "page": "0"}, None),
    ],
)
def test_bad_input_is_explained_on_the_page(client, search_page, params, field):
    response = client.get("/iskanje/", params, HTTP_HOST="a.localhost")
    assert response.status_code == 200
    html = text(response)
    assert 'id="search-error" role="alert"' in html
    if field == "q":
        assert 'aria-invalid="true" aria-describedby="search-error"' in html


def test_a_page_past_the_end_says_how_many_there_are(client, search_page):
    html = text(client.get("/iskanje/", {"q": "center", "page": "40"}, HTTP_HOST="a.localhost"))
    assert "page=1" in html
    assert "<ol" not in html.split("results-heading")[1]
