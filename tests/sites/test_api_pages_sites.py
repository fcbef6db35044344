"""Wagtail's ``/api/v3/pages/`` made site-aware and leak-free: list, detail and find."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken, Locale, PageViewRestriction

from tests.blocks.helpers import make_page
from tests.blocks.stream_world import body, build_world
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

A, B = "a.localhost", "b.localhost"
# Scope, restrictions, permissions, count and rows: the same for 2 pages or 50.
MAX_LIST_QUERIES = 11
# What a block body may add to a page's detail, one set per block type (tests/blocks).
BODY_BOUND = 64


def token(user) -> dict:
    _token, plaintext = APIToken.create_token(user=user, name="frontend")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def pages(client, host: str = A, auth: dict | None = None, **params):
    return client.get("/api/v3/pages/", params, HTTP_HOST=host, **(auth or {}))


def detail(client, page_id: int, host: str = A, auth: dict | None = None, **params):
    headers = {key: params.pop(key) for key in list(params) if key.startswith("HTTP_")}
    return client.get(
        f"/api/v3/pages/{page_id}/", params, HTTP_HOST=host, **(auth or {}), **headers
    )


def find(client, host: str = A, auth: dict | None = None, **params):
    return client.get("/api/v3/pages/find/", params, HTTP_HOST=host, **(auth or {}))


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def assert_bad(response, parameter: str) -> None:
    assert response.status_code == 400, response.content
    locs = [error["loc"] for error in response.json()["errors"]]
    assert any(loc[0] == "query" and parameter in loc for loc in locs), locs


@pytest.fixture
def world(tenants):
    """On each site: a public page, a page with a pending draft, an unpublished page and a
    private page (login restriction) with a child."""
    for name, tenant in (("a", tenants.a), ("b", tenants.b)):
        root = tenant.site.root_page
        upper = name.upper()
        setattr(tenants, f"public_{name}", StandardPageFactory(parent=root, title=f"Javna {upper}"))
        edited = StandardPageFactory(parent=root, title=f"Objavljena {upper}")
        edited.title = f"Osnutek {upper}"
        edited.save_revision()
        setattr(tenants, f"edited_{name}", edited)
        unpublished = StandardPageFactory(parent=root, title=f"Neobjavljena {upper}")
        unpublished.unpublish()
        setattr(tenants, f"unpublished_{name}", unpublished)
        private = StandardPageFactory(parent=root, title=f"Zasebna {upper}")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        StandardPageFactory(parent=private, title=f"Pod zasebno {upper}")
        setattr(tenants, f"private_{name}", private)
    return tenants


def test_listing_is_the_hosts_site_unless_site_names_another_or_all(client, world):
    assert titles(pages(client, A)) == {"Centre A", "Javna A", "Objavljena A"}
    assert titles(pages(client, A, site=B)) == {"Centre B", "Javna B", "Objavljena B"}
    assert titles(pages(client, A, site=str(world.b.site.pk))) == titles(pages(client, B))
    network = pages(client, A, site="all", type="centre_sites.StandardPage")
    assert titles(network) == {"Javna A", "Objavljena A", "Javna B", "Objavljena B"}
    # Each item's HTML URL is on its own site's hostname.
    urls = {item["title"]: item["meta"]["html_url"] for item in network.json()["items"]}
    assert urls["Javna B"].startswith(f"http://{B}/")


def test_anonymous_reads_never_show_drafts_or_private_pages(client, world):
    for page in (world.unpublished_a, world.private_a, world.private_a.get_children().first()):
        assert detail(client, page.pk).status_code == 404
        assert find(client, html_path=page.get_url_parts()[2] or "/x/").status_code == 404
        assert find(client, id=page.pk).status_code == 404
    assert detail(client, world.edited_a.pk).json()["title"] == "Objavljena A"
    # version=draft needs a token that may edit the page; anonymous is refused, not served live.
    response = detail(client, world.edited_a.pk, version="draft")
    assert response.status_code == 404 and "Osnutek" not in response.content.decode()
    listed = titles(pages(client, A, site="all"))
    assert not {title for title in listed if title.startswith(("Neobjavljena", "Zasebna", "Pod"))}


@pytest.mark.parametrize("role", ["editor_a", "moderator_a"])
def test_a_centres_token_reads_its_own_drafts_and_never_another_tenants(client, world, role):
    auth = token(world.users[role])

    assert detail(client, world.edited_a.pk, auth=auth, version="draft").json()["title"] == (
        "Osnutek A"
    )
    assert detail(client, world.unpublished_a.pk, auth=auth).status_code == 200
    assert "Neobjavljena A" in titles(pages(client, A, auth=auth))
    # Another tenant's page: its live version only, never its draft or unpublished pages.
    assert detail(client, world.edited_b.pk, auth=auth).json()["title"] == "Objavljena B"
    assert detail(client, world.edited_b.pk, auth=auth, version="draft").status_code == 404
    assert detail(client, world.unpublished_b.pk, auth=auth).status_code == 404
    assert detail(client, world.private_b.pk, auth=auth).status_code == 404
    for host, params in ((A, {"site": "all"}), (B, {}), (A, {"site": B})):
        listed = titles(pages(client, host, auth=auth, **params))
        assert not {"Neobjavljena B", "Zasebna B", "Pod zasebno B", "Osnutek B"} & listed
    # Its own unpublished pages belong to its own site's listing, not to another site's.
    assert "Neobjavljena A" not in titles(pages(client, B, auth=auth))


def test_search_finds_only_what_the_request_may_read(client, world):
    editor_a = token(world.users["editor_a"])

    assert titles(pages(client, A, search="Zasebna", site="all")) == set()
    assert titles(pages(client, A, search="Neobjavljena", site="all", auth=editor_a)) == {
        "Neobjavljena A"
    }


def test_a_token_passes_only_restrictions_naming_its_users_group(client, world):
    # A token identifies a frontend, not a signed-in visitor: "login" restrictions stay shut.
    members = Group.objects.create(name="Člani A")
    frontend = UserFactory(username="frontend", groups=[members])  # no page permissions
    auth = token(frontend)
    restriction = PageViewRestriction.objects.create(page=world.public_a, restriction_type="groups")
    restriction.groups.add(members)

    for host in (A, B):
        assert detail(client, world.private_a.pk, host, auth=auth).status_code == 404
        assert detail(client, world.public_a.pk, host, auth=auth).status_code == 200
    assert "Zasebna A" not in titles(pages(client, A, auth=auth))
    assert "Javna A" in titles(pages(client, A, auth=auth))
    assert "Javna A" not in titles(pages(client, A))
    assert detail(client, world.public_a.pk, A, auth=auth, version="draft").status_code == 404


def test_detail_is_by_id_across_the_network_and_site_narrows_it(client, world):
    assert detail(client, world.public_b.pk, A).json()["title"] == "Javna B"
    assert detail(client, world.public_b.pk, A, site=B).status_code == 200
    assert detail(client, world.public_b.pk, A, site=A).status_code == 404


def test_find_resolves_paths_on_the_hosts_site_or_the_named_one(client, world):
    response = find(client, A, html_path="/javna-b/")
    assert response.status_code == 404

    response = find(client, A, html_path=world.public_b.get_url_parts()[2], site=B)
    assert response.status_code == 302
    assert client.get(response["Location"], HTTP_HOST=A).json()["title"] == "Javna B"


def test_find_resolves_a_language_prefixed_path_to_the_translation(client, world):
    english, _created = Locale.objects.get_or_create(language_code="en")
    world.a.site.root_page.copy_for_translation(english).save_revision().publish()
    translation = world.public_a.copy_for_translation(english)
    translation.title = "Public A"
    translation.save_revision().publish()
    path = translation.get_url_parts()[2]
    assert path.startswith("/en/")

    english_page = client.get(find(client, A, html_path=path)["Location"], HTTP_HOST=A)
    slovenian = find(client, A, html_path=world.public_a.get_url_parts()[2])

    assert english_page.json()["title"] == "Public A"
    assert english_page.json()["meta"]["locale"] == "en"
    assert client.get(slovenian["Location"], HTTP_HOST=A).json()["title"] == "Javna A"
    assert find(client, A, html_path="/en/ni-je/").status_code == 404


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("", {"colour": "red"}, "colour"),
        ("", {"site": "nowhere.localhost"}, "site"),
        ("", {"locale": "xx"}, "locale"),
        ("", {"type": "centre_sites.Nothing"}, "type"),
        ("", {"order": "colour"}, "order"),
        ("", {"limit": "101"}, "limit"),
        ("", {"site": "all", "child_of": "root"}, "child_of"),
        ("find/", {"html_path": "/", "site": "all"}, "site"),
        ("find/", {"colour": "red"}, "colour"),
        # NUL characters, which PostgreSQL can neither store nor compare
        ("", {"site": "a\x00"}, "site"),
        ("", {"search": "a\x00"}, "search"),
        ("find/", {"html_path": "/x\x00/"}, "html_path"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, world, path, params, parameter):
    assert_bad(client.get(f"/api/v3/pages/{path}", params, HTTP_HOST=A), parameter)


def test_a_page_of_another_site_is_no_relative_for_child_of(client, world):
    assert_bad(pages(client, A, child_of=world.public_b.pk), "child_of")
    assert pages(client, A, site="all", child_of=world.b.site.root_page.pk).status_code == 200


def test_detail_rejects_unknown_parameters(client, world):
    assert_bad(detail(client, world.public_a.pk, fields="*"), "fields")


@pytest.mark.parametrize("limit", [2, 50])
def test_listing_queries_do_not_grow_with_the_number_of_pages(
    client, world, django_assert_max_num_queries, limit
):
    for number in range(30):
        StandardPageFactory(parent=world.a.site.root_page, title=f"Stran {number}")
    PageViewRestriction.objects.create(page=world.public_b, restriction_type="groups")

    auth = token(world.users["editor_a"])
    with django_assert_max_num_queries(MAX_LIST_QUERIES):
        response = pages(client, A, auth=auth, site="all", limit=limit)

    assert len(response.json()["items"]) == min(limit, response.json()["count"])
    assert response.json()["count"] > 30


def count_queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_page_detail_queries_do_not_grow_with_the_number_of_blocks(client, tenants):
    root = tenants.a.site.root_page
    blocks_world = build_world(root)
    empty = make_page(root, [], slug="prazna")
    counted = {}
    for length in (0, 5, 20, 40):
        page = (
            make_page(root, body(blocks_world, length), slug=f"bloki-{length}") if length else empty
        )
        assert len(detail(client, page.pk).json()["body"]) == length  # warms renditions, roots
        # "no-cache" asks past the API's response cache, for the work of building the answer.
        counted[length] = count_queries(
            lambda page=page: detail(client, page.pk, HTTP_CACHE_CONTROL="no-cache")
        )

    assert counted[5] <= counted[0] + BODY_BOUND
    assert counted[40] <= counted[0] + BODY_BOUND
    # 20 blocks hold every block type once, 40 twice: the second of a type is free.
    assert counted[40] == counted[20]
