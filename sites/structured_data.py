"""schema.org JSON-LD for the pages of centre sites and the hub: builders returning dicts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from network.models import Funder, Location, Organisation
from network.models.funding import FunderKind
from network.models.organisations import OrganisationKind
from network.opening_hours import DayException, OpeningHours, TimeRange
from sites import presentation

SCHEMA = "https://schema.org"
EVENT_STATUS = {
    "scheduled": f"{SCHEMA}/EventScheduled",
    "cancelled": f"{SCHEMA}/EventCancelled",
    "postponed": f"{SCHEMA}/EventPostponed",
    "moved_online": f"{SCHEMA}/EventMovedOnline",
    "rescheduled": f"{SCHEMA}/EventRescheduled",
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PUBLIC_BODY_KINDS = {
    OrganisationKind.PUBLIC_INSTITUTE,
    OrganisationKind.SOCIAL_WORK_CENTRE,
    OrganisationKind.EMPLOYMENT_OFFICE,
    OrganisationKind.SCHOOL,
    OrganisationKind.DEVELOPMENT_AGENCY,
    OrganisationKind.MINISTRY,
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.EU_FUND,
}
PUBLIC_FUNDER_KINDS = {FunderKind.EUROPEAN_UNION, FunderKind.NATIONAL, FunderKind.MUNICIPALITY}
# Locations carry a time zone but no country; every time zone of the network is one country's.
TIME_ZONE_COUNTRIES = {"Europe/Ljubljana": "SI", "Europe/Prague": "CZ"}
# The characters that could end or confuse a <script> element, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

Node = dict[str, Any]


def json_ld_script(data: Mapping[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> element; "</" and friends are escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(text.translate(_SCRIPT_ESCAPES))
    )


def graph(nodes: Iterable[Node | None]) -> Node:
    """One JSON-LD document holding several nodes."""
    return {"@context": SCHEMA, "@graph": [node for node in nodes if node]}


def _compact(node: Node) -> Node:
    """Drop empty values so the JSON-LD carries only what is known."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def number(value: Decimal) -> int | float:
    """A JSON number for an amount: whole amounts without a fraction."""
    return int(value) if value == value.to_integral_value() else float(value)


# Organisations and places


def organisation_type(kind: str) -> str:
    """NGO, or GovernmentOrganization for public bodies."""
    return "GovernmentOrganization" if kind in PUBLIC_BODY_KINDS else "NGO"


def organisation_ref(organisation: Organisation, *, url: str = "") -> Node:
    """A short reference to an organisation: type, name and web address."""
    return _compact(
        {
            "@type": organisation_type(organisation.kind),
            "name": organisation.name,
            "url": url or organisation.website,
        }
    )


def organisation_node(
    organisation: Organisation,
    *,
    url: str = "",
    logo_url: str = "",
    member_of: Node | None = None,
    locations: Sequence[Node] = (),
) -> Node:
    """An organisation of the network, ``memberOf`` the network when it is not the network."""
    return _compact(
        {
            **organisation_ref(organisation, url=url),
            "@id": f"{url}#organisation" if url else "",
            "alternateName": organisation.short_name,
            "description": organisation.description,
            "email": organisation.email,
            "telephone": organisation.phone,
            "logo": logo_url,
            "memberOf": member_of,
            "location": list(locations),
        }
    )


def postal_address(location: Location) -> Node | None:
    """The location's address as a PostalAddress, or None when it has none."""
    locality = location.municipality.name if location.municipality_id else ""
    address = _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": location.street_address.strip(),
            "postalCode": location.postcode.strip(),
            "addressLocality": locality,
            "addressCountry": TIME_ZONE_COUNTRIES.get(location.time_zone, ""),
        }
    )
    return address if len(address) > 2 else None


def _time(moment) -> str:
    return f"{moment:%H:%M}"


def opening_hours_specification(hours: OpeningHours) -> list[Node]:
    """Weekly hours, weekdays with identical hours grouped; closed weekdays are left out."""
    days_by_ranges: dict[tuple[TimeRange, ...], list[int]] = {}
    for day in range(7):
        ranges = hours.weekly.get(day, ())
        if ranges:
            days_by_ranges.setdefault(tuple(ranges), []).append(day)
    specification = []
    for ranges, days in sorted(days_by_ranges.items(), key=lambda item: item[1][0]):
        for time_range in ranges:
            specification.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [f"{SCHEMA}/{WEEKDAYS[day]}" for day in days],
                    "opens": _time(time_range.opens),
                    "closes": _time(time_range.closes),
                }
            )
    return specification


def _exception_runs(exceptions: list[DayException]) -> list[tuple[date, date, DayException]]:
    """Consecutive dates with the same hours and note, as (first, last, exception) runs."""
    runs: list[tuple[date, date, DayException]] = []
    for exception in exceptions:
        if runs:
            first, last, previous = runs[-1]
            same = (previous.ranges, previous.note) == (exception.ranges, exception.note)
            if same and exception.day == last + timedelta(days=1):
                runs[-1] = (first, exception.day, previous)
                continue
        runs.append((exception.day, exception.day, exception))
    return runs


def special_opening_hours_specification(hours: OpeningHours, *, since: date) -> list[Node]:
    """Dated exceptions from ``since`` on; a closed day opens and closes at 00:00."""
    upcoming = [hours.exceptions[day] for day in sorted(hours.exceptions) if day >= since]
    specification = []
    for first, last, exception in _exception_runs(upcoming):
        ranges = exception.ranges or (None,)
        for time_range in ranges:
            specification.append(
                _compact(
                    {
                        "@type": "OpeningHoursSpecification",
                        "opens": _time(time_range.opens) if time_range else "00:00",
                        "closes": _time(time_range.closes) if time_range else "00:00",
                        "validFrom": first.isoformat(),
                        "validThrough": last.isoformat(),
                        "description": exception.note,
                    }
                )
            )
    return specification


def place_node(
    location: Location,
    *,
    url: str = "",
    hours: OpeningHours | None = None,
    since: date | None = None,
) -> Node:
    """A location as a Place; with ``hours``, its weekly and special opening hours."""
    node = {
        "@type": "Place",
        "name": location.name,
        "url": url,
        "address": postal_address(location),
        "telephone": location.phone,
        "email": location.email,
    }
    if location.latitude is not None and location.longitude is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    if hours is not None:
        node["openingHoursSpecification"] = opening_hours_specification(hours)
        node["specialOpeningHoursSpecification"] = special_opening_hours_specification(
            hours, since=since or presentation.local_today(location)
        )
    return _compact(node)


# Events and programmes


def audience(page: Page) -> list[Node]:
    """The target groups of a page as schema.org audiences."""
    return [{"@type": "Audience", "audienceType": group.name} for group in page.target_groups.all()]


@dataclass(frozen=True)
class When:
    """One occurrence's local times and status, as an Event node needs them."""

    start: datetime
    end: datetime
    status: str = "scheduled"
    previous_start: datetime | None = None


def event_node(
    event,
    when: When,
    *,
    url: str,
    organizer: Node | None = None,
    series: Node | None = None,
    language: str = "",
    audience: Sequence[Node] = (),
    location: Location | None = None,
) -> Node:
    """One occurrence of an event with its status, place and times (ISO 8601 with offset)."""
    online = when.status == "moved_online"
    location = location or getattr(event, "location", None)
    if online:
        place = {"@type": "VirtualLocation", "url": url}
    elif location is not None:
        place = place_node(location)
    else:
        place = None
    return _compact(
        {
            "@type": "Event",
            "name": event.title,
            "url": url,
            "description": getattr(event, "intro", ""),
            "inLanguage": language,
            "startDate": when.start.isoformat(),
            "endDate": when.end.isoformat(),
            "previousStartDate": when.previous_start.isoformat() if when.previous_start else None,
            "eventStatus": EVENT_STATUS.get(when.status, EVENT_STATUS["scheduled"]),
            "eventAttendanceMode": f"{SCHEMA}/"
            + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
            "location": place,
            "organizer": organizer,
            "isAccessibleForFree": getattr(event, "is_free", None),
            "maximumAttendeeCapacity": getattr(event, "capacity", None),
            "superEvent": series,
            "audience": list(audience),
        }
    )


def event_series_node(
    programme,
    *,
    url: str,
    sub_events: Sequence[Node] = (),
    organizer: Node | None = None,
    language: str = "",
    audience: Sequence[Node] = (),
) -> Node:
    """A recurring programme as an EventSeries holding its upcoming events."""
    location = getattr(programme, "location", None)
    return _compact(
        {
            "@type": "EventSeries",
            "name": programme.title,
            "url": url,
            "description": programme.intro,
            "inLanguage": language,
            "location": place_node(location) if location is not None else None,
            "organizer": organizer,
            "isAccessibleForFree": getattr(programme, "is_free", None),
            "maximumAttendeeCapacity": programme.capacity,
            "audience": list(audience),
            "subEvent": list(sub_events),
        }
    )


def social_activation_node(
    programme,
    *,
    url: str,
    organizer: Node | None = None,
    contributor: Node | None = None,
    language: str = "",
    sub_events: Sequence[Node] = (),
) -> Node:
    """A social activation programme: an EventSeries with its length and who may join."""
    node = event_series_node(
        programme, url=url, organizer=organizer, language=language, sub_events=sub_events
    )
    audience = _compact(
        {
            "@type": "PeopleAudience",
            "requiredMaxAge": programme.age_limit,
            "audienceType": ", ".join(group.name for group in programme.target_groups.all()),
        }
    )
    return _compact(
        {
            **node,
            "duration": f"P{programme.duration_months}M",
            "contributor": contributor,
            "audience": audience if len(audience) > 1 else None,
        }
    )


# Projects


def funder_node(funder: Funder) -> Node:
    """A funder as a government body or an organisation."""
    kind = "GovernmentOrganization" if funder.kind in PUBLIC_FUNDER_KINDS else "Organization"
    return _compact({"@type": kind, "name": funder.name, "url": funder.website})


def monetary_grant_node(share: presentation.FundingShare, *, currency: str) -> Node:
    """One funding line as a MonetaryGrant: funder and amount with its currency."""
    return {
        "@type": "MonetaryGrant",
        "funder": funder_node(share.funder),
        "amount": {"@type": "MonetaryAmount", "currency": currency, "value": number(share.amount)},
    }


def project_node(overview: presentation.ProjectOverview, *, url: str, language: str = "") -> Node:
    """A project with its MonetaryGrant funding and its partners in their roles."""
    project = overview.project
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": group.label,
            "member": organisation_ref(organisation),
        }
        for group in overview.partners
        for organisation in group.organisations
    ]
    return _compact(
        {
            "@type": "Project",
            "name": project.title,
            "alternateName": project.acronym,
            "identifier": project.registration_code,
            "description": project.summary,
            "url": url,
            "inLanguage": language,
            "foundingDate": project.start.isoformat() if project.start else "",
            "dissolutionDate": project.end.isoformat() if project.end else "",
            "funding": [
                monetary_grant_node(share, currency=project.currency) for share in overview.funding
            ],
            "member": members,
        }
    )


# Articles and breadcrumbs


def article_node(
    page: Page,
    *,
    url: str,
    publisher: Node | None,
    article_type: str = "NewsArticle",
    published: date | None = None,
    language: str = "",
    authors: Sequence[Node] = (),
) -> Node:
    """A news article (or another Article type) with its dates and publisher."""
    published = published or (page.first_published_at.date() if page.first_published_at else None)
    return _compact(
        {
            "@type": article_type,
            "headline": page.title[:110],
            "description": getattr(page, "intro", ""),
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": language,
            "datePublished": published.isoformat() if published else "",
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else "",
            "publisher": publisher,
            "author": list(authors) or publisher,
        }
    )


def breadcrumb_node(items: Sequence[tuple[str, str]]) -> Node | None:
    """A BreadcrumbList of (name, url) pairs; None for a page without ancestors."""
    if len(items) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }
