"""Navigation of the default templates: the page's trail, the main menu and its languages.

Each loader is memoised on the page (or the request) it is asked about, so the head of
the page (hreflang links) and its body share one set of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.http import HttpRequest
from django.utils.translation import get_language_from_path, get_language_info
from wagtail.models import Page, Site

from network.models.tenancy import SiteLanguages, Tenant

T = TypeVar("T")


def memoise(owner: Any, key: str, build: Callable[[], T]) -> T:
    """Build a value once per ``owner`` (a page or a request) and keep it on the owner."""
    attribute = f"_mreza_{key}"
    if attribute not in owner.__dict__:
        owner.__dict__[attribute] = build()
    return owner.__dict__[attribute]


def site_for(request: HttpRequest | None) -> Site | None:
    """The Wagtail site answering this request (cached on the request by Wagtail)."""
    return Site.find_for_request(request) if request is not None else None


def page_trail(page: Page, request: HttpRequest | None) -> list[Page]:
    """The page's ancestors from its site's root page (in the page's language) to the page."""

    def build() -> list[Page]:
        site = site_for(request)
        root_depth = site.root_page.depth if site is not None else 2
        # Previews of a new page have a path and depth but no primary key yet.
        if not page.path or page.depth is None or page.depth <= root_depth:
            return [page]
        ancestors = list(
            Page.objects.ancestor_of(page)
            .filter(depth__gte=root_depth)
            .order_by("depth")
            .only("id", "title", "path", "depth", "numchild", "url_path", "live", "locale_id")
        )
        return [*ancestors, page]

    return memoise(page, "trail", build)


@dataclass(frozen=True)
class MenuItem:
    """One link of the main navigation."""

    page: Page
    is_current: bool
    is_ancestor: bool


def main_menu(page: Page | None, request: HttpRequest | None) -> list[MenuItem]:
    """Live, public pages shown in menus under the root of the page's tree (or the site's)."""

    def build() -> list[MenuItem]:
        if page is not None:
            root = page_trail(page, request)[0]
        else:
            site = site_for(request)
            if site is None:
                return []
            root = site.root_page
        children = root.get_children().live().public().in_menu().order_by("path")
        current_path = page.path if page is not None else ""
        return [
            MenuItem(
                page=child,
                is_current=page is not None and child.pk == page.pk,
                is_ancestor=bool(current_path) and current_path.startswith(child.path),
            )
            for child in children
        ]

    owner = page if page is not None else request
    return memoise(owner, "menu", build) if owner is not None else build()


@dataclass(frozen=True)
class LanguageLink:
    """A live translation of the page, for the language switcher and hreflang links."""

    language_code: str
    name: str
    url: str
    full_url: str
    is_current: bool
    is_default: bool = False


def site_languages(request: HttpRequest | None) -> SiteLanguages:
    """The languages the request's site publishes in, default first (one query per request)."""

    def build() -> SiteLanguages:
        return Tenant.languages_for(site_for(request))

    return memoise(request, "site_languages", build) if request is not None else build()


def requested_language(request: HttpRequest | None) -> str:
    """The language the visitor asked for: the URL's language prefix, else the site's default.

    Unprefixed URLs are the site's default language, not the install's: a Czech centre's
    pages are Czech without a /cs/ prefix.
    """
    if request is None:
        return site_languages(None).default
    return get_language_from_path(request.path_info) or site_languages(request).default


def language_links(page: Page, request: HttpRequest | None) -> list[LanguageLink]:
    """The page and its live translations; empty when the page exists in one language only."""

    def build() -> list[LanguageLink]:
        if page.pk is None:
            return []
        languages = site_languages(request)
        # Only the languages the site publishes in: a stray translation stays unlinked.
        translations = list(
            page.get_translations()
            .live()
            .filter(locale__language_code__in=languages.codes)
            .select_related("locale")
        )
        if not translations:
            return []
        links = []
        for candidate in [page, *translations]:
            url = candidate.get_url(request)
            full_url = candidate.get_full_url(request)
            if not url or not full_url:
                continue
            code = candidate.locale.language_code
            links.append(
                LanguageLink(
                    language_code=code,
                    name=language_name(code),
                    url=url,
                    full_url=full_url,
                    is_current=candidate.pk == page.pk,
                    is_default=code == languages.default,
                )
            )
        links.sort(key=lambda link: link.language_code)
        return links if len(links) > 1 else []

    return memoise(page, "language_links", build)


@dataclass(frozen=True)
class LanguageFallback:
    """The visitor asked for one language and gets the page in another (the site's default)."""

    requested_code: str
    shown_code: str


def language_fallback(page: Page, request: HttpRequest | None) -> LanguageFallback | None:
    """Set when the page is shown in another language than the URL asked for, else None.

    Only for the page a public URL routes to: previews (the admin's URL) and the unprefixed
    pages about a page (registration) name no language of their own.
    """
    if request is None or page.pk is None or getattr(request, "is_preview", False):
        return None
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return None
    requested = requested_language(request)
    shown = page.locale.language_code
    if requested == shown:
        return None
    return LanguageFallback(requested_code=requested, shown_code=shown)


def language_name(code: str) -> str:
    """A language's name in that language, capitalised (“Slovenščina”, “English”)."""
    try:
        name = get_language_info(code)["name_local"]
    except KeyError:
        return code
    return name[:1].upper() + name[1:]
