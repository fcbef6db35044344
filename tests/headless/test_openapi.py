"""The OpenAPI document types every page type and every body block, and real pages match it.

A frontend developer generates a client from /api/v3/openapi.json; these tests make sure the
document is valid OpenAPI, leaves nothing untyped (a StreamField is a list of a union
discriminated on the block type) and describes exactly what the API answers for a live
page of every type of the demo network.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from wagtail.models import Page, get_page_models

from blocks.streams import BodyBlock
from tests.headless.conftest import host_of

pytestmark = pytest.mark.django_db

PAGE_TYPES = [model for model in get_page_models() if model is not Page]
# Keywords that say nothing about a value's type.
ANNOTATIONS = {"title", "description", "default", "examples", "readOnly", "x-rich-text-features"}


@pytest.fixture(scope="module")
def document() -> dict:
    from django.test import Client

    response = Client().get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def schemas(document: dict) -> dict[str, Any]:
    return document["components"]["schemas"]


def read_schema_name(model: type[Page]) -> str:
    """The component Wagtail's read schema generator gives a page type."""
    return f"{model._meta.object_name}Schema"


def untyped_places(document: dict, root: str) -> list[str]:
    """Paths below the component ``root`` whose values may be anything (``{}``, bare object)."""
    components = schemas(document)
    found: list[str] = []
    seen: set[str] = set()

    def walk(node: Any, path: str) -> None:
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                walk(components[name], name)
            return
        if not set(node) - ANNOTATIONS:
            found.append(path)
        if node.get("type") == "object" and "properties" not in node:
            found.append(f"{path} (an object of any shape)")
        for key, child in node.get("properties", {}).items():
            walk(child, f"{path}.{key}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}[]")
        for keyword in ("anyOf", "oneOf", "allOf"):
            for position, option in enumerate(node.get(keyword, [])):
                walk(option, f"{path}|{position}")

    walk({"$ref": f"#/components/schemas/{root}"}, root)
    return found


def validator(document: dict, component: str) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator (OpenAPI 3.1's dialect) for one component, its $refs
    resolved against the whole document."""
    schema = {**document, "$ref": f"#/components/schemas/{component}"}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_document_is_valid_openapi(document):
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_the_body_is_a_list_of_a_union_discriminated_on_every_block_type(document):
    components = schemas(document)
    union = components["BodyItem"]
    mapping = union["discriminator"]["mapping"]

    assert union["discriminator"]["propertyName"] == "type"
    assert set(mapping) == set(BodyBlock.base_blocks)
    assert len(union["oneOf"]) == len(BodyBlock.base_blocks)
    for block_type, ref in mapping.items():
        item = components[ref.rsplit("/", 1)[-1]]
        assert item["properties"]["type"]["const"] == block_type
        assert set(item["required"]) == {"type", "value", "id"}


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model._meta.label)
def test_no_field_of_a_page_type_is_untyped(document, model):
    component = schemas(document)[read_schema_name(model)]
    if "body" in component["properties"]:
        assert component["properties"]["body"]["items"] == {"$ref": "#/components/schemas/BodyItem"}
        assert "body" in component["required"]

    assert untyped_places(document, read_schema_name(model)) == []


def test_plain_wagtail_blocks_are_typed_from_their_children():
    """A stream of Wagtail's own blocks gets a schema without declaring one, and what it
    returns passes through that schema unchanged."""
    from pydantic import TypeAdapter
    from wagtail import blocks

    from blocks.schemas.derive import value_schema

    class TimetableBlock(blocks.StreamBlock):
        note = blocks.CharBlock(required=False)
        slot = blocks.StructBlock(
            [
                ("label", blocks.CharBlock()),
                ("places", blocks.IntegerBlock(required=False)),
                ("open", blocks.BooleanBlock(required=False)),
                ("pages", blocks.ListBlock(blocks.PageChooserBlock(required=False))),
            ]
        )

    stream = TimetableBlock()
    raw = [
        {"type": "note", "value": "Ob praznikih zaprto", "id": "a"},
        {"type": "slot", "value": {"label": "Jutro", "places": None, "pages": []}, "id": "b"},
    ]
    represented = stream.get_api_representation(stream.to_python(raw))
    adapter = TypeAdapter(value_schema(stream, name="Timetable"))

    assert adapter.dump_python(adapter.validate_python(represented)) == represented
    definitions = adapter.json_schema()["$defs"]
    assert set(definitions["TimetableItem"]["discriminator"]["mapping"]) == {"note", "slot"}
    slot = definitions["TimetableSlotValue"]["properties"]
    assert slot["places"] == {"anyOf": [{"type": "integer"}, {"type": "null"}], "title": "Places"}


def test_a_block_without_a_declared_schema_is_refused():
    from django.core.exceptions import ImproperlyConfigured
    from wagtail import blocks

    from blocks.batching import BulkStructBlock
    from blocks.schemas.derive import value_schema

    class CountdownBlock(BulkStructBlock):
        title = blocks.CharBlock()

        def api_representation(self, value, context):
            return {"title": value["title"], "days_left": 3}

    class ShortStream(blocks.StreamBlock):
        heading = blocks.CharBlock()
        countdown = CountdownBlock()

    with pytest.raises(ImproperlyConfigured, match="CountdownBlock.*api_schema"):
        value_schema(ShortStream(), name="Short")


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model._meta.label)
def test_a_live_page_of_every_type_matches_its_schema(client, demo, document, model):
    page = model.objects.live().public().first()
    assert page is not None, f"the demo network has no live {model._meta.label}"

    response = client.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST=host_of(page))

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meta"]["type"] == model._meta.label
    errors = list(validator(document, read_schema_name(model)).iter_errors(data))
    assert errors == [], [f"{list(error.path)}: {error.message}" for error in errors[:5]]


def test_the_api_body_is_exactly_what_the_blocks_return(client, demo):
    """The schema neither drops nor converts anything: a response is validated and dumped
    through it, so a missing or mistyped field would change the body (or fail)."""
    pages = [page for page in Page.objects.live().specific() if getattr(page, "body", None)]
    kinds = {child.block_type for page in pages for child in page.body}
    assert kinds == set(BodyBlock.base_blocks), "the demo should use every body block"

    for page in pages:
        host = host_of(page)
        response = client.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST=host)
        assert response.status_code == 200, response.content
        request = RequestFactory().get(f"/api/v3/pages/{page.pk}/", HTTP_HOST=host)
        expected = page.body.stream_block.get_api_representation(page.body, {"request": request})
        assert response.json()["body"] == expected, page.url_path
