"""The network directory's contract: 400s that name the parameter, 404s, and responses that
validate against the typed OpenAPI document."""

from __future__ import annotations

from datetime import timedelta

import jsonschema
import pytest
from django.core.cache import cache
from django.utils import timezone
from openapi_spec_validator import validate

from tests.factories import OpeningHoursExceptionFactory
from tests.network.directory_world import (  # noqa: F401
    A,
    directory_network,
    get,
    items,
    network_fixture,
    parameter_error,
)

pytestmark = pytest.mark.django_db

RESOURCES = ["organisations", "funders", "projects", "locations", "contacts", "regions"]

UNKNOWN_VALUES = [
    ("organisations", "region"),
    ("organisations", "project"),
    ("funders", "project"),
    ("projects", "region"),
    ("projects", "funder"),
    ("projects", "target_group"),
    ("projects", "theme"),
    ("projects", "organisation"),
    ("locations", "organisation"),
    ("locations", "region"),
    ("contacts", "organisation"),
    ("contacts", "location"),
    ("contacts", "region"),
]


@pytest.mark.parametrize(("resource", "parameter"), UNKNOWN_VALUES)
def test_a_filter_naming_nothing_is_a_400_naming_the_parameter_and_value(
    client, network, resource, parameter
):
    for value in ("atlantida", "987654", "99999999999999999999999"):
        detail = parameter_error(get(client, f"{resource}/", **{parameter: value}), parameter)
        assert value in detail


@pytest.mark.parametrize("resource", RESOURCES)
def test_unknown_parameters_are_refused_by_name(client, network, resource):
    assert "colour" in parameter_error(get(client, f"{resource}/", colour="red"), "colour")
    detail = get(client, f"{resource}/1/", colour="red")
    assert "colour" in parameter_error(detail, "colour")
    # A filter of another endpoint is unknown here too, not silently ignored.
    other = "theme" if resource != "projects" else "country"
    parameter_error(get(client, f"{resource}/", **{other: "x"}), other)


@pytest.mark.parametrize(
    ("resource", "parameter", "value"),
    [
        ("organisations", "kind", "spaceship"),
        ("funders", "kind", "bank"),
        ("regions", "country", "AT"),
        ("projects", "limit", "many"),
        ("projects", "limit", "0"),
        ("projects", "offset", "-1"),
        ("projects", "offset", "99999999999999999999"),
        ("projects", "region", "two words"),
        ("projects", "site", "a b"),
        ("projects", "locale", "x"),
        ("projects", "limit", "101"),
    ],
)
def test_wrong_values_are_400s_naming_the_parameter(client, network, resource, parameter, value):
    parameter_error(get(client, f"{resource}/", **{parameter: value}), parameter)


def test_empty_values_mean_the_parameter_was_not_given(client, network):
    everything = {item["id"] for item in items(get(client, "projects/"))}
    empty = get(client, "projects/", site="", locale="", region="", funder="", theme="")

    assert {item["id"] for item in items(empty)} == everything


def test_the_largest_page_is_allowed_and_one_more_is_not(client, network, settings):
    assert get(client, "projects/", limit=str(settings.WAGTAILAPI_LIMIT_MAX)).status_code == 200
    detail = parameter_error(
        get(client, "projects/", limit=str(settings.WAGTAILAPI_LIMIT_MAX + 1)), "limit"
    )
    assert str(settings.WAGTAILAPI_LIMIT_MAX) in detail


def test_unknown_sites_and_languages_are_400s(client, network):
    assert "nowhere.example" in parameter_error(
        get(client, "funders/", site="nowhere.example"), "site"
    )
    assert "xx" in parameter_error(get(client, "funders/", locale="xx"), "locale")
    # A detail belongs to no site in particular: it cannot span them all either.
    parameter_error(get(client, f"funders/{network.esf.pk}/", site="all"), "site")


@pytest.mark.parametrize("resource", RESOURCES)
def test_details_of_missing_items_are_404s_and_bad_ids_never_500s(client, network, resource):
    missing = get(client, f"{resource}/987654/")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    for bad in ("abc", "0", "99999999999999999999999"):
        assert 400 <= get(client, f"{resource}/{bad}/").status_code < 500, bad


def test_an_office_has_structured_weekly_hours_and_coming_exceptions(client, network):
    today = timezone.localdate()
    OpeningHoursExceptionFactory(
        location=network.office_a, date=today + timedelta(days=3), closed=True, note="Praznik"
    )
    OpeningHoursExceptionFactory(location=network.office_a, date=today - timedelta(days=3))

    hours = get(client, f"locations/{network.office_a.pk}/").json()["opening_hours"]

    assert hours["weekly"][0]["ranges"] == [{"opens": "07:00", "closes": "18:00"}]
    assert [day["ranges"] for day in hours["weekly"][1:]] == [[]] * 6
    coming = [(item["date"], item["closed"], item["note"]) for item in hours["exceptions"]]
    assert (str(today + timedelta(days=3)), True, "Praznik") in coming
    assert all(day >= str(today) for day, _closed, _note in coming)
    assert hours["time_zone"] == "Europe/Ljubljana"
    assert hours["summary"].startswith("pon 07:00–18:00")


def test_money_is_decimal_strings_and_project_details_carry_indicators(client, network):
    project = get(client, f"projects/{network.tocke.pk}/").json()

    assert project["total_value"] == "875000.00"
    [line] = project["funding_lines"]
    assert (line["funder"]["name"], line["amount"], line["share"]) == (
        "Evropski socialni sklad",
        "575000.00",
        "65.71",
    )
    assert project["indicators"] == []
    assert [part["organisation"]["name"] for part in project["participations"]] == ["Občina Pivka"]


def response_schema(document: dict, path: str) -> jsonschema.Validator:
    operation = document["paths"][f"/api/v3/network/{path}"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    root = {**schema, "components": document["components"]}
    return jsonschema.Draft202012Validator(root)


def untyped(schema: dict, where: str) -> list[str]:
    """Places in a component where any JSON would do (an empty or a bare-object schema)."""
    if "$ref" in schema or "enum" in schema or "const" in schema:
        return []
    if "anyOf" in schema:
        return [p for i, s in enumerate(schema["anyOf"]) for p in untyped(s, f"{where}|{i}")]
    kind = schema.get("type")
    if kind is None or (kind == "object" and "properties" not in schema):
        return [where]
    if kind == "array":
        return untyped(schema.get("items", {}), f"{where}[]")
    if kind == "object":
        return [
            p for name, s in schema["properties"].items() for p in untyped(s, f"{where}.{name}")
        ]
    return []


def test_every_response_validates_against_the_openapi_document(client, network):
    cache.clear()
    document = client.get("/api/v3/openapi.json").json()
    validate(document)
    details = {
        "organisations": network.org_a.pk,
        "funders": network.esf.pk,
        "projects": network.tocke.pk,
        "locations": network.office_a.pk,
        "contacts": network.ana.pk,
        "regions": network.primorska.pk,
    }
    for resource, pk in details.items():
        listed = get(client, f"{resource}/", site="all")
        assert items(listed), resource
        response_schema(document, f"{resource}/").validate(listed.json())
        detail = get(client, f"{resource}/{pk}/")
        response_schema(document, f"{resource}/{{item_id}}/").validate(detail.json())
    components = document["components"]["schemas"]
    ours = {name: schema for name, schema in components.items() if name.startswith("Network")}
    assert len(ours) > 10
    assert [place for name, schema in ours.items() for place in untyped(schema, name)] == []
