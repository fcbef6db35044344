"""The admin's internal media API lists only media the user may choose."""

import pytest

from tests.factories import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tenants):
    return {
        "image_a": ImageFactory(title="Slika centra A", collection=tenants.a.collection),
        "image_b": ImageFactory(title="Slika centra B", collection=tenants.b.collection),
        "document_a": DocumentFactory(title="Letno poročilo A", collection=tenants.a.collection),
        "document_b": DocumentFactory(title="Letno poročilo B", collection=tenants.b.collection),
    }


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_editor_sees_only_own_media_in_admin_api(client, tenants, media, endpoint):
    client.force_login(tenants.users["editor_b"])

    response = client.get(f"/admin/api/main/{endpoint}/")

    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert titles and all(title.endswith("B") for title in titles)
    own_a = media["image_a"] if endpoint == "images" else media["document_a"]
    assert client.get(f"/admin/api/main/{endpoint}/{own_a.pk}/").status_code == 404


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_coordinator_sees_every_tenants_media(client, tenants, media, endpoint):
    client.force_login(tenants.users["coordinator"])
    titles = {item["title"] for item in client.get(f"/admin/api/main/{endpoint}/").json()["items"]}
    assert {title[-1] for title in titles} >= {"A", "B"}
