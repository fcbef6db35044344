"""Directory items as plain data, built with the blocks' own serializers.

The shapes match ``network.directory.schemas``. Related rows must be loaded beforehand
(``network.directory.api`` says what each resource selects and prefetches), so building a
page of items runs no query per item; ``site_links`` answers for the whole page at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.db.models import Model
from django.utils import translation
from wagtail.models import Site

from blocks.contacts import office_data, person_data
from blocks.projects import funding_line_data, indicator_data, participation_data
from blocks.serializers import (
    decimal_string,
    funder_data,
    organisation_data,
    programme_data,
    reference,
)
from network.directory.queries import DirectoryRequest
from network.models import Organisation
from network.opening_hours import TimeRange

ItemData = Callable[[Any, str], dict]


def ranges_data(ranges: Sequence[TimeRange]) -> list[dict]:
    return [{"opens": f"{r.opens:%H:%M}", "closes": f"{r.closes:%H:%M}"} for r in ranges]


def opening_hours_data(location: Any, language: str, today: dict) -> dict:
    """Weekly ranges, coming exceptions and today, in the office's own time zone."""
    hours = location.opening_hours
    local_today = date.fromisoformat(today["date"])
    return {
        "time_zone": hours.time_zone.key,
        "by_appointment": hours.by_appointment,
        "note": hours.note,
        "summary": hours.as_text(language),
        "weekly": [
            {
                "weekday": weekday,
                "name": name,
                "ranges": ranges_data(hours.weekly.get(weekday, ())),
                "text": text,
            }
            for weekday, (name, text) in enumerate(hours.as_lines(language))
        ],
        "exceptions": [
            {
                "date": exception.day,
                "closed": not exception.ranges,
                "ranges": ranges_data(exception.ranges),
                "note": exception.note,
            }
            for day, exception in sorted(hours.exceptions.items())
            if day >= local_today
        ],
        "today": today,
    }


def organisation_item(organisation: Any, language: str) -> dict:
    return {
        **organisation_data(organisation),
        "slug": organisation.slug,
        "kind_label": str(organisation.get_kind_display()),
        "description": organisation.description,
        "email": organisation.email,
        "phone": organisation.phone,
        "region": reference(organisation.region),
        "municipalities": [reference(item) for item in organisation.municipalities.all()],
    }


def funder_item(funder: Any, language: str) -> dict:
    return {
        **funder_data(funder),
        "slug": funder.slug,
        "kind_label": str(funder.get_kind_display()),
        "organisation": reference(funder.organisation),
    }


def project_item(project: Any, language: str) -> dict:
    return {
        "title": project.title,
        "acronym": project.acronym,
        "slug": project.slug,
        "code": project.registration_code,
        "owner": reference(project.owner),
        "programme": programme_data(project.funding_programme),
        "start": project.start,
        "end": project.end,
        "total_value": decimal_string(project.total_value),
        "funded_amount": decimal_string(project.funded_amount),
        "currency": project.currency,
        "summary": project.summary,
        "target_groups": [reference(item) for item in project.target_groups.all()],
        "themes": [reference(item) for item in project.themes.all()],
        "funding_lines": [funding_line_data(line) for line in project.funding_lines.all()],
        "participations": [participation_data(item) for item in project.participations.all()],
    }


def project_detail_item(project: Any, language: str) -> dict:
    return {
        **project_item(project, language),
        "aims": project.aims,
        "expected_results": project.expected_results,
        "achieved_results": project.achieved_results,
        "indicators": [indicator_data(indicator) for indicator in project.indicators.all()],
    }


def location_item(location: Any, language: str) -> dict:
    office = office_data(location, language)
    today = office.pop("today")
    municipality = location.municipality
    region = municipality.region if municipality else location.organisation.region
    return {
        **office,
        "slug": location.slug,
        "region": reference(region),
        "latitude": float(location.latitude) if location.latitude is not None else None,
        "longitude": float(location.longitude) if location.longitude is not None else None,
        "accessibility_note": location.accessibility_note,
        "opening_hours": opening_hours_data(location, language, today),
    }


def contact_item(person: Any, language: str) -> dict:
    return {**person_data(person), "location": reference(person.location)}


def region_item(region: Any, language: str) -> dict:
    return {
        "name": region.name,
        "slug": region.slug,
        "country": region.country,
        "municipalities": [reference(item) for item in region.municipalities.all()],
    }


def _own_url(candidates: list[tuple[int, str]], locale_id: int) -> str | None:
    """The item's page in its own language where there is one, else its first page."""
    for page_locale_id, url in candidates:
        if page_locale_id == locale_id:
            return url
    return candidates[0][1] if candidates else None


def site_links(
    context: DirectoryRequest, model: type[Model], items: Sequence[Any]
) -> dict[int, tuple[list[dict], str | None]]:
    """Item id → (its sites, its preferred public URL), for a whole page of items."""
    presence = context.presence
    keys = {item.translation_key for item in items}
    found = presence.sites_by_key(model, keys)
    site_ids = {site_id for sites in found.values() for site_id in sites}
    sites = Site.objects.in_bulk(site_ids) if site_ids else {}
    own = presence.own_page_urls(model, keys)
    homes = {}
    if model is Organisation:
        owned = {site_id for sites in found.values() for site_id, owner in sites.items() if owner}
        homes = presence.home_page_urls(sites[site_id] for site_id in owned)
    preferred = context.preferred_site
    answer = {}
    for item in items:
        links = []
        for site_id, owner in found.get(item.translation_key, {}).items():
            site = sites[site_id]
            if model is Organisation:
                url = homes.get(site_id) if owner else None
            else:
                url = _own_url(own.get((item.translation_key, site_id), []), item.locale_id)
            links.append(
                {
                    "id": site.pk,
                    "hostname": site.hostname,
                    "name": site.site_name or site.hostname,
                    "root_url": site.root_url,
                    "owner": owner,
                    "url": url,
                }
            )
        links.sort(key=lambda link: (not link["owner"], link["name"].lower(), link["id"]))
        with_url = [link for link in links if link["url"]]
        first = next((link for link in with_url if preferred and link["id"] == preferred.pk), None)
        first = first or next((link for link in with_url if link["owner"]), None)
        first = first or next(iter(with_url), None)
        answer[item.pk] = (links, first["url"] if first else None)
    return answer


def present(
    context: DirectoryRequest, model: type[Model], items: Sequence[Any], item_data: ItemData
) -> list[dict]:
    """A page of items: their own data in their language, their locale and their sites."""
    links = site_links(context, model, items)
    answer = []
    for item in items:
        language = context.language(item)
        with translation.override(language):
            data = item_data(item, language)
        sites, url = links[item.pk]
        answer.append(
            {
                **data,
                "id": item.pk,
                "translation_key": item.translation_key,
                "locale": item.locale.language_code,
                "fallback": context.locale is not None and item.locale_id != context.locale.pk,
                "sites": sites,
                "url": url,
            }
        )
    return answer
