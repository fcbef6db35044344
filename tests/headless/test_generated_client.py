"""A Python client generated from the OpenAPI document reads real pages with typed blocks.

This is the flow docs/api.md gives frontend developers: datamodel-codegen turns
/api/v3/openapi.json into pydantic models, and a page-detail response parses into the page
type's model, its body into one class per block type.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from django.test import Client
from wagtail.models import Site

from sites.models import ProjectPage
from tests.headless.conftest import host_of

pytestmark = pytest.mark.django_db

CODEGEN = [sys.executable, "-m", "datamodel_code_generator"]
MODULE = "mreza_generated_client"
SOCIO = "socio.localhost"  # a demo centre whose home page shows most block types


def generate_client(document: bytes, directory: Path) -> ModuleType:
    """Generate pydantic models from ``document`` (as docs/api.md shows) and import them."""
    source = directory / "openapi.json"
    source.write_bytes(document)
    target = directory / "mreza_client.py"
    subprocess.run(
        [
            *CODEGEN,
            *("--input", str(source), "--input-file-type", "openapi"),
            *("--output-model-type", "pydantic_v2.BaseModel"),
            *("--target-python-version", "3.11", "--formatters", "builtin"),
            *("--output", str(target)),
        ],
        check=True,
        capture_output=True,
    )
    spec = importlib.util.spec_from_file_location(MODULE, target)
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE] = module  # pydantic resolves the models' names through it
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def mreza_client(tmp_path_factory) -> Iterator[ModuleType]:
    response = Client().get("/api/v3/openapi.json")
    assert response.status_code == 200
    yield generate_client(response.content, tmp_path_factory.mktemp("client"))
    sys.modules.pop(MODULE, None)


def page_detail(client, page) -> bytes:
    response = client.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST=host_of(page))
    assert response.status_code == 200, response.content
    return response.content


def blocks_of(page) -> dict[str, list]:
    """The generated block items of a parsed page, by block type."""
    found: dict[str, list] = {}
    for item in page.body:
        found.setdefault(item.root.type, []).append(item.root)
    return found


def test_a_centre_home_page_parses_into_its_generated_model(client, demo, mreza_client):
    home = Site.objects.get(hostname=SOCIO).root_page.specific

    page = mreza_client.CentreHomePageSchema.model_validate_json(page_detail(client, home))

    assert page.title == home.title
    assert page.meta.type == "centre_sites.CentreHomePage"
    items = blocks_of(page)
    heading = items["heading"][0]
    assert isinstance(heading, mreza_client.BodyHeadingItem)
    assert heading.value.level in (2, 3, 4)
    assert heading.value.text == home.body[0].value["text"]
    hours = items["opening_hours"][0].value
    assert isinstance(hours, mreza_client.OpeningHoursValue)
    assert [day.weekday for day in hours.days] == list(range(7))


def test_a_project_page_gives_typed_access_to_its_project_summary(client, demo, mreza_client):
    home = Site.objects.get(hostname=SOCIO).root_page
    page = ProjectPage.objects.live().descendant_of(home).first()
    project = next(
        child.value["project"] for child in page.body if child.block_type == "project_summary"
    )

    parsed = mreza_client.ProjectPageSchema.model_validate_json(page_detail(client, page))

    summary = blocks_of(parsed)["project_summary"][0]
    assert isinstance(summary, mreza_client.BodyProjectSummaryItem)
    assert summary.value.title == project.title
    assert summary.value.code == project.registration_code
    lines = summary.value.funding_lines
    assert lines, "the demo project has funding lines"
    assert {line.funder.name for line in lines} == {
        line.funder.name for line in project.funding_lines.all()
    }
    assert parsed.project.title == page.project.title
