"""Editors preview drafts in the headless frontend of the page's own site, by expiring tokens.

The admin's real preview views answer with a page framing the site's frontend preview URL;
the frontend (here: a fresh, cookie-less test client) fetches the draft from
``/api/v3/preview/`` with the token from that URL.
"""

from __future__ import annotations

import html
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from wagtail.models import Page, get_page_models

from headless.models import HeadlessFrontend, PagePreview
from headless.previewing import (
    HeadlessPreviewMixin,
    issue_token,
    preview_for_token,
    store_preview,
    token_max_age,
)
from network.provisioning import provision_site
from sites.models import NewsArticlePage, StandardPage
from tests.factories import OrganisationFactory, tenant_pair
from tests.network.isolation import form_data

pytestmark = pytest.mark.django_db

FRONTEND_A = "https://frontend-a.example"
HUB_FRONTEND = "https://hub-frontend.example"
PUBLISHED = "Published title"
DRAFT = "Unsaved draft title"
IFRAME_SRC = re.compile(r'<iframe src="([^"]+)"')


@pytest.fixture
def world():
    """Centres A and B, a hub whose admin editors use, and frontends for A and the hub."""
    tenants = tenant_pair()
    hub = provision_site(
        name="Hub",
        hostname="hub.localhost",
        organisation=OrganisationFactory(name="Network", slug="network"),
        kind="hub",
    ).tenant
    HeadlessFrontend.objects.create(site=tenants.a.site, frontend_url=FRONTEND_A)
    HeadlessFrontend.objects.create(site=hub.site, frontend_url=HUB_FRONTEND)
    tenants.hub = hub
    return tenants


def publish_page(tenant, title: str = PUBLISHED, model=StandardPage, **fields) -> Page:
    page = tenant.site.root_page.add_child(instance=model(title=title, **fields))
    page.save_revision().publish()
    return page


@pytest.fixture
def page_a(world):
    return publish_page(world.a, slug="about")


def edit_form_data(page: Page, user, **changes) -> dict:
    """The page's edit form as the browser posts it, with ``changes`` applied."""
    page = page.get_latest_revision_as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=page.get_parent().specific, for_user=user)
    data = {key: value for key, value in form_data(form).items() if key != "body"}
    return {**data, "body-count": "0", **changes}


def admin_preview(client, url: str, data: dict, *, host: str):
    """What Wagtail's preview panel does: post the form, then load the preview in its iframe."""
    posted = client.post(url, data, HTTP_HOST=host)
    assert posted.status_code == 200, posted.content[:500]
    assert posted.json()["is_valid"], posted.json()
    return client.get(url, HTTP_HOST=host)


def preview_page_in_admin(client, page: Page, user, *, host: str, **changes):
    client.force_login(user)
    url = f"/admin/pages/{page.pk}/edit/preview/"
    return admin_preview(client, url, edit_form_data(page, user, **changes), host=host)


def frontend_url_in(response) -> str:
    assert response.status_code == 200
    found = IFRAME_SRC.search(response.content.decode())
    assert found, "the preview does not frame a frontend"
    return html.unescape(found.group(1))


def fetch_preview(query: dict, *, host: str = "b.localhost"):
    """The frontend's server-side request: no session, any API hostname."""
    return Client().get("/api/v3/preview/", query, HTTP_HOST=host)


def draft_query(url: str) -> dict:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def past(seconds: float):
    return lambda: time.time() - seconds


def problem_locations(response) -> list:
    assert response["Content-Type"].startswith("application/problem+json")
    return [error["loc"] for error in response.json()["errors"]]


# The admin side: which frontend a preview opens, and who may make one.


def test_preview_from_the_hub_admin_opens_the_frontend_of_the_pages_own_site(client, world, page_a):
    response = preview_page_in_admin(
        client, page_a, world.users["editor_a"], host="hub.localhost", title=DRAFT
    )

    url = frontend_url_in(response)
    assert url.startswith(f"{FRONTEND_A}/preview?")
    assert HUB_FRONTEND not in response.content.decode()
    query = draft_query(url)
    assert query["content_type"] == "centre_sites.standardpage"
    assert query["token"]
    assert PagePreview.objects.get().site == world.a.site


def test_the_frontend_gets_the_unsaved_draft_while_the_live_api_keeps_the_published_page(
    client, world, page_a
):
    url = frontend_url_in(
        preview_page_in_admin(
            client, page_a, world.users["editor_a"], host="hub.localhost", title=DRAFT
        )
    )

    response = fetch_preview(draft_query(url))
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    draft = response.json()
    assert draft["title"] == DRAFT
    assert draft["id"] == page_a.pk
    assert draft["meta"]["type"] == "centre_sites.StandardPage"
    assert draft["meta"]["parent"]["id"] == world.a.site.root_page_id

    live = Client().get(f"/api/v3/pages/{page_a.pk}/", HTTP_HOST="a.localhost").json()
    assert live["title"] == PUBLISHED
    page_a.refresh_from_db()
    assert page_a.get_latest_revision_as_object().title == PUBLISHED  # nothing was saved


def test_a_new_page_previews_in_the_frontend_before_it_is_ever_saved(client, world):
    editor = world.users["editor_a"]
    client.force_login(editor)
    home = world.a.site.root_page.specific
    form_class = StandardPage().get_edit_handler().get_form_class()
    data = form_data(form_class(instance=StandardPage(), parent_page=home, for_user=editor))
    data = {key: value for key, value in data.items() if key != "body"}
    data.update({"title": "Not yet saved", "slug": "not-yet-saved", "body-count": "0"})
    url = f"/admin/pages/add/centre_sites/standardpage/{home.pk}/preview/"

    response = fetch_preview(
        draft_query(frontend_url_in(admin_preview(client, url, data, host="hub.localhost")))
    )

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Not yet saved"
    assert response.json()["id"] == 0  # no page has this id yet
    assert not StandardPage.objects.filter(slug="not-yet-saved").exists()


def test_an_editor_of_site_b_cannot_preview_site_as_page(client, world, page_a):
    client.force_login(world.users["editor_b"])
    url = f"/admin/pages/{page_a.pk}/edit/preview/"
    data = edit_form_data(page_a, world.users["superuser"], title=DRAFT)

    posted = client.post(url, data, HTTP_HOST="b.localhost")
    shown = client.get(url, HTTP_HOST="b.localhost")

    assert posted.status_code in (302, 403) and shown.status_code in (302, 403)
    assert FRONTEND_A not in shown.content.decode()
    assert not PagePreview.objects.exists()


def test_a_site_without_a_frontend_previews_with_wagtails_own_templates(client, world):
    page_b = publish_page(world.b, slug="about-b")

    response = preview_page_in_admin(
        client, page_b, world.users["editor_b"], host="hub.localhost", title=DRAFT
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert DRAFT in body and "<iframe src=" not in body
    assert not PagePreview.objects.exists()


def test_every_page_type_previews_through_the_headless_mixin():
    """Before any mixin of its own (RoutablePageMixin's serve_preview would skip it)."""
    page_types = [model for model in get_page_models() if model._meta.app_label == "centre_sites"]
    assert len(page_types) >= 15
    for model in page_types:
        assert model.serve_preview is HeadlessPreviewMixin.serve_preview, model


# The frontend setting: each site's moderators and the coordinators set it, nobody else.


def settings_url(site) -> str:
    return f"/admin/settings/headless/headlessfrontend/{site.pk}/"


@pytest.mark.parametrize(
    ("role", "site", "allowed"),
    [
        ("moderator_a", "a", True),
        ("coordinator", "a", True),
        ("superuser", "a", True),
        ("editor_a", "a", False),
        ("editor_b", "a", False),
        ("moderator_a", "b", False),
    ],
)
def test_only_a_sites_admins_set_its_frontend(client, world, role, site, allowed):
    site = getattr(world, site).site
    before = HeadlessFrontend.for_site(site).frontend_url
    client.force_login(world.users[role])

    shown = client.get(settings_url(site))
    client.post(
        settings_url(site), {"frontend_url": "https://new.example", "preview_path": "/draft"}
    )

    stored = HeadlessFrontend.objects.get(site=site)
    if allowed:
        assert shown.status_code == 200
        assert (stored.frontend_url, stored.preview_path) == ("https://new.example", "/draft")
    else:
        assert shown.status_code in (302, 403)
        assert "frontend_url" not in shown.content.decode()
        assert stored.frontend_url == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"frontend_url": "ftp://frontend.example"}, "frontend_url"),
        ({"frontend_url": "javascript:alert(1)"}, "frontend_url"),
        ({"frontend_url": "https://frontend.example/?draft=1"}, "frontend_url"),
        ({"frontend_url": "https://user:secret@frontend.example"}, "frontend_url"),
        ({"preview_path": "preview"}, "preview_path"),
        ({"preview_path": "//elsewhere.example/preview"}, "preview_path"),
        ({"preview_path": "/preview?draft=1"}, "preview_path"),
    ],
)
def test_bad_frontend_settings_are_form_errors_on_their_field(client, world, change, field):
    client.force_login(world.users["moderator_a"])
    data = {"frontend_url": "https://fine.example", "preview_path": "/preview", **change}

    response = client.post(settings_url(world.a.site), data)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {field}
    assert HeadlessFrontend.objects.get(site=world.a.site).frontend_url == FRONTEND_A


def test_the_preview_uses_the_frontend_a_moderator_just_set(client, world, page_a):
    client.force_login(world.users["moderator_a"])
    client.post(
        settings_url(world.a.site),
        {"frontend_url": "http://localhost:3000/", "preview_path": "/api/draft"},
    )

    response = preview_page_in_admin(
        client, page_a, world.users["editor_a"], host="hub.localhost", title=DRAFT
    )

    assert frontend_url_in(response).startswith("http://localhost:3000/api/draft?content_type=")


# The API side: only a valid, fresh token for the right page opens a draft.


@pytest.fixture
def stored(world, page_a):
    draft = page_a.get_latest_revision_as_object()
    draft.title = DRAFT
    return store_preview(draft, world.a.site)


def test_an_expired_token_is_refused_though_its_preview_is_still_stored(stored):
    token = issue_token(stored, clock=past(token_max_age() + 1))

    response = fetch_preview({"content_type": "centre_sites.standardpage", "token": token})

    assert response.status_code == 401
    assert problem_locations(response) == [["query", "token"]]
    assert response.json()["errors"][0]["type"] == "expired_token"
    assert DRAFT not in response.content.decode()
    assert PagePreview.objects.filter(pk=stored.pk).exists()


def test_a_token_from_the_admin_expires_after_the_configured_lifetime(client, world, page_a):
    url = frontend_url_in(
        preview_page_in_admin(client, page_a, world.users["editor_a"], host="a.localhost")
    )
    token = draft_query(url)["token"]

    assert preview_for_token(token, clock=lambda: time.time() + token_max_age() - 5)
    with pytest.raises(Exception, match="expired"):
        preview_for_token(token, clock=lambda: time.time() + token_max_age() + 1)


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"), id="signature"),
        pytest.param(
            # Another preview's id (a UUID: its first digit may already be a 0).
            lambda token: ("1" if token[0] == "0" else "0") + token[1:],
            id="preview-id",
        ),
        pytest.param(lambda token: token.rsplit(":", 1)[0], id="unsigned"),
        pytest.param(lambda token: "", id="empty"),
    ],
)
def test_a_tampered_token_is_refused(stored, tamper):
    token = tamper(issue_token(stored))

    response = fetch_preview({"content_type": "centre_sites.standardpage", "token": token})

    assert response.status_code in (400, 401)
    assert DRAFT not in response.content.decode()
    assert ["query", "token"] in problem_locations(response)


def test_a_token_for_one_page_cannot_open_another(world, stored):
    news = publish_page(world.a, "Other page", model=NewsArticlePage, slug="news")
    other = store_preview(news, world.a.site)
    mine, theirs = issue_token(stored), issue_token(other)
    # The other preview's id under this preview's signature and timestamp.
    forged = str(other.pk) + mine[len(str(stored.pk)) :]

    response = fetch_preview({"content_type": "centre_sites.newsarticlepage", "token": forged})
    assert response.status_code == 401
    wrong_type = fetch_preview({"content_type": "centre_sites.newsarticlepage", "token": mine})
    assert wrong_type.status_code == 400
    assert problem_locations(wrong_type) == [["query", "content_type"]]
    assert DRAFT not in wrong_type.content.decode()
    own = fetch_preview({"content_type": "centre_sites.newsarticlepage", "token": theirs})
    assert own.json()["title"] == "Other page"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"content_type": "centre_sites.nosuchpage"}, "content_type"),
        ({"content_type": "auth.user"}, "content_type"),
        ({"content_type": "wagtailcore.page"}, "content_type"),
        ({"content_type": "standardpage"}, "content_type"),
        ({"token": None}, "token"),
        ({"content_type": None}, "content_type"),
        ({"page": "1"}, "page"),
    ],
)
def test_bad_parameters_are_400s_naming_them(stored, query, parameter):
    full = {"content_type": "centre_sites.standardpage", "token": issue_token(stored), **query}

    response = fetch_preview({name: value for name, value in full.items() if value is not None})

    assert response.status_code == 400, response.content
    assert ["query", parameter] in problem_locations(response)
    assert DRAFT not in response.content.decode()


def test_a_purged_preview_is_not_served_from_any_cache(stored):
    query = {"content_type": "centre_sites.standardpage", "token": issue_token(stored)}
    assert fetch_preview(query).json()["title"] == DRAFT

    PagePreview.objects.all().delete()

    response = fetch_preview(query)
    assert response.status_code == 401
    assert DRAFT not in response.content.decode()


def test_expired_previews_are_purged_when_a_new_one_is_stored(world, page_a):
    old = store_preview(page_a, world.a.site, clock=past(token_max_age() + 60))
    recent = store_preview(page_a, world.a.site, clock=past(token_max_age() - 60))

    store_preview(page_a, world.a.site)

    assert not PagePreview.objects.filter(pk=old.pk).exists()
    assert PagePreview.objects.filter(pk=recent.pk).exists()


def test_session_cookies_grant_nothing_without_a_token(client, world, page_a):
    client.force_login(world.users["superuser"])
    response = client.get(
        "/api/v3/preview/", {"content_type": "centre_sites.standardpage"}, HTTP_HOST="a.localhost"
    )
    assert response.status_code == 400
    assert ["query", "token"] in problem_locations(response)


def test_preview_queries_do_not_grow_with_the_number_of_blocks(
    world, page_a, django_assert_max_num_queries
):
    def preview_with_blocks(count: int) -> dict:
        draft = page_a.get_latest_revision_as_object()
        draft.body = [{"type": "paragraph", "value": f"<p>Paragraph {n}</p>"} for n in range(count)]
        preview = store_preview(draft, world.a.site)
        return {"content_type": "centre_sites.standardpage", "token": issue_token(preview)}

    small, large = preview_with_blocks(2), preview_with_blocks(60)
    fetch_preview(small)  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(12) as few:
        assert len(fetch_preview(small).json()["body"]) == 2
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(fetch_preview(large).json()["body"]) == 60


def test_the_preview_endpoint_is_typed_like_page_detail_in_the_openapi_document(client):
    schema = client.get("/api/v3/openapi.json").json()
    preview = schema["paths"]["/api/v3/preview/"]["get"]
    detail = schema["paths"]["/api/v3/pages/{page_id}/"]["get"]

    ok = preview["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == detail["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"content_type", "token"} <= {p["name"] for p in preview["parameters"] if p["required"]}
    assert {"400", "401"} <= set(preview["responses"])
