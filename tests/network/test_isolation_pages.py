"""Isolation matrix for pages: A's live page, A's draft page and its revisions.

Covers the page surfaces Wagtail has had advisories on: previews, revision views and
compare, page history, page copy and the page chooser (browse and its chosen endpoint).
"""

from __future__ import annotations

import pytest
from wagtail.models import Page

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


def page_data(world: IsolationWorld, resource: str, revision: int | None = None, **changes):
    """The page's edit form as the browser posts it, with ``changes`` applied."""
    page = world[resource]
    if revision is None:
        page = page.get_latest_revision_as_object()
    else:
        page = world.revisions[revision].as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=world.home, for_user=world.users["superuser"])
    data = {key: value for key, value in form_data(form).items() if key != "body"}
    return {**data, "body-count": "0", **changes}


def latest_title(world: IsolationWorld, resource: str) -> str:
    return fresh(world[resource]).get_latest_revision_as_object().title


def page_probes(resource: str) -> dict:
    def url(suffix: str = ""):
        return lambda w: f"/admin/pages/{w[resource].pk}/{suffix}"

    def bulk(query: str):
        return lambda w: (
            "/admin/bulk/wagtailcore/page/delete/" + query.format(pk=w[resource].pk, home=w.home.pk)
        )

    def gone(w: IsolationWorld) -> bool:
        return fresh(w[resource]) is None

    edited = f"{MARKERS[resource]} (edited)"
    copy_slug = f"{resource.replace('_', '-')}-copy"
    return {
        "list": [get("explorer", lambda w: f"/admin/pages/{w.home.pk}/")],
        "view": [
            get("edit form", url("edit/")),
            get("usage", url("usage/")),
            get("view draft", url("view_draft/")),
            post("preview data", url("edit/preview/"), lambda w: page_data(w, resource)),
            get("preview", url("edit/preview/")),
        ],
        "edit": [
            post(
                "save draft",
                url("edit/"),
                lambda w: page_data(w, resource, title=edited),
                lambda w: latest_title(w, resource) == edited,
            )
        ],
        "publish": [
            post(
                "publish",
                url("edit/"),
                lambda w: page_data(w, resource, title=edited, **{"action-publish": "1"}),
                lambda w: fresh(w[resource]).live and fresh(w[resource]).title == edited,
            )
        ],
        "delete": [
            get("confirm", url("delete/")),
            get("bulk confirm", bulk("?id={pk}")),
            get("bulk confirm (all)", bulk("?id=all&childOf={home}")),
            post("delete", url("delete/"), lambda w: {}, gone),
            # After an allowed delete this finds nothing (404); a denied one must not delete.
            post("bulk delete", bulk("?id={pk}"), lambda w: {}, gone),
        ],
        "choose": [
            get("browse", lambda w: f"/admin/choose-page/{w.home.pk}/"),
            get("search", lambda w: "/admin/choose-page/search/?q=Alpha"),
            get("chosen", lambda w: f"/admin/choose-page/chosen-multiple/?id={w[resource].pk}"),
        ],
        "copy": [
            get("copy form", url("copy/")),
            post(
                "copy",
                url("copy/"),
                lambda w: {
                    "new_title": "Copied",
                    "new_slug": copy_slug,
                    "new_parent_page": w.home.pk,
                },
                lambda w: Page.objects.filter(slug=copy_slug).exists(),
            ),
        ],
    }


def revision_url(suffix: str):
    def url(w: IsolationWorld) -> str:
        first, second = (revision.pk for revision in w.revisions)
        return f"/admin/pages/{w['draft_page'].pk}/" + suffix.format(first=first, second=second)

    return url


REVERTED = "Alpha draft page (reverted)"

PROBES = {
    "live_page": page_probes("live_page"),
    "draft_page": page_probes("draft_page"),
    "page_revisions": {
        "list": [get("history", revision_url("history/"))],
        "view": [
            get("revision preview", revision_url("revisions/{first}/view/")),
            get("compare", revision_url("revisions/compare/{first}...{second}/")),
            get("revert form", revision_url("revisions/{first}/revert/")),
        ],
        "edit": [
            post(
                "revert",
                revision_url("revisions/{first}/revert/"),
                lambda w: page_data(w, "draft_page", revision=0, title=REVERTED),
                lambda w: latest_title(w, "draft_page") == REVERTED,
            )
        ],
    },
}
CASES = matrix(PROBES)


@pytest.mark.parametrize("case", CASES, ids=[matrix_id(case) for case in CASES])
def test_page_isolation(client, world, case):
    role, resource, action = case
    check_access(client, world, case, PROBES[resource][action])


@pytest.mark.parametrize(
    ("role", "sees_a", "sees_b"),
    [("editor_a", True, False), ("editor_b", False, True), ("coordinator", True, True)],
)
def test_page_chooser_lists_only_the_users_sites(client, world, role, sees_a, sees_b):
    """The chooser's top level lists the home pages of the sites the user edits."""
    client.force_login(world.users[role])

    body = client.get("/admin/choose-page/").content.decode()

    assert ("Centre A" in body, "Centre B" in body) == (sees_a, sees_b)
