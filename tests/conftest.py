"""Shared fixtures: temporary media, the network's locales, and two provisioned centres."""

from __future__ import annotations

import pytest

from tests.factories import tenant_pair


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no API response or rate count from another test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def tenants(db):
    """Two provisioned centres (A and B) plus the coordinators group, with one user per role."""
    return tenant_pair()


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The demo network served over real HTTP by a separate process (see tests/demo_server.py)."""
    from tests.demo_server import run_demo_server

    with run_demo_server(tmp_path_factory.mktemp("demo")) as server:
        yield server
