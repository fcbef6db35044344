"""``/api/v3/search/`` over real HTTP handling: scope, hostnames, facets, bad input, faults."""

from __future__ import annotations

import pytest
from django.test import Client

from search.indexing import rebuild
from tests.headless.conftest import demo, demo_network  # noqa: F401  (shared demo fixtures)

pytestmark = pytest.mark.django_db
URL = "/api/v3/search/"


def get(client: Client, host: str, **params):
    return client.get(URL, params, HTTP_HOST=host)


def facet(body: dict, name: str) -> dict[str, int]:
    for each in body["facets"]:
        if each["name"] == name:
            return {option["value"]: option["count"] for option in each["options"]}
    return {}


def test_a_centre_searches_itself_and_the_network_is_one_parameter_away(client, indexed):
    own = get(client, "a.localhost", q="center")
    assert own.status_code == 200
    body = own.json()
    assert body["scope"] == "site"
    assert {item["site"]["id"] for item in body["items"]} == {indexed.site_a.pk}
    network = get(client, "a.localhost", q="center", scope="network").json()
    hosts = {item["url"].split("/")[2] for item in network["items"]}
    assert hosts == {"a.localhost", "b.localhost"}
    assert network["total"] > body["total"]


def test_items_carry_what_a_frontend_shows(client, indexed):
    body = get(client, "a.localhost", q="znanje", scope="network").json()
    [item] = body["items"]
    assert item["id"] == indexed.news.pk
    assert item["url"] == indexed.news.get_full_url()
    assert item["site"] == {"id": indexed.site_a.pk, "name": "Centre A"}
    assert item["content_type"] == "news_article"
    assert item["themes"] == ["znanje"]
    assert "<mark>znanje</mark>" in item["highlight"].lower()
    themes = next(f for f in body["facets"] if f["name"] == "theme")
    assert themes["parameter"] == "themes"
    assert themes["options"] == [
        {"value": "znanje", "label": "Znanje", "count": 1, "selected": False}
    ]


def test_filters_narrow_and_mark_the_chosen_option(client, indexed):
    body = get(
        client, "b.localhost", q="center", scope="network", sites=[str(indexed.site_b.pk)]
    ).json()
    assert {item["site"]["id"] for item in body["items"]} == {indexed.site_b.pk}
    sites = next(f for f in body["facets"] if f["name"] == "site")["options"]
    chosen = [option for option in sites if option["selected"]]
    assert [option["value"] for option in chosen] == [str(indexed.site_b.pk)]


def test_drafts_and_private_pages_never_appear(client, indexed):
    from wagtail.models import PageViewRestriction

    indexed.cerknica.title = "Osnutek o Cerknici"
    indexed.cerknica.save_revision()
    PageViewRestriction.objects.create(page=indexed.day_centre, restriction_type="login")
    rebuild()
    body = get(client, "a.localhost", q="otroke", scope="network").json()
    assert body["total"] == 0
    assert get(client, "a.localhost", q="osnutek").json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "a" * 1000}, "q"),
        ({"q": "a" * 1001}, "q"),
        ({"q": "“”"}, "q"),
        ({"q": "center", "themes": "no-such-theme"}, "themes"),
        ({"q": "center", "sites": "999999"}, "sites"),
        ({"q": "center", "content_types": "spaceship"}, "content_types"),
        ({"q": "center", "scope": "galaxy"}, "scope"),
        ({"q": "center", "limit": "51"}, "limit"),
        ({"q": "center", "offset": "10001"}, "offset"),
        ({"q": "center", "upcoming": "maybe"}, "upcoming"),
        ({"q": "center", "colour": "red"}, "colour"),
        ({"q": "center", "site": "nowhere.example"}, "site"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, indexed, params, parameter):
    response = client.get(URL, params, HTTP_HOST="a.localhost")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["loc"] == ["query", parameter]


def test_a_page_past_the_end_is_empty_not_an_error(client, indexed):
    body = get(client, "a.localhost", q="center", scope="network", offset=9000).json()
    assert body["items"] == []
    assert body["total"] >= 3


def test_an_unreachable_elasticsearch_falls_back_to_the_database(client, indexed, settings):
    settings.MREZA = {
        **settings.MREZA,
        "SEARCH_ENGINE": {"NAME": "elasticsearch", "OPTIONS": {"URL": "http://127.0.0.1:9"}},
    }
    response = get(client, "a.localhost", q="cerknica")
    assert response.status_code == 200
    body = response.json()
    assert body["engine"] == "database"
    assert "unavailable" in body["fallback"]
    assert "Večgeneracijski center Cerknica" in {item["title"] for item in body["items"]}


def test_queries_are_bounded(client, indexed, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = get(client, "a.localhost", q="center", scope="network", limit=50)
    assert response.status_code == 200


def test_on_the_demo_network_any_site_finds_the_others(client, demo):  # noqa: F811
    rebuild()
    body = get(client, "socio.localhost", q="center", scope="network", limit=50).json()
    hosts = {item["url"].split("/")[2].split(":")[0] for item in body["items"]}
    assert {"socio.localhost", "hana.localhost"} <= hosts
    for item in body["items"]:
        from wagtail.models import Page

        assert Page.objects.get(pk=item["id"]).get_full_url() == item["url"]
    for name in ("site", "content_type"):
        assert sum(facet(body, name).values()) == body["total"], name
    # The language facet counts what choosing each language gives: together, every language.
    every = get(client, "socio.localhost", q="center", scope="network", locales="all").json()
    assert sum(facet(body, "locale").values()) == every["total"]
    for name in ("site", "content_type", "locale"):
        assert sum(facet(every, name).values()) == every["total"], name
