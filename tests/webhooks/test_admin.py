"""Settings → Publish webhooks: each centre manages its own site's subscriptions only."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.i18n import translated
from tests.webhooks.conftest import publish
from webhooks.models import Delivery, Event, Subscription

pytestmark = pytest.mark.django_db

ALL_PAGE_EVENTS = ["page.published", "page.unpublished", "page.moved", "page.deleted"]


def url(name: str, *args) -> str:
    return reverse(f"webhook_subscriptions:{name}", args=args)


@pytest.fixture
def moderator_a(client, tenants):
    client.force_login(tenants.users["moderator_a"])
    return client


@pytest.fixture
def both(subscribe, tenants):
    return (
        subscribe("https://a.example.org/hooks", description="Alpha frontend"),
        subscribe("https://b.example.org/hooks", tenant=tenants.b, description="Beta frontend"),
    )


def form_data(site, target: str, **extra) -> dict:
    return {
        "site": site.pk,
        "url": target,
        "description": "",
        "events": ALL_PAGE_EVENTS,
        "is_active": "on",
        **extra,
    }


def test_a_moderator_lists_only_their_sites_subscriptions(moderator_a, both):
    response = moderator_a.get(url("index"))

    assert response.status_code == 200
    assert "https://a.example.org/hooks" in response.content.decode()
    assert "b.example.org" not in response.content.decode()


def test_coordinators_see_every_site(client, tenants, both):
    client.force_login(tenants.users["coordinator"])

    content = client.get(url("index")).content.decode()

    assert "a.example.org" in content and "b.example.org" in content


@pytest.mark.parametrize("view", ["edit", "delete", "log", "rotate", "history", "usage"])
def test_another_sites_subscription_is_not_found(moderator_a, both, view):
    _own, theirs = both

    assert moderator_a.get(url(view, theirs.pk)).status_code == 404


@pytest.mark.parametrize("view", ["edit", "delete", "retry", "test", "rotate"])
def test_another_sites_subscription_cannot_be_changed(moderator_a, both, tenants, view):
    _own, theirs = both
    before = Subscription.objects.values().get(pk=theirs.pk)

    response = moderator_a.post(url(view, theirs.pk), form_data(tenants.a.site, "https://x.org"))

    assert response.status_code == 404
    assert Subscription.objects.values().get(pk=theirs.pk) == before
    assert not Event.objects.exists()


@pytest.mark.parametrize("role", ["editor_a", "editor_b", "anonymous"])
def test_editors_and_the_public_have_no_webhooks(client, tenants, both, role):
    if tenants.users[role]:
        client.force_login(tenants.users[role])

    response = client.get(url("index"))

    assert response.status_code in (302, 403)
    assert "a.example.org" not in response.content.decode()


def test_creating_a_subscription_shows_its_secret_once(moderator_a, tenants):
    response = moderator_a.post(url("add"), form_data(tenants.a.site, "https://front.example/h"))

    subscription = Subscription.objects.get()
    assert response.status_code == 200
    assert subscription.site == tenants.a.site
    assert subscription.events == ALL_PAGE_EVENTS
    assert subscription.secret in response.content.decode()
    edit = moderator_a.get(url("edit", subscription.pk))
    assert edit.status_code == 200
    assert subscription.secret not in edit.content.decode()


def test_a_url_that_is_not_http_is_an_error_on_the_url_field(moderator_a, tenants):
    response = moderator_a.post(url("add"), form_data(tenants.a.site, "ftp://files.example/x"))

    assert response.status_code == 200
    assert response.context["form"].errors["url"] == [
        translated("Enter an http:// or https:// address.")
    ]
    assert not Subscription.objects.exists()


def test_another_sites_id_is_an_error_on_the_site_field(moderator_a, tenants):
    response = moderator_a.post(url("add"), form_data(tenants.b.site, "https://x.example/h"))

    assert "site" in response.context["form"].errors
    assert not Subscription.objects.exists()


def test_rotating_the_secret_shows_the_new_one(moderator_a, both):
    own, _theirs = both
    old_secret = own.secret

    assert moderator_a.get(url("rotate", own.pk)).status_code == 200
    response = moderator_a.post(url("rotate", own.pk))

    own.refresh_from_db()
    assert own.secret != old_secret
    assert own.secret in response.content.decode()


def test_the_delivery_log_shows_outcomes_and_sends_a_test_event(
    moderator_a, tenants, receiver, subscribe, draft_page, committing
):
    subscription = subscribe(receiver.url)
    receiver.status = 503
    with committing():
        publish(draft_page())

    log = moderator_a.get(url("log", subscription.pk)).content.decode()
    assert 'data-status="pending"' in log and "HTTP 503" in log

    receiver.status = 204
    with committing():
        moderator_a.post(url("retry", subscription.pk))
    with committing():
        moderator_a.post(url("test", subscription.pk))

    assert [r.headers["X-Mreza-Event"] for r in receiver.accepted] == ["page.published", "ping"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"delivered"}
    log = moderator_a.get(url("log", subscription.pk)).content.decode()
    assert log.count('data-status="delivered"') == 2


def test_the_settings_menu_offers_webhooks_to_moderators_only(client, tenants):
    client.force_login(tenants.users["moderator_a"])
    assert url("index") in client.get("/admin/").content.decode()
    client.force_login(UserFactory(groups=[tenants.a.editors]))
    assert url("index") not in client.get("/admin/").content.decode()


def test_an_editor_action_in_the_admin_is_delivered_before_the_response(
    moderator_a, receiver, subscribe, draft_page, committing
):
    subscription = subscribe(receiver.url)
    page = publish(draft_page())
    Delivery.objects.all().delete()

    with committing():
        response = moderator_a.post(f"/admin/pages/{page.pk}/unpublish/")

    assert response.status_code == 302
    (request,) = receiver.accepted
    assert request.headers["X-Mreza-Event"] == "page.unpublished"
    assert request.document["object"]["id"] == page.pk
    assert request.signature_is_valid(subscription.secret)


def test_an_admin_unpublish_whose_event_cannot_be_written_changes_nothing(
    moderator_a, subscribe, draft_page, monkeypatch
):
    """The page and its outbox event commit together: one write request, one transaction."""
    from django.db import DatabaseError

    subscribe("https://a.example.org/hooks")
    page = publish(draft_page())
    Delivery.objects.all().delete()

    def outbox_unavailable(*args, **kwargs):
        raise DatabaseError("outbox unavailable")

    monkeypatch.setattr("webhooks.events.record", outbox_unavailable)
    moderator_a.raise_request_exception = False

    response = moderator_a.post(f"/admin/pages/{page.pk}/unpublish/")

    assert response.status_code == 500
    page.refresh_from_db()
    assert page.live
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("target", ["http://127.0.0.1:9000/hooks", "https://10.1.2.3/hooks"])
def test_a_receiver_on_a_private_network_is_an_error_on_the_url_field(
    moderator_a, tenants, settings, target
):
    settings.MREZA = {
        **settings.MREZA,
        "WEBHOOKS": {**settings.MREZA["WEBHOOKS"], "ALLOW_PRIVATE_ADDRESSES": False},
    }

    response = moderator_a.post(url("add"), form_data(tenants.a.site, target))

    assert response.status_code == 200
    (error,) = response.context["form"].errors["url"]
    assert urlsplit(target).hostname in error
    assert not Subscription.objects.exists()
