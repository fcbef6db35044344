"""When an event or programme happens: the schedule fields and single-occurrence changes."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _
from recurrence import DAILY
from recurrence.fields import RecurrenceField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from sites import serializers
from sites.forms import ScheduleForm
from sites.schedules import Change, OccurrenceStatus, Schedule, calendar_setting
from sites.widgets import ScheduleRecurrenceWidget


class SeriesStatus(models.TextChoices):
    SCHEDULED = OccurrenceStatus.SCHEDULED, _("Scheduled")
    CANCELLED = OccurrenceStatus.CANCELLED, _("Cancelled")
    POSTPONED = OccurrenceStatus.POSTPONED, _("Postponed")
    MOVED_ONLINE = OccurrenceStatus.MOVED_ONLINE, _("Moved online")


SCHEDULE_API_FIELDS = [
    APIField("schedule", serializer=serializers.ScheduleField()),
    APIField("upcoming_occurrences", serializer=serializers.UpcomingOccurrencesField()),
]


def time_zone_choices() -> list[tuple[str, str]]:
    return [(zone, zone) for zone in settings.MREZA["SITE_TIME_ZONES"]]


class ScheduleMixin(models.Model):
    """A first occurrence in local time, how long it lasts, and how it repeats.

    Wall-clock times plus a time zone, never UTC instants: a weekly 10:00 group
    stays at 10:00 across daylight-saving changes (see ``sites.schedules``).
    """

    start_date = models.DateField(_("date"), null=True, blank=True, help_text=_("The first date."))
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    end_date = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        help_text=_("Only for an occurrence that runs over several days: the day it ends."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        blank=True,
        choices=time_zone_choices,
        help_text=_("Leave empty for the site's time zone."),
    )
    recurrence = RecurrenceField(
        _("repeats"),
        blank=True,
        help_text=_("One repeat rule, plus single extra or excluded dates."),
    )
    skip_public_holidays = models.BooleanField(_("not on public holidays"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=SeriesStatus.choices, default=SeriesStatus.SCHEDULED
    )
    status_note = models.CharField(_("reason shown to the public"), max_length=255, blank=True)

    schedule_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start_date"),
                        FieldPanel("start_time"),
                        FieldPanel("end_time"),
                        FieldPanel("end_date"),
                    ]
                ),
                # The widget's init script runs only for top-level fields: never in an InlinePanel.
                FieldPanel("recurrence", widget=ScheduleRecurrenceWidget()),
                FieldRowPanel([FieldPanel("skip_public_holidays"), FieldPanel("time_zone")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
            ],
            heading=_("Schedule"),
        ),
        InlinePanel(
            "schedule_changes",
            heading=_("Cancelled or moved dates"),
            label=_("Change to one date"),
        ),
    ]

    base_form_class = ScheduleForm

    class Meta:
        abstract = True

    @property
    def has_schedule(self) -> bool:
        return bool(self.start_date and self.start_time and self.end_time)

    def schedule_time_zone(self) -> str:
        """The page's own zone, else its site's (the tenant's), else the install's."""
        if self.time_zone:
            return self.time_zone
        from network.models import Tenant

        return Tenant.time_zone_for(self.get_site() if self.pk else None)

    def get_schedule(self, changes=None, zone: str | None = None) -> Schedule | None:
        """The page's schedule; ``changes`` and ``zone`` may be given to save queries."""
        if not self.has_schedule:
            return None
        if changes is None:
            changes = self.schedule_changes.all()
        return Schedule.build(
            zone=zone or self.schedule_time_zone(),
            start_date=self.start_date,
            start_time=self.start_time,
            end_time=self.end_time,
            end_date=self.end_date,
            recurrence=self.recurrence or None,
            skip_public_holidays=self.skip_public_holidays,
            changes=[change.as_change() for change in changes],
            status=self.status,
            status_note=self.status_note,
        )

    def clean(self) -> None:
        super().clean()
        errors = schedule_errors(self)
        if errors:
            raise ValidationError(errors)


def schedule_errors(page: ScheduleMixin) -> dict[str, str]:
    """Form errors for a schedule, each naming the field to fix."""
    errors: dict[str, str] = {}
    given = [page.start_date, page.start_time, page.end_time]
    if any(given) and not all(given):
        for name, value in zip(("start_date", "start_time", "end_time"), given, strict=True):
            if not value:
                errors[name] = _("Give the date, the start time and the end time.")
        return errors
    if not page.start_date:
        if page.end_date or page.recurrence:
            errors["start_date"] = _("Give the first date before repeats or an end date.")
        return errors
    start = datetime.combine(page.start_date, page.start_time)
    end = datetime.combine(page.end_date or page.start_date, page.end_time)
    if end <= start:
        field = "end_date" if page.end_date else "end_time"
        errors[field] = _("The end must be after the start.")
    elif end - start > timedelta(days=calendar_setting("MAX_OCCURRENCE_DAYS")):
        errors["end_date"] = _(
            "One occurrence can last at most %(days)s days; use a repeat rule for longer "
            "programmes."
        ) % {"days": calendar_setting("MAX_OCCURRENCE_DAYS")}
    recurrence = page.recurrence
    if recurrence:
        if len(recurrence.rrules) > 1 or recurrence.exrules:
            errors["recurrence"] = _(
                "Use one repeat rule (it can name several weekdays); exclude single dates as dates."
            )
        elif recurrence.rrules and recurrence.rrules[0].freq > DAILY:
            errors["recurrence"] = _("Repeat at most daily.")
        elif recurrence.rrules:
            rule = recurrence.rrules[0]
            until = rule.until
            if (
                until is not None
                and (until.date() if isinstance(until, datetime) else until) < page.start_date
            ):
                errors["recurrence"] = _("The repeat rule ends before the first date.")
            weekdays = {getattr(day, "number", day) for day in rule.byday or ()}
            if weekdays and page.start_date.weekday() not in weekdays:
                # Calendar apps always count the first date; the rule would skip it.
                errors["start_date"] = _(
                    "The first date is a %(weekday)s, but the schedule repeats on other days; "
                    "start on one of them."
                ) % {"weekday": date_format(page.start_date, "l")}
    return errors


class ChangeAction(models.TextChoices):
    CANCELLED = "cancelled", _("Cancelled")
    MOVED = "moved", _("Moved")


class ScheduleChange(Orderable):
    """One date of a repeating schedule that is cancelled or moved, with the reason."""

    original_date = models.DateField(_("date"), help_text=_("The date as originally planned."))
    action = models.CharField(_("change"), max_length=10, choices=ChangeAction.choices)
    new_date = models.DateField(_("new date"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
    reason = models.CharField(_("reason shown to the public"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("action")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("change to one date")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.original_date}"

    def clean(self) -> None:
        super().clean()
        if self.action == ChangeAction.MOVED and not self.new_date:
            raise ValidationError({"new_date": _("Give the date it moves to.")})
        if self.action == ChangeAction.CANCELLED and self.new_date:
            raise ValidationError({"new_date": _("A cancelled date has no new date.")})

    def as_change(self) -> Change:
        return Change(
            original_date=self.original_date,
            cancelled=self.action == ChangeAction.CANCELLED,
            reason=self.reason,
            new_date=self.new_date,
            new_start_time=self.new_start_time,
            new_end_time=self.new_end_time,
        )
