"""Sign-ups for events and programmes: places, the waitlist, consent and the cancellation key.

The rules (who gets a place, who waits, when records are deleted) live in
``sites.registrations``; this module only holds the rows.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

# One registration may book places for a small group (a family), not for a whole class.
MAX_PLACES = 5


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def waitlisted(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("created_at", "pk")

    def confirmed_places(self) -> int:
        total = self.filter(status=RegistrationStatus.CONFIRMED).aggregate(total=Sum("places"))
        return total["total"] or 0


class Registration(models.Model):
    """One person's sign-up, for themselves and up to ``MAX_PLACES - 1`` companions."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event or programme"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    places = models.PositiveSmallIntegerField(
        _("places"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES)],
    )
    # The language of the page signed up on: e-mails are written in it.
    language = models.CharField(_("language"), max_length=10)
    consent_given_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("consent text version"), max_length=20)
    # Random and useless alone: cancellation links carry it signed with SECRET_KEY, so a
    # leaked database cancels nothing and every e-mail can repeat the same link.
    cancel_key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered at"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    confirmed_at = models.DateTimeField(_("place given at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["page", "status", "created_at"], name="registration_queue"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(places__gte=1) & Q(places__lte=MAX_PLACES),
                name="registration_places_range",
            ),
            # One live sign-up per address and page: a reloaded form cannot book twice.
            models.UniqueConstraint(
                Lower("email"),
                "page",
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
