"""A page's detail reads what only a content change can change once per content version."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory, provision_centre

pytestmark = pytest.mark.django_db

NO_CACHE = {"HTTP_CACHE_CONTROL": "no-cache", "HTTP_HOST": "socio.localhost"}


@pytest.fixture
def page():
    tenant = provision_centre("Socio", "socio.localhost", slug="socio")
    return StandardPageFactory(parent=tenant.site.root_page, title="O nas")


def detail(client, page, **extra):
    return client.get(f"/api/v3/pages/{page.pk}/", **NO_CACHE, **extra)


def reads(captured: CaptureQueriesContext, table: str) -> bool:
    return any(f'FROM "{table}"' in query["sql"] for query in captured.captured_queries)


def reads_site_roots(captured: CaptureQueriesContext) -> bool:
    return any('FROM "wagtailcore_site"' in query["sql"] for query in captured.captured_queries)


def test_an_uncached_detail_reads_site_roots_and_restrictions_once_per_version(client, page):
    assert detail(client, page).status_code == 200

    with CaptureQueriesContext(connection) as captured:
        response = detail(client, page)

    assert response.status_code == 200
    assert response.json()["title"] == "O nas"
    assert response["X-Cache"] == "MISS"
    assert not reads(captured, "wagtailcore_pageviewrestriction")
    assert not reads_site_roots(captured)


def test_a_new_view_restriction_hides_the_page_at_once(client, page):
    assert detail(client, page).status_code == 200

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="skrivnost"
    )

    assert detail(client, page).status_code == 404


def test_a_removed_view_restriction_shows_the_page_at_once(client, page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="skrivnost"
    )
    assert detail(client, page).status_code == 404

    restriction.delete()

    assert detail(client, page).status_code == 200


def test_a_detail_is_of_the_specific_page_type_with_its_parent(client, page):
    data = detail(client, page).json()

    assert data["meta"]["type"] == "centre_sites.StandardPage"
    assert data["meta"]["locale"] == "sl"
    assert data["meta"]["parent"]["id"] == page.get_parent().pk


def test_an_unknown_page_is_a_404(client, page):
    response = client.get("/api/v3/pages/999999/", **NO_CACHE)

    assert response.status_code == 404
