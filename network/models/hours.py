"""Opening hours of a location: weekly time ranges and dated exceptions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from network.models.localize import copied, translated


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHoursRange(Orderable):
    """One weekly time range, e.g. Monday 07:00–18:00. A weekday without ranges is closed."""

    location = ParentalKey(
        "network.Location", on_delete=models.CASCADE, related_name="weekly_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]
    translatable_fields = copied("weekday", "opens", "closes")

    class Meta(Orderable.Meta):
        verbose_name = _("weekly opening hours")
        verbose_name_plural = _("weekly opening hours")

    def clean(self) -> None:
        super().clean()
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class OpeningHoursException(TranslatableMixin, Orderable):
    """A dated exception: closed for a holiday, or different hours on one day.

    Translatable so that its note ("closed for the holidays") is translated with its
    location; it takes the location's language when saved.
    """

    location = ParentalKey(
        "network.Location", on_delete=models.CASCADE, related_name="hours_exceptions"
    )
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]
    translatable_fields = [*translated("note"), *copied("date", "closed", "opens", "closes")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("opening hours exception")
        verbose_name_plural = _("opening hours exceptions")
        ordering = ["sort_order"]

    def clean(self) -> None:
        super().clean()
        if self.closed:
            return
        errors = {}
        if self.opens is None:
            errors["opens"] = _("Give the opening time, or tick “closed all day”.")
        if self.closes is None:
            errors["closes"] = _("Give the closing time, or tick “closed all day”.")
        if not errors and self.closes <= self.opens:
            errors["closes"] = _("Closing time must be after opening time.")
        if errors:
            raise ValidationError(errors)
