"""HTTP caching of the API: ETag, Last-Modified, 304s, Cache-Control, and a server-side cache.

Every GET under ``/api/v3/`` gets a content ``ETag`` (so a client revalidates for free even
when nothing it depends on changed), a ``Last-Modified`` and the ``Cache-Control`` configured
for its path in ``MREZA["API"]["CACHE_CONTROL"]``. Anonymous 200 responses are also kept in
Django's cache, keyed on host, path, query and language.

Invalidation is by one network-wide *content version*: any publish, unpublish, move or
delete of a page, and any change to a shared snippet, media item, site or view restriction,
starts a new version (after the transaction commits), so no cached representation can
outlive what it shows - including listing blocks that show other pages and snippets reached
through several hops, which per-object dependency tracking would miss. The cost is that a
publish anywhere empties the cache everywhere; the ETag survives (it is the content's hash),
so clients holding unchanged content still get 304s.

With several processes the cache must be shared (``CACHE_URL=redis://…``); a per-process
local-memory cache would let one worker serve what another has invalidated.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from wagtail.models import Site

API_PREFIX = "/api/v3/"
VERSION_KEY = "mreza:api:content-version"
# Never cached on the server, whatever CACHE_CONTROL says: they are per-client or per-token.
UNCACHED_PREFIXES = ("preview/",)
PRIVATE = "private, no-cache"
# The schema and its docs page are the same on every site.
SITELESS_PREFIXES = ("openapi.json", "docs")


@dataclass(frozen=True)
class ContentVersion:
    """The network's content version: a token that changes on every change, and when."""

    token: str
    changed_at: float


def new_content_version() -> ContentVersion:
    """Start a new version: every cached representation is stale from now on."""
    now = time.time()
    version = ContentVersion(
        hashlib.sha1(f"{now}:{time.perf_counter_ns()}".encode()).hexdigest()[:16], now
    )
    cache.set(VERSION_KEY, (version.token, version.changed_at), timeout=None)
    return version


def api_settings() -> dict:
    return settings.MREZA["API"]


def cache_control_for(path: str) -> str:
    """The configured Cache-Control of an API path (longest matching prefix wins)."""
    relative = path[len(API_PREFIX) :]
    rules = api_settings()["CACHE_CONTROL"]
    prefix = max((p for p in rules if relative.startswith(p)), key=len, default=None)
    return rules[prefix] if prefix is not None else PRIVATE


def etag_of(content: bytes) -> str:
    return f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'


def is_anonymous(request: HttpRequest) -> bool:
    # API v3 authenticates by bearer token only (never the session), so the header decides.
    return "HTTP_AUTHORIZATION" not in request.META


def cache_key(request: HttpRequest) -> str:
    """The entry's key; the content version is stored inside the entry, not in its key, so
    one ``get_many`` (a single round trip to Redis) reads both the version and the entry."""
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    # The active language, and the one the request asks for: on the API's unprefixed URLs
    # LocaleMiddleware activates the default language whatever Accept-Language says, but
    # representations that follow the header (search) differ by it; responses vary on it.
    language = getattr(request, "LANGUAGE_CODE", "")
    asked = translation.get_language_from_request(request)
    raw = f"{request.get_host()}|{request.path}|{query}|{language}|{asked}"
    return f"mreza:api:{hashlib.sha1(raw.encode()).hexdigest()}"


def read_cache(key: str | None) -> tuple[ContentVersion, CachedResponse | None]:
    """The current content version and, when ``key`` is given, its still valid entry."""
    found = cache.get_many([VERSION_KEY, key] if key else [VERSION_KEY])
    stored = found.get(VERSION_KEY)
    version = ContentVersion(*stored) if stored is not None else new_content_version()
    entry = found.get(key) if key else None
    if entry is not None and entry.version != version.token:
        entry = None  # made before the latest change
    return version, entry


@dataclass(frozen=True)
class CachedResponse:
    version: str
    content: bytes
    content_type: str
    etag: str
    vary: str


# Sites per (host, port, content version), so a representation computed afresh skips
# Wagtail's site lookup (a few ms of ORM work per request). Any Site change starts a new
# content version, which makes every entry here unreachable; the dict is bounded.
_SITES: dict[tuple[str, str, str], Site | None] = {}
_MAX_SITES = 512


# Wagtail's site root paths, for the current content version only.
_ROOT_PATHS: dict[str, list] = {}


def forget_sites() -> None:
    """Drop the remembered sites and root paths: the next request looks them up afresh."""
    _SITES.clear()
    _ROOT_PATHS.clear()


def remember_site(request: HttpRequest, version: ContentVersion) -> None:
    """Give ``request`` its Site (``Site.find_for_request`` reads ``_wagtail_site``) and, when
    anonymous, the site root paths (Wagtail's page URLs read ``_wagtail_cached_site_root_paths``).

    Root paths also change when a root's translation is created as a draft, which starts no
    new version: only anonymous requests, which never see drafts, take the remembered ones.
    """
    key = (request._get_raw_host(), request.get_port(), version.token)
    if key not in _SITES:
        if len(_SITES) >= _MAX_SITES:
            _SITES.clear()
        _SITES[key] = Site._find_for_request(request)
    request._wagtail_site = _SITES[key]
    if is_anonymous(request):
        if version.token not in _ROOT_PATHS:
            _ROOT_PATHS.clear()
            _ROOT_PATHS[version.token] = Site.get_site_root_paths()
        request._wagtail_cached_site_root_paths = _ROOT_PATHS[version.token]


class APICacheMiddleware:
    """Conditional GETs and the server-side representation cache for ``/api/v3/``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or not request.path.startswith(API_PREFIX):
            return self.get_response(request)

        relative = request.path[len(API_PREFIX) :]
        cache_control = cache_control_for(request.path)
        anonymous = is_anonymous(request)
        shared = (
            anonymous
            and api_settings()["CACHE_SECONDS"] > 0
            and not relative.startswith(UNCACHED_PREFIXES)
            and "private" not in cache_control
            and "no-store" not in cache_control
        )
        # A client's "Cache-Control: no-cache" asks for a fresh representation: honoured.
        fresh = "no-cache" in request.headers.get("Cache-Control", "")
        key = cache_key(request) if shared else None
        version, hit = read_cache(key if not fresh else None)
        if hit is not None:
            response = HttpResponse(hit.content, content_type=hit.content_type)
            response["ETag"] = hit.etag
            if hit.vary:
                response["Vary"] = hit.vary
            response["X-Cache"] = "HIT"
        else:
            if not relative.startswith(SITELESS_PREFIXES):
                remember_site(request, version)
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming:
                if not response.has_header("Cache-Control"):
                    response["Cache-Control"] = "no-cache" if anonymous else PRIVATE
                return response
            response["ETag"] = etag_of(response.content)
            if key:
                entry = CachedResponse(
                    version.token,
                    response.content,
                    response["Content-Type"],
                    response["ETag"],
                    response.get("Vary", ""),
                )
                cache.set(key, entry, timeout=api_settings()["CACHE_SECONDS"])
                response["X-Cache"] = "MISS"

        response["Last-Modified"] = http_date(version.changed_at)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = cache_control if anonymous else PRIVATE
        # Representations differ per token and language: shared caches must keep them apart.
        patch_vary_headers(response, ("Authorization", "Accept-Language"))
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(version.changed_at),
            response=response,
        )
