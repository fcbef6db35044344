"""Which events are written to the outbox, for whom, and what they say (and do not say)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.snippets.models import get_snippet_models

from network.models import Project
from tests.factories import (
    FunderFactory,
    FundingLineFactory,
    LocationFactory,
    ProjectFactory,
    ProjectPageFactory,
    StandardPageFactory,
)
from tests.webhooks.conftest import publish
from webhooks.events import page_changed
from webhooks.handlers import SHARED_SNIPPETS
from webhooks.models import Delivery, Event, Subscription

pytestmark = pytest.mark.django_db

URL = "http://127.0.0.1:9/hooks"  # never contacted: on_commit callbacks do not run here


def events_for(subscription: Subscription) -> list[tuple[str, int | None]]:
    return [
        (delivery.event.event_type, (delivery.event.payload.get("object") or {}).get("id"))
        for delivery in subscription.deliveries.select_related("event").order_by("event_id")
    ]


def test_publish_unpublish_move_and_delete_are_events_of_the_pages_site(
    tenants, subscribe, draft_page
):
    subscription = subscribe(URL)
    news = draft_page(title="Novice")
    article = draft_page(title="Članek")

    publish(news)
    publish(article)
    article.refresh_from_db()
    article.move(news, pos="last-child")
    Page.objects.get(pk=news.pk).specific.unpublish()
    Page.objects.get(pk=article.pk).delete()

    assert events_for(subscription) == [
        ("page.published", news.pk),
        ("page.published", article.pk),
        ("page.moved", article.pk),
        ("page.unpublished", news.pk),
        ("page.deleted", article.pk),
    ]


def test_deleting_a_live_page_is_one_deleted_event(tenants, subscribe, draft_page):
    subscription = subscribe(URL)
    page = publish(draft_page())

    Page.objects.get(pk=page.pk).delete()

    assert events_for(subscription)[-1:] == [("page.deleted", page.pk)]
    assert [kind for kind, _id in events_for(subscription)].count("page.unpublished") == 0


def test_a_rolled_back_publish_leaves_no_event(tenants, subscribe, draft_page):
    subscribe(URL)
    page = draft_page()

    with pytest.raises(RuntimeError), transaction.atomic():
        publish(page)
        assert Event.objects.count() == 1  # written with the change…
        raise RuntimeError("the publish fails after the event was written")

    assert not Event.objects.exists()  # …and gone with it
    assert not Delivery.objects.exists()
    assert not Page.objects.get(pk=page.pk).live


def test_the_payload_names_the_object_and_site_but_carries_no_content(
    tenants, subscribe, draft_page
):
    subscribe(URL)
    page = draft_page(title="Zasebna stran", slug="zasebna", intro="Skrivnost centra")
    PageViewRestriction.objects.create(page=page, restriction_type="login")

    publish(page)

    event = Event.objects.get()
    site = tenants.a.site
    assert event.site == site
    assert event.payload == {
        "site": {"id": site.pk, "hostname": "a.localhost", "root_url": site.root_url},
        "object": {
            "kind": "page",
            "type": "centre_sites.StandardPage",
            "id": page.pk,
            "locale": page.locale.language_code,
            "url": f"{site.root_url}/zasebna/",
            "api_url": f"{site.root_url}/api/v3/pages/{page.pk}/",
        },
    }
    assert "Zasebna stran" not in str(event.payload)
    assert "Skrivnost" not in str(event.payload)


def test_a_move_tells_both_sites_and_where_the_page_was(tenants, subscribe, draft_page):
    on_a = subscribe(URL)
    on_b = subscribe(URL, tenant=tenants.b)
    page = publish(draft_page(slug="selitev"))

    page.move(tenants.b.site.root_page, pos="last-child")

    moved = Event.objects.get(event_type="page.moved")
    assert moved.payload["site"]["hostname"] == "b.localhost"
    assert moved.payload["object"]["url"] == f"{tenants.b.site.root_url}/selitev/"
    assert moved.payload["previous"] == {
        "site": {
            "id": tenants.a.site.pk,
            "hostname": "a.localhost",
            "root_url": tenants.a.site.root_url,
        },
        "url": f"{tenants.a.site.root_url}/selitev/",
    }
    assert set(moved.deliveries.values_list("subscription", flat=True)) == {on_a.pk, on_b.pk}


def test_a_sites_subscription_never_hears_of_another_sites_pages(tenants, subscribe, draft_page):
    on_a = subscribe(URL)
    on_b = subscribe(URL, tenant=tenants.b)

    publish(draft_page(parent=tenants.b.site.root_page))

    assert events_for(on_a) == []
    assert len(events_for(on_b)) == 1


def test_only_the_chosen_events_of_active_subscriptions(tenants, subscribe, draft_page):
    only_deletions = subscribe(URL, events=["page.deleted"])
    switched_off = subscribe(URL, is_active=False)

    publish(draft_page())

    assert events_for(only_deletions) == []
    assert events_for(switched_off) == []
    assert not Event.objects.exists()  # nobody listens: nothing written


def test_shared_content_goes_to_the_sites_whose_live_pages_show_it(tenants, subscribe):
    on_a = subscribe(URL)
    on_b = subscribe(URL, tenant=tenants.b)
    follows_network = subscribe(URL, tenant=tenants.b, network_events=True)
    funder = FunderFactory(name="Ministrstvo")
    project = ProjectFactory(live=True, owner=tenants.organisation_b)
    FundingLineFactory(project=project, funder=funder)
    # A live page of A shows the project (a chooser reference, in Wagtail's ReferenceIndex)…
    ProjectPageFactory(parent=tenants.a.site.root_page, project=project, live=True)
    Event.objects.all().delete()

    funder.name = "Ministrstvo za delo"
    funder.save()

    # …so A hears of a change to the project's funder; B's page-only subscription does not
    # (B shows nothing of it), the one following the whole network does.
    assert events_for(on_a) == [("snippet.saved", funder.pk)]
    assert events_for(on_b) == []
    assert events_for(follows_network) == [("snippet.saved", funder.pk)]
    event = Event.objects.get()
    assert event.payload["object"]["type"] == "network.Funder"
    assert event.payload["object"]["url"] is None
    assert event.payload["object"]["api_url"].endswith(f"/api/v3/network/funders/{funder.pk}/")


def test_the_owners_site_hears_of_its_own_content(tenants, subscribe):
    on_b = subscribe(URL, tenant=tenants.b)

    location = LocationFactory(organisation=tenants.organisation_b)
    location.delete()

    assert [kind for kind, _id in events_for(on_b)] == ["snippet.saved", "snippet.deleted"]
    assert Event.objects.first().payload["site"]["hostname"] == "b.localhost"


def test_content_with_drafts_is_an_event_when_published_not_when_saved(tenants, subscribe):
    on_b = subscribe(URL, tenant=tenants.b)
    project = ProjectFactory(live=False, owner=tenants.organisation_b)
    project.save_revision()
    assert events_for(on_b) == []

    project.save_revision().publish()
    Project.objects.get(pk=project.pk).unpublish()

    assert events_for(on_b) == [
        ("snippet.published", project.pk),
        ("snippet.unpublished", project.pk),
    ]


def test_every_shared_snippet_of_the_network_is_watched():
    registered = {
        model._meta.label for model in get_snippet_models() if model._meta.app_label == "network"
    }
    assert registered == set(SHARED_SNIPPETS)


def test_writing_an_event_costs_the_same_queries_for_many_subscriptions(
    tenants, subscribe, draft_page, django_assert_max_num_queries
):
    def queries_to_publish(page) -> int:
        page.refresh_from_db()
        revision = page.save_revision()
        with CaptureQueriesContext(connection) as captured:
            revision.publish()
        return len(captured)

    subscribe(URL)
    queries_to_publish(draft_page())  # warms Wagtail's caches (content types, site roots)
    with_one = queries_to_publish(draft_page())
    for _ in range(40):
        subscribe(URL)
    with_many = queries_to_publish(draft_page())

    assert with_many == with_one
    assert Delivery.objects.filter(event=Event.objects.last()).count() == 41
    # And the event itself: a handful of queries whatever the subscriptions.
    page = StandardPageFactory(parent=tenants.a.site.root_page)
    with django_assert_max_num_queries(6):
        page_changed("page.published", page)


def test_deleting_a_sites_whole_tree_drops_its_subscriptions_cleanly(
    tenants, subscribe, draft_page
):
    gone = subscribe(URL)
    stays = subscribe(URL, tenant=tenants.b)
    publish(draft_page())
    root = tenants.a.site.root_page

    Page.objects.get(pk=root.pk).delete()

    # The site went with its root page, and its subscription and queue with the site; no
    # event was written for receivers that no longer exist (foreign keys are checked when
    # the test's transaction ends).
    assert not Subscription.objects.filter(pk=gone.pk).exists()
    assert not Delivery.objects.exists()
    assert Subscription.objects.filter(pk=stays.pk).exists()
