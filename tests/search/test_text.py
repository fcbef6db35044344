"""The searchable text read from stored JSON is what Wagtail's own methods give."""

from __future__ import annotations

import re

import pytest
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from search.text import block_text, rich_text
from tests.headless.conftest import demo, demo_network  # noqa: F401  (shared demo fixtures)

pytestmark = pytest.mark.django_db


def words(texts) -> list[str]:
    return re.findall(r"\w+", " ".join(texts).lower())


def test_every_demo_page_gives_the_words_wagtail_would(demo):  # noqa: F811
    compared = 0
    for page in Page.objects.filter(depth__gt=1).specific():
        for field in page._meta.get_fields():
            value = getattr(page, field.name, None) if hasattr(field, "attname") else None
            if not value:
                continue
            if isinstance(field, StreamField):
                ours = list(block_text(field.stream_block, list(value.raw_data)))
            elif isinstance(field, RichTextField):
                ours = [rich_text(value)]
            else:
                continue
            assert words(ours) == words(field.get_searchable_content(value)), (page, field.name)
            compared += 1
    assert compared > 50


def test_rich_text_loses_markup_and_keeps_entities_as_text():
    assert rich_text("<p>Tom&amp;Jerry<br/>v <b>Celju</b></p><ul><li>ena</li></ul>") == (
        "Tom&Jerry v Celju ena"
    )
