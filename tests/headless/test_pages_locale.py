"""``/api/v3/pages/?locale=``: each page once, in that language, else in its site's default.

Centre A is Slovenian with an English edition; Haná is Czech with an English edition. Some
pages are translated, some not, one English translation is a draft and one is private.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken, Locale, PageViewRestriction

from network.provisioning import grant_translation_permissions, provision_site
from tests.factories import OrganisationFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

A, HANA = "a.localhost", "hana.localhost"
# An anonymous listing (scope, restrictions, count, rows) and the fallback: the asked
# locale, the sites' languages, their trees and the default languages' locales.
MAX_QUERIES = 10


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(page, code: str, title: str, *, publish: bool = True):
    translation = page.copy_for_translation(locale(code))
    translation.title = title
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return translation


def listed(client, host: str = A, **params) -> list[tuple[str, str]]:
    """(title, language) of the pages listed, leaving out Wagtail's own default site."""
    headers = {key: params.pop(key) for key in list(params) if key.startswith("HTTP_")}
    response = client.get("/api/v3/pages/", {"limit": 100, **params}, HTTP_HOST=host, **headers)
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert len({item["id"] for item in items}) == len(items)
    return sorted(
        (item["title"], item["meta"]["locale"])
        for item in items
        if not item["title"].startswith("Welcome to your new Wagtail site")
    )


@pytest.fixture
def network(tenants):
    a_home = tenants.a.site.root_page
    translate(a_home, "en", "Centre A in English")
    about = StandardPageFactory(parent=a_home, title="O nas")
    translate(about, "en", "About us")
    StandardPageFactory(parent=a_home, title="Projekti")  # not translated
    drafted = StandardPageFactory(parent=a_home, title="Dogodki")
    translate(drafted, "en", "Events (draft)", publish=False)
    private = StandardPageFactory(parent=a_home, title="Novice")
    private_en = translate(private, "en", "News (private)")
    PageViewRestriction.objects.create(page=private_en, restriction_type="login")

    hana = provision_site(
        name="Haná",
        hostname=HANA,
        organisation=OrganisationFactory(name="Region Haná", locale=locale("cs")),
        locale="cs",
        languages=["en"],
    ).tenant
    hana_home = hana.site.root_page
    translate(hana_home, "en", "Haná in English")
    o_nas = StandardPageFactory(parent=hana_home, title="O nás")
    translate(o_nas, "en", "About Haná")
    StandardPageFactory(parent=hana_home, title="Akce")  # Czech only
    return SimpleNamespace(tenants=tenants, hana=hana, home=a_home)


A_IN_ENGLISH = [
    ("About us", "en"),
    ("Centre A in English", "en"),
    ("Dogodki", "sl"),  # its English translation is a draft
    ("Novice", "sl"),  # its English translation is private
    ("Projekti", "sl"),
]
HANA_IN_ENGLISH = [("About Haná", "en"), ("Akce", "cs"), ("Haná in English", "en")]


def test_a_page_without_a_readable_translation_is_listed_in_the_sites_language(client, network):
    assert listed(client, locale="en") == A_IN_ENGLISH
    assert listed(client, HANA, locale="en") == HANA_IN_ENGLISH


def test_each_page_is_listed_once_and_the_count_agrees(client, network):
    response = client.get("/api/v3/pages/", {"locale": "en", "limit": 2}, HTTP_HOST=A)
    body = response.json()
    every = client.get("/api/v3/pages/", {"locale": "en", "limit": 100}, HTTP_HOST=A).json()

    assert body["count"] == len(A_IN_ENGLISH) == len(every["items"])
    ids = [item["id"] for item in every["items"]]
    assert len(ids) == len(set(ids))


def test_the_sites_own_language_lists_its_pages_as_they_are(client, network):
    assert listed(client, locale="sl") == [
        ("Centre A", "sl"),
        ("Dogodki", "sl"),
        ("Novice", "sl"),
        ("O nas", "sl"),
        ("Projekti", "sl"),
    ]


def test_fallback_false_lists_only_the_pages_in_that_language(client, network):
    assert listed(client, locale="en", fallback="false") == [
        ("About us", "en"),
        ("Centre A in English", "en"),
    ]


def test_site_all_falls_back_to_each_sites_own_default_language(client, network):
    assert listed(client, site="all", locale="en") == sorted(
        A_IN_ENGLISH + HANA_IN_ENGLISH + [("Centre B", "sl")]
    )
    # Slovenian asked of the network: Haná's pages in Czech, its default, not in English.
    in_slovenian = listed(client, site="all", locale="sl")
    assert [row for row in in_slovenian if row[1] != "sl"] == [
        ("Akce", "cs"),
        ("Haná", "cs"),
        ("O nás", "cs"),
    ]


def test_a_language_neither_site_has_lists_each_page_in_its_sites_default(client, network):
    # Czech asked of a Slovenian site: its Slovenian pages, not its English ones.
    assert listed(client, locale="cs") == listed(client, locale="sl")


def test_an_editor_token_lists_its_draft_translation_in_place_of_the_fallback(client, network):
    _token, plaintext = APIToken.create_token(
        user=network.tenants.users["editor_a"], name="frontend"
    )
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    grant_translation_permissions(network.tenants.a)  # as translating the home page does

    rows = listed(client, locale="en", **auth)

    # A draft keeps its source's title until published; its language is what counts here.
    assert ("Dogodki", "en") in rows and ("Dogodki", "sl") not in rows


def test_other_filters_apply_to_the_pages_chosen(client, network):
    assert listed(client, locale="en", type="centre_sites.StandardPage") == [
        ("About us", "en"),
        ("Dogodki", "sl"),
        ("Novice", "sl"),
        ("Projekti", "sl"),
    ]
    assert listed(client, locale="en", search="Projekti") == [("Projekti", "sl")]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [({"locale": "xx"}, "locale"), ({"locale": "en", "fallback": "maybe"}, "fallback")],
)
def test_a_bad_value_is_a_400_naming_the_parameter(client, network, params, parameter):
    response = client.get("/api/v3/pages/", params, HTTP_HOST=A)

    assert response.status_code == 400, response.content
    assert [error["loc"] for error in response.json()["errors"]] == [["query", parameter]]


def count_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v3/pages/", params, HTTP_HOST=A)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("site", [A, "all"])
def test_the_fallback_costs_the_same_for_few_pages_and_many(
    client, network, django_assert_max_num_queries, site
):
    few = count_queries(client, site=site, locale="en", limit=2)
    assert few <= MAX_QUERIES
    for number in range(30):
        page = StandardPageFactory(parent=network.home, title=f"Projekt {number}")
        if number % 2:
            translate(page, "en", f"Project {number}")

    with django_assert_max_num_queries(few):
        response = client.get(
            "/api/v3/pages/", {"site": site, "locale": "en", "limit": 50}, HTTP_HOST=A
        )
    assert response.json()["count"] > 30
