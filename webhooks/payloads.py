"""What an event says about the changed object: ids, locale and URLs, never its content.

A draft or a page behind a view restriction must not leak through a webhook, so payloads
carry only what a receiver needs to fetch the object itself through the API (which applies
its own privacy rules).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.db.models import Model
from wagtail.models import Page, Site

API_PREFIX = "/api/v3/"

# Shared content with a detail endpoint under /api/v3/network/ (docs/api.md).
NETWORK_ENDPOINTS = {
    "network.organisation": "organisations",
    "network.funder": "funders",
    "network.project": "projects",
    "network.location": "locations",
    "network.contactperson": "contacts",
    "network.region": "regions",
}


def type_label(model: type[Model]) -> str:
    """``app_label.ModelName``, as Wagtail's API names page types in ``meta.type``."""
    return f"{model._meta.app_label}.{model.__name__}"


def site_summary(site_id: int | None, root_url: str | None) -> dict[str, Any] | None:
    if site_id is None or not root_url:
        return None
    return {"id": site_id, "hostname": urlsplit(root_url).hostname, "root_url": root_url}


def page_location(
    page: Page, url_path: str | None = None
) -> tuple[int | None, str | None, str | None]:
    """(site id, site root URL, public URL) of a page, at ``url_path`` if given (before a move).

    Uses Wagtail's cached site root paths, so it costs no query once they are cached.
    """
    located = page if url_path is None else Page(url_path=url_path)
    parts = located.get_url_parts()
    if parts is None:
        return None, None, None
    site_id, root_url, page_path = parts
    url = root_url + page_path if root_url and page_path else None
    return site_id, root_url, url


def page_object(page: Page, root_url: str | None, url: str | None) -> dict[str, Any]:
    api_url = f"{root_url}{API_PREFIX}pages/{page.pk}/" if root_url else None
    return {
        "kind": "page",
        "type": type_label(page.specific_class or Page),
        "id": page.pk,
        "locale": page.locale.language_code,
        "url": url,
        "api_url": api_url,
    }


def snippet_object(instance: Model, root_url: str | None) -> dict[str, Any]:
    """Shared content has no page of its own: ``url`` is null, ``api_url`` its API detail."""
    endpoint = NETWORK_ENDPOINTS.get(instance._meta.label_lower)
    api_url = (
        f"{root_url}{API_PREFIX}network/{endpoint}/{instance.pk}/"
        if endpoint and root_url
        else None
    )
    locale = getattr(instance, "locale", None)
    return {
        "kind": "snippet",
        "type": type_label(type(instance)),
        "id": instance.pk,
        "locale": locale.language_code if locale is not None else None,
        "url": None,
        "api_url": api_url,
    }


def default_root_url() -> str | None:
    """Where network-wide objects' API URLs point when they belong to no site: the hub."""
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site else None
