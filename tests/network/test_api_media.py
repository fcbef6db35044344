"""Images and documents in API v3: each site lists only its own public media."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.api.v3.urls import api
from wagtail.images import get_image_model
from wagtail.models import APIToken, CollectionViewRestriction

from network.api import register_media_routers
from tests.factories import DocumentFactory, ImageFactory, UserFactory

pytestmark = pytest.mark.django_db

A, B = "a.localhost", "b.localhost"
RESOURCES = [("images", ImageFactory), ("documents", DocumentFactory)]
# Site, tenant, restrictions (+ their groups), collections, count, items, tags, renditions,
# the renditions INSERT: fixed, whatever the number of items.
MAX_LIST_QUERIES = 10


def get(client, path: str, host: str = A, **params):
    return client.get(f"/api/v3/{path}", params, HTTP_HOST=host)


def listed(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def restrict(collection, kind: str, group=None) -> CollectionViewRestriction:
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=kind, password="skrivnost"
    )
    if group is not None:
        restriction.groups.add(group)
    return restriction


@pytest.fixture
def world(tenants):
    """Each tenant's collection gets a public child and two restricted children."""
    a = tenants.a.collection
    tenants.public_a = a.add_child(name="A novice")
    tenants.password_a = a.add_child(name="A zaprto z geslom")
    tenants.group_a = a.add_child(name="A samo urednikom")
    restrict(tenants.password_a, CollectionViewRestriction.PASSWORD)
    restrict(tenants.group_a, CollectionViewRestriction.GROUPS, group=tenants.a.editors)
    return tenants


@pytest.fixture
def media(world):
    """One item of a kind per collection, keyed by where it lives."""

    def build(factory) -> dict:
        return {
            "a": factory(collection=world.a.collection),
            "a_child": factory(collection=world.public_a),
            "a_password": factory(collection=world.password_a),
            "a_group": factory(collection=world.group_a),
            "b": factory(collection=world.b.collection),
            "root": factory(),
        }

    return build


@pytest.mark.parametrize(("resource", "factory"), RESOURCES)
def test_host_lists_its_own_public_media_and_never_another_tenants(
    client, media, resource, factory
):
    items = media(factory)

    assert listed(get(client, f"{resource}/", A)) == {items["a"].pk, items["a_child"].pk}
    assert listed(get(client, f"{resource}/", B)) == {items["b"].pk}
    # A host with no site of its own falls back to Wagtail's default site: no tenant, no media.
    assert listed(get(client, f"{resource}/", "elsewhere.example")) == set()


@pytest.mark.parametrize(("resource", "factory"), RESOURCES)
def test_site_parameter_selects_another_sites_public_media(client, media, resource, factory):
    items = media(factory)

    for site in (B, f"{B}:80", B.upper()):
        assert listed(get(client, f"{resource}/", A, site=site)) == {items["b"].pk}
    expected = {items["a"].pk, items["a_child"].pk}
    assert listed(get(client, f"{resource}/", B, site=A)) == expected


def test_site_parameter_accepts_a_site_id(client, world):
    image = ImageFactory(collection=world.b.collection)

    assert listed(get(client, "images/", A, site=str(world.b.site_id))) == {image.pk}


@pytest.mark.parametrize(("resource", "factory"), RESOURCES)
def test_restricted_collections_are_hidden_from_anonymous_lists_and_details(
    client, media, resource, factory
):
    items = media(factory)

    for key in ("a_password", "a_group", "b", "root"):
        response = get(client, f"{resource}/{items[key].pk}/", A)
        assert response.status_code == 404, key
        assert response["Content-Type"] == "application/problem+json"
    assert get(client, f"{resource}/{items['a'].pk}/", A).json()["id"] == items["a"].pk


def test_group_restriction_opens_to_a_token_of_the_group_on_its_own_host_only(client, media, world):
    items = media(ImageFactory)
    editor = UserFactory(groups=[world.a.editors])
    _token, plaintext = APIToken.create_token(user=editor, name="frontend")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}

    on_a = client.get("/api/v3/images/", HTTP_HOST=A, **auth)
    from_b = client.get("/api/v3/images/", {"site": A}, HTTP_HOST=B, **auth)

    assert listed(on_a) == {items["a"].pk, items["a_child"].pk, items["a_group"].pk}
    # Another site's media through ``site=``: only what is public to everyone.
    assert listed(from_b) == {items["a"].pk, items["a_child"].pk}


def test_session_cookie_does_not_open_group_restrictions(client, media, world):
    items = media(DocumentFactory)
    client.force_login(UserFactory(groups=[world.a.editors]))

    assert items["a_group"].pk not in listed(get(client, "documents/", A))


def test_passed_password_restriction_shows_its_media_on_its_own_host(client, media, world):
    items = media(ImageFactory)
    restriction = CollectionViewRestriction.objects.get(collection=world.password_a)
    session = client.session
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()

    assert items["a_password"].pk in listed(get(client, "images/", A))
    assert items["a_password"].pk not in listed(get(client, "images/", B, site=A))


def test_image_carries_size_renditions_collection_and_tags(client, world):
    image = ImageFactory(
        collection=world.a.collection, title="Srečanje mreže", file__width=1200, file__height=900
    )
    image.tags.add("srecanje", "mreza")

    body = get(client, f"images/{image.pk}/", A).json()

    assert body["title"] == "Srečanje mreže"
    assert (body["width"], body["height"]) == (1200, 900)
    assert body["collection"]["id"] == world.a.collection.pk
    assert body["collection"]["name"] == "Centre A"
    assert sorted(body["meta"]["tags"]) == ["mreza", "srecanje"]
    assert body["meta"]["type"] == "wagtailimages.Image"
    assert body["meta"]["detail_url"] == f"http://a.localhost/api/v3/images/{image.pk}/"
    assert body["meta"]["download_url"] == image.file.url
    thumbnail, large = body["renditions"]["thumbnail"], body["renditions"]["large"]
    assert [thumbnail[key] for key in ("spec", "width", "height")] == ["fill-400x300", 400, 300]
    assert [large[key] for key in ("spec", "width", "height")] == ["width-800", 800, 600]
    assert thumbnail["url"].startswith("http://a.localhost/media/images/")
    assert ".fill-400x300" in thumbnail["url"]


def test_document_carries_file_details_and_a_working_download_url(client, world):
    document = DocumentFactory(collection=world.a.collection, title="Letno poročilo")
    document.tags.add("porocila")

    body = get(client, "documents/", A).json()

    assert body["count"] == 1
    item = body["items"][0]
    assert item["title"] == "Letno poročilo"
    assert (item["file_extension"], item["content_type"]) == ("pdf", "application/pdf")
    assert item["file_size"] == document.file.size
    assert item["filename"] == document.filename
    assert item["collection"]["name"] == "Centre A"
    assert item["meta"]["tags"] == ["porocila"]
    download_url = item["meta"]["download_url"]
    assert download_url == f"http://a.localhost/documents/{document.pk}/{document.filename}"
    download = client.get(download_url.removeprefix("http://a.localhost"), HTTP_HOST=A)
    assert download.status_code == 200


def test_media_are_paginated_with_limit_and_offset(client, world):
    images = ImageFactory.create_batch(5, collection=world.a.collection)
    newest_first = [image.pk for image in reversed(images)]

    body = get(client, "images/", A, limit=2, offset=1).json()

    assert body["count"] == 5
    assert [item["id"] for item in body["items"]] == newest_first[1:3]


@pytest.mark.parametrize(
    ("params", "status", "parameter"),
    [
        ({"site": "nowhere.localhost"}, 400, "site"),
        ({"site": "a.localhost:http"}, 400, "site"),
        ({"site": "99999999999999999999"}, 400, "site"),
        ({"site": "x" * 300}, 400, "site"),
        ({"limit": "many"}, 400, "limit"),
        ({"limit": 0}, 400, "limit"),
        ({"limit": 1000}, 400, "limit"),
        ({"offset": -1}, 400, "offset"),
    ],
)
@pytest.mark.parametrize("resource", ["images", "documents"])
def test_bad_parameters_answer_a_client_error_naming_the_parameter(
    client, tenants, resource, params, status, parameter
):
    response = get(client, f"{resource}/", A, **params)

    assert response.status_code == status
    body = response.json()
    named = [error["loc"][-1] for error in body.get("errors", [])]
    assert parameter in named or parameter in body["detail"]


def test_bad_site_on_a_detail_is_a_400_too(client, world):
    image = ImageFactory(collection=world.a.collection)

    response = get(client, f"images/{image.pk}/", A, site="nowhere.localhost")

    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"] == ["query", "site"]


def test_unknown_or_overflowing_ids_are_404s(client, tenants):
    for path in ("images/424242/", "documents/99999999999999999999/"):
        assert get(client, path, A).status_code == 404


def test_openapi_schema_documents_the_media_endpoints(client, tenants):
    schema = get(client, "openapi.json", A).json()

    for path in ("images/", "images/{image_id}/", "documents/", "documents/{document_id}/"):
        assert "get" in schema["paths"][f"/api/v3/{path}"]
    parameters = {p["name"] for p in schema["paths"]["/api/v3/images/"]["get"]["parameters"]}
    assert {"site", "limit", "offset"} <= parameters
    components = set(schema["components"]["schemas"])
    assert {"PublicImageSchema", "PublicDocumentSchema", "ImageRenditionSchema"} <= components


@pytest.mark.parametrize("resource", ["images", "documents"])
def test_wagtails_own_write_endpoints_stay_behind_their_token_check(client, tenants, resource):
    schema = get(client, "openapi.json", A).json()["paths"]
    detail = f"/api/v3/{resource}/{{{resource[:-1]}_id}}/"

    assert "post" in schema[f"/api/v3/{resource}/"]
    assert {"patch", "delete"} <= set(schema[detail])
    assert client.post(f"/api/v3/{resource}/", HTTP_HOST=A).status_code == 401


def test_registering_the_routers_again_changes_nothing(client, tenants):
    def operations() -> dict:
        return {
            (prefix, path): list(view.operations)
            for prefix, router in api._routers
            for path, view in router.path_operations.items()
        }

    before = operations()

    register_media_routers(api)

    assert operations() == before
    assert get(client, "images/", A).status_code == 200


def count_queries(client, path: str) -> int:
    """Queries of the view itself: the API's server cache is asked for a fresh answer, and
    the site is looked up afresh each time, as on a request's first visit. Wagtail's cache
    of the site root paths is warm, as on any running server."""
    from wagtail.models import Site

    from headless.caching import forget_sites

    forget_sites()
    Site.get_site_root_paths()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v3/{path}", HTTP_HOST=A, HTTP_CACHE_CONTROL="no-cache")
        assert response.status_code == 200
    return len(queries)


def test_listing_images_costs_the_same_queries_for_one_or_twenty(
    client, world, django_assert_max_num_queries
):
    restrict(world.public_a.add_child(name="A arhiv"), CollectionViewRestriction.GROUPS)
    ImageFactory(collection=world.a.collection).tags.add("ena")
    one = count_queries(client, "images/")  # its two renditions are made here
    for image in ImageFactory.create_batch(19, collection=world.public_a):
        image.tags.add("dve", "tri")

    with django_assert_max_num_queries(MAX_LIST_QUERIES):
        body = get(client, "images/", A).json()  # 38 renditions made here, in one INSERT
    warm = count_queries(client, "images/")

    assert body["count"] == 20
    assert all(item["renditions"]["thumbnail"] for item in body["items"])
    assert get_image_model().get_rendition_model().objects.count() == 40
    assert warm == one - 1  # no INSERT once every rendition exists


def test_listing_documents_costs_the_same_queries_for_one_or_twenty(
    client, world, django_assert_max_num_queries
):
    DocumentFactory(collection=world.a.collection).tags.add("ena")
    one = count_queries(client, "documents/")
    for document in DocumentFactory.create_batch(19, collection=world.public_a):
        document.tags.add("dve")

    with django_assert_max_num_queries(MAX_LIST_QUERIES):
        assert get(client, "documents/", A).json()["count"] == 20
    assert count_queries(client, "documents/") == one
