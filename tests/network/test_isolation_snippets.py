"""Isolation matrix for snippets: A's organisation-owned snippets and the network-wide ones.

Owned snippets (locations, contact people, projects, indicator values) are A's alone; the
organisation record is listed and chosen by every editor but opened and changed only by its
own editors and coordinators; network-wide snippets (funders, regions, target groups, themes)
are read by every editor and changed only by coordinators.
"""

from __future__ import annotations

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from network.models import ContactPerson
from tests.factories import ImageFactory, LocationFactory
from tests.network.isolation import (
    ROLES,
    IsolationWorld,
    check_access,
    fresh,
    get,
    matrix,
    matrix_id,
    post,
    snippet_form_data,
)

pytestmark = pytest.mark.django_db

# resource -> (URL name of the model, a field to edit, its new value)
SNIPPETS = {
    "location": ("location", "name", "Alpha office edited"),
    "contact_person": ("contactperson", "name", "Alpha Person edited"),
    "project": ("project", "title", "Alpha project edited"),
    "indicator_value": ("indicatorvalue", "source", "Edited source"),
    "organisation": ("organisation", "name", "Organisation A edited"),
    "funder": ("funder", "name", "Alpha funder edited"),
    "region": ("region", "name", "Alpha region edited"),
    "target_group": ("targetgroup", "name", "Alpha target group edited"),
    "theme": ("theme", "name", "Alpha theme edited"),
}
SHARED = {"funder", "region", "target_group", "theme"}
EDITOR_PAGES = ("edit", "history", "usage")


def current(world: IsolationWorld, resource: str):
    """The snippet as stored, its latest draft for snippets with revisions."""
    instance = fresh(world[resource])
    if instance is not None and hasattr(instance, "get_latest_revision_as_object"):
        instance = instance.get_latest_revision_as_object()
    return instance


def snippet_probes(resource: str) -> dict:
    model_name, field, value = SNIPPETS[resource]
    admin = f"/admin/snippets/network/{model_name}/"
    bulk_delete = f"/admin/bulk/network/{model_name}/delete/"
    chooser = f"/admin/snippets/choose/network/{model_name}/"
    # wagtail-localize's translation editor chooses snippets through an API of its own.
    translation_api = f"/admin/localize/api/snippets/network/{model_name}/"

    def at(url: str):
        return lambda w: url.replace("{pk}", str(w[resource].pk))

    def gone(w: IsolationWorld) -> bool:
        return fresh(w[resource]) is None

    def edited(w: IsolationWorld) -> bool:
        return getattr(current(w, resource), field) == value

    def edit_data(w: IsolationWorld) -> dict:
        return snippet_form_data(w, w[resource], **{field: value})

    readers = [get("inspect", at(admin + "inspect/{pk}/"))]
    editors = [get(f"{page} page", at(admin + f"{page}/{{pk}}/")) for page in EDITOR_PAGES]
    edit = post("edit", at(admin + "edit/{pk}/"), edit_data, edited)
    return {
        "list": [get("index", at(admin))],
        # Editors hold only the view permission on network-wide snippets: they read them in
        # the inspect view; the edit form, history and usage belong to those who change them.
        "view": readers if resource in SHARED else readers + editors,
        "edit": [*editors, edit] if resource in SHARED else [edit],
        "delete": [
            get("confirm", at(admin + "delete/{pk}/")),
            get("bulk confirm", at(bulk_delete + "?id={pk}")),
            get("bulk confirm (all)", at(bulk_delete + "?id=all")),
            post("delete", at(admin + "delete/{pk}/"), lambda w: {}, gone),
            # After an allowed delete this finds nothing (404); a denied one must not delete.
            post("bulk delete", at(bulk_delete + "?id={pk}"), lambda w: {}, gone),
        ],
        "choose": [
            get("chooser", at(chooser)),
            get("chosen", at(chooser + "chosen/{pk}/")),
            get("translation chooser", at(translation_api)),
            get("translation chosen", at(translation_api + "{pk}/")),
        ],
    }


PROBES = {resource: snippet_probes(resource) for resource in SNIPPETS}

# Organisation A owns a project (on_delete=PROTECT): ask only for the confirmations.
PROBES["organisation"]["delete"] = [
    probe for probe in PROBES["organisation"]["delete"] if probe.method == "GET"
]


def _compare_url(w: IsolationWorld) -> str:
    project = w["project"]
    first, second = project.revisions.order_by("pk").values_list("pk", flat=True)[:2]
    history = f"/admin/snippets/network/project/history/{project.pk}"
    return f"{history}/revisions/compare/{first}...{second}/"


PROBES["project"]["view"].append(get("revision compare", _compare_url))
PROBES["project"]["publish"] = [
    post(
        "publish",
        lambda w: f"/admin/snippets/network/project/edit/{w['project'].pk}/",
        lambda w: snippet_form_data(w, w["project"], **{"action-publish": "1"}),
        lambda w: fresh(w["project"]).live,
    )
]
CASES = matrix(PROBES)


@pytest.mark.parametrize("case", CASES, ids=[matrix_id(case) for case in CASES])
def test_snippet_isolation(client, world, case):
    role, resource, action = case
    check_access(client, world, case, PROBES[resource][action])


def test_contact_form_neither_offers_nor_accepts_another_centres_records(client, world):
    """B's organisation, location and image are not choices for A's editor, nor accepted."""
    b = world.tenants
    location_b = LocationFactory(name="Beta office", organisation=b.organisation_b)
    photo_b = ImageFactory(title="Beta photo", collection=b.b.collection)
    client.force_login(world.users["editor_a"])
    add_url = "/admin/snippets/network/contactperson/add/"

    form = client.get(add_url).context["form"]
    assert list(form.fields["organisation"].queryset) == [b.organisation_a]
    assert list(form.fields["location"].queryset) == [world["location"]]
    assert list(form.fields["photo"].queryset) == [world["image"]]
    chooser = client.get("/admin/snippets/choose/network/location/").content.decode()
    assert "Alpha office" in chooser
    assert "Beta office" not in chooser

    before = ContactPerson.objects.count()
    response = client.post(
        add_url,
        {
            "name": "Smuggled Person",
            "organisation": b.organisation_b.pk,
            "location": location_b.pk,
            "photo": photo_b.pk,
        },
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"organisation", "location", "photo"}
    assert ContactPerson.objects.count() == before


def test_contact_edit_refuses_another_centres_location(client, world):
    location_b = LocationFactory(name="Beta office", organisation=world.tenants.organisation_b)
    person = world["contact_person"]
    client.force_login(world.users["editor_a"])

    response = client.post(
        f"/admin/snippets/network/contactperson/edit/{person.pk}/",
        snippet_form_data(world, person, location=location_b.pk),
    )

    assert response.status_code == 200
    assert "location" in response.context["form"].errors
    assert fresh(person).location == world["location"]


@pytest.mark.parametrize("resource", ["location", "project", "funder"])
def test_snippet_copy_is_switched_off(client, world, resource):
    """No snippet has a copy view: copying would clone another centre's record past the guard."""
    client.force_login(world.users["superuser"])
    model_name = SNIPPETS[resource][0]

    response = client.get(f"/admin/snippets/network/{model_name}/copy/{world[resource].pk}/")

    assert response.status_code == 404


@pytest.fixture
def location_translation(world) -> Translation:
    """An English translation of A's location, made with wagtail-localize."""
    source, _created = TranslationSource.get_or_create_from_instance(world["location"])
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(user=world.users["editor_a"])
    return translation


TRANSLATION_CASES = [(role, action) for action in ("view", "edit") for role in ROLES]


@pytest.mark.parametrize(
    ("role", "action"),
    TRANSLATION_CASES,
    ids=[f"{role}-location_translation-{action}" for role, action in TRANSLATION_CASES],
)
def test_translation_of_an_owned_snippet(client, world, location_translation, role, action):
    """wagtail-localize's views by translation id: B may not read or stop A's translation."""
    url = f"/admin/localize/translate/{location_translation.pk}/"
    probes = {
        "view": [get("translation file", lambda w: url + "pofile/download/")],
        "edit": [
            post(
                "stop translating",
                lambda w: url + "disable/",
                lambda w: {},
                lambda w: not Translation.objects.get(pk=location_translation.pk).enabled,
            )
        ],
    }
    check_access(client, world, (role, "location", action), probes[action])
