"""Sending a subscription's queue in order, with retries and exponential backoff.

Each subscription's deliveries go out strictly in event order: the oldest undelivered one
(the head) must succeed before the next is tried. A failing head is retried after
BACKOFF_SECONDS * 2**(attempts - 1), capped at MAX_BACKOFF_SECONDS; after MAX_ATTEMPTS it is
marked failed and the queue stops until someone retries it from the admin, so nothing is
ever delivered out of order or silently skipped.

One worker at a time owns a queue through a lease on the subscription row (a conditional
UPDATE), rather than a row lock held across HTTP requests: SQLite would block every writer
for as long, and a crashed worker's lease simply expires.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from webhooks import signing
from webhooks.addresses import refused_address
from webhooks.models import Delivery, DeliveryStatus, Event, Subscription

logger = logging.getLogger(__name__)
SOCKET_ERROR = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")


@dataclass(frozen=True)
class RetryPolicy:
    """MREZA["WEBHOOKS"], read once per pass."""

    timeout: float
    connect_timeout: float
    backoff: int
    max_backoff: int
    max_attempts: int

    @classmethod
    def from_settings(cls) -> RetryPolicy:
        config = settings.MREZA["WEBHOOKS"]
        return cls(
            timeout=config["TIMEOUT_SECONDS"],
            connect_timeout=min(
                config.get("CONNECT_TIMEOUT_SECONDS", 2), config["TIMEOUT_SECONDS"]
            ),
            backoff=config["BACKOFF_SECONDS"],
            max_backoff=config["MAX_BACKOFF_SECONDS"],
            max_attempts=config["MAX_ATTEMPTS"],
        )

    def delay_after(self, attempts: int) -> timedelta:
        """The wait after the ``attempts``-th failed attempt: 10 s, 20 s, 40 s… by default."""
        return timedelta(seconds=min(self.backoff * 2 ** (attempts - 1), self.max_backoff))

    @property
    def lease(self) -> timedelta:
        # Long enough for one request; renewed before each one.
        return timedelta(seconds=self.timeout * 2 + 30)


@dataclass
class QueueRun:
    """What one pass over a subscription's queue did."""

    claimed: bool = True
    requests: int = 0
    delivered: int = 0
    failed_attempts: int = 0
    gave_up: int = 0
    retry_at: datetime | None = None
    more: bool = False

    def as_dict(self) -> dict:
        return {
            "claimed": self.claimed,
            "requests": self.requests,
            "delivered": self.delivered,
            "failed_attempts": self.failed_attempts,
            "gave_up": self.gave_up,
            "retry_at": self.retry_at.isoformat() if self.retry_at else None,
            "more": self.more,
        }


def body_of(event: Event) -> bytes:
    """The JSON document sent for an event; the same bytes on every attempt."""
    document = {
        "id": event.pk,
        "event": event.event_type,
        "created_at": event.created_at.isoformat().replace("+00:00", "Z"),
        **event.payload,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def head_of(subscription_id: int) -> Delivery | None:
    """The oldest delivery of the queue not yet delivered (pending, or failed and blocking)."""
    return (
        Delivery.objects.filter(
            subscription_id=subscription_id,
            status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED],
        )
        .select_related("event")
        .order_by("event_id")
        .first()
    )


def _claim(subscription_id: int, token: str, now: datetime, policy: RetryPolicy) -> bool:
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    return bool(
        Subscription.objects.filter(free, pk=subscription_id, is_active=True).update(
            lease_until=now + policy.lease, lease_token=token
        )
    )


def _renew(subscription_id: int, token: str, now: datetime, policy: RetryPolicy) -> bool:
    return bool(
        Subscription.objects.filter(pk=subscription_id, lease_token=token).update(
            lease_until=now + policy.lease
        )
    )


def _release(subscription_id: int, token: str) -> None:
    Subscription.objects.filter(pk=subscription_id, lease_token=token).update(
        lease_until=None, lease_token=""
    )


def _post(
    session: requests.Session, url: str, body: bytes, headers: dict, policy: RetryPolicy
) -> tuple[int | None, str]:
    """POST the body; the status code (None when no answer) and an error ("" on 2xx)."""
    try:
        # Redirects are not followed and the body is never read: only the status counts, and
        # nothing a receiver answers ends up in the admin.
        with session.post(
            url,
            data=body,
            headers=headers,
            timeout=(policy.connect_timeout, policy.timeout),
            allow_redirects=False,
            stream=True,
        ) as response:
            if 200 <= response.status_code < 300:
                return response.status_code, ""
            return (
                response.status_code,
                f"HTTP {response.status_code} {response.reason or ''}".strip(),
            )
    except requests.RequestException as failure:
        return None, _describe_failure(failure)


def _describe_failure(error: requests.RequestException) -> str:
    if isinstance(error, requests.ConnectTimeout):
        return "Connection timed out"
    if isinstance(error, requests.ReadTimeout):
        return "No response in time"
    if isinstance(error, requests.ConnectionError):
        # requests nests the socket error deep in its message; keep just its reason.
        reason = SOCKET_ERROR.search(str(error))
        return f"Connection failed: {reason.group(1)}" if reason else "Connection failed"
    return type(error).__name__


def attempt(
    delivery: Delivery,
    subscription: Subscription,
    *,
    now: datetime,
    policy: RetryPolicy,
    session: requests.Session,
) -> bool:
    """POST one delivery and record the outcome; True when the receiver answered 2xx."""
    body = body_of(delivery.event)
    headers = signing.headers(
        secret=subscription.secret,
        event_type=delivery.event.event_type,
        delivery_id=delivery.pk,
        timestamp=int(now.timestamp()),
        body=body,
    )
    started = time.monotonic()
    status_code, error = None, ""
    address = refused_address(subscription.url)
    if address:
        error = f"Refused: the URL reaches {address}, which is not on the public internet."
    else:
        status_code, error = _post(session, subscription.url, body, headers, policy)
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = status_code
    delivery.last_error = error[:500]
    delivery.response_ms = round((time.monotonic() - started) * 1000)
    succeeded = not error
    if succeeded:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = now
    elif delivery.attempts >= policy.max_attempts:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.next_attempt_at = now + policy.delay_after(delivery.attempts)
    delivery.save(
        update_fields=[
            "status",
            "attempts",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "response_ms",
            "delivered_at",
            "next_attempt_at",
        ]
    )
    if not succeeded and delivery.status == DeliveryStatus.PENDING:
        # The queue behind a waiting head waits too, so deliver_webhooks does not keep
        # picking this subscription up before the head is due.
        Delivery.objects.filter(
            subscription_id=delivery.subscription_id,
            status=DeliveryStatus.PENDING,
            next_attempt_at__lt=delivery.next_attempt_at,
        ).update(next_attempt_at=delivery.next_attempt_at)
    return succeeded


def deliver_queue(
    subscription_id: int,
    *,
    now: datetime | None = None,
    limit: int | None = None,
    session: requests.Session | None = None,
) -> QueueRun:
    """Send the due deliveries of one subscription, in order, up to ``limit`` requests.

    ``now`` fixes the clock (tests move it instead of sleeping); otherwise the real time is
    read before each request.
    """
    clock: Callable[[], datetime] = (lambda: now) if now is not None else timezone.now
    policy = RetryPolicy.from_settings()
    run = QueueRun()
    with contextlib.ExitStack() as stack:
        if session is None:
            session = stack.enter_context(requests.Session())
        first_claim = True
        while True:
            token = secrets.token_hex(16)
            if not _claim(subscription_id, token, clock(), policy):
                # Another worker has the queue (or it is switched off): it is theirs to send.
                run.claimed = not first_claim
                return run
            first_claim = False
            try:
                _send_due(subscription_id, token, run, clock, policy, session, limit)
            finally:
                _release(subscription_id, token)
            # An event committed while the lease was being released found the queue taken
            # and left it to us: look once more before leaving.
            if run.more or run.failed_attempts or not _is_due(subscription_id, clock()):
                return run


def _send_due(
    subscription_id: int,
    token: str,
    run: QueueRun,
    clock: Callable[[], datetime],
    policy: RetryPolicy,
    session: requests.Session,
    limit: int | None,
) -> None:
    """The body of deliver_queue, while it holds the lease: head after head until one waits."""
    subscription = Subscription.objects.only("url", "secret").get(pk=subscription_id)
    while True:
        head = head_of(subscription_id)
        if head is None or head.status == DeliveryStatus.FAILED:
            return
        if head.next_attempt_at > clock():
            run.retry_at = head.next_attempt_at
            return
        if limit is not None and run.requests >= limit:
            run.more = True
            return
        if not _renew(subscription_id, token, clock(), policy):
            return  # the lease ran out and another worker took the queue
        run.requests += 1
        if attempt(head, subscription, now=clock(), policy=policy, session=session):
            run.delivered += 1
            continue
        run.failed_attempts += 1
        if head.status == DeliveryStatus.FAILED:
            run.gave_up += 1
        else:
            run.retry_at = head.next_attempt_at
        return


def _is_due(subscription_id: int, now: datetime) -> bool:
    head = head_of(subscription_id)
    return (
        head is not None and head.status == DeliveryStatus.PENDING and head.next_attempt_at <= now
    )


def due_subscription_ids(*, now: datetime | None = None) -> list[int]:
    """Active subscriptions whose queue has something due and is not blocked by a failure."""
    now = now or timezone.now()
    blocked = Delivery.objects.filter(status=DeliveryStatus.FAILED).values("subscription_id")
    return list(
        Delivery.objects.filter(
            status=DeliveryStatus.PENDING,
            next_attempt_at__lte=now,
            subscription__is_active=True,
        )
        .exclude(subscription_id__in=blocked)
        .order_by("subscription_id")
        .values_list("subscription_id", flat=True)
        .distinct()
    )


def deliver_due(*, now: datetime | None = None, limit: int | None = None) -> dict[str, int]:
    """One pass over every due queue (``manage.py deliver_webhooks``)."""
    totals = {"queues": 0, "delivered": 0, "failed_attempts": 0, "gave_up": 0}
    with requests.Session() as session:
        for subscription_id in due_subscription_ids(now=now):
            try:
                run = deliver_queue(subscription_id, now=now, limit=limit, session=session)
            except Exception:
                # One broken queue (e.g. its subscription deleted mid-request) must not stop
                # the others; its lease expires and the next pass tries again.
                logger.exception(
                    "Delivering the webhooks of subscription %s failed", subscription_id
                )
                continue
            totals["queues"] += int(run.claimed)
            totals["delivered"] += run.delivered
            totals["failed_attempts"] += run.failed_attempts
            totals["gave_up"] += run.gave_up
    return totals


def retry_failed(subscription: Subscription, *, now: datetime | None = None) -> int:
    """Admin "Retry now": failed deliveries start over and the queue is due at once."""
    now = now or timezone.now()
    restarted = Delivery.objects.filter(
        subscription=subscription, status=DeliveryStatus.FAILED
    ).update(status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=now)
    Delivery.objects.filter(
        subscription=subscription, status=DeliveryStatus.PENDING, next_attempt_at__gt=now
    ).update(next_attempt_at=now)
    return restarted
