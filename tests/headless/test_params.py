"""Bad query parameters are 400s that name the parameter the client sent, on every endpoint."""

from __future__ import annotations

import pytest

from tests.factories import provision_centre

pytestmark = pytest.mark.django_db

HOST = "socio.localhost"


@pytest.fixture(autouse=True)
def centre():
    return provision_centre("Socio", HOST, slug="socio")


def named(response) -> set[str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {error["loc"][1] for error in response.json()["errors"]}


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("pages/", {"type": "centre_sites.NoSuchPage"}, "type"),
        ("pages/", {"child_of": "abc"}, "child_of"),
        ("pages/", {"limit": "many"}, "limit"),
        ("pages/", {"colour": "blue"}, "colour"),
        ("occurrences/", {"start": "tomorrow"}, "start"),
        ("occurrences/", {"site": "nowhere.localhost"}, "site"),
        ("occurrences/", {"site": "socio\x00.localhost"}, "site"),
        ("occurrences/", {"locale": "xx"}, "locale"),
        ("network/projects/", {"locale": "sl\x00"}, "locale"),
        ("images/", {"site": "a:b:c"}, "site"),
    ],
)
def test_the_error_names_the_parameter(client, path, params, parameter):
    response = client.get(f"/api/v3/{path}", params, HTTP_HOST=HOST)

    assert parameter in named(response)
    assert parameter in response.json()["detail"]


def test_a_request_body_error_stays_a_422(client):
    # Writes are Wagtail's and keep its status for an invalid body; a token is needed first.
    response = client.post("/api/v3/pages/", "{}", content_type="application/json", HTTP_HOST=HOST)

    assert response.status_code in (401, 422)
