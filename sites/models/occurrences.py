"""The materialised calendar: one row per occurrence of every live, public schedule.

Range queries (listings, calendars, the API) read these rows and never expand
rules on the fly; ``sites.occurrences`` keeps them in step with publishing.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from sites.schedules import OccurrenceStatus


class CalendarEntry(models.Model):
    """A scheduled page as calendar apps know it: a stable UID and a sequence number.

    Kept while the page exists (even unpublished), so a republished event keeps its UID.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="calendar_entry",
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    signature = models.CharField(max_length=64, blank=True)
    modified_at = models.DateTimeField()
    # Denormalised from the page so listings filter without touching page tables.
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(
        "network.Location", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    programme = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_groups = models.ManyToManyField("network.TargetGroup", related_name="+", blank=True)
    # The longest of the page's occurrences: range queries reach back only this far.
    longest_occurrence = models.DurationField(default=timedelta(0), db_index=True)
    time_zone = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("calendar entry")
        verbose_name_plural = _("calendar entries")

    def __str__(self) -> str:
        return f"{self.uid}@mreza"


class Occurrence(models.Model):
    """One occurrence of a live, public event or programme."""

    STATUS_CHOICES = [
        (OccurrenceStatus.SCHEDULED, _("Scheduled")),
        (OccurrenceStatus.CANCELLED, _("Cancelled")),
        (OccurrenceStatus.RESCHEDULED, _("Moved")),
        (OccurrenceStatus.POSTPONED, _("Postponed")),
        (OccurrenceStatus.MOVED_ONLINE, _("Moved online")),
    ]

    entry = models.ForeignKey(CalendarEntry, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES)
    original_start = models.DateTimeField(_("originally planned for"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("occurrence")
        ordering = ["start", "end", "pk"]
        indexes = [
            # (start, end): a range query and its count are answered from the index alone.
            models.Index(fields=["start", "end"], name="occurrence_start_end"),
            models.Index(fields=["entry", "start"], name="occurrence_entry_start"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} @ {self.start.isoformat()}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == OccurrenceStatus.CANCELLED
