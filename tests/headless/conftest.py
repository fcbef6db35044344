"""Fixtures of the headless API tests: the demo network, which has every page type and block."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page

from config.environment import cache_config
from network.demo.loader import DemoSummary, load_demo_network


@dataclass(frozen=True)
class DemoNetwork:
    summary: DemoSummary
    media_root: Path


@pytest.fixture(scope="module")
def demo_network(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[DemoNetwork]:
    """The demo network, loaded once for the module and rolled back after it.

    Each test runs in a savepoint inside this transaction (pytest-django's ``db``), so what a
    test changes is gone for the next one. Use it through ``demo``.
    """
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        cache.clear()
        with transaction.atomic():
            yield DemoNetwork(summary=load_demo_network(), media_root=media_root)
            transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def demo(demo_network, db, settings) -> Iterator[DemoSummary]:
    """The demo network, its images served from where the loader stored them."""
    settings.MEDIA_ROOT = demo_network.media_root
    cache.clear()  # Wagtail's site root paths and cached API responses of earlier tests
    yield demo_network.summary
    cache.clear()


def host_of(page: Page) -> str:
    """The Host header a browser sends for the page's own site."""
    site = page.get_site()
    return f"{site.hostname}:{site.port}"


@pytest.fixture
def redis_cache(settings):
    """The cache shared by several processes in production: the machine's Redis."""
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/13"
    try:
        redis.Redis.from_url(url).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {"default": cache_config(url)}  # the backend CACHE_URL=redis://… gives
    yield
    redis.Redis.from_url(url).flushdb()
