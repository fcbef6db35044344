"""Fixtures of the search tests: a small two-centre network, and the engines to search it.

Behavioural tests take ``engine``: the database engine always, and Elasticsearch as well
when ``ELASTICSEARCH_URL`` names a live cluster (see docs/search-elasticsearch.md).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from search.engines.database import DatabaseEngine
from search.indexing import rebuild
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    RegionFactory,
    StandardPageFactory,
    ThemeFactory,
)


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@dataclass
class SearchWorld:
    """Two centres with pages whose words the tests search for."""

    tenants: object
    cerknica: Page  # centre A: "Večgeneracijski center Cerknica"
    workshops: Page  # centre A: body mentions "Cerknici" (inflected) and "dnevni center"
    news: Page  # centre A: a news article with the theme "znanje"
    day_centre: Page  # centre B: "Dnevni center za otroke", body with markup-like text
    event: Page  # centre B: an event next week
    past_event: Page  # centre B: an event that is over
    knowledge: object  # the theme "znanje"

    @property
    def site_a(self):
        return self.tenants.a.site

    @property
    def site_b(self):
        return self.tenants.b.site


def build_world(tenants) -> SearchWorld:
    region = RegionFactory(name="Primorsko-notranjska", slug="primorsko-notranjska")
    tenants.organisation_a.region = region
    tenants.organisation_a.save()
    root_a, root_b = tenants.a.site.root_page, tenants.b.site.root_page
    knowledge = ThemeFactory(name="Znanje", slug="znanje")
    cerknica = StandardPageFactory(
        parent=root_a,
        title="Večgeneracijski center Cerknica",
        slug="cerknica",
        intro="Druženje za vse generacije.",
    )
    workshops = StandardPageFactory(
        parent=root_a,
        title="Delavnice",
        slug="delavnice",
        body=paragraph("Delavnice potekajo v Cerknici. Dnevni center je odprt vsak dan."),
    )
    news = NewsArticlePageFactory(
        parent=NewsIndexPageFactory(parent=root_a, slug="novice"),
        title="Novo znanje za starejše",
        slug="znanje-starejsi",
        intro="Računalniški tečaj v centru.",
    )
    news.themes.add(knowledge)
    news.save()
    day_centre = StandardPageFactory(
        parent=root_b,
        title="Dnevni center za otroke",
        slug="dnevni-center",
        body=paragraph("Pravila: &lt;script&gt; ni dovoljen; center je za otroke."),
    )
    events = EventIndexPageFactory(parent=root_b, slug="dogodki")
    event = EventPageFactory(parent=events, title="Dan odprtih vrat centra", slug="vrata")
    past_event = EventPageFactory(
        parent=events,
        title="Lanski piknik centra",
        slug="piknik",
        starts_at=timezone.now() - timedelta(days=30),
    )
    return SearchWorld(
        tenants=tenants,
        cerknica=cerknica,
        workshops=workshops,
        news=news,
        day_centre=day_centre,
        event=event,
        past_event=past_event,
        knowledge=knowledge,
    )


@pytest.fixture
def world(tenants) -> SearchWorld:
    return build_world(tenants)


@pytest.fixture
def indexed(world) -> SearchWorld:
    """The world in the database index (factories save pages without the publish signal)."""
    rebuild(engine=DatabaseEngine())
    return world


def _elasticsearch_engine():
    from search.engines.elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(
        os.environ["ELASTICSEARCH_URL"], prefix=f"mreza_test_{uuid.uuid4().hex[:8]}"
    )


ENGINES = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=[
            pytest.mark.elasticsearch,
            pytest.mark.skipif(
                not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL"
            ),
        ],
    ),
]


@pytest.fixture(params=ENGINES)
def engine(request, world) -> Iterator:
    """An engine holding the world's documents."""
    chosen = DatabaseEngine() if request.param == "database" else _elasticsearch_engine()
    rebuild(engine=chosen)
    yield chosen
    if request.param == "elasticsearch":
        # Clusters refuse wildcard deletes by default: name the test's indexes.
        names = chosen.client.indices.get_alias(index=f"{chosen.prefix}_*").body
        if names:
            chosen.client.indices.delete(index=",".join(names))
