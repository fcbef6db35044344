"""Data migrations of the headless app, run against centres provisioned before them."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from wagtail.models import GroupSitePermission

pytestmark = pytest.mark.django_db


def test_moderators_of_earlier_centres_may_change_their_own_frontend(tenants):
    frontend = {"permission__codename": "change_headlessfrontend"}
    GroupSitePermission.objects.filter(**frontend).delete()  # as before the setting existed
    migration = importlib.import_module("headless.migrations.0002_moderators_change_their_frontend")

    migration.grant(apps, None)
    migration.grant(apps, None)  # idempotent

    granted = GroupSitePermission.objects.filter(**frontend)
    assert {(p.group_id, p.site_id) for p in granted} == {
        (tenants.a.moderators_id, tenants.a.site_id),
        (tenants.b.moderators_id, tenants.b.site_id),
    }
