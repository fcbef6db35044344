"""Trimming the delivery log: delivered rows older than LOG_RETENTION_DAYS, then their events."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from webhooks.models import Delivery, DeliveryStatus, Event


def purge_log(*, now: datetime | None = None, days: int | None = None) -> dict[str, int]:
    """Delete old delivered deliveries, and events nobody still waits for.

    Pending and failed deliveries are kept whatever their age: they are the queue.
    """
    now = now or timezone.now()
    days = settings.MREZA["WEBHOOKS"]["LOG_RETENTION_DAYS"] if days is None else days
    cutoff = now - timedelta(days=days)
    deliveries, _ = Delivery.objects.filter(
        status=DeliveryStatus.DELIVERED, delivered_at__lt=cutoff
    ).delete()
    remaining = Delivery.objects.filter(event=OuterRef("pk"))
    events, _ = Event.objects.filter(created_at__lt=cutoff).exclude(Exists(remaining)).delete()
    return {"deliveries": deliveries, "events": events}
