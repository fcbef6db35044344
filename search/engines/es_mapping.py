"""The Elasticsearch indexes of the network search: one document mapping, one analysis per
language, and the names of the versioned indexes behind each language's alias.

Every language's index has the same fields; only what the analyzers named ``mreza_text``
(index time) and ``mreza_text_search`` (query time) do differs, so one query runs unchanged
over all the aliases and each index analyses it in its own language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Long,
    MetaField,
    Object,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.dsl.analysis import Analyzer

from search.query import MIN_STEM

TEXT_ANALYZER = "mreza_text"
SEARCH_ANALYZER = "mreza_text_search"
# A per-language index of a 100,000-page network is a few hundred MB: one shard is enough
# and keeps facet counts exact (terms aggregations over one shard are not approximated).
INDEX_SETTINGS = {"number_of_shards": 1, "max_result_window": 10_000}
MAX_RESULT_WINDOW = INDEX_SETTINGS["max_result_window"]
# Versions are UTC timestamps to the microsecond: sortable, and unique per rebuild.
VERSION_PATTERN = re.compile(r"^\d{20}$")

_CZECH_STEM = token_filter("czech_stem", "stemmer", language="czech")
_ENGLISH_POSSESSIVE = token_filter("english_possessive", "stemmer", language="possessive_english")
_ENGLISH_STEM = token_filter("english_stem", "stemmer", language="english")
# Slovenian has no stemmer in Elasticsearch: indexing every word's beginnings lets "centr"
# find "centrih"; the original word is kept so words outside 4–20 letters still match.
# Beginnings shorter than search.query.MIN_STEM are not indexed: a short word matches only
# itself, so "or" does not find every word starting with it.
_EDGE_NGRAMS = token_filter(
    "mreza_edge_ngrams", "edge_ngram", min_gram=MIN_STEM, max_gram=20, preserve_original=True
)
# Folding comes after stemming: the Czech stemmer recognises endings by their diacritics.
_FILTERS: dict[str, list] = {
    "cs": ["lowercase", _CZECH_STEM, "asciifolding"],
    "en": [_ENGLISH_POSSESSIVE, "lowercase", _ENGLISH_STEM, "asciifolding"],
    "sl": ["lowercase", "asciifolding"],
}
_INDEX_ONLY_FILTERS: dict[str, list] = {"sl": [_EDGE_NGRAMS]}
_FOLDING_ONLY = ["lowercase", "asciifolding"]


def text_analyzers(language: str) -> tuple[Analyzer, Analyzer]:
    """The (index time, query time) analyzers of ``language``; folding only when unknown."""
    filters = _FILTERS.get(language, _FOLDING_ONLY)
    index_filters = filters + _INDEX_ONLY_FILTERS.get(language, [])
    return (
        analyzer(TEXT_ANALYZER, tokenizer="standard", filter=index_filters),
        analyzer(SEARCH_ANALYZER, tokenizer="standard", filter=filters),
    )


def _text() -> Text:
    return Text(analyzer=TEXT_ANALYZER, search_analyzer=SEARCH_ANALYZER)


class NetworkDocument(Document):
    """The stored shape of a ``SearchDocument``: enough in _source to rebuild it per hit."""

    page_id = Long()
    site_id = Keyword()  # a facet: its buckets are the strings FacetCount expects
    site_name = Keyword(index=False)
    locale = Keyword()
    content_type = Keyword()
    title = _text()
    url = Keyword(index=False)
    summary = _text()
    # Offsets in the postings make highlighting long bodies cheap (no re-analysis).
    body = Text(analyzer=TEXT_ANALYZER, search_analyzer=SEARCH_ANALYZER, index_options="offsets")
    region = Keyword()
    target_group = Keyword(multi=True)
    theme = Keyword(multi=True)
    funder = Keyword(multi=True)
    organisation = Keyword(multi=True)
    starts_at = Date()
    ends_at = Date()
    image_id = Integer(index=False)
    published_at = Date()
    is_public = Boolean()
    # Searching in the visitor's language with fallback (see SearchDocument).
    translations = Keyword(multi=True)
    is_default_version = Boolean()
    extra = Object(enabled=False)  # kept for display, never searched

    class Meta:
        # A field the mapping does not know is our bug: fail instead of guessing its type.
        dynamic = MetaField("strict")


def language_of(locale: str) -> str:
    """The index language of a locale code: ``sl``, ``en-gb`` → ``en``."""
    return locale.lower().replace("_", "-").split("-")[0]


def alias_name(prefix: str, language: str) -> str:
    return f"{prefix}_{language}"


def versioned_name(prefix: str, language: str, version: str) -> str:
    return f"{prefix}_{language}_{version}"


def new_version(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d%H%M%S%f")


def check_version(version: str) -> str:
    """``version`` itself, or ValueError when it is not one this engine creates."""
    if not isinstance(version, str) or not VERSION_PATTERN.match(version):
        raise ValueError(f"target: not a rebuild version of this engine: {version!r}")
    return version


def version_of(prefix: str, language: str, index_name: str) -> str | None:
    """The version part of one of our versioned index names, else None."""
    head = f"{prefix}_{language}_"
    if index_name.startswith(head) and VERSION_PATTERN.match(index_name[len(head) :]):
        return index_name[len(head) :]
    return None


def build_index(
    name: str, language: str, *, building: bool = False, aliases: Sequence[str] = ()
) -> Index:
    """The index definition of one language; ``building`` disables refreshes (a rebuild)."""
    index = Index(name)
    index.settings(**INDEX_SETTINGS)
    if building:
        index.settings(refresh_interval="-1")
    if aliases:
        index.aliases(**{alias: {} for alias in aliases})
    index.mapping(NetworkDocument._doc_type.mapping)
    for definition in text_analyzers(language):
        index.analyzer(definition)
    return index
