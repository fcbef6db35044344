"""iCal feeds: ``/calendar.ics`` of a site, and ``<page url>calendar.ics`` of its pages.

- ``/calendar.ics``: every listed event and programme of the request's site, in the
  language of the URL (``/en/calendar.ics`` in English where translated).
- an event's or programme's page: that event; that programme and its events.
- a location page: the site's events and programmes at that location.
- an event index page: the site's calendar (the network's if it is network-wide).

Every feed takes the event index's filters ``?location=&programme=&target_group=``
(a bad one is a 400 naming it). Feeds are never paginated and list only pages with
occurrences, which exist only for live, public pages (``sites.occurrences``).
"""

from __future__ import annotations

import hashlib

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import path, re_path
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date, quote_etag
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from network.models import Location, Tenant
from sites.calendar import OccurrenceFilters, in_language
from sites.ical import build_calendar, feed_items
from sites.models import (
    CalendarEntry,
    EventIndexPage,
    EventPage,
    LocationPage,
    ProgrammePage,
    SocialActivationProgrammePage,
)
from sites.occurrences import RangeError, entry_lookups

FEED_FILE = "calendar.ics"
# Shared caches may keep a feed this long (seconds); calendar apps poll far less often.
FEED_MAX_AGE = 15 * 60
CONTENT_TYPE = "text/calendar; charset=utf-8"


# -- views -----------------------------------------------------------------------------


@require_safe
def site_feed(request: HttpRequest) -> HttpResponse:
    """Every listed event and programme of the request's site, in the URL's language."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site answers on this hostname.")
    root = site.root_page.localized
    try:
        filters = OccurrenceFilters.from_query(request.GET)
    except RangeError as error:
        return bad_request(error)
    entries = in_language(CalendarEntry.objects.filter(site=site), root.locale_id, via="")
    return feed_response(
        request,
        filter_entries(entries, filters),
        name=site_name(site, root),
        zone=Tenant.time_zone_for(site),
        filename=slugify(site_name(site, root)) or "calendar",
        fallback_modified=root.last_published_at,
    )


@require_safe
def page_feed(request: HttpRequest, page_path: str) -> HttpResponse:
    """The feed of a live, public page of the request's site: an event, programme,
    location or event index (``page_path`` is the page's path below the site root)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site answers on this hostname.")
    root = site.root_page.localized
    page = (
        Page.objects.live()
        .public()
        .filter(path__startswith=root.path, url_path=root.url_path + page_path)
        .specific()
        .first()
    )
    if page is None:
        raise Http404("No such page.")
    entries = page_entries(page, site)
    if entries is None:
        raise Http404("This page has no calendar.")
    try:
        filters = OccurrenceFilters.from_query(request.GET)
    except RangeError as error:
        return bad_request(error)
    name = f"{page.title} – {site_name(site, root)}"
    zone = page.time_zone if isinstance(page, ScheduledTypes) and page.time_zone else None
    return feed_response(
        request,
        filter_entries(entries, filters),
        name=name,
        zone=zone or Tenant.time_zone_for(site),
        filename=page.slug,
        fallback_modified=page.last_published_at,
    )


ScheduledTypes = (EventPage, ProgrammePage, SocialActivationProgrammePage)


def page_entries(page: Page, site: Site) -> QuerySet[CalendarEntry] | None:
    """The calendar entries a page's feed lists, or None if the page type has no feed."""
    if isinstance(page, EventPage):
        return CalendarEntry.objects.filter(page_id=page.pk)
    if isinstance(page, ProgrammePage | SocialActivationProgrammePage):
        # The programme itself and its events, in the programme's language.
        entries = CalendarEntry.objects.filter(
            Q(page_id=page.pk) | Q(programme__translation_key=page.translation_key), site=site
        )
        return in_language(entries, page.locale_id, via="")
    if isinstance(page, LocationPage):
        # Locations are translatable: an English event points at the English location.
        same_place = Location.objects.filter(pk=page.location_id).values("translation_key")
        entries = CalendarEntry.objects.filter(site=site, location__translation_key__in=same_place)
        return in_language(entries, page.locale_id, via="")
    if isinstance(page, EventIndexPage):
        entries = CalendarEntry.objects.all()
        if not page.network_wide:
            entries = entries.filter(site=site)
        return in_language(entries, page.locale_id, via="")
    return None


# -- helpers ---------------------------------------------------------------------------


def filter_entries(
    entries: QuerySet[CalendarEntry], filters: OccurrenceFilters
) -> QuerySet[CalendarEntry]:
    # One row per entry: an entry is linked to a target group at most once.
    return entries.filter(**entry_lookups("", **filters.as_kwargs()))


def site_name(site: Site, root: Page) -> str:
    return site.site_name or root.title


def bad_request(error: RangeError) -> HttpResponse:
    return HttpResponseBadRequest(
        f"{error.parameter}: {error.message}\n", content_type="text/plain; charset=utf-8"
    )


def feed_response(
    request: HttpRequest,
    entries: QuerySet[CalendarEntry],
    *,
    name: str,
    zone: str,
    filename: str,
    fallback_modified=None,
) -> HttpResponse:
    """The whole feed (never paginated), cacheable, revalidated by its ETag."""
    items = feed_items(entries)
    body = build_calendar(items, name=name, zone=zone, request=request).to_ical()
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{filename}.ics"
    )
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    modified = max((item.last_modified for item in items), default=fallback_modified)
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    response["ETag"] = etag
    # Only the ETag decides a 304: unpublishing a page shrinks the feed without making
    # any remaining page newer, so Last-Modified alone could hide the change.
    return get_conditional_response(request, etag=etag, response=response)


# Mounted before Wagtail's catch-all, inside i18n_patterns (see config/urls.py), so
# ``/en/…/calendar.ics`` is the English feed exactly as ``/en/…/`` is the English page.
urlpatterns = [
    path(FEED_FILE, site_feed, name="calendar_feed"),
    re_path(r"^(?P<page_path>(?:[\w-]+/)+)calendar\.ics$", page_feed, name="page_calendar_feed"),
]
