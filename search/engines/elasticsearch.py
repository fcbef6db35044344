"""The Elasticsearch engine of the network search: one index per language behind an alias.

The request bodies come from ``search.engines.es_queries`` and the index definitions from
``search.engines.es_mapping``; this module sends them and turns every way the cluster can
be unreachable (refused, timed out, 5xx, wrong product or major version) into
``EngineUnavailable``, on which callers fall back to the database engine.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

import elasticsearch
from elasticsearch import ApiError, Elasticsearch, TransportError, UnsupportedProductError
from elasticsearch.exceptions import SerializationError
from elasticsearch.helpers import BulkIndexError, bulk

from search.documents import SearchDocument
from search.engines.base import EngineUnavailable, SearchQuery, SearchResults
from search.engines.es_mapping import (
    alias_name,
    build_index,
    check_version,
    language_of,
    new_version,
    versioned_name,
)
from search.engines.es_queries import (
    alias_swap,
    ids_query,
    index_actions,
    part_query,
    read_results,
    search_body,
)

CLIENT_MAJOR = elasticsearch.__versionstr__.split(".")[0]
# Writes of a whole batch or a rebuild part may take longer than a search may.
WRITE_TIMEOUT = 120.0
REBUILD_COPY_TIMEOUT = 1800.0  # copying a large live index may take minutes
_HIDE_SCRIPT = {"source": "ctx._source.is_public = false", "lang": "painless"}
# Aliases this process has already made sure exist, per (url, prefix).
_ENSURED: set[tuple[str, str]] = set()


@functools.lru_cache(maxsize=8)
def _client(url: str, timeout: float) -> Elasticsearch:
    # One client (and connection pool) per process, not one per search. No retries: a
    # search must fall back quickly, and background indexing is retried by its task.
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


@contextmanager
def unavailable_on_fault(action: str) -> Iterator[None]:
    """Raise EngineUnavailable for faults of the cluster; let our own bad requests through."""
    try:
        yield
    except UnsupportedProductError as error:
        raise EngineUnavailable(
            f"{action}: the server is not Elasticsearch (OpenSearch is not supported yet)"
        ) from error
    except ApiError as error:
        status = error.meta.status
        if status >= 500 or status in (401, 403, 429):
            raise EngineUnavailable(f"{action}: the cluster answered {status}") from error
        if "media_type_header_exception" in str(error.body):
            raise EngineUnavailable(
                f"{action}: the server does not accept client version {CLIENT_MAJOR}.x "
                "(use the client of the server's major version)"
            ) from error
        raise
    except SerializationError:
        raise  # our data could not be encoded: a bug, not an outage
    except TransportError as error:  # refused, timed out, TLS
        raise EngineUnavailable(f"{action}: {type(error).__name__}: {error.message}") from error
    except BulkIndexError as error:
        statuses = {next(iter(item.values())).get("status", 0) for item in error.errors}
        if any(status >= 500 or status == 429 for status in statuses):
            raise EngineUnavailable(
                f"{action}: the cluster rejected {len(error.errors)} document(s)"
            ) from error
        raise


class ElasticsearchEngine:
    """Network search on an Elasticsearch cluster of the client's major version."""

    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "mreza",
        languages: Sequence[str] = ("sl", "cs", "en"),
        timeout: float = 3.0,
    ) -> None:
        if not url:
            raise ValueError("url: the Elasticsearch URL is required (ELASTICSEARCH_URL)")
        if not prefix or prefix != prefix.lower() or not prefix.replace("_", "").isalnum():
            raise ValueError(f"prefix: lower-case letters, digits and _ only (got {prefix!r})")
        if not languages:
            raise ValueError("languages: at least one language is required")
        self.url = url
        self.prefix = prefix
        self.languages = tuple(dict.fromkeys(language_of(code) for code in languages))
        self.timeout = timeout
        self.client = _client(url, timeout)

    # Names

    @property
    def aliases(self) -> list[str]:
        return [alias_name(self.prefix, language) for language in self.languages]

    def _all_indexes(self) -> str:
        """Every index of ours: the live ones (by alias) and versions being rebuilt, which
        must see deletions and privacy changes made while they are written."""
        names = []
        for language in self.languages:
            names += [alias_name(self.prefix, language), f"{self.prefix}_{language}_*"]
        return ",".join(names)

    def _language(self, locale: str) -> str:
        language = language_of(locale)
        if language not in self.languages:
            raise ValueError(
                f"locale: {locale!r} has no index; configured languages: "
                f"{', '.join(self.languages)}"
            )
        return language

    def alias_for(self, document: SearchDocument) -> str:
        return alias_name(self.prefix, self._language(document.locale))

    # Versions

    def server_version(self) -> str:
        """The cluster's version number (EngineUnavailable when it cannot say)."""
        with unavailable_on_fault("version check"):
            return self.client.info()["version"]["number"]

    def server_compatible(self) -> bool:
        """Whether the server's major version is the client's (9.x client for 9.x servers)."""
        return self.server_version().split(".")[0] == CLIENT_MAJOR

    # Searching

    def search(self, query: SearchQuery) -> SearchResults:
        if query.is_empty:
            return SearchResults(hits=[], total=0, facets={}, engine=self.name)
        body = search_body(query, now=datetime.now(UTC))
        with unavailable_on_fault("search"):
            # Network search spans every language's alias; one not created yet is skipped.
            response = self.client.search(
                index=",".join(self.aliases),
                body=body,
                ignore_unavailable=True,
                allow_no_indices=True,
            )
        return read_results(response.body, engine=self.name)

    # Writing

    def ensure_indices(self) -> None:
        """Create each language's first index behind its alias when none exists yet."""
        if (self.url, self.prefix) in _ENSURED:
            return
        version = new_version()
        with unavailable_on_fault("create indexes"):
            for language in self.languages:
                alias = alias_name(self.prefix, language)
                if self.client.indices.exists(index=alias):
                    continue
                name = versioned_name(self.prefix, language, version)
                build_index(name, language, aliases=[alias]).create(using=self.client)
        _ENSURED.add((self.url, self.prefix))

    def _bulk(self, action: str, actions: Iterable[dict]) -> int:
        writer = self.client.options(request_timeout=max(self.timeout, WRITE_TIMEOUT))
        with unavailable_on_fault(action):
            # require_alias: never let a write auto-create an index with a guessed mapping.
            written, _errors = bulk(writer, actions, refresh=False, require_alias=action == "index")
        return written

    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents in their language's alias; visible after the next
        periodic refresh (about a second), not one refresh per save."""
        self.ensure_indices()
        return self._bulk("index", index_actions(documents, self.alias_for))

    def _by_query(self, method: str, action: str, index: str, query: dict, **extra) -> None:
        writer = self.client.options(request_timeout=max(self.timeout, WRITE_TIMEOUT))
        with unavailable_on_fault(action):
            # Documents indexed since the last refresh are invisible to a by-query request.
            writer.indices.refresh(index=index, ignore_unavailable=True, allow_no_indices=True)
            getattr(writer, method)(
                index=index,
                query=query,
                conflicts="proceed",
                refresh=True,
                ignore_unavailable=True,
                allow_no_indices=True,
                **extra,
            )

    def delete(self, page_ids: Sequence[int]) -> None:
        if page_ids:
            self._by_query("delete_by_query", "delete", self._all_indexes(), ids_query(page_ids))

    def hide(self, page_ids: Sequence[int]) -> None:
        if page_ids:
            query = ids_query(page_ids)
            self._by_query(
                "update_by_query", "hide", self._all_indexes(), query, script=_HIDE_SCRIPT
            )

    def clear(self, *, site_id: int | None = None, locale: str | None = None) -> None:
        """Remove one site's and/or one locale's documents (everything when neither)."""
        index = alias_name(self.prefix, self._language(locale)) if locale else self._all_indexes()
        query = part_query(site_id=site_id, locale=locale)
        self._by_query("delete_by_query", "clear", index, query)

    # Rebuilding

    def _targets(self, version: str) -> list[str]:
        return [versioned_name(self.prefix, language, version) for language in self.languages]

    def prepare_rebuild(self, *, resume: str | None = None) -> str:
        """Create a new version of every language's index (refresh off while it is written)
        holding a copy of the live one, or, resuming, the ones of that version still
        missing; returns the version."""
        version = check_version(resume) if resume is not None else new_version()
        writer = self.client.options(request_timeout=max(self.timeout, REBUILD_COPY_TIMEOUT))
        with unavailable_on_fault("prepare rebuild"):
            for language, name in zip(self.languages, self._targets(version), strict=True):
                if self.client.indices.exists(index=name):
                    continue
                build_index(name, language, building=True).create(using=self.client)
                alias = alias_name(self.prefix, language)
                if resume is None and self.client.indices.exists(index=alias):
                    # A rebuild of some sites or locales only rewrites those parts, so the
                    # new version starts as a copy of the live one (re-analysed on the way),
                    # including what was saved since the last refresh.
                    writer.indices.refresh(index=alias)
                    writer.reindex(
                        source={"index": alias},
                        dest={"index": name},
                        conflicts="proceed",
                        slices="auto",
                        wait_for_completion=True,
                    )
        return version

    def write_rebuild(
        self, target: str, site_id: int, locale: str, documents: Iterable[SearchDocument]
    ) -> int:
        """Replace one site's documents in one locale within the target version."""
        index = versioned_name(self.prefix, self._language(locale), check_version(target))

        def belonging(documents: Iterable[SearchDocument]) -> Iterator[SearchDocument]:
            for document in documents:
                if document.site_id != site_id or document.locale != locale:
                    raise ValueError(
                        f"documents: page {document.page_id} is of site {document.site_id}, "
                        f"locale {document.locale!r}, not site {site_id}, locale {locale!r}"
                    )
                yield document

        with unavailable_on_fault("rebuild"):
            if not self.client.indices.exists(index=index):
                raise ValueError(f"target: no index {index}; call prepare_rebuild first")
        # A resumed part may be half-written: start it from nothing.
        self._by_query(
            "delete_by_query", "rebuild", index, part_query(site_id=site_id, locale=locale)
        )
        return self._bulk("rebuild", index_actions(belonging(documents), lambda _doc: index))

    def finish_rebuild(self, target: str) -> None:
        """Refresh the target version, move every alias onto it in one atomic call, then
        delete the versions it replaces."""
        targets = self._targets(check_version(target))
        writer = self.client.options(request_timeout=max(self.timeout, WRITE_TIMEOUT))
        with unavailable_on_fault("finish rebuild"):
            # null restores the default refresh interval the build switched off.
            writer.indices.put_settings(
                index=",".join(targets), settings={"index": {"refresh_interval": None}}
            )
            writer.indices.refresh(index=",".join(targets))
            existing = writer.indices.get_alias(
                index=self._all_indexes(), ignore_unavailable=True, allow_no_indices=True
            ).body
            actions, obsolete = alias_swap(
                self.prefix,
                self.languages,
                target,
                {name: info.get("aliases", {}) for name, info in existing.items()},
            )
            writer.indices.update_aliases(actions=actions)
            if obsolete:
                writer.indices.delete(index=",".join(obsolete), ignore_unavailable=True)
        _ENSURED.add((self.url, self.prefix))
