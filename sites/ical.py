"""iCalendar (RFC 5545) feeds of scheduled pages, built with the icalendar package.

Each page is one master ``VEVENT`` carrying its rule in local wall-clock time
(``DTSTART;TZID``, ``RRULE`` with UNTIL in UTC, ``RDATE``/``EXDATE`` with the same
TZID), plus one ``VEVENT`` with the same UID and a ``RECURRENCE-ID`` for every
moved occurrence, so calendar apps expand it exactly as the materialised
Occurrence table does. Only pages with occurrences — live and public ones — are
listed; their UID is the stored ``CalendarEntry.uid``, never the URL, so an
event keeps its identity when it moves or is renamed.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar, Event, Timezone, vDuration, vRecur
from wagtail.models import Page

from sites import presentation
from sites.models.occurrences import CalendarEntry, Occurrence
from sites.occurrences import materialised_window
from sites.schedules import OccurrenceStatus, PlannedOccurrence, Schedule, aware, naive_local

PRODID = "-//Mreza//Mreza calendar feeds//EN"
# How often subscribed calendar apps should fetch the feed again.
REFRESH_INTERVAL = timedelta(hours=1)

# RFC 5545 knows TENTATIVE, CONFIRMED and CANCELLED for events.
ICAL_STATUS = {
    OccurrenceStatus.SCHEDULED: "CONFIRMED",
    OccurrenceStatus.RESCHEDULED: "CONFIRMED",
    OccurrenceStatus.MOVED_ONLINE: "CONFIRMED",
    OccurrenceStatus.POSTPONED: "TENTATIVE",
    OccurrenceStatus.CANCELLED: "CANCELLED",
}


@dataclass(frozen=True)
class FeedItem:
    """A listed page as a feed shows it: its calendar entry, its live page and its schedule."""

    entry: CalendarEntry
    page: Page
    schedule: Schedule

    @property
    def uid(self) -> str:
        return f"{self.entry.uid}@mreza"

    @property
    def last_modified(self) -> datetime:
        """When calendar apps last saw a change: the schedule's, or a later publication's.

        ``entry.modified_at`` moves only when the schedule does (with SEQUENCE); a new
        title or introduction is a revision too, so a later publication counts.
        """
        published = self.page.last_published_at
        modified = self.entry.modified_at
        return max(modified, published) if published else modified


# -- which pages ---------------------------------------------------------------------


def listed(entries: QuerySet[CalendarEntry]) -> QuerySet[CalendarEntry]:
    """Entries with at least one occurrence: rows exist only for live, public pages."""
    return entries.filter(Exists(Occurrence.objects.filter(entry_id=OuterRef("pk"))))


def feed_items(entries: QuerySet[CalendarEntry]) -> list[FeedItem]:
    """The listed pages of ``entries`` with their schedules, in a fixed number of queries.

    One query for the entries (with their locations), then one for the pages of each
    scheduled page type and one for their schedule changes.
    """
    rows = list(
        listed(entries)
        .select_related("locale", "location__municipality")
        .annotate(page_type=F("page__content_type_id"))
        .order_by("page__title", "pk")
    )
    by_type: dict[int, list[int]] = defaultdict(list)
    for entry in rows:
        by_type[entry.page_type].append(entry.pk)
    pages: dict[int, Page] = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        queryset = model.objects.filter(pk__in=ids).prefetch_related("schedule_changes")
        if hasattr(queryset, "defer_streamfields"):
            queryset = queryset.defer_streamfields()
        pages.update((page.pk, page) for page in queryset)
    items = []
    for entry in rows:
        page = pages.get(entry.pk)
        if page is None or not hasattr(page, "get_schedule"):
            continue
        schedule = page.get_schedule(
            changes=list(page.schedule_changes.all()), zone=entry.time_zone
        )
        if schedule is not None:
            items.append(FeedItem(entry=entry, page=page, schedule=schedule))
    return items


# -- the calendar --------------------------------------------------------------------


def build_calendar(
    items: Iterable[FeedItem],
    *,
    name: str,
    zone: str,
    request: HttpRequest | None = None,
    now: datetime | None = None,
) -> Calendar:
    """A VCALENDAR of ``items``, with a VTIMEZONE for every zone it uses (and for ``zone``)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    window = materialised_window(now)
    first = window[0].date()
    for item in items:
        for event in item_events(item, request=request, window=window):
            calendar.add_component(event)
        first = min(first, item.schedule.first_start.date())
    # Transitions from the earliest start on, and well past the horizon: rules may run on.
    first_date = first - timedelta(days=366)
    last_date = max(Timezone.DEFAULT_LAST_DATE, window[1].date() + timedelta(days=3 * 366))
    if zone not in calendar.get_used_tzids():
        calendar.subcomponents.insert(
            0, Timezone.from_tzid(zone, first_date=first_date, last_date=last_date)
        )
    calendar.add_missing_timezones(first_date=first_date, last_date=last_date)
    return calendar


def item_events(
    item: FeedItem, *, request: HttpRequest | None, window: tuple[datetime, datetime]
) -> list[Event]:
    """The master VEVENT of a page and one VEVENT per moved occurrence of it."""
    schedule = item.schedule
    if not schedule.is_recurring:
        # One date: the event as it happens (moved or cancelled), no recurrence at all.
        occurrence = schedule.occurrence_at(schedule.first_start)
        event = base_event(item, request)
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end)
        finish_event(event, item, occurrence.status, occurrence.note)
        return [event]

    master = base_event(item, request)
    master.add("dtstart", aware(schedule.first_start, schedule.zone))
    master.add("dtend", aware(schedule.first_start + schedule.duration, schedule.zone))
    rule = schedule.rrule_text()
    if rule:
        master.add("rrule", vRecur.from_ical(rule))
    extra = [
        aware(datetime.combine(day, schedule.first_start.time()), schedule.zone)
        for day in sorted(schedule.extra_dates)
    ]
    if extra:
        master.add("rdate", extra)
    excluded = excluded_starts(schedule, window)
    if excluded:
        master.add("exdate", excluded)
    finish_event(master, item, schedule.status, schedule.status_note)

    events = [master]
    for original, occurrence in moved_occurrences(schedule):
        moved = base_event(item, request)
        moved.add("recurrence-id", original)
        moved.add("dtstart", occurrence.start)
        moved.add("dtend", occurrence.end)
        finish_event(moved, item, occurrence.status, occurrence.note)
        events.append(moved)
    return events


def base_event(item: FeedItem, request: HttpRequest | None) -> Event:
    """What every VEVENT of a page shares: identity, versions, title and address."""
    event = Event()
    event.add("uid", item.uid)
    # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545, 3.8.7.2).
    event.add("dtstamp", item.last_modified)
    event.add("last-modified", item.last_modified)
    event.add("sequence", item.entry.sequence)
    event.add("summary", item.page.title)
    url = item.page.get_full_url(request)
    if url:
        event.add("url", url)
    return event


def finish_event(event: Event, item: FeedItem, status: str, note: str) -> None:
    """Status, place and description: the public note (a reason) before the introduction."""
    event.add("status", ICAL_STATUS.get(status, "CONFIRMED"))
    location = item.entry.location
    if status == OccurrenceStatus.MOVED_ONLINE:
        with translation.override(item.entry.locale.language_code):
            event.add("location", gettext("Online"))
    elif location is not None:
        event.add("location", ", ".join([location.name, *presentation.address_lines(location)]))
        if location.latitude is not None and location.longitude is not None:
            event.add("geo", (float(location.latitude), float(location.longitude)))
    description = "\n\n".join(
        part for part in (note.strip(), getattr(item.page, "intro", "").strip()) if part
    )
    if description:
        event.add("description", description)


# -- exceptions to the rule -----------------------------------------------------------


def excluded_starts(schedule: Schedule, window: tuple[datetime, datetime]) -> list[datetime]:
    """EXDATEs: excluded dates, public holidays within the window and cancelled dates.

    Public holidays are excluded only where the rule (or an extra date) would start
    on one inside the materialised window, which the daily sync rolls forward.
    """
    start_time = schedule.first_start.time()
    skipped = {datetime.combine(day, start_time) for day in schedule.excluded_dates}
    if schedule.holiday_country:
        after = naive_local(window[0], schedule.zone) - timedelta(days=1)
        before = naive_local(window[1], schedule.zone) + timedelta(days=1)
        plain = dataclasses.replace(
            schedule, excluded_dates=frozenset(), holiday_country=None, changes={}
        )
        holidays = schedule.holidays_between(after.date(), before.date())
        skipped.update(
            start for start in plain.planned_starts(after, before) if start.date() in holidays
        )
    for change in schedule.changes.values():
        if change.cancelled:
            skipped.update(planned_on(schedule, change.original_date))
    return [aware(start, schedule.zone) for start in sorted(skipped)]


def moved_occurrences(schedule: Schedule) -> list[tuple[datetime, PlannedOccurrence]]:
    """(original start, occurrence at its new time) of every moved date the plan has."""
    moved = []
    for change in sorted(schedule.changes.values(), key=lambda change: change.original_date):
        if change.cancelled or change.new_date is None:
            continue
        for start in planned_on(schedule, change.original_date):
            moved.append((aware(start, schedule.zone), schedule.occurrence_at(start)))
    return moved


def planned_on(schedule: Schedule, day: date) -> list[datetime]:
    """The naive local starts the plan has on ``day`` (none if it is skipped)."""
    midnight = datetime.combine(day, time.min)
    return schedule.planned_starts(midnight, midnight + timedelta(days=1))
