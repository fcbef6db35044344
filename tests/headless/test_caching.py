"""The API's HTTP caching: ETags, 304s, Cache-Control, and a server cache that never goes stale."""

from __future__ import annotations

from decimal import Decimal

import pytest
from wagtail.models import APIToken, PageViewRestriction

from tests.factories import (
    ProjectFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    UserFactory,
    provision_centre,
)

pytestmark = pytest.mark.django_db

HOST = "socio.localhost"


@pytest.fixture
def project_page():
    tenant = provision_centre("Socio", HOST, slug="socio")
    project = ProjectFactory(
        title="Večgeneracijski center Socio",
        total_value=Decimal("875000.00"),
        live=True,
    )
    index = ProjectIndexPageFactory(parent=tenant.site.root_page)
    page = ProjectPageFactory(parent=index, project=project, title="Socio")
    page.tenant = tenant
    return page


def get(client, page, **headers):
    return client.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST=HOST, **headers)


def publish(page, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()


def test_get_carries_etag_last_modified_and_the_configured_cache_control(client, project_page):
    response = get(client, project_page)

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert "Accept-Language" in response["Vary"]


def test_if_none_match_is_answered_304_without_a_body(client, project_page):
    etag = get(client, project_page)["ETag"]

    response = get(client, project_page, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_is_answered_304_until_something_changes(
    client, project_page, django_capture_on_commit_callbacks
):
    last_modified = get(client, project_page)["Last-Modified"]
    assert get(client, project_page, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_a_cached_representation_is_served_without_touching_the_database(
    client, project_page, django_assert_num_queries
):
    first = get(client, project_page)
    assert first["X-Cache"] == "MISS"

    with django_assert_num_queries(0):
        second = get(client, project_page)

    assert second["X-Cache"] == "HIT"
    assert second.json() == first.json()
    assert second["ETag"] == first["ETag"]


def test_publishing_the_page_invalidates_it(
    client, project_page, django_capture_on_commit_callbacks
):
    before = get(client, project_page)

    publish(project_page, django_capture_on_commit_callbacks, title="Socio – novo ime")

    after = get(client, project_page, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["title"] == "Socio – novo ime"
    assert after["ETag"] != before["ETag"]


def test_a_saved_draft_changes_nothing_public(
    client, project_page, django_capture_on_commit_callbacks
):
    before = get(client, project_page)
    with django_capture_on_commit_callbacks(execute=True):
        project_page.title = "Osnutek"
        project_page.save_revision()

    after = get(client, project_page)
    assert after["X-Cache"] == "HIT"
    assert after.json()["title"] == "Socio"
    assert after["ETag"] == before["ETag"]


def test_changing_a_snippet_the_page_shows_invalidates_the_page(
    client, project_page, django_capture_on_commit_callbacks
):
    assert get(client, project_page).json()["project"]["title"] == "Večgeneracijski center Socio"

    with django_capture_on_commit_callbacks(execute=True):
        project = project_page.project
        project.title = "Socio 2.0"
        project.save()

    assert get(client, project_page).json()["project"]["title"] == "Socio 2.0"


@pytest.mark.parametrize("change", ["unpublish", "delete", "restrict"])
def test_unpublished_deleted_or_restricted_pages_leave_the_cache_at_once(
    client, project_page, django_capture_on_commit_callbacks, change
):
    assert get(client, project_page).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            project_page.unpublish()
        elif change == "delete":
            project_page.delete()
        else:
            PageViewRestriction.objects.create(
                page=project_page, restriction_type=PageViewRestriction.LOGIN
            )

    assert get(client, project_page).status_code == 404


def test_moving_a_page_changes_its_url_in_the_cached_listing(
    client, project_page, django_capture_on_commit_callbacks
):
    url = f"/api/v3/pages/{project_page.pk}/"
    before = client.get(url, HTTP_HOST=HOST).json()["meta"]["html_url"]
    home = project_page.tenant.site.root_page

    with django_capture_on_commit_callbacks(execute=True):
        project_page.move(home, pos="last-child")

    after = client.get(url, HTTP_HOST=HOST).json()["meta"]["html_url"]
    assert before != after
    assert after.rstrip("/").endswith(project_page.slug)


def test_token_requests_are_private_and_never_served_from_the_shared_cache(client, project_page):
    anonymous = get(client, project_page)
    user = UserFactory(is_superuser=True)
    _, key = APIToken.create_token(user=user, name="frontend")

    response = get(client, project_page, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 200
    assert "X-Cache" not in response
    assert response["Cache-Control"] == "private, no-cache"
    assert "Authorization" in response["Vary"]
    assert anonymous["Cache-Control"].startswith("public")


def test_errors_are_not_cached(client, project_page):
    response = client.get("/api/v3/pages/999999/", HTTP_HOST=HOST)

    assert response.status_code == 404
    assert response["Cache-Control"] == "no-cache"
    assert "X-Cache" not in response


def test_cache_control_is_configurable_per_endpoint(client, project_page, settings):
    settings.MREZA = {
        **settings.MREZA,
        "API": {**settings.MREZA["API"], "CACHE_CONTROL": {"": "public, max-age=5"}},
    }

    assert get(client, project_page)["Cache-Control"] == "public, max-age=5"


def test_a_client_asking_for_no_cache_gets_a_fresh_representation(client, project_page):
    get(client, project_page)

    response = get(client, project_page, HTTP_CACHE_CONTROL="no-cache")

    assert response["X-Cache"] == "MISS"


def test_the_server_cache_works_on_redis(
    client, project_page, django_capture_on_commit_callbacks, redis_cache
):
    assert get(client, project_page)["X-Cache"] == "MISS"
    assert get(client, project_page)["X-Cache"] == "HIT"

    publish(project_page, django_capture_on_commit_callbacks, title="Socio na Redisu")

    after = get(client, project_page)
    assert after["X-Cache"] == "MISS"
    assert after.json()["title"] == "Socio na Redisu"


# The worker checks its connection as in production (autocommit), so no test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_background_reference_index_update_starts_a_new_version(client, project_page, settings):
    """Which sites show a snippet is read from Wagtail's ReferenceIndex, which a background
    task backend updates after the change has committed: the cache follows the index."""
    from django.core.management import call_command
    from wagtail.tasks import update_reference_index_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    get(client, project_page)
    assert get(client, project_page)["X-Cache"] == "HIT"

    update_reference_index_task.enqueue("centre_sites", "projectpage", project_page.pk)
    assert get(client, project_page)["X-Cache"] == "HIT"  # queued, not yet run
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert get(client, project_page)["X-Cache"] == "MISS"


def test_the_redis_cache_keeps_one_client_and_loses_nothing(redis_cache):
    from django.core.cache import caches

    shared = caches["default"]
    shared.set("mreza:test:a", {"x": 1})
    shared.set_many({"mreza:test:b": 2, "mreza:test:c": 3})

    assert shared.get_many(["mreza:test:a", "mreza:test:b", "mreza:test:c"]) == {
        "mreza:test:a": {"x": 1},
        "mreza:test:b": 2,
        "mreza:test:c": 3,
    }
    # One redis.Redis per connection pool, not one per operation.
    backend = shared._cache
    assert backend.get_client(write=True) is backend.get_client(write=True)
    assert backend.get_client() is backend.get_client()
