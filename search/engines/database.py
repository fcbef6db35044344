"""The default engine: full-text search in the database the site already runs on.

Queries are written by hand, full-text first: the match (FTS5 on SQLite, a GIN-indexed
``tsvector`` on PostgreSQL, see ``search.fulltext``) is computed once in a CTE, then joined
to the indexed pages for filters, ranking and one ``GROUP BY`` for every facet. Wagtail's
generated search SQL joins pages first and ranks afterwards, which takes minutes on SQLite
at 100,000 pages; Wagtail's own backend still serves the admin's search.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from itertools import islice

from django.db import connections, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from search.documents import SearchDocument
from search.engines.base import (
    FACETS,
    MULTI_VALUED,
    FacetCount,
    Hit,
    SearchQuery,
    SearchResults,
)
from search.fulltext import FTS_TABLE, PG_CONFIG, TABLE
from search.models import FacetValue, IndexedPage
from search.query import stem

FACET_TABLE = FacetValue._meta.db_table
# Single-valued facets are columns of the indexed page; the others are FacetValue rows.
FACET_COLUMNS = {
    "site": "e.site_id",
    "region": "e.region",
    "content_type": "e.content_type",
    "locale": "e.locale",
}
DOCUMENT_COLUMNS = [
    "page_id",
    "site_id",
    "site_name",
    "locale",
    "content_type",
    "title",
    "url",
    "summary",
    "body",
    "region",
    "starts_at",
    "ends_at",
    "image_id",
    "published_at",
    "is_public",
    "translations",
    "is_default_version",
]
# The facet columns a search narrows its matches to (never the text).
SCOPED_COLUMNS = (
    "site_id",
    "region",
    "content_type",
    "locale",
    "ends_at",
    "translations",
    "is_default_version",
)
TOTAL, UPCOMING, HIT = "_total", "_upcoming", "_hit"
# The rank column of every branch of the union has one type.
ZERO, RANK = "CAST(0 AS DOUBLE PRECISION)", "CAST(rank AS DOUBLE PRECISION)"

# Markers the database puts around matched words, replaced by <mark> after escaping.
OPEN, CLOSE = "\x02", "\x03"
# A page's languages are stored as "|sl|en|": a language is in the list when "|en|" is.
_SEPARATOR = "|"
WRITE_BATCH = 500


class DatabaseEngine:
    name = "database"

    def __init__(self, using: str = "default") -> None:
        self.using = using

    @property
    def connection(self):
        return connections[self.using]

    @property
    def dialect(self) -> _Dialect:
        vendor = self.connection.vendor
        if vendor == "postgresql":
            return _Postgres()
        if vendor == "sqlite":
            return _Sqlite()
        raise NotImplementedError(f"The network search has no full-text index for {vendor}.")

    # Searching

    def search(self, query: SearchQuery) -> SearchResults:
        if query.is_empty:
            return SearchResults(hits=[], total=0, facets={}, engine=self.name)
        dialect = self.dialect
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            dialect.prepare(cursor)
            total, upcoming, facets, ranked = self._match(cursor, query, dialect)
            rows = self._rows(cursor, ranked)
        return SearchResults(
            hits=self._hits(rows, ranked, query, dialect),
            total=total,
            facets=facets,
            upcoming=upcoming,
            engine=self.name,
        )

    def _match(self, cursor, query: SearchQuery, dialect: _Dialect):
        """The total, the upcoming count, every facet's counts and the ranked ids of one
        page of hits, in one statement.

        The match is computed once, with its rank, and narrowed to the public pages in
        scope with just the facet columns (never the text); every count and the page of
        hits read that set. A facet counts with every filter but its own.
        """
        conditions = _Conditions(query)
        scoped_sql, scoped_params = dialect.scoped(query, *conditions.base())
        where, where_params = conditions.filters()
        branches = [
            f"SELECT '{TOTAL}' AS facet, '' AS value, COUNT(*) AS n, {ZERO} AS rank "
            f"FROM scoped e WHERE {where}",
            f"SELECT '{UPCOMING}', '', COUNT(*), {ZERO} FROM scoped e "
            f"WHERE {where} AND e.ends_at >= %s",
        ]
        params = [*scoped_params, *where_params, *where_params, timezone.now()]
        multi: dict[tuple, list[str]] = defaultdict(list)
        for facet in FACETS:
            facet_where, facet_params = conditions.filters(skip=facet)
            if facet in FACET_COLUMNS:
                value = FACET_COLUMNS[facet]
                # Values are text in the union: the site facet's are ids.
                text = f"CAST({value} AS VARCHAR(120))" if facet == "site" else value
                present = "" if facet == "site" else f" AND {value} != ''"
                branches.append(
                    f"SELECT '{facet}', {text}, COUNT(*), {ZERO} FROM scoped e "
                    f"WHERE {facet_where}{present} GROUP BY {value}"
                )
                params += facet_params
            else:
                multi[(facet_where, tuple(facet_params))].append(facet)
        # Multi-valued facets with the same filters share one pass over the matches' values
        # (all of them when nothing is filtered), driven from the matches.
        for (facet_where, facet_params), facets in multi.items():
            names = ", ".join(f"'{facet}'" for facet in facets)
            branches.append(
                f"SELECT f.facet, f.value, COUNT(*), {ZERO} FROM scoped e "
                f"{dialect.ordered_join} {FACET_TABLE} f ON f.page_id = e.page_id "
                f"WHERE f.facet IN ({names}) AND {facet_where} GROUP BY f.facet, f.value"
            )
            params += facet_params
        branches.append(
            f"SELECT '{HIT}', CAST(page_id AS VARCHAR(120)), 0, {RANK} FROM ("
            f"SELECT e.page_id, e.rank FROM scoped e WHERE {where} "
            f"ORDER BY e.rank {dialect.rank_order}, e.page_id LIMIT %s OFFSET %s) hits"
        )
        params += [*where_params, query.limit, query.offset]
        cursor.execute(
            f"WITH scoped AS MATERIALIZED ({scoped_sql}) " + " UNION ALL ".join(branches),
            params,
        )
        counted: dict[str, list[tuple[str, int]]] = defaultdict(list)
        total = upcoming = 0
        ranked: list[tuple[int, float]] = []
        for facet, value, n, rank in cursor.fetchall():
            if facet == TOTAL:
                total = n
            elif facet == UPCOMING:
                upcoming = n
            elif facet == HIT:
                ranked.append((int(value), float(rank)))
            else:
                counted[facet].append((str(value), n))
        facets = {
            facet: [
                FacetCount(value, n)
                for value, n in sorted(counted[facet], key=lambda item: (-item[1], item[0]))[
                    : query.facet_size
                ]
            ]
            for facet in FACETS
        }
        ranked.sort(key=lambda hit: (hit[1] if dialect.rank_order == "ASC" else -hit[1], hit[0]))
        return total, upcoming, facets, ranked

    def _rows(self, cursor, ranked: list[tuple[int, float]]) -> list[tuple]:
        """The stored documents of a page of hits, in rank order (one query by primary key)."""
        if not ranked:
            return []
        ids = [page_id for page_id, _rank in ranked]
        columns = ", ".join(DOCUMENT_COLUMNS)
        placeholders = ", ".join(["%s"] * len(ids))
        cursor.execute(f"SELECT {columns} FROM {TABLE} WHERE page_id IN ({placeholders})", ids)
        by_id = {row[0]: row for row in cursor.fetchall()}
        return [by_id[page_id] for page_id in ids if page_id in by_id]

    def _hits(self, rows, ranked, query: SearchQuery, dialect: _Dialect) -> list[Hit]:
        if not rows:
            return []
        page_ids = [row[0] for row in rows]
        multi: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for page_id, facet, value in (
            FacetValue.objects.using(self.using)
            .filter(page_id__in=page_ids)
            .values_list("page_id", "facet", "value")
        ):
            multi[page_id][facet].append(value)
        highlights = dialect.highlights(self.connection, query, page_ids)
        scores = dict(ranked)
        hits = []
        for row in rows:
            record = dict(zip(DOCUMENT_COLUMNS, row, strict=True))
            page_id = record["page_id"]
            for column in ("starts_at", "ends_at", "published_at"):
                record[column] = _datetime(record[column])
            record["is_public"] = bool(record["is_public"])
            record["is_default_version"] = bool(record["is_default_version"])
            record["translations"] = _languages(record["translations"])
            record.update({facet: tuple(sorted(multi[page_id][facet])) for facet in MULTI_VALUED})
            document = SearchDocument(**record)
            highlight = highlights.get(page_id) or html.escape(document.summary[:240])
            hits.append(Hit(document=document, score=scores[page_id], highlight=highlight))
        return hits

    # Writing

    def index(self, documents: Iterable[SearchDocument]) -> int:
        written = 0
        for batch in _batches(documents, WRITE_BATCH):
            with transaction.atomic(using=self.using):
                IndexedPage.objects.using(self.using).bulk_create(
                    [_row(document) for document in batch],
                    update_conflicts=True,
                    unique_fields=["page"],
                    update_fields=[c for c in DOCUMENT_COLUMNS if c != "page_id"],
                )
                page_ids = [document.page_id for document in batch]
                FacetValue.objects.using(self.using).filter(page_id__in=page_ids).delete()
                FacetValue.objects.using(self.using).bulk_create(_facet_rows(batch))
            written += len(batch)
        return written

    def delete(self, page_ids: Sequence[int]) -> None:
        with transaction.atomic(using=self.using):
            FacetValue.objects.using(self.using).filter(page_id__in=page_ids).delete()
            IndexedPage.objects.using(self.using).filter(page_id__in=page_ids).delete()

    def hide(self, page_ids: Sequence[int]) -> None:
        IndexedPage.objects.using(self.using).filter(page_id__in=page_ids).update(is_public=False)

    def clear(self, *, site_id: int | None = None, locale: str | None = None) -> None:
        pages = IndexedPage.objects.using(self.using).all()
        if site_id is not None:
            pages = pages.filter(site_id=site_id)
        if locale is not None:
            pages = pages.filter(locale=locale)
        with transaction.atomic(using=self.using):
            FacetValue.objects.using(self.using).filter(page__in=pages).delete()
            pages.delete()

    # The database index is rebuilt in place, one (site, locale) part per transaction: a
    # part is replaced whole, so searches never see it half-written.

    def prepare_rebuild(self, *, resume: str | None = None) -> str:
        return resume or timezone.now().strftime("%Y%m%dT%H%M%S")

    def write_rebuild(
        self, target: str, site_id: int, locale: str, documents: Iterable[SearchDocument]
    ) -> int:
        with transaction.atomic(using=self.using):
            self.clear(site_id=site_id, locale=locale)
            written = 0
            for batch in _batches(documents, WRITE_BATCH):
                IndexedPage.objects.using(self.using).bulk_create([_row(d) for d in batch])
                FacetValue.objects.using(self.using).bulk_create(_facet_rows(batch))
                written += len(batch)
        return written

    def finish_rebuild(self, target: str) -> None:
        """Tidy the index after bulk writes, so the next searches plan with fresh statistics."""
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "sqlite":
                # Merge the FTS5 segments the bulk writes left behind.
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
            cursor.execute(f"ANALYZE {TABLE}")
            cursor.execute(f"ANALYZE {FACET_TABLE}")


class _Conditions:
    """The WHERE clauses of a query: ``base`` (public, in scope, still to come) narrows the
    matches once; ``filters`` are the facet filters, one of which a facet's count skips."""

    def __init__(self, query: SearchQuery) -> None:
        self.query = query

    def base(self) -> tuple[str, list]:
        clauses = ["e.is_public = %s"]
        params: list = [True]
        if self.query.site_ids is not None:
            clauses.append(_in("e.site_id", self.query.site_ids, params))
        if self.query.upcoming_after is not None:
            clauses.append("e.ends_at >= %s")
            params.append(self.query.upcoming_after)
        return " AND ".join(clauses), params

    def filters(self, skip: str | None = None) -> tuple[str, list]:
        clauses = ["1 = 1"]
        params: list = []
        language = self.query.fallback_language
        if language and skip != "locale":
            # The visitor's language is the language facet's filter: a page in it, or the
            # default version of a page not available in it.
            clauses.append(
                "(e.locale = %s OR (e.is_default_version = %s AND e.translations NOT LIKE %s))"
            )
            params += [language, True, f"%{_SEPARATOR}{language}{_SEPARATOR}%"]
        for facet, values in sorted(self.query.filters.items()):
            if facet == skip or not values:
                continue
            if facet in FACET_COLUMNS:
                values = [int(v) for v in values] if facet == "site" else values
                clauses.append(_in(FACET_COLUMNS[facet], values, params))
            else:
                params.append(facet)
                inner = _in("x.value", values, params)
                clauses.append(
                    f"EXISTS (SELECT 1 FROM {FACET_TABLE} x WHERE x.page_id = e.page_id "
                    f"AND x.facet = %s AND {inner})"
                )
        return " AND ".join(clauses), params


def _in(column: str, values: Iterable, params: list) -> str:
    values = list(values)
    if not values:
        return "1 = 0"
    params.extend(values)
    return f"{column} IN ({', '.join(['%s'] * len(values))})"


class _Dialect:
    rank_order = "DESC"
    ordered_join = "JOIN"

    def prepare(self, cursor) -> None:
        """Settings for this search's transaction only."""

    def scoped(self, query: SearchQuery, base: str, base_params: list) -> tuple[str, list]:
        """The page id, ``SCOPED_COLUMNS`` and rank of the matching pages that pass ``base``."""
        raise NotImplementedError

    def highlights(self, connection, query: SearchQuery, page_ids: list[int]) -> dict[int, str]:
        raise NotImplementedError


class _Sqlite(_Dialect):
    # bm25() is lower for better matches; title counts most, then summary, then body.
    rank_order = "ASC"
    # SQLite keeps the tables of a CROSS JOIN in the order written.
    ordered_join = "CROSS JOIN"

    def scoped(self, query: SearchQuery, base: str, base_params: list) -> tuple[str, list]:
        columns = ", ".join(f"e.{column}" for column in ("page_id", *SCOPED_COLUMNS))
        return (
            f"SELECT {columns}, bm25({FTS_TABLE}, 10.0, 4.0, 1.0) AS rank FROM {FTS_TABLE} "
            f"CROSS JOIN {TABLE} e ON e.page_id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {base}",
            [self.expression(query), *base_params],
        )

    def expression(self, query: SearchQuery) -> str:
        parts = [f'"{" ".join(phrase.words)}"' for phrase in query.phrases]
        for position, term in enumerate(query.terms):
            prefix = _prefix(query, position)
            parts.append(f'"{prefix}"*' if prefix else f'"{term}"')
        return " AND ".join(parts)

    def highlights(self, connection, query: SearchQuery, page_ids: list[int]) -> dict[int, str]:
        placeholders = ", ".join(["%s"] * len(page_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, -1, %s, %s, '…', 24) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
                [OPEN, CLOSE, self.expression(query), *page_ids],
            )
            return {page_id: _marked(text) for page_id, text in cursor.fetchall()}


class _Postgres(_Dialect):
    def expression(self, query: SearchQuery) -> str:
        parts = [
            "(" + " <-> ".join(f"'{word}'" for word in phrase.words) + ")"
            for phrase in query.phrases
        ]
        for position, term in enumerate(query.terms):
            prefix = _prefix(query, position)
            parts.append(f"'{prefix}':*" if prefix else f"'{term}'")
        return " & ".join(parts)

    def prepare(self, cursor) -> None:
        # With the default cost of random reads (4.0, a spinning disk), the planner prefers
        # reading the whole table, decompressing every page's text to test it, over the GIN
        # index; on SSD storage random reads cost about as much as sequential ones.
        cursor.execute("SET LOCAL random_page_cost = 1.1")

    def scoped(self, query: SearchQuery, base: str, base_params: list) -> tuple[str, list]:
        # Matched on the whole text, ranked on the title and summary (see search.fulltext).
        columns = ", ".join(f"e.{column}" for column in ("page_id", *SCOPED_COLUMNS))
        return (
            f"SELECT {columns}, ts_rank(e.rank_vector, q.q) AS rank FROM {TABLE} e, "
            f"to_tsquery('{PG_CONFIG}', %s) AS q(q) WHERE e.search_vector @@ q.q AND {base}",
            [self.expression(query), *base_params],
        )

    def highlights(self, connection, query: SearchQuery, page_ids: list[int]) -> dict[int, str]:
        placeholders = ", ".join(["%s"] * len(page_ids))
        options = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=30, MinWords=12"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page_id, ts_headline('{PG_CONFIG}', "
                "concat_ws(' … ', title, NULLIF(summary, ''), NULLIF(body, '')), q.q, %s) "
                f"FROM {TABLE}, to_tsquery('{PG_CONFIG}', %s) AS q(q) "
                f"WHERE page_id IN ({placeholders})",
                [options, self.expression(query), *page_ids],
            )
            return {page_id: _marked(text) for page_id, text in cursor.fetchall() if OPEN in text}


def _prefix(query: SearchQuery, position: int) -> str | None:
    """The prefix a term is matched by (its stem, or what is typed so far), or None."""
    term = query.terms[position]
    if query.prefix_last and position == len(query.terms) - 1:
        return term
    return stem(term)


def _marked(text: str) -> str:
    """Escape the excerpt, then turn the database's markers into <mark> elements."""
    return html.escape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def _datetime(value) -> datetime | None:
    """A stored moment, aware: SQLite hands raw queries text in UTC without an offset."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else parse_datetime(value)
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment


def _batches(items: Iterable, size: int):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _row(document: SearchDocument) -> IndexedPage:
    values = {column: getattr(document, column) for column in DOCUMENT_COLUMNS}
    values["translations"] = _stored_languages(document.translations)
    return IndexedPage(**values)


def _stored_languages(codes: Iterable[str]) -> str:
    codes = list(codes)
    return f"{_SEPARATOR}{_SEPARATOR.join(codes)}{_SEPARATOR}" if codes else ""


def _languages(stored: str | None) -> tuple[str, ...]:
    return tuple(code for code in (stored or "").split(_SEPARATOR) if code)


def _facet_rows(documents: Iterable[SearchDocument]) -> list[FacetValue]:
    return [
        FacetValue(page_id=document.page_id, facet=facet, value=value)
        for document in documents
        for facet in MULTI_VALUED
        for value in document.facet_values(facet)
    ]
