"""Subscriptions per site, the outbox of events, and one delivery per subscription and event."""

from __future__ import annotations

import secrets

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    """What a subscriber can be told about; ``ping`` is only sent from the admin."""

    PAGE_PUBLISHED = "page.published", _("Page published")
    PAGE_UNPUBLISHED = "page.unpublished", _("Page unpublished")
    PAGE_MOVED = "page.moved", _("Page moved")
    PAGE_DELETED = "page.deleted", _("Page deleted")
    SNIPPET_SAVED = "snippet.saved", _("Shared content saved")
    SNIPPET_PUBLISHED = "snippet.published", _("Shared content published")
    SNIPPET_UNPUBLISHED = "snippet.unpublished", _("Shared content unpublished")
    SNIPPET_DELETED = "snippet.deleted", _("Shared content deleted")
    PING = "ping", _("Test event")


SUBSCRIBABLE_EVENTS = [choice for choice in EventType.choices if choice[0] != EventType.PING]


def all_event_types() -> list[str]:
    return [value for value, _label in SUBSCRIBABLE_EVENTS]


def new_secret() -> str:
    return secrets.token_urlsafe(32)


# Its own code, so a model form does not swap the message for the generic "valid URL" one.
http_url_validator = URLValidator(
    schemes=["http", "https"], message=_("Enter an http:// or https:// address."), code="not_http"
)


class Subscription(models.Model):
    """A receiver of one site's publish events, signed with its own secret."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
    )
    url = models.URLField(
        _("target URL"),
        max_length=500,
        validators=[http_url_validator],
        help_text=_("Events are sent here as signed JSON in a POST request."),
    )
    description = models.CharField(_("description"), max_length=255, blank=True)
    # Kept in clear: the HMAC needs it. Shown once when created or rotated.
    secret = models.CharField(_("signing secret"), max_length=100, default=new_secret)
    events = models.JSONField(_("events"), default=all_event_types)
    network_events = models.BooleanField(
        _("all shared content of the network"),
        default=False,
        help_text=_(
            "Also receive changes to shared content (organisations, funders, projects…) "
            "that this site's pages do not show."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # A lease instead of a held row lock: a worker owns the queue while it sends, without
    # keeping a transaction open across HTTP requests (SQLite would block every writer).
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    lease_token = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("publish webhooks")
        ordering = ["site__hostname", "url"]

    def __str__(self) -> str:
        return self.description or self.url

    def wants(self, event_type: str) -> bool:
        return event_type == EventType.PING or event_type in (self.events or [])


class Event(models.Model):
    """One change, written to the outbox in the transaction that made it; its id is its order."""

    event_type = models.CharField(_("event"), max_length=40, choices=EventType.choices)
    # Ids and URLs only: never the content of a draft or a private page.
    payload = models.JSONField(_("payload"))
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for shared content that belongs to no site."),
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.event_type}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed permanently")


class Delivery(models.Model):
    """The sending of one event to one subscription: its attempts and their outcome."""

    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("last status code"), null=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    response_ms = models.PositiveIntegerField(_("response time (ms)"), null=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["event_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event"], name="webhooks_one_delivery_per_event"
            )
        ]
        indexes = [
            # The head of a subscription's queue: its oldest undelivered event.
            models.Index(
                fields=["subscription", "status", "event"], name="webhooks_delivery_queue"
            ),
            # Which queues have something due (deliver_webhooks).
            models.Index(fields=["status", "next_attempt_at"], name="webhooks_delivery_due"),
            # Purging the log of old deliveries.
            models.Index(fields=["status", "delivered_at"], name="webhooks_delivery_done"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription}"
