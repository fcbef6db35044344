"""The interface every network search engine implements, and the values it passes around.

An engine stores ``SearchDocument``s and answers a ``SearchQuery`` with ``SearchResults``:
one ranked page of hits plus the facet counts of the whole match, in one call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from search.documents import SearchDocument

# Facets every engine counts, in the order the search page shows them. Each is a field of
# SearchDocument holding one value (str) or several (tuple[str, ...]).
FACETS: tuple[str, ...] = (
    "site",
    "region",
    "content_type",
    "locale",
    "target_group",
    "theme",
    "funder",
    "organisation",
)
# Facets whose document field holds several values.
MULTI_VALUED = {"target_group", "theme", "funder", "organisation"}


@dataclass(frozen=True)
class Phrase:
    """Words that must appear next to each other, in this order."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class SearchQuery:
    """What a visitor asked for, already validated (see ``search.query.parse``).

    ``terms`` and ``phrases`` must all match (AND); the last plain term also matches as a
    prefix when ``prefix_last`` (typing ahead). ``filters`` maps a facet name to the values
    accepted for it (OR within a facet, AND across facets). ``site_ids`` limits the scope;
    None is the whole network. ``upcoming_after`` keeps only documents whose activity ends
    after that moment (events and programmes still to come).

    ``language`` is the visitor's: each page is found once, in that language where it is
    available, else in its default version (a fallback, see ``SearchDocument``). It is the
    language facet's own filter, so a ``locale`` filter replaces it and that facet's counts
    ignore it. None searches every language.
    """

    terms: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    site_ids: tuple[int, ...] | None = None
    upcoming_after: datetime | None = None
    offset: int = 0
    limit: int = 10
    prefix_last: bool = False
    facet_size: int = 50
    language: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    @property
    def fallback_language(self) -> str | None:
        """The language results are shown in with fallback; None when languages are chosen
        (``locale`` filter) or every language is searched."""
        return None if self.filters.get("locale") else self.language


@dataclass(frozen=True)
class Hit:
    """One result: the stored document, its score and a highlighted excerpt (HTML-safe)."""

    document: SearchDocument
    score: float
    highlight: str = ""


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass
class SearchResults:
    """A page of hits, the total number of matches and every facet's counts.

    Counts of a facet are computed with every filter applied except that facet's own, so a
    visitor sees what choosing another value would give; the counts of a single-valued
    facet add up to ``total`` when it is not filtered.
    """

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]]
    upcoming: int = 0
    engine: str = ""
    fallback_reason: str = ""


class SearchEngine(Protocol):
    """What the indexing code and the search interfaces rely on."""

    name: str

    def search(self, query: SearchQuery) -> SearchResults: ...

    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents (by page id); returns how many were written."""
        ...

    def delete(self, page_ids: Sequence[int]) -> None: ...

    def hide(self, page_ids: Sequence[int]) -> None:
        """Mark documents not public at once (a page was made private); indexing removes
        them afterwards."""
        ...

    # A full rebuild writes every (site, locale) part into a target that replaces the live
    # index only when ``finish_rebuild`` is called; a rebuild that failed half-way resumes
    # with the same target and skips the parts ``rebuild_network_index`` recorded as done.
    def prepare_rebuild(self, *, resume: str | None = None) -> str:
        """Start (or, given its name, resume) a rebuild; returns the target's name."""
        ...

    def write_rebuild(
        self, target: str, site_id: int, locale: str, documents: Iterable[SearchDocument]
    ) -> int:
        """Replace one site's documents in one locale within the target."""
        ...

    def finish_rebuild(self, target: str) -> None:
        """Make the target the live index (atomically where the engine can)."""
        ...


class EngineUnavailable(Exception):
    """The engine's service cannot be reached; callers fall back to the database engine."""
