"""Events: dated activities of a centre, one-off or repeating, with their schedules."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from headless.previewing import HeadlessPreviewMixin
from sites import serializers
from sites.calendar import (
    OccurrenceFilters,
    by_day,
    in_language,
    month_bounds,
    month_grid,
    next_month,
    parse_month,
    previous_month,
)
from sites.models.mixins import (
    HOME_PAGE_TYPES,
    BodyMixin,
    IntroMixin,
    ListingImageMixin,
    PageLanguageMixin,
)
from sites.models.programmes import AdmissionMixin, AudienceMixin
from sites.models.schedules import SCHEDULE_API_FIELDS, ScheduleChange, ScheduleMixin
from sites.occurrences import RangeError, materialised_window, occurrences_between
from sites.schedules import calendar_setting


class EventIndexPage(HeadlessPreviewMixin, RoutablePageMixin, PageLanguageMixin, IntroMixin, Page):
    """A centre's calendar: upcoming dates, a month view and the printable monthly programme.

    It lists occurrences of every event and programme of the site (or, on the hub,
    of the whole network) from the materialised Occurrence table.
    """

    network_wide = models.BooleanField(
        _("the whole network"),
        default=False,
        help_text=_("For the network hub: list the events and programmes of every centre."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("network_wide")]
    api_fields = [
        APIField("intro"),
        APIField("network_wide"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["centre_sites.EventPage"]
    max_count_per_parent = 1
    occurrences_per_page = 20
    # A network-wide month can hold tens of thousands of dates; a page shows at most this many.
    month_limit = 600

    class Meta:
        verbose_name = _("event index page")

    def occurrences(self, start, end, filters: OccurrenceFilters) -> QuerySet:
        site = None if self.network_wide else self.get_site()
        queryset = occurrences_between(start, end, site=site, **filters.as_kwargs())
        return in_language(queryset, self.locale_id)

    def calendar_response(self, request, template: str, context: dict, status: int = 200):
        context = {**self.get_context(request), **context}
        return TemplateResponse(request, template, context, status=status)

    def bad_request(self, request, error: RangeError):
        return self.calendar_response(
            request,
            "centre_sites/event_index_page.html",
            {"error": error, "occurrences": None, "this_month": self.this_month()},
            status=400,
        )

    @path("")
    def upcoming_view(self, request):
        try:
            filters = OccurrenceFilters.from_query(request.GET)
        except RangeError as error:
            return self.bad_request(request, error)
        now = timezone.now()
        queryset = self.occurrences(
            now, now + timedelta(days=calendar_setting("MAX_RANGE_DAYS")), filters
        )
        paginator = Paginator(queryset, self.occurrences_per_page)
        page_number = request.GET.get("page", "1")
        try:
            occurrences = paginator.page(page_number)
        except (PageNotAnInteger, EmptyPage):
            occurrences = paginator.page(1)
        return self.calendar_response(
            request,
            "centre_sites/event_index_page.html",
            {"occurrences": occurrences, "filters": filters, "this_month": self.this_month()},
        )

    def this_month(self) -> date:
        return timezone.localdate(timezone=self.zone()).replace(day=1)

    def zone(self) -> ZoneInfo:
        from network.models import Tenant

        return ZoneInfo(Tenant.time_zone_for(self.get_site()))

    def month_context(self, request, year: str, month: str) -> dict:
        filters = OccurrenceFilters.from_query(request.GET)
        first = parse_month(year, month)
        zone = self.zone()
        # Only months the table covers: beyond them there is nothing to show, and endless
        # next/previous links would trap crawlers.
        window_start, window_end = materialised_window()
        earliest = window_start.astimezone(zone).date().replace(day=1)
        latest = window_end.astimezone(zone).date().replace(day=1)
        if not earliest <= first <= latest:
            raise Http404("No calendar for this month.")
        start, end = month_bounds(first, zone)
        occurrences = list(self.occurrences(start, end, filters)[: self.month_limit + 1])
        truncated = len(occurrences) > self.month_limit
        occurrences = occurrences[: self.month_limit]
        return {
            "truncated": truncated,
            "month_limit": self.month_limit,
            "month": first,
            "previous_month": previous_month(first) if first > earliest else None,
            "next_month": next_month(first) if first < latest else None,
            "filters": filters,
            "occurrences": occurrences,
            "weeks": month_grid(first, occurrences, timezone.localdate(timezone=zone)),
            "days": by_day(occurrences),
        }

    @path("calendar/")
    def calendar_today_view(self, request):
        month = self.this_month()
        url = self.url + self.reverse_subpage("calendar", args=(month.year, f"{month.month:02d}"))
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)

    @re_path(r"^calendar/(\d{4})/(\d{1,2})/$", name="calendar")
    def calendar_view(self, request, year: str, month: str):
        try:
            context = self.month_context(request, year, month)
        except RangeError as error:
            return self.bad_request(request, error)
        return self.calendar_response(request, "centre_sites/event_calendar.html", context)

    @re_path(r"^programme/(\d{4})/(\d{1,2})/$", name="printable_programme")
    def printable_programme_view(self, request, year: str, month: str):
        try:
            context = self.month_context(request, year, month)
        except RangeError as error:
            return self.bad_request(request, error)
        return self.calendar_response(request, "centre_sites/event_programme_print.html", context)


class EventPage(
    HeadlessPreviewMixin,
    PageLanguageMixin,
    IntroMixin,
    BodyMixin,
    ListingImageMixin,
    AudienceMixin,
    AdmissionMixin,
    ScheduleMixin,
    Page,
):
    """An event at a location of the centre: once, over several days, or repeating."""

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
        *ScheduleMixin.schedule_panels,
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
        index.FilterField("start_date"),
    ]
    api_fields = [
        *SCHEDULE_API_FIELDS,
        APIField("intro"),
        APIField("location", serializer=serializers.LocationField()),
        *AudienceMixin.audience_api_fields,
        *AdmissionMixin.admission_api_fields,
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event page")

    def clean(self) -> None:
        super().clean()
        if not self.start_date:
            raise ValidationError({"start_date": _("An event needs a date.")})


class EventScheduleChange(ScheduleChange):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="schedule_changes")
