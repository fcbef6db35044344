"""What a block learns from where it is shown: the page, the request, the language, the site."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath

T = TypeVar("T")


def context_page(context: dict | None) -> Page | None:
    """The page being rendered; the API passes none, a page template always does."""
    page = (context or {}).get("page")
    return page if isinstance(page, Page) else None


def context_request(context: dict | None) -> HttpRequest | None:
    request = (context or {}).get("request")
    return request if isinstance(request, HttpRequest) else None


def site_root_paths(request: HttpRequest | None) -> list[SiteRootPath]:
    """Wagtail's site root paths, kept on the request where Wagtail's page URLs look for them.

    ``Site.get_site_root_paths()`` reads Django's cache each time (a Redis round trip in
    production); a request's page URLs and blocks then share one read.
    """
    if request is None:
        return Site.get_site_root_paths()
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


def request_site_root(request: HttpRequest) -> SiteRootPath | None:
    """The root (path and language) of the request's site, in the active language if it has one.

    Without a page (API v3 passes only the request) this is how a block learns its site and
    language. The answer is kept on the request, so it costs at most one query per request.
    """
    if hasattr(request, "_mreza_site_root"):
        return request._mreza_site_root
    site = Site.find_for_request(request)
    root = None
    if site is not None:
        roots = [path for path in site_root_paths(request) if path.site_id == site.pk]
        active = (translation.get_language() or "").lower()
        by_language = {path.language_code.lower(): path for path in roots}
        if len(roots) == 1:
            root = roots[0]
        elif active in by_language:
            root = by_language[active]
        elif roots:
            url_path = site.root_page.url_path
            root = next((path for path in roots if path.root_path == url_path), roots[0])
    request._mreza_site_root = root
    return root


def site_memo(request: HttpRequest, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, kept on the request's Site object for as long as that object lives.

    The API's cache middleware gives every request of one host the same Site object for one
    content version (``headless.caching.remember_site``), and any change to sites, pages'
    publication or view restrictions starts a new version: what depends only on those can
    be kept there and is recomputed once per version instead of once per request. Without
    a remembered site (other views, tests calling code directly) Wagtail's own per-request
    Site is used, or nothing is kept.
    """
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return compute()
    memo = site.__dict__.setdefault("_mreza_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def view_restrictions(request: HttpRequest) -> list[tuple[int, str, str]]:
    """Every page view restriction as (pk, restriction type, restricted page's path).

    Read once per content version (see :func:`site_memo`): the page lookup and each listing
    block of a body need them.
    """
    if not hasattr(request, "_mreza_view_restrictions"):
        request._mreza_view_restrictions = site_memo(
            request,
            "view_restrictions",
            lambda: list(
                PageViewRestriction.objects.values_list("pk", "restriction_type", "page__path")
            ),
        )
    return request._mreza_view_restrictions


def page_site_root(page: Page) -> SiteRootPath | None:
    """The most specific site root above the page; Wagtail caches the list, so no query."""
    if not page.url_path:
        return None
    matches = [
        path for path in Site.get_site_root_paths() if page.url_path.startswith(path.root_path)
    ]
    return max(matches, key=lambda path: len(path.root_path), default=None)


def context_language(context: dict | None) -> str:
    """The page's own language (PageLanguageMixin), else its site's, else the active one."""
    page = context_page(context)
    request = context_request(context)
    if page is not None and page.locale_id:
        code = page.locale.language_code
    elif request is not None and (root := request_site_root(request)) is not None:
        code = root.language_code
    else:
        code = translation.get_language() or "sl"
    return code.split("-")[0].lower()


def site_root_path(context: dict | None) -> str | None:
    """The url_path of the site root the page (or else the request) belongs to."""
    page = context_page(context)
    request = context_request(context)
    root = page_site_root(page) if page is not None else None
    if root is None and request is not None:
        root = request_site_root(request)
    return root.root_path if root is not None else None


def page_url(page: Any, context: dict | None) -> str | None:
    """A page's URL, relative when it is on the same site as the request."""
    return page.get_url(request=context_request(context))
