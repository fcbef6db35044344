"""Running a search: the configured engine, or the database engine when it cannot answer."""

from __future__ import annotations

import logging

from django.utils.translation import gettext

from search.engines import configured_engine, database_engine
from search.engines.base import EngineUnavailable, SearchQuery, SearchResults

logger = logging.getLogger(__name__)


def run_search(query: SearchQuery) -> SearchResults:
    """Search with the configured engine; if its service is unreachable, search the database
    index instead and say so in ``fallback_reason`` (never an error for the visitor)."""
    engine = configured_engine()
    try:
        return engine.search(query)
    except EngineUnavailable as error:
        if engine.name == "database":
            raise
        logger.warning("Search engine %s unavailable, using the database: %s", engine.name, error)
        results = database_engine().search(query)
        results.fallback_reason = gettext(
            "The search service is unavailable; these results come from the database index."
        )
        return results
