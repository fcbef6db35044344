"""The events of pages and shared content, each addressed to the subscriptions it concerns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model, Q
from wagtail.models import Page

from webhooks.models import Event, EventType, Subscription
from webhooks.outbox import record
from webhooks.payloads import (
    default_root_url,
    page_location,
    page_object,
    site_summary,
    snippet_object,
)
from webhooks.routing import owner_site_ids, site_root_urls, sites_showing


def page_changed(event_type: str, page: Page, *, now: datetime | None = None) -> Event | None:
    """Published or unpublished: the subscriptions of the page's own site hear of it."""
    site_id, root_url, url = page_location(page)
    if site_id is None:
        return None
    return record(
        event_type,
        recipients=Q(site_id=site_id),
        site_id=site_id,
        root_url=root_url,
        describe=lambda: page_object(page, root_url, url),
        now=now,
    )


def page_moved(page: Page, *, url_path_before: str, now: datetime | None = None) -> Event | None:
    """Both the site it left and the site it joined hear of a move (usually the same site)."""
    site_id, root_url, url = page_location(page)
    old_site_id, old_root_url, old_url = page_location(page, url_path_before)
    sites = {pk for pk in (site_id, old_site_id) if pk is not None}
    if not sites:
        return None
    previous = {"site": site_summary(old_site_id, old_root_url), "url": old_url}
    return record(
        EventType.PAGE_MOVED,
        recipients=Q(site_id__in=sites),
        site_id=site_id if site_id is not None else old_site_id,
        root_url=root_url if site_id is not None else old_root_url,
        describe=lambda: page_object(page, root_url, url),
        extra={"previous": previous},
        now=now,
    )


@dataclass
class PendingDeletion:
    """What a deleted object's event needs, taken before the rows (and references) go."""

    event_type: str
    site_ids: set[int]
    site_id: int | None
    root_url: str | None
    describe: Any
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self, *, now: datetime | None = None) -> Event | None:
        # Subscriptions deleted in the same cascade (a site's root page) are gone by now.
        recipients = Q(site_id__in=self.site_ids)
        if self.event_type == EventType.SNIPPET_DELETED:
            recipients |= Q(network_events=True)
        elif not self.site_ids:
            return None
        return record(
            self.event_type,
            recipients=recipients,
            site_id=self.site_id,
            root_url=self.root_url,
            describe=self.describe,
            now=now,
        )


def page_deleting(page: Page) -> PendingDeletion | None:
    site_id, root_url, url = page_location(page)
    if site_id is None:
        return None
    return PendingDeletion(
        EventType.PAGE_DELETED,
        site_ids={site_id},
        site_id=site_id,
        root_url=root_url,
        describe=lambda: page_object(page, root_url, url),
    )


def _snippet_addressing(instance: Model) -> tuple[set[int], int | None, str | None]:
    """(sites that show it or own it, its own site, root URL for its API link)."""
    owners = owner_site_ids(instance)
    sites = sites_showing(instance) | set(owners)
    own_site = owners[0] if owners else None
    root_url = site_root_urls().get(own_site) if own_site else None
    return sites, own_site, root_url or default_root_url()


def _anyone_listening() -> bool:
    # Finding the sites that show a snippet takes a few queries; skip them on installs
    # (and in bulk imports) with no subscription at all.
    return Subscription.objects.filter(is_active=True).exists()


def snippet_changed(
    event_type: str, instance: Model, *, now: datetime | None = None
) -> Event | None:
    """Saved, published or unpublished shared content: every site that shows it, the site of
    its owner, and the subscriptions that follow the whole network."""
    if not _anyone_listening():
        return None
    sites, own_site, root_url = _snippet_addressing(instance)
    return record(
        event_type,
        recipients=Q(site_id__in=sites) | Q(network_events=True),
        site_id=own_site,
        root_url=root_url,
        describe=lambda: snippet_object(instance, root_url),
        now=now,
    )


def snippet_deleting(instance: Model) -> PendingDeletion | None:
    if not _anyone_listening():
        return None
    sites, own_site, root_url = _snippet_addressing(instance)
    description = snippet_object(instance, root_url)
    return PendingDeletion(
        EventType.SNIPPET_DELETED,
        site_ids=sites,
        site_id=own_site,
        root_url=root_url,
        describe=lambda: description,
    )
