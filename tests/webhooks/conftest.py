"""Fixtures of the webhook tests: a live receiver, subscriptions and publishing helpers."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.factories import StandardPageFactory
from tests.webhooks.receiver import Receiver
from webhooks.models import Subscription


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    # Wagtail caches site root paths; sites of an earlier, rolled-back test must not linger.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.start()
    yield receiver
    receiver.stop()


@pytest.fixture
def subscribe(tenants):
    def subscribe(url: str, *, tenant=None, **fields) -> Subscription:
        site = (tenant or tenants.a).site
        return Subscription.objects.create(site=site, url=url, **fields)

    return subscribe


@pytest.fixture
def draft_page(tenants):
    """A draft page of centre A (or of ``parent``); the factory publishes nothing."""

    def draft_page(parent=None, **fields):
        parent = parent or tenants.a.site.root_page
        return StandardPageFactory(parent=parent, live=False, **fields)

    return draft_page


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what a change does after its transaction commits, as in a real request."""

    def committing():
        return django_capture_on_commit_callbacks(execute=True)

    return committing


def publish(page):
    page.refresh_from_db()
    page.save_revision().publish()
    return page
