"""Fixtures of the isolation matrix: one world per test module, rolled back afterwards."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from tests.network.isolation import IsolationWorld, build_isolation_world


@contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def isolation_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module inside a transaction that is rolled back at the end.

    Each test runs in a savepoint inside it (pytest-django's ``db``), so what a test
    changes is undone before the next one, and building the world (two provisioned
    centres) is paid once per module instead of once per case of the matrix.
    """
    media = tmp_path_factory.mktemp("isolation-media")
    scope = _rolled_back()
    with django_db_blocker.unblock():
        scope.__enter__()
        try:
            with override_settings(MEDIA_ROOT=media):
                world = build_isolation_world()
        except BaseException:
            scope.__exit__(None, None, None)
            raise
    world.media_root = media
    yield world
    with django_db_blocker.unblock():
        scope.__exit__(None, None, None)
    cache.clear()  # Wagtail caches site root paths of the sites just rolled back.


@pytest.fixture
def world(isolation_world, db, settings) -> IsolationWorld:
    settings.MEDIA_ROOT = isolation_world.media_root
    return isolation_world
