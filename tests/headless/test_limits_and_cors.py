"""Per-client rate limits (429 with Retry-After), and CORS for the allowed frontends."""

from __future__ import annotations

import pytest
from wagtail.models import APIToken

from headless.ratelimit import rate_group
from tests.factories import UserFactory, provision_centre

pytestmark = pytest.mark.django_db

HOST = "socio.localhost"


@pytest.fixture
def centre():
    return provision_centre("Socio", HOST, slug="socio")


@pytest.fixture
def limited(settings):
    settings.MREZA = {
        **settings.MREZA,
        "API": {**settings.MREZA["API"], "RATE_LIMITS": {"listing": "3/minute", "search": "off"}},
    }


def listing(client, **extra):
    return client.get("/api/v3/pages/", HTTP_HOST=HOST, **extra)


@pytest.mark.parametrize(
    ("path", "group"),
    [
        ("/api/v3/pages/", "listing"),
        ("/api/v3/network/projects/", "listing"),
        ("/api/v3/occurrences/", "listing"),
        ("/api/v3/search/", "search"),
        ("/api/v3/pages/12/", None),
        ("/api/v3/network/projects/7/", None),
        ("/api/v3/openapi.json", None),
        ("/api/v3/docs/", None),
        ("/api/v3/preview/", None),
    ],
)
def test_listings_and_search_are_limited_details_and_the_schema_are_not(path, group):
    assert rate_group(path) == group


def test_a_client_over_its_limit_gets_429_with_retry_after(client, centre, limited):
    answers = [listing(client) for _ in range(3)]
    assert [response.status_code for response in answers] == [200, 200, 200]
    assert [response["X-RateLimit-Remaining"] for response in answers] == ["2", "1", "0"]

    refused = listing(client)

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Content-Type"] == "application/problem+json"
    assert "3 per 60 s" in refused.json()["detail"]


def test_the_limit_holds_on_redis_too(client, centre, limited, redis_cache):
    statuses = [listing(client).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_the_limit_counts_per_client(client, centre, limited):
    for _ in range(3):
        listing(client)
    assert listing(client).status_code == 429

    # Another address, and a token, each have their own allowance.
    assert listing(client, REMOTE_ADDR="10.0.0.7").status_code == 200
    _, key = APIToken.create_token(user=UserFactory(is_superuser=True), name="portal")
    assert listing(client, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_details_stay_available_to_a_limited_client(client, centre, limited):
    for _ in range(4):
        listing(client)

    page = centre.site.root_page
    assert client.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST=HOST).status_code == 200


def test_behind_a_proxy_the_configured_header_names_the_client(client, centre, settings):
    settings.MREZA = {
        **settings.MREZA,
        "API": {
            **settings.MREZA["API"],
            "RATE_LIMITS": {"listing": "1/minute"},
            "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
        },
    }
    assert listing(client, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 200
    assert listing(client, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    assert listing(client, HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 200


def test_cors_allows_the_configured_frontend_only(client, centre, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://socio.example.org"]

    allowed = listing(client, HTTP_ORIGIN="https://socio.example.org")
    other = listing(client, HTTP_ORIGIN="https://elsewhere.example")

    assert allowed["Access-Control-Allow-Origin"] == "https://socio.example.org"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in other


def test_cors_preflight_allows_conditional_requests(client, centre, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://socio.example.org"]

    response = client.options(
        "/api/v3/pages/",
        HTTP_HOST=HOST,
        HTTP_ORIGIN="https://socio.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, authorization",
    )

    assert response.status_code == 200
    allowed_headers = response["Access-Control-Allow-Headers"]
    assert "if-none-match" in allowed_headers
    assert "authorization" in allowed_headers


def test_cors_does_not_touch_the_public_pages(client, centre, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://socio.example.org"]

    response = client.get("/", HTTP_HOST=HOST, HTTP_ORIGIN="https://socio.example.org")

    assert "Access-Control-Allow-Origin" not in response
