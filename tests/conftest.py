"""Shared fixtures: temporary media, the network's locales, and two provisioned centres."""

from __future__ import annotations

import pytest

from tests.factories import tenant_pair


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tenants(db):
    """Two provisioned centres (A and B) plus the coordinators group, with one user per role."""
    return tenant_pair()
