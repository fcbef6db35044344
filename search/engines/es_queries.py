"""The request bodies of the Elasticsearch engine, built and read as plain data.

Nothing here talks to a cluster: ``search_body`` turns a SearchQuery into one search request
(hits, every facet and the upcoming count together), ``read_results`` turns the response
back into SearchResults, and the bulk and alias functions say what indexing and a rebuild
send. The engine in ``search.engines.elasticsearch`` only sends them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime

from elasticsearch.dsl import A, Q, Search

from search.documents import SearchDocument
from search.engines.base import FACETS, MULTI_VALUED, FacetCount, Hit, SearchQuery, SearchResults
from search.engines.es_mapping import (
    MAX_RESULT_WINDOW,
    alias_name,
    version_of,
    versioned_name,
)
from search.query import stem

# Title counts most, then summary, then body (as in the database engine).
TEXT_FIELDS = ("title^4", "summary^2", "body")
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
# The field holding each facet's values; the "site" facet is the site id.
FACET_FIELDS = {facet: ("site_id" if facet == "site" else facet) for facet in FACETS}
_DATES = ("starts_at", "ends_at", "published_at")


# Searching


def _check(query: SearchQuery) -> None:
    """Values Elasticsearch would reject with a 400 are the caller's bug: name them here."""
    if query.offset < 0:
        raise ValueError(f"offset: must be 0 or more (got {query.offset})")
    if query.limit < 0:
        raise ValueError(f"limit: must be 0 or more (got {query.limit})")
    if query.facet_size < 1:
        raise ValueError(f"facet_size: must be 1 or more (got {query.facet_size})")
    unknown = sorted(set(query.filters) - set(FACETS))
    if unknown:
        raise ValueError(f"filters: unknown facet(s) {', '.join(unknown)}")


def _words(text: str, kind: str = "best_fields") -> Q:
    return Q("multi_match", query=text, fields=list(TEXT_FIELDS), type=kind, operator="and")


def term_clause(term: str, *, typing: bool = False) -> Q:
    """A term, or what is typed of it so far; otherwise the term or its stem (as the
    database engine does), which in the Slovenian index's word beginnings finds the
    inflected forms: "cerknica" → "cerknic" finds "Cerknici"."""
    if typing:
        return _words(term, "bool_prefix")
    base = stem(term)
    if base is None or base == term:
        return _words(term)
    return Q("bool", should=[_words(term), _words(base)], minimum_should_match=1)


def text_clauses(query: SearchQuery) -> list[Q]:
    """One clause per term and phrase, all required (AND); the last term as a prefix when
    typing ahead. Each index analyses the words in its own language."""
    clauses = []
    for position, term in enumerate(query.terms):
        typing = query.prefix_last and position == len(query.terms) - 1
        clauses.append(term_clause(term, typing=typing))
    for phrase in query.phrases:
        clauses.append(
            Q("multi_match", query=" ".join(phrase.words), fields=list(TEXT_FIELDS), type="phrase")
        )
    return clauses


def scope_filters(query: SearchQuery) -> list[Q]:
    """Filters every count respects: public only, the sites in scope, upcoming only."""
    filters = [Q("term", is_public=True)]
    if query.site_ids is not None:
        filters.append(Q("terms", site_id=[str(site_id) for site_id in query.site_ids]))
    if query.upcoming_after is not None:
        filters.append(Q("range", ends_at={"gte": query.upcoming_after.isoformat()}))
    return filters


def language_filter(language: str) -> Q:
    """A page in ``language``, or the default version of a page not available in it."""
    fallback = Q("bool", filter=[Q("term", is_default_version=True)])
    fallback &= ~Q("term", translations=language)
    return Q("bool", should=[Q("term", locale=language), fallback], minimum_should_match=1)


def facet_filters(query: SearchQuery) -> dict[str, Q]:
    """One filter per chosen facet: any of its values (OR); facets combine with AND. The
    visitor's language is the language facet's filter when no language is chosen."""
    chosen = {
        facet: Q("terms", **{FACET_FIELDS[facet]: [str(value) for value in values]})
        for facet, values in query.filters.items()
        if values
    }
    if query.fallback_language:
        chosen["locale"] = language_filter(query.fallback_language)
    return dict(sorted(chosen.items()))


def _all_of(filters: Iterable[Q]) -> Q:
    filters = list(filters)
    return Q("bool", filter=filters) if filters else Q("match_all")


def search_body(query: SearchQuery, *, now: datetime) -> dict:
    """The one request answering ``query``: a page of hits, all facets and the upcoming count.

    The facet filters go in ``post_filter`` so they narrow the hits but not the
    aggregations; each facet's aggregation applies every facet filter but its own, so a
    visitor sees what choosing another value of it would give. ``now`` decides "upcoming".
    """
    _check(query)
    chosen = facet_filters(query)
    search = Search().query(Q("bool", must=text_clauses(query), filter=scope_filters(query)))
    if chosen:
        search = search.post_filter(_all_of(chosen.values()))
    for facet in FACETS:
        others = [clause for name, clause in chosen.items() if name != facet]
        bucket = search.aggs.bucket(facet, A("filter", filter=_all_of(others)))
        bucket.bucket(
            "values",
            A(
                "terms",
                field=FACET_FIELDS[facet],
                size=query.facet_size,
                order=[{"_count": "desc"}, {"_key": "asc"}],
            ),
        )
    upcoming = [*chosen.values(), Q("range", ends_at={"gte": now.isoformat()})]
    search.aggs.bucket("upcoming", A("filter", filter=_all_of(upcoming)))
    # Past the result window Elasticsearch answers 400; a page past the end is just empty.
    start = min(query.offset, MAX_RESULT_WINDOW)
    stop = min(query.offset + query.limit, MAX_RESULT_WINDOW)
    search = search.extra(track_total_hits=True, sort=["_score", {"page_id": "asc"}])
    search = search[start:stop] if stop > start else search.extra(from_=0, size=0)
    search = search.highlight_options(encoder="html", **HIGHLIGHT_TAGS)
    search = search.highlight("title", number_of_fragments=0)
    search = search.highlight("summary", "body", fragment_size=160, number_of_fragments=1)
    return search.to_dict()


def _highlight(hit: Mapping, document: SearchDocument) -> str:
    """The excerpt shown under a result: where the words matched, else the summary."""
    fragments = hit.get("highlight", {})
    for field in ("summary", "body"):
        if fragments.get(field):
            return " … ".join(fragments[field])
    if document.summary:
        return html.escape(document.summary[:240])
    return " … ".join(fragments.get("title", ()))


def read_results(response: Mapping, *, engine: str = "elasticsearch") -> SearchResults:
    """SearchResults from the response to ``search_body``."""
    hits = []
    for hit in response["hits"]["hits"]:
        document = document_from_source(hit["_source"])
        score = float(hit.get("_score") or 0.0)
        hits.append(Hit(document=document, score=score, highlight=_highlight(hit, document)))
    aggregations = response.get("aggregations", {})
    facets = {
        facet: [
            FacetCount(str(bucket["key"]), bucket["doc_count"])
            for bucket in aggregations.get(facet, {}).get("values", {}).get("buckets", [])
            if str(bucket["key"]) != ""
        ]
        for facet in FACETS
    }
    return SearchResults(
        hits=hits,
        total=response["hits"]["total"]["value"],
        facets=facets,
        upcoming=aggregations.get("upcoming", {}).get("doc_count", 0),
        engine=engine,
    )


# Documents


def document_source(document: SearchDocument) -> dict:
    """The _source stored for a document (JSON values only)."""
    source = document.as_dict()
    for name in _DATES:
        if source[name] is not None:
            source[name] = source[name].isoformat()
    for name in (*MULTI_VALUED, "translations"):
        source[name] = list(source[name])
    source["extra"] = dict(document.extra)
    return source


def document_from_source(source: Mapping) -> SearchDocument:
    """The SearchDocument a hit's _source was made from."""
    values = dict(source)
    for name in _DATES:
        if values.get(name):
            values[name] = datetime.fromisoformat(values[name])
    for name in (*MULTI_VALUED, "translations"):
        values[name] = tuple(values.get(name) or ())
    values["page_id"] = int(values["page_id"])
    values["site_id"] = int(values["site_id"])
    return SearchDocument(**values)


# Writing


def index_actions(
    documents: Iterable[SearchDocument], index_for: Callable[[SearchDocument], str]
) -> Iterator[dict]:
    """Bulk "index" actions (add or replace by page id) into the index ``index_for`` names."""
    for document in documents:
        yield {
            "_op_type": "index",
            "_index": index_for(document),
            "_id": str(document.page_id),
            "_source": document_source(document),
        }


def ids_query(page_ids: Sequence[int]) -> dict:
    return {"ids": {"values": [str(page_id) for page_id in page_ids]}}


def part_query(*, site_id: int | None = None, locale: str | None = None) -> dict:
    """Documents of one site and/or one locale (all documents when neither is given)."""
    filters = []
    if site_id is not None:
        filters.append({"term": {"site_id": str(site_id)}})
    if locale is not None:
        filters.append({"term": {"locale": locale}})
    return {"bool": {"filter": filters}} if filters else {"match_all": {}}


# Rebuilding


def alias_swap(
    prefix: str,
    languages: Sequence[str],
    version: str,
    existing: Mapping[str, Iterable[str]],
) -> tuple[list[dict], list[str]]:
    """The ``update_aliases`` actions putting every language's alias on ``version``, and the
    indexes to delete once they are applied.

    ``existing`` maps each of our indexes to the aliases it has. An index holding an alias
    loses it; an index named like an alias (made by writing before any alias existed) is
    removed in the same atomic call; versions older than ``version`` are deleted after.
    """
    actions: list[dict] = []
    obsolete: list[str] = []
    for language in languages:
        alias = alias_name(prefix, language)
        target = versioned_name(prefix, language, version)
        for index, aliases in sorted(existing.items()):
            if index == target:
                continue
            if index == alias:
                actions.append({"remove_index": {"index": index}})
                continue
            if alias in aliases:
                actions.append({"remove": {"index": index, "alias": alias}})
                obsolete.append(index)
            elif (old := version_of(prefix, language, index)) is not None and old < version:
                obsolete.append(index)  # an abandoned rebuild's target
        actions.append({"add": {"index": target, "alias": alias}})
    return actions, obsolete
