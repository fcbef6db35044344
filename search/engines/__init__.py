"""The engine the settings choose (``MREZA["SEARCH_ENGINE"]``), and the database engine every
install has (the fallback when Elasticsearch cannot be reached)."""

from __future__ import annotations

from django.conf import settings

from search.engines.base import SearchEngine
from search.engines.database import DatabaseEngine


def database_engine() -> DatabaseEngine:
    return DatabaseEngine()


def configured_engine() -> SearchEngine:
    """The engine searches go to first."""
    config = settings.MREZA["SEARCH_ENGINE"]
    if config["NAME"] == "elasticsearch":
        from search.engines.elasticsearch import ElasticsearchEngine

        options = config.get("OPTIONS", {})
        return ElasticsearchEngine(
            options["URL"],
            prefix=options.get("INDEX_PREFIX", "mreza"),
            languages=settings.MREZA.get("LANGUAGES", ("sl", "cs", "en")),
        )
    return database_engine()


def engines_to_write() -> list[SearchEngine]:
    """Every engine indexing writes to: the database always (it is the fallback), and
    Elasticsearch when configured."""
    engines: list[SearchEngine] = [database_engine()]
    configured = configured_engine()
    if configured.name != "database":
        engines.append(configured)
    return engines
