"""Delivering the outbox to a real HTTP receiver on 127.0.0.1: signed, in order, retried."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from tests.webhooks.conftest import publish
from webhooks.delivery import RetryPolicy, deliver_due, deliver_queue
from webhooks.models import Delivery, DeliveryStatus, Event

pytestmark = pytest.mark.django_db(transaction=False)

MINUTE = timedelta(minutes=1)


def webhook_settings(settings, **changes):
    settings.MREZA = {**settings.MREZA, "WEBHOOKS": {**settings.MREZA["WEBHOOKS"], **changes}}


def test_a_receiver_verifies_the_signature_and_headers(
    tenants, receiver, subscribe, draft_page, committing
):
    subscription = subscribe(receiver.url)
    page = draft_page()

    with committing():  # the task runs once the publish commits (in-process backend)
        publish(page)

    (request,) = receiver.received
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.attempts == 1 and delivery.last_status_code == 204
    assert request.signature_is_valid(subscription.secret)
    assert not request.signature_is_valid("someone else's secret")
    assert request.headers["X-Mreza-Event"] == "page.published"
    assert request.headers["X-Mreza-Delivery"] == str(delivery.pk)
    assert request.headers["Content-Type"] == "application/json"
    assert abs(int(request.headers["X-Mreza-Timestamp"]) - time.time()) < 60
    document = request.document
    assert document["id"] == delivery.event_id
    assert document["event"] == "page.published"
    assert document["object"]["id"] == page.pk
    assert document["site"]["hostname"] == "a.localhost"


def test_a_receiver_down_for_ten_minutes_gets_every_event_in_order_once_back(
    tenants, receiver, subscribe, draft_page, committing, settings
):
    # Retries every 10 s, 20 s, 40 s, then each minute (the cap): a worker polling every
    # minute finds the queue due at every poll.
    webhook_settings(settings, BACKOFF_SECONDS=10, MAX_BACKOFF_SECONDS=60)
    subscription = subscribe(receiver.url)
    on_b = subscribe(receiver.url, tenant=tenants.b, events=["page.published"])
    news, article, notice = draft_page(slug="novice"), draft_page(), draft_page()
    receiver.stop()  # down: the port is closed
    start = timezone.now()

    with committing():  # each change tries at once (and fails fast) after it commits
        publish(news)
    with committing():
        publish(article)
    with committing():
        publish(notice)
    with committing():
        Page.objects.get(pk=news.pk).specific.unpublish()
    with committing():
        Page.objects.get(pk=article.pk).move(Page.objects.get(pk=notice.pk), pos="last-child")
    with committing():
        publish(Page.objects.get(pk=article.pk).specific)
    with committing():
        Page.objects.get(pk=news.pk).delete()
    with committing():
        publish(draft_page(parent=tenants.b.site.root_page))  # another site's page

    expected = list(
        Event.objects.filter(site=tenants.a.site)
        .order_by("pk")
        .values_list("pk", "event_type", "payload__object__id")
    )
    assert [kind for _pk, kind, _id in expected] == [
        "page.published",
        "page.published",
        "page.published",
        "page.unpublished",
        "page.moved",
        "page.published",
        "page.deleted",
    ]
    queue = subscription.deliveries.order_by("event_id")
    # Only the oldest event was tried while the receiver was down.
    assert [d.attempts for d in queue] == [1, 0, 0, 0, 0, 0, 0]

    # A worker polls every minute; after five minutes the receiver is up but failing (503).
    for minute in range(1, 10):
        if minute == 5:
            receiver.start(status=503)
        deliver_due(now=start + minute * MINUTE)
    assert receiver.accepted == []
    tried = {int(r.headers["X-Mreza-Delivery"]) for r in receiver.received}
    assert tried & set(queue.values_list("pk", flat=True)) == {queue[0].pk}
    assert queue.filter(status=DeliveryStatus.PENDING).count() == 7

    receiver.status = 204  # back
    deliver_due(now=start + 10 * MINUTE)

    a_deliveries = {str(pk) for pk in queue.values_list("pk", flat=True)}
    to_a = [r for r in receiver.accepted if r.headers["X-Mreza-Delivery"] in a_deliveries]
    assert [
        (r.document["id"], r.document["event"], r.document["object"]["id"]) for r in to_a
    ] == expected
    assert [int(r.headers["X-Mreza-Delivery"]) for r in to_a] == [d.pk for d in queue]
    assert all(r.signature_is_valid(subscription.secret) for r in to_a)
    assert {r.headers["X-Mreza-Timestamp"] for r in to_a} == {
        str(int((start + 10 * MINUTE).timestamp()))
    }
    assert set(queue.all().values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}
    # B's subscription had its own event, and nothing of A's.
    b_deliveries = {str(pk) for pk in on_b.deliveries.values_list("pk", flat=True)}
    to_b = [r for r in receiver.accepted if r.headers["X-Mreza-Delivery"] in b_deliveries]
    assert [r.document["site"]["hostname"] for r in to_b] == ["b.localhost"]
    assert len(receiver.accepted) == len(to_a) + len(to_b)

    # Exactly once: later passes send nothing more.
    received = len(receiver.received)
    deliver_due(now=start + 20 * MINUTE)
    assert len(receiver.received) == received


def test_a_publish_does_not_wait_long_for_a_receiver_that_is_down(
    tenants, receiver, subscribe, draft_page, committing
):
    receiver.stop()
    subscribe(receiver.url)
    # A blackholed address: connecting would hang without the short connect timeout.
    subscribe("http://10.255.255.1/hooks")
    page = draft_page()

    started = time.monotonic()
    with committing():
        publish(page)

    assert time.monotonic() - started < 8
    assert all(d.status == DeliveryStatus.PENDING for d in Delivery.objects.all())
    assert all(d.attempts == 1 and d.last_error for d in Delivery.objects.all())


def test_retries_back_off_exponentially_up_to_the_cap(tenants, receiver, subscribe, draft_page):
    subscription = subscribe(receiver.url)
    receiver.status = 500
    publish(draft_page())
    delivery = Delivery.objects.get()
    now = delivery.next_attempt_at
    waits = []
    for _ in range(9):
        deliver_queue(subscription.pk, now=now)
        delivery.refresh_from_db()
        waits.append((delivery.next_attempt_at - now).total_seconds())
        # A pass before the retry is due sends nothing.
        deliver_queue(subscription.pk, now=delivery.next_attempt_at - timedelta(seconds=1))
        now = delivery.next_attempt_at

    assert waits == [10, 20, 40, 80, 160, 320, 640, 1280, 2560]
    assert RetryPolicy.from_settings().delay_after(12) == timedelta(seconds=3600)
    assert delivery.attempts == len(receiver.received) == 9
    assert delivery.last_status_code == 500 and delivery.last_error.startswith("HTTP 500")


def test_after_max_attempts_a_delivery_fails_and_holds_back_the_queue(
    tenants, receiver, subscribe, draft_page, settings
):
    webhook_settings(settings, MAX_ATTEMPTS=3)
    subscription = subscribe(receiver.url)
    receiver.status = 410
    first, second = draft_page(), draft_page()
    publish(first)
    publish(second)
    now = timezone.now() + MINUTE

    for hour in range(3):
        deliver_due(now=now + timedelta(hours=hour))

    failed, held = subscription.deliveries.order_by("event_id")
    assert (failed.status, failed.attempts, failed.last_status_code) == ("failed", 3, 410)
    assert (held.status, held.attempts) == ("pending", 0)
    receiver.status = 204
    deliver_due(now=now + timedelta(hours=5))
    assert receiver.accepted == []  # nothing overtakes the failed event

    from webhooks.delivery import retry_failed

    retry_failed(subscription, now=now + timedelta(hours=5))
    deliver_due(now=now + timedelta(hours=5))
    assert [r.document["object"]["id"] for r in receiver.accepted] == [first.pk, second.pk]


def test_two_workers_never_send_the_same_queue_at_once(tenants, receiver, subscribe, draft_page):
    subscription = subscribe(receiver.url)
    for _ in range(3):
        publish(draft_page())
    now = timezone.now() + MINUTE
    # The first worker holds the queue (its lease) while the second one tries.
    from webhooks.delivery import _claim

    assert _claim(subscription.pk, "first-worker", now, RetryPolicy.from_settings())
    run = deliver_queue(subscription.pk, now=now)
    assert not run.claimed and receiver.received == []
    # A lease that has run out (a crashed worker) is taken over.
    run = deliver_queue(subscription.pk, now=now + timedelta(minutes=5))
    assert run.delivered == 3


# Committed for real, so each worker thread's own connection sees the queue; the flush that
# follows is undone for later tests by restoring the serialised database. SQLite's in-memory
# test database locks whole tables for the threads ("database table is locked", with no
# busy wait), so the race is only meaningful, and only run, on PostgreSQL.
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the in-memory SQLite test database locks whole tables, so "
    "workers cannot race there (set DATABASE_URL=postgres://… to run it)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_workers_deliver_each_event_once(receiver, tenants, subscribe, draft_page):
    subscription = subscribe(receiver.url)
    for _ in range(5):
        publish(draft_page())
    now = timezone.now() + MINUTE
    errors = []

    def worker():
        from django.db import connection

        try:
            deliver_queue(subscription.pk, now=now)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    ids = [int(r.headers["X-Mreza-Delivery"]) for r in receiver.received]
    assert sorted(ids) == ids and len(ids) == len(set(ids)) == 5


def test_receivers_on_private_networks_are_refused_unless_allowed(
    settings, receiver, subscribe, draft_page, committing
):
    """Against server-side request forgery: nothing is sent to loopback or private ranges."""
    settings.MREZA = {
        **settings.MREZA,
        "WEBHOOKS": {**settings.MREZA["WEBHOOKS"], "ALLOW_PRIVATE_ADDRESSES": False},
    }
    subscription = subscribe(receiver.url)

    with committing():
        publish(draft_page())

    assert receiver.accepted == []
    delivery = Delivery.objects.get(subscription=subscription)
    assert delivery.status == DeliveryStatus.PENDING
    assert "127.0.0.1" in delivery.last_error
    assert "not on the public internet" in delivery.last_error
