"""Writing an event to the outbox, with one delivery per subscription that wants it.

Called from signal handlers, so the rows are written in the transaction that made the change:
when it rolls back, so does the event. Delivery starts once it commits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from webhooks.models import Delivery, Event, Subscription
from webhooks.payloads import site_summary


def record(
    event_type: str,
    *,
    recipients: Q,
    site_id: int | None,
    root_url: str | None,
    describe: Callable[[], dict[str, Any] | None],
    extra: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> Event | None:
    """Write the event and its deliveries if any active subscription in ``recipients`` wants it.

    A constant number of queries whatever the number of subscriptions; ``describe`` (which may
    query) runs only when someone will receive the event.
    """
    candidates = Subscription.objects.filter(recipients, is_active=True).values_list("pk", "events")
    wanted = [pk for pk, events in candidates if event_type in (events or [])]
    if not wanted:
        return None
    created_at = now or timezone.now()
    payload = {"site": site_summary(site_id, root_url), "object": describe(), **(extra or {})}
    with transaction.atomic():
        # Lock the queues before the event takes its id: on PostgreSQL, a later id must not
        # commit (and be delivered) while an earlier one for the same queue is still open.
        list(
            Subscription.objects.select_for_update()
            .filter(pk__in=wanted)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        event = Event.objects.create(
            event_type=event_type, payload=payload, site_id=site_id, created_at=created_at
        )
        Delivery.objects.bulk_create(
            [Delivery(subscription_id=pk, event=event, next_attempt_at=created_at) for pk in wanted]
        )
    # robust: a queue that cannot be reached now must not fail the editor's publish; the
    # deliveries wait in the outbox for `manage.py deliver_webhooks`.
    transaction.on_commit(partial(enqueue_queues, wanted), robust=True)
    return event


def record_ping(subscription: Subscription, *, now: datetime | None = None) -> Event:
    """A test event for one subscription (admin: "Send test event"), queued after the others."""
    created_at = now or timezone.now()
    with transaction.atomic():
        list(Subscription.objects.select_for_update().filter(pk=subscription.pk).values("pk"))
        event = Event.objects.create(
            event_type="ping",
            payload={"site": site_summary(subscription.site_id, subscription.site.root_url)},
            site_id=subscription.site_id,
            created_at=created_at,
        )
        Delivery.objects.create(subscription=subscription, event=event, next_attempt_at=created_at)
    transaction.on_commit(partial(enqueue_queues, [subscription.pk]), robust=True)
    return event


def enqueue_queues(subscription_ids: list[int]) -> None:
    from webhooks.tasks import deliver_queue_task

    for subscription_id in subscription_ids:
        deliver_queue_task.enqueue(subscription_id)
