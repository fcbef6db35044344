"""Events: one-off activities with a date (schedules and recurrence come with occurrences)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from sites import serializers
from sites.models.mixins import (
    HOME_PAGE_TYPES,
    BodyMixin,
    IntroMixin,
    ListingImageMixin,
    PageLanguageMixin,
    PaginatedChildrenMixin,
)
from sites.models.programmes import AdmissionMixin, AudienceMixin


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


class EventIndexPage(PageLanguageMixin, PaginatedChildrenMixin, IntroMixin, Page):
    """Lists upcoming events of a centre."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [
        APIField("intro"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["centre_sites.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def get_listing_queryset(self, request):
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .filter(ends_at__gte=timezone.now())
            .select_related("location")
            .order_by("starts_at")
        )


class EventPage(
    PageLanguageMixin, IntroMixin, BodyMixin, ListingImageMixin, AudienceMixin, AdmissionMixin, Page
):
    """An event at a location of the centre."""

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(_("reason shown to the public"), max_length=255, blank=True)
    location = models.ForeignKey(
        "network.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_pages",
    )
    programme = models.ForeignKey(
        "centre_sites.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("programme")]),
        FieldRowPanel([FieldPanel("target_groups"), FieldPanel("themes")]),
        *AdmissionMixin.admission_panels,
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
    ]
    api_fields = [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("status"),
        APIField("status_note"),
        APIField("intro"),
        APIField("location", serializer=serializers.LocationField()),
        APIField("target_groups", serializer=serializers.ReferencesField()),
        APIField("themes", serializer=serializers.ReferencesField()),
        APIField("is_free"),
        APIField("price"),
        APIField("registration_required"),
        APIField("registration_info"),
        APIField("capacity"),
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event page")

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})
