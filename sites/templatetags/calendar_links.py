"""Add-to-calendar links of a page: its iCal feed, webcal:// and the next date for web calendars.

    {% load calendar_links %}
    {% calendar_links page as links %}

``links.feed_url`` and ``links.webcal_url`` subscribe to the page's feed (every date,
kept up to date); ``links.google_url`` and ``links.outlook_url`` add only the next
date to Google Calendar or Outlook.com, and are empty when nothing is coming up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from django import template
from django.utils import timezone
from wagtail.models import Page

from sites import presentation
from sites.feeds import FEED_FILE
from sites.models.occurrences import Occurrence
from sites.schedules import OccurrenceStatus

register = template.Library()

GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/deeplink/compose"
# Web calendars cut long texts off in the URL; the page link says the rest.
DETAILS_LENGTH = 600


@dataclass(frozen=True)
class CalendarLinks:
    feed_url: str
    webcal_url: str
    google_url: str = ""
    outlook_url: str = ""
    next_occurrence: Occurrence | None = None


@register.simple_tag(takes_context=True)
def calendar_links(context, page: Page) -> CalendarLinks | None:
    """The page's feed URLs, and links adding its next date to web calendars."""
    if not isinstance(page, Page) or page.pk is None:
        return None
    url = page.get_full_url(context.get("request"))
    if not url:
        return None
    feed_url = url + FEED_FILE
    links = CalendarLinks(feed_url=feed_url, webcal_url=webcal(feed_url))
    occurrence = next_occurrence(page)
    if occurrence is None:
        return links
    return CalendarLinks(
        feed_url=links.feed_url,
        webcal_url=links.webcal_url,
        google_url=google_calendar_url(page, occurrence, url),
        outlook_url=outlook_url(page, occurrence, url),
        next_occurrence=occurrence,
    )


def webcal(url: str) -> str:
    """The feed's address for calendar apps that subscribe (webcal:// is http(s)://)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return "webcal://" + url.removeprefix(scheme)
    return url


def next_occurrence(page: Page) -> Occurrence | None:
    """The page's own next date that is not over and not cancelled (one query)."""
    return (
        Occurrence.objects.filter(entry_id=page.pk, end__gt=timezone.now())
        .exclude(status=OccurrenceStatus.CANCELLED)
        .select_related("entry__location__municipality")
        .order_by("start", "end", "pk")
        .first()
    )


def details(page: Page, url: str) -> str:
    intro = (getattr(page, "intro", "") or "").strip()
    if len(intro) > DETAILS_LENGTH:
        intro = intro[: DETAILS_LENGTH - 1].rstrip() + "…"
    return "\n\n".join(part for part in (intro, url) if part)


def place(occurrence: Occurrence) -> str:
    location = occurrence.entry.location
    if location is None:
        return ""
    return ", ".join([location.name, *presentation.address_lines(location)])


def utc_basic(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def utc_extended(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def google_calendar_url(page: Page, occurrence: Occurrence, url: str) -> str:
    query = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": f"{utc_basic(occurrence.start)}/{utc_basic(occurrence.end)}",
        "ctz": occurrence.entry.time_zone,
        "details": details(page, url),
        "location": place(occurrence),
    }
    return f"{GOOGLE_CALENDAR}?{urlencode({k: v for k, v in query.items() if v})}"


def outlook_url(page: Page, occurrence: Occurrence, url: str) -> str:
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": page.title,
        "startdt": utc_extended(occurrence.start),
        "enddt": utc_extended(occurrence.end),
        "body": details(page, url),
        "location": place(occurrence),
    }
    return f"{OUTLOOK_COMPOSE}?{urlencode({k: v for k, v in query.items() if v})}"
