"""Registrations in the admin: each centre's staff see and export their own site's only.

The matrix follows tests/network/isolation.py: every role asks for the listing, one
registration and the CSV export of centre A's registrations; roles without the right see
none of A's data (and B's staff see B's).
"""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from sites.models import Registration, RegistrationStatus
from sites.registration_admin import RegistrationPermissionPolicy, RegistrationViewSet
from tests.factories import EventIndexPageFactory, UserFactory
from tests.sites.registration_factories import RegistrationEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

MARKER_A = "Alpha Registrant"
MARKER_B = "Beta Registrant"
ROLES = ["anonymous", "editor_a", "moderator_a", "editor_b", "coordinator", "superuser"]
SEES_A = {"editor_a", "moderator_a", "coordinator", "superuser"}
SEES_B = {"editor_b", "coordinator", "superuser"}


@pytest.fixture
def world(tenants):
    def event_of(tenant, title):
        events = EventIndexPageFactory(parent=tenant.site.root_page)
        return RegistrationEventFactory(parent=events, title=title)

    event_a = event_of(tenants.a, "Alpha workshop")
    event_b = event_of(tenants.b, "Beta workshop")
    return SimpleNamespace(
        tenants=tenants,
        users=tenants.users,
        event_a=event_a,
        event_b=event_b,
        a=RegistrationFactory(page=event_a, name=MARKER_A, email="alpha@example.org"),
        b=RegistrationFactory(page=event_b, name=MARKER_B, email="beta@example.org"),
    )


def login(client, world, role: str) -> None:
    if world.users[role] is not None:
        client.force_login(world.users[role])


def index_url() -> str:
    return reverse("registrations:index")


def inspect_url(registration) -> str:
    return reverse("registrations:inspect", args=[registration.pk])


def export(client, **params) -> tuple[list[str], list[dict]]:
    """The CSV export's headings, and its rows keyed by the viewset's field names."""
    response = client.get(index_url(), {"export": "csv", **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    headings, *rows = csv.reader(io.StringIO(body))
    return headings, [dict(zip(RegistrationViewSet.list_export, row, strict=True)) for row in rows]


def in_english(user) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


@pytest.mark.parametrize("role", ROLES)
def test_listing_shows_only_the_sites_the_role_works_on(client, world, role):
    login(client, world, role)

    response = client.get(index_url())

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert (MARKER_A in html) == (role in SEES_A)
    assert (MARKER_B in html) == (role in SEES_B)


@pytest.mark.parametrize("role", ROLES)
def test_one_registration_opens_only_for_its_sites_staff(client, world, role):
    login(client, world, role)

    response = client.get(inspect_url(world.a))

    if role == "anonymous":
        assert response.status_code == 302
    elif role in SEES_A:
        assert response.status_code == 200
        html = response.content.decode()
        assert MARKER_A in html and "alpha@example.org" in html
        assert world.a.cancel_key not in html
    else:
        assert response.status_code == 404
        assert MARKER_A not in response.content.decode()


@pytest.mark.parametrize("role", sorted(set(ROLES) - {"anonymous"}))
def test_export_has_the_same_scope_as_the_listing(client, world, role):
    login(client, world, role)

    names = {row["name"] for row in export(client)[1]}

    assert (MARKER_A in names) == (role in SEES_A)
    assert (MARKER_B in names) == (role in SEES_B)


def test_anonymous_export_is_sent_to_log_in(client, world):
    response = client.get(index_url(), {"export": "csv"})
    assert response.status_code == 302
    assert MARKER_A not in response.content.decode()


def test_export_lists_what_staff_need_and_defuses_formulas(client, world):
    RegistrationFactory(
        page=world.event_a,
        name='=HYPERLINK("http://evil.example")',
        phone="+386 30 715 685",
        places=2,
        status=RegistrationStatus.WAITLISTED,
    )
    in_english(world.users["editor_a"])
    login(client, world, "editor_a")

    headings, rows = export(client)

    assert headings == [
        "Event or programme",
        "Name",
        "E-mail",
        "Phone",
        "Places",
        "Status",
        "Registered at",
        "Place given at",
        "Cancelled at",
        "Language",
        "Consent given at",
        "Consent text version",
    ]
    first, second = rows
    assert (first["page"], first["name"], first["email"]) == (
        "Alpha workshop",
        MARKER_A,
        "alpha@example.org",
    )
    assert (first["get_status_display"], first["places"]) == ("Confirmed", "1")
    registered = timezone.localtime(world.a.created_at).strftime("%Y-%m-%d %H:%M")
    assert first["created_at"] == registered
    assert second["name"] == '\'=HYPERLINK("http://evil.example")'
    assert second["phone"] == "'+386 30 715 685"
    assert second["get_status_display"] == "On the waitlist"


def test_filtering_by_another_sites_page_shows_nothing_of_it(client, world):
    login(client, world, "editor_b")

    response = client.get(index_url(), {"page": world.event_a.pk})
    _, rows = export(client, page=world.event_a.pk)

    assert MARKER_A not in response.content.decode()
    assert "Alpha workshop" not in response.content.decode()
    assert MARKER_A not in {row["name"] for row in rows}


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_nobody_changes_registrations_in_the_admin(client, world, view):
    url = reverse(f"registrations:{view}", args=[world.a.pk])
    for role in ("editor_b",):
        login(client, world, role)
        assert client.get(url).status_code == 404
        assert client.post(url, {"status": "cancelled"}).status_code == 404
    if view in ("edit", "delete"):
        for role in ("moderator_a", "superuser"):
            login(client, world, role)
            response = client.post(url, {"status": "cancelled"})
            assert response.status_code in (302, 403)
            assert MARKER_A not in response.content.decode()
    world.a.refresh_from_db()
    assert world.a.status == RegistrationStatus.CONFIRMED
    assert Registration.objects.count() == 2


def test_the_menu_shows_registrations_to_centre_and_network_staff(client, world):
    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    world.users["outsider"] = outsider
    menu = {"editor_a": True, "editor_b": True, "coordinator": True, "outsider": False}
    for role, shown in menu.items():
        login(client, world, role)
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200, role
        assert (index_url() in dashboard.content.decode()) == shown, role
    assert client.get(index_url()).status_code in (302, 403)
    staff = RegistrationPermissionPolicy(Registration).users_with_any_permission(["view"])
    assert set(staff) == {user for role, user in world.users.items() if role in SEES_A | SEES_B}
