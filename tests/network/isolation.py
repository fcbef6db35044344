"""The tenant-isolation matrix: a world owned by centre A, the expected rights of each role,
and a probe runner that drives the admin's real views with the test client.

Each test asks one role for one action on one resource, through one or more probes (admin
requests). Allowed: GETs answer 200 and show the resource's marker, POSTs take effect.
Denied: no response shows the marker and no POST takes effect; anonymous users are sent to
the login page from every admin URL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django import forms
from wagtail.models import Page

from network.models import SiteBranding
from sites.models import StandardPage
from tests.factories import (
    ContactPersonFactory,
    DocumentFactory,
    FunderFactory,
    ImageFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    LocationFactory,
    ProjectFactory,
    RegionFactory,
    TargetGroupFactory,
    TenantWorld,
    ThemeFactory,
    tenant_pair,
)

ROLES = ["anonymous", "editor_a", "moderator_a", "editor_b", "coordinator", "superuser"]
LOGIN_URL = "/admin/login/"

# What each resource is called in the response bodies; denied roles must never see it.
MARKERS = {
    "live_page": "Alpha live page",
    "draft_page": "Alpha draft page",
    "page_revisions": "Alpha draft page",
    "image": "Alpha image",
    "document": "Alpha document",
    "site_branding": "alpha-branding@example.org",
    "location": "Alpha office",
    "contact_person": "Alpha Person",
    "project": "Alpha project",
    "indicator_value": "Alpha indicator",
    "organisation": "Organisation A",
    "funder": "Alpha funder",
    "region": "Alpha region",
    "target_group": "Alpha target group",
    "theme": "Alpha theme",
}

OWNED_SNIPPETS = ["location", "contact_person", "project", "indicator_value"]
SHARED_SNIPPETS = ["funder", "region", "target_group", "theme"]
EVERYTHING = frozenset({"list", "view", "edit", "publish", "delete", "choose", "copy"})

_EDITOR_A = {
    "live_page": {"list", "view", "edit", "choose", "copy"},
    # Wagtail lets whoever may change a page delete it while nothing in it is live.
    "draft_page": {"list", "view", "edit", "delete", "choose", "copy"},
    "page_revisions": {"list", "view", "edit"},
    # Wagtail treats deleting an image or document as changing it (collection policy).
    "image": {"list", "view", "edit", "delete", "choose"},
    "document": {"list", "view", "edit", "delete", "choose"},
    "site_branding": {"list", "view", "edit"},
    **{name: {"list", "view", "edit", "delete", "choose"} for name in OWNED_SNIPPETS},
    # Editors change their organisation's record, but only coordinators delete one.
    "organisation": {"list", "view", "edit", "choose"},
    **{name: {"list", "view", "choose"} for name in SHARED_SNIPPETS},
}
_MODERATOR_EXTRA = {
    "live_page": {"publish", "delete"},
    "draft_page": {"publish", "delete"},
    "project": {"publish"},
}
# The expectation table: role -> resource -> the actions it may take on A's resources.
EXPECTED: dict[str, dict[str, frozenset]] = {
    "anonymous": {},
    "editor_a": {name: frozenset(actions) for name, actions in _EDITOR_A.items()},
    "moderator_a": {
        name: frozenset(actions | _MODERATOR_EXTRA.get(name, set()))
        for name, actions in _EDITOR_A.items()
    },
    "editor_b": {
        # The organisation directory is shared: listed and chosen, never opened or changed.
        "organisation": frozenset({"list", "choose"}),
        **{name: frozenset({"list", "view", "choose"}) for name in SHARED_SNIPPETS},
    },
    "coordinator": dict.fromkeys(MARKERS, EVERYTHING),
    "superuser": dict.fromkeys(MARKERS, EVERYTHING),
}


@dataclass
class IsolationWorld:
    """Centres A and B, the users of the matrix, and one of each resource (``world["image"]``)."""

    tenants: TenantWorld
    home: Page
    revisions: list
    objects: dict
    media_root: Path | None = None

    @property
    def users(self) -> dict:
        return self.tenants.users

    def __getitem__(self, resource: str):
        return self.objects[resource]


def build_isolation_world() -> IsolationWorld:
    tenants = tenant_pair()
    a, organisation = tenants.a, tenants.organisation_a
    editor = tenants.users["editor_a"]
    home = a.site.root_page.specific
    live_page = home.add_child(instance=StandardPage(title="Alpha live page", slug="alpha-live"))
    live_page.save_revision(user=editor, log_action=True).publish()
    draft_page = home.add_child(
        instance=StandardPage(title="Alpha draft page (first)", slug="alpha-draft", live=False)
    )
    first = draft_page.save_revision(user=editor, log_action=True)
    draft_page.title = "Alpha draft page (second)"
    second = draft_page.save_revision(user=editor, log_action=True)
    project = ProjectFactory(title="Alpha project", owner=organisation, live=False)
    project.save_revision(user=editor)
    project.summary = "Second thoughts"
    project.save_revision(user=editor)
    location = LocationFactory(name="Alpha office", organisation=organisation)
    objects = {
        "live_page": live_page,
        "draft_page": draft_page,
        "page_revisions": draft_page,
        "image": ImageFactory(title="Alpha image", collection=a.collection),
        "document": DocumentFactory(title="Alpha document", collection=a.collection),
        "site_branding": SiteBranding.for_site(a.site),
        "location": location,
        "contact_person": ContactPersonFactory(
            name="Alpha Person", organisation=organisation, location=location
        ),
        "project": project,
        "indicator_value": IndicatorValueFactory(
            indicator=IndicatorFactory(project=project, name="Alpha indicator")
        ),
        "organisation": organisation,
        "funder": FunderFactory(name="Alpha funder"),
        "region": RegionFactory(name="Alpha region"),
        "target_group": TargetGroupFactory(name="Alpha target group"),
        "theme": ThemeFactory(name="Alpha theme"),
    }
    SiteBranding.objects.filter(site=a.site).update(contact_email=MARKERS["site_branding"])
    objects["site_branding"].refresh_from_db()
    return IsolationWorld(tenants=tenants, home=home, revisions=[first, second], objects=objects)


def form_data(form: forms.BaseForm) -> dict:
    """What the browser would post for ``form`` unchanged, inline formsets included."""
    data = {}
    for bound in form:
        value = bound.value()
        if isinstance(bound.field.widget, forms.FileInput):
            continue  # the stored file is kept when none is uploaded
        if isinstance(bound.field.widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(getattr(item, "pk", item)) for item in value]
        elif value is not None:
            formatted = bound.field.widget.format_value(value)
            data[bound.html_name] = "" if formatted is None else formatted
    for formset in getattr(form, "formsets", {}).values():
        data.update(form_data(formset.management_form))
        for child in formset.forms:
            data.update(form_data(child))
    return data


@dataclass(frozen=True)
class Probe:
    """One admin request; ``effect`` tells whether a POST changed anything."""

    label: str
    url: Callable[[IsolationWorld], str]
    data: Callable[[IsolationWorld], dict] | None = None
    effect: Callable[[IsolationWorld], bool] | None = None
    host: str | None = None
    follow: bool = False
    # False for answers that cannot name the resource (image bytes): denied means not 200.
    shows_marker: bool = True

    @property
    def method(self) -> str:
        return "POST" if self.data is not None else "GET"


def get(label: str, url: Callable, **kwargs) -> Probe:
    return Probe(label, url, **kwargs)


def post(label: str, url: Callable, data: Callable, effect: Callable | None = None) -> Probe:
    """A POST; without ``effect`` (preview data) it must answer 200 when allowed."""
    return Probe(label, url, data=data, effect=effect)


def matrix(probes: dict[str, dict[str, list[Probe]]]) -> list:
    """(role, resource, action) for every role and every action a resource offers."""
    return [
        (role, resource, action)
        for resource, actions in probes.items()
        for action in actions
        for role in ROLES
    ]


def matrix_id(case) -> str:
    return "-".join(case)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return ""
    return response.content.decode(errors="replace")


def check_access(client, world: IsolationWorld, case: Iterable[str], probes: list[Probe]):
    """Send every probe as ``role`` and compare the outcome with the expectation table."""
    role, resource, action = case
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    allowed = action in EXPECTED[role].get(resource, ())
    marker = MARKERS[resource]
    for probe in probes:
        url = probe.url(world)
        where = f"{role}-{resource}-{action}: {probe.label} ({probe.method} {url})"
        extra = {"HTTP_HOST": probe.host} if probe.host else {}
        if probe.data is None:
            # Anonymous users are not followed to the login form: their redirect is the answer.
            response = client.get(url, follow=probe.follow and user is not None, **extra)
        else:
            response = client.post(url, probe.data(world), **extra)
        body = _body(response)
        assert response.status_code < 500, f"{where} answered {response.status_code}"
        if role == "anonymous":
            assert response.status_code == 302, f"{where} answered {response.status_code}"
            assert response["Location"].startswith(LOGIN_URL), f"{where} did not ask to log in"
        if allowed and probe.effect is None:
            assert response.status_code == 200, f"{where} refused ({response.status_code})"
            if probe.data is None and probe.shows_marker:
                assert marker in body, f"{where} did not show {marker!r}"
        elif not allowed:
            assert marker not in body, f"{where} LEAKED {marker!r}"
            if not probe.shows_marker:
                assert response.status_code != 200, f"{where} LEAKED: answered 200"
        if probe.effect is not None:
            happened = probe.effect(world)
            assert happened == allowed, f"{where} {'failed' if allowed else 'LEAKED: took effect'}"


def fresh(instance):
    """The instance as stored now, or None when it was deleted."""
    return type(instance)._default_manager.filter(pk=instance.pk).first()


def snippet_form_data(world: IsolationWorld, instance, **changes) -> dict:
    """The snippet's admin edit form, as posted unchanged, with ``changes`` applied."""
    form_class = type(instance).snippet_viewset.get_form_class()
    if hasattr(instance, "get_latest_revision_as_object"):
        instance = instance.get_latest_revision_as_object()
    form = form_class(instance=instance, for_user=world.users["superuser"])
    return {**form_data(form), **changes}
