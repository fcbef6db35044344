"""The network both directory test modules query: two centres sharing a project, plus drafts,
people who did not consent, and a page hidden behind a view restriction.

Centre A (a.localhost) keeps "Točke moči" (ESF-funded, with the municipality of Pivka as a
partner) and an unpublished draft; centre B (b.localhost) keeps "Socio" (funded by the
ministry) and shows A's project on a project page of its own.
"""

from __future__ import annotations

from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

from tests.factories import (
    ContactPersonFactory,
    FunderFactory,
    FundingLineFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningHoursExceptionFactory,
    OpeningHoursRangeFactory,
    OrganisationFactory,
    ProjectFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectParticipationFactory,
    RegionFactory,
    TargetGroupFactory,
    ThemeFactory,
    tenant_pair,
)

A, B = "a.localhost", "b.localhost"


def get(client, path: str, host: str = A, **params):
    # The API's server cache starts afresh when a transaction commits, which tests never do:
    # ask for a fresh representation, so each request sees what the test just changed.
    return client.get(
        f"/api/v3/network/{path}", params, HTTP_HOST=host, HTTP_CACHE_CONTROL="no-cache"
    )


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def names(response) -> set[str]:
    return {item.get("name") or item.get("title") for item in items(response)}


def parameter_error(response, parameter: str) -> str:
    """The message of a 400 that names ``parameter``."""
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert [error["loc"] for error in body["errors"]] == [["query", parameter]], body
    return body["detail"]


@contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def directory_network(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction rolled back at its end; each test runs in
    a savepoint within it (pytest-django's ``db``), as tests/network/conftest.py does."""
    scope = _rolled_back()
    with django_db_blocker.unblock():
        scope.__enter__()
        try:
            world = build_network(tenant_pair())
        except BaseException:
            scope.__exit__(None, None, None)
            raise
    yield world
    with django_db_blocker.unblock():
        scope.__exit__(None, None, None)
    cache.clear()  # Wagtail's cached site root paths name the sites just rolled back


@pytest.fixture(name="network")
def network_fixture(directory_network, db):
    cache.clear()  # a site another test added (and rolled back) may still be cached
    return directory_network


def fresh(instance):
    """The row as the database has it now: tests share the world's objects, not their state."""
    return type(instance).objects.get(pk=instance.pk)


def build_network(tenants):
    primorska = RegionFactory(name="Primorsko-notranjska", slug="primorsko-notranjska")
    savinjska = RegionFactory(name="Savinjska", slug="savinjska")
    hana = RegionFactory(name="Haná", slug="hana", country="CZ")
    org_a, org_b = tenants.organisation_a, tenants.organisation_b
    org_a.region, org_b.region = primorska, savinjska
    org_a.kind = org_b.kind = "multigenerational_centre"
    org_a.save()
    org_b.save()
    pivka = OrganisationFactory(name="Občina Pivka", slug="pivka", kind="municipality")
    pivka.region = primorska
    pivka.save()

    esf = FunderFactory(name="Evropski socialni sklad", slug="ess", kind="eu")
    ministry = FunderFactory(name="Ministrstvo za delo", slug="mddsz", kind="national")
    draft_only = FunderFactory(name="Sklad osnutka", slug="sklad-osnutka", kind="foundation")
    elderly = TargetGroupFactory(name="Starejši", slug="starejsi")
    inclusion = ThemeFactory(name="Socialna vključenost", slug="vkljucenost")

    tocke = ProjectFactory(title="Točke moči", slug="tocke-moci", owner=org_a)
    tocke.target_groups.add(elderly)
    tocke.themes.add(inclusion)
    tocke.save()
    FundingLineFactory(project=tocke, funder=esf)
    ProjectParticipationFactory(project=tocke, organisation=pivka, role="partner")
    socio = ProjectFactory(title="Socio", slug="socio", owner=org_b)
    FundingLineFactory(project=socio, funder=ministry)
    draft = ProjectFactory(title="Skrivni osnutek", slug="osnutek", owner=org_a, live=False)
    FundingLineFactory(project=draft, funder=draft_only)

    postojna = MunicipalityFactory(name="Postojna", slug="postojna", region=primorska)
    office_a = LocationFactory(
        organisation=org_a, name="Točka Postojna", slug="postojna", municipality=postojna
    )
    OpeningHoursRangeFactory(location=office_a, weekday=0)
    OpeningHoursExceptionFactory(location=office_a)
    office_b = LocationFactory(organisation=org_b, name="Socio Celje", slug="celje")
    ana = ContactPersonFactory(organisation=org_a, name="Ana Novak", location=office_a)
    hidden = ContactPersonFactory(organisation=org_a, name="Skrita Oseba", consent_to_publish=False)
    bojan = ContactPersonFactory(organisation=org_b, name="Bojan Kos")

    index_a = ProjectIndexPageFactory(parent=tenants.a.site.root_page, slug="projekti")
    page_a = ProjectPageFactory(parent=index_a, project=tocke, slug="tocke-moci")
    index_b = ProjectIndexPageFactory(parent=tenants.b.site.root_page, slug="projekti")
    page_b = ProjectPageFactory(parent=index_b, project=tocke, slug="tocke-moci")
    socio_page = ProjectPageFactory(parent=index_b, project=socio, slug="socio")
    # Pages of A the public cannot see show nothing: one behind a password, one unpublished.
    private = ProjectPageFactory(parent=index_a, project=socio, slug="zaprto")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    ProjectPageFactory(parent=index_a, project=socio, slug="neobjavljeno", live=False)
    return SimpleNamespace(**locals())
