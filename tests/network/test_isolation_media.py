"""Isolation matrix for images and documents in A's collection, through the admin's views."""

from __future__ import annotations

import pytest
from wagtail.documents.forms import get_document_form
from wagtail.images.forms import get_image_form

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


def media_data(world: IsolationWorld, resource: str, **changes) -> dict:
    instance = world[resource]
    form_class = (get_image_form if resource == "image" else get_document_form)(type(instance))
    form = form_class(instance=instance, user=world.users["superuser"])
    return {**form_data(form), **changes}


def media_probes(resource: str, *, admin: str, bulk: str, edit: str, delete: str, usage: str):
    """Probes for one kind of media; URL templates take the object's ``pk``."""

    def url(template: str):
        return lambda w: template.format(pk=w[resource].pk)

    def gone(w: IsolationWorld) -> bool:
        return fresh(w[resource]) is None

    edited = f"{MARKERS[resource]} (edited)"
    return {
        "list": [get("index", url(f"/admin/{admin}/"))],
        "view": [get("edit form", url(edit)), get("usage", url(usage))],
        "edit": [
            post(
                "edit",
                url(edit),
                lambda w: media_data(w, resource, title=edited),
                lambda w: fresh(w[resource]).title == edited,
            )
        ],
        "delete": [
            get("confirm", url(delete)),
            get("bulk confirm", url(f"/admin/bulk/{bulk}/delete/?id={{pk}}")),
            get("bulk confirm (all)", url(f"/admin/bulk/{bulk}/delete/?id=all")),
            post("delete", url(delete), lambda w: {}, gone),
            # After an allowed delete this finds nothing (404); a denied one must not delete.
            post("bulk delete", url(f"/admin/bulk/{bulk}/delete/?id={{pk}}"), lambda w: {}, gone),
        ],
        "choose": [
            get("chooser", url(f"/admin/{admin}/chooser/")),
            get("chosen", url(f"/admin/{admin}/chooser/chosen/{{pk}}/")),
        ],
    }


PROBES = {
    "image": media_probes(
        "image",
        admin="images",
        bulk="wagtailimages/image",
        edit="/admin/images/{pk}/",
        delete="/admin/images/{pk}/delete/",
        usage="/admin/images/usage/{pk}/",
    ),
    "document": media_probes(
        "document",
        admin="documents",
        bulk="wagtaildocs/document",
        edit="/admin/documents/edit/{pk}/",
        delete="/admin/documents/delete/{pk}/",
        usage="/admin/documents/usage/{pk}/",
    ),
}
PROBES["image"]["view"].append(
    get(
        "preview",
        lambda w: f"/admin/images/{w['image'].pk}/preview/fill-80x80/",
        shows_marker=False,
    )
)
PROBES["image"]["choose"].append(
    get("select format", lambda w: f"/admin/images/chooser/{w['image'].pk}/select_format/")
)
CASES = matrix(PROBES)


@pytest.mark.parametrize("case", CASES, ids=[matrix_id(case) for case in CASES])
def test_media_isolation(client, world, case):
    role, resource, action = case
    check_access(client, world, case, PROBES[resource][action])
