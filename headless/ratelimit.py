"""Per-client rate limits on the API's search and listing endpoints (429 with Retry-After).

A client is its API token when it sends one, else its IP address (``REMOTE_ADDR``, or the
header named by ``MREZA["API"]["CLIENT_IP_HEADER"]`` behind a proxy that sets it). Counting
is a fixed window per client and group in Django's cache: with several processes the cache
must be shared (``CACHE_URL=redis://…``) or each process counts on its own.

Detail endpoints (``…/<id>/``), the schema and the docs are not limited: a frontend building
one page makes several of those, and they are cheap and cached.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from wagtail.api.v3.errors import problem_response

from config.environment import RATE_PERIODS
from headless.caching import API_PREFIX

UNLIMITED_PREFIXES = ("openapi.json", "docs/", "schema/", "preview/")


def rate_group(path: str) -> str | None:
    """Which limit an API path counts against: ``search``, ``listing`` or none."""
    relative = path[len(API_PREFIX) :]
    if not relative or relative.startswith(UNLIMITED_PREFIXES):
        return None
    if relative.startswith("search/"):
        return "search"
    segments = [segment for segment in relative.split("/") if segment]
    if segments and segments[-1].isdigit():
        return None  # a detail
    return "listing"


def parse_rate(rate: str) -> tuple[int, int] | None:
    """``"600/minute"`` as (600 requests, 60 seconds); None when the limit is off."""
    if rate == "off":
        return None
    count, _, period = rate.partition("/")
    return int(count), RATE_PERIODS[period]


def client_id(request: HttpRequest) -> str:
    authorization = request.META.get("HTTP_AUTHORIZATION")
    if authorization:
        return "token:" + hashlib.sha1(authorization.encode()).hexdigest()
    header = settings.MREZA["API"].get("CLIENT_IP_HEADER")
    forwarded = request.META.get(header, "") if header else ""
    # A proxy appends the address it saw: the last entry is the one it vouches for.
    address = forwarded.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")
    return "ip:" + address


def count_request(key: str, *, timeout: int) -> int:
    """Add one to the window's counter and return it, in one round trip on Redis."""
    backend = getattr(cache, "_cache", None)
    if hasattr(backend, "get_client"):  # Django's RedisCache: INCR and EXPIRE NX pipelined
        client = backend.get_client(key, write=True)
        redis_key = cache.make_and_validate_key(key)
        count, _ = client.pipeline().incr(redis_key).expire(redis_key, timeout, nx=True).execute()
        return count
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr: count this request as the first
        cache.set(key, 1, timeout=timeout)
        return 1


class RateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        group = rate_group(request.path) if request.path.startswith(API_PREFIX) else None
        rate = parse_rate(settings.MREZA["API"]["RATE_LIMITS"].get(group, "off")) if group else None
        if rate is None or request.method == "OPTIONS":
            return self.get_response(request)

        limit, period = rate
        now = time.time()
        window = int(now // period)
        key = f"mreza:rate:{group}:{client_id(request)}:{window}"
        count = count_request(key, timeout=period + 1)

        if count > limit:
            retry_after = max(1, math.ceil((window + 1) * period - now))
            response = problem_response(
                status=429,
                detail=(
                    f"Too many {group} requests: at most {limit} per {period} s. "
                    f"Retry after {retry_after} s."
                ),
            )
            response["Retry-After"] = str(retry_after)
            response["X-RateLimit-Limit"] = str(limit)
            response["X-RateLimit-Remaining"] = "0"
            response["Cache-Control"] = "no-store"
            return response

        response = self.get_response(request)
        response["X-RateLimit-Limit"] = str(limit)
        response["X-RateLimit-Remaining"] = str(limit - count)
        return response
