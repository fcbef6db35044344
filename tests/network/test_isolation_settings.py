"""Isolation matrix for A's site settings: SiteBranding, granted per site (GroupSitePermission)."""

from __future__ import annotations

import pytest
from wagtail.contrib.settings.views import get_setting_edit_handler

from network.models import SiteBranding
from tests.network.isolation import (
    MARKERS,
    IsolationWorld,
    check_access,
    form_data,
    fresh,
    get,
    matrix,
    matrix_id,
    post,
)

pytestmark = pytest.mark.django_db

EDITED = "alpha-edited@example.org"


def branding_url(world: IsolationWorld) -> str:
    return f"/admin/settings/network/sitebranding/{world.tenants.a.site.pk}/"


def branding_data(world: IsolationWorld) -> dict:
    form_class = get_setting_edit_handler(SiteBranding).get_form_class()
    form = form_class(instance=world["site_branding"], for_user=world.users["superuser"])
    return {**form_data(form), "contact_email": EDITED}


PROBES = {
    "site_branding": {
        # The settings menu opens the settings of the site the admin is visited on, or
        # else of the first site the user may edit: never A's for B's editors.
        "list": [
            get(
                "settings menu",
                lambda w: "/admin/settings/network/sitebranding/",
                host="a.localhost",
                follow=True,
            )
        ],
        "view": [get("edit form", branding_url)],
        "edit": [
            post(
                "edit",
                branding_url,
                branding_data,
                lambda w: fresh(w["site_branding"]).contact_email == EDITED,
            )
        ],
    }
}
CASES = matrix(PROBES)


@pytest.mark.parametrize("case", CASES, ids=[matrix_id(case) for case in CASES])
def test_site_settings_isolation(client, world, case):
    role, resource, action = case
    check_access(client, world, case, PROBES[resource][action])


def test_site_settings_have_no_preview_to_leak_through(client, world):
    """SiteBranding is not previewable: its preview URL is 404 for editors and refused to B."""
    for role, status in (("editor_a", 404), ("editor_b", 302), ("superuser", 404)):
        client.force_login(world.users[role])
        response = client.get(branding_url(world) + "preview/")
        assert response.status_code == status, role
        assert MARKERS["site_branding"] not in response.content.decode(), role
