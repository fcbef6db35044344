"""Keeping the network index in step with the pages: one page at a time, or all of them.

``index_pages`` is what the background tasks run after a change; ``rebuild`` is the full
rebuild behind ``manage.py rebuild_network_index``. Both write to every engine indexing
writes to (``search.engines.engines_to_write``): the database index always, since searches
fall back to it, and Elasticsearch when it is configured.
"""

from __future__ import annotations

import contextlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q
from wagtail.models import Page, Site

from search.engines import engines_to_write
from search.engines.base import EngineUnavailable, SearchEngine
from search.extraction import Extraction
from search.models import IndexedPage, RebuildPart

logger = logging.getLogger(__name__)


def index_pages(page_ids: Iterable[int], *, engines: Sequence[SearchEngine] | None = None) -> int:
    """Index these pages as they are now; pages that are gone, unpublished, private or
    outside every site are removed. A page whose URL changed takes its subtree along, and
    every page takes its translations along (they store the languages it is available in)."""
    page_ids = set(page_ids)
    if not page_ids:
        return 0
    moved = _pages_with_changed_urls(page_ids)
    if moved:
        page_ids |= set(subtree_ids(moved))
    page_ids |= set(translation_ids(page_ids))
    documents = list(Extraction().documents(sorted(page_ids)))
    gone = page_ids - {document.page_id for document in documents}
    for engine in engines if engines is not None else engines_to_write():
        try:
            if gone:
                engine.delete(sorted(gone))
            if documents:
                engine.index(documents)
        except EngineUnavailable as error:
            # The database index (written first) stays current; a rebuild catches up.
            logger.warning("Could not index pages in %s: %s", engine.name, error)
    return len(documents)


def hide_pages(page_ids: Sequence[int], *, engines: Sequence[SearchEngine] | None = None) -> None:
    """Take pages out of results at once (they were made private); indexing removes them."""
    for engine in engines if engines is not None else engines_to_write():
        # If Elasticsearch is down, searches fall back to the database, hidden already.
        with contextlib.suppress(EngineUnavailable):
            engine.hide(page_ids)


def subtree_ids(page_ids: Iterable[int]) -> list[int]:
    """The pages and every page below them."""
    paths = Page.objects.filter(pk__in=list(page_ids)).values_list("path", flat=True)
    if not paths:
        return []
    below = Page.objects.none()
    for path in paths:
        below |= Page.objects.filter(path__startswith=path)
    return list(below.values_list("pk", flat=True))


def translation_ids(page_ids: Iterable[int], keys: Iterable[UUID] = ()) -> list[int]:
    """The pages translating these pages, or having these translation keys (one query)."""
    page_ids, keys = list(page_ids), list(keys)
    if not page_ids and not keys:
        return []
    of_pages = Page.objects.filter(pk__in=page_ids).values("translation_key")
    translations = Page.objects.filter(
        Q(translation_key__in=of_pages) | Q(translation_key__in=keys)
    )
    return list(translations.values_list("pk", flat=True))


def site_page_ids(site: Site) -> list[int]:
    """The live, public pages of a site in each of its languages (what the directory API
    calls the site's pages; a site nested inside it keeps its own)."""
    from network.directory.presence import SitePresence

    return list(SitePresence().public_pages(site).values_list("pk", flat=True))


def _pages_with_changed_urls(page_ids: set[int]) -> list[int]:
    """Indexed pages whose URL is no longer the one indexed (a slug changed on publish)."""
    indexed = dict(IndexedPage.objects.filter(page_id__in=page_ids).values_list("page", "url"))
    if not indexed:
        return []
    extraction = Extraction()
    changed = []
    for page in Page.objects.filter(pk__in=list(indexed)).only("url_path", "path", "locale"):
        _, root_url, path = page.get_url_parts(request=extraction.url_cache)
        if indexed[page.pk] != f"{root_url}{path}" and page.numchild:
            changed.append(page.pk)
    return changed


@dataclass
class RebuildPlan:
    """The (site, locale) parts of the network and the pages in each."""

    parts: dict[tuple[int, str], list[int]]

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in self.parts.values())

    @classmethod
    def build(cls, *, sites: Iterable[int] | None = None, locales: Iterable[str] | None = None):
        extraction = Extraction()
        wanted_sites = set(sites) if sites is not None else None
        wanted_locales = set(locales) if locales is not None else None
        parts: dict[tuple[int, str], list[int]] = defaultdict(list)
        rows = Page.objects.filter(live=True, depth__gt=1).values_list(
            "pk", "url_path", "locale__language_code"
        )
        for page_id, url_path, locale in rows.order_by("path"):
            site_id = extraction.site_of(url_path)
            if site_id is None:
                continue
            if wanted_sites is not None and site_id not in wanted_sites:
                continue
            if wanted_locales is not None and locale not in wanted_locales:
                continue
            parts[(site_id, locale)].append(page_id)
        return cls(parts=dict(parts))


def rebuild(
    *,
    engine: SearchEngine | None = None,
    sites: Iterable[int] | None = None,
    locales: Iterable[str] | None = None,
    resume: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Rebuild the index of every (site, locale) part, or of the ones named; returns the
    number of documents written. With ``resume``, an unfinished rebuild of the same engine
    carries on: its target is reused and the parts it finished are skipped."""
    engines = [engine] if engine is not None else engines_to_write()
    plan = RebuildPlan.build(sites=sites, locales=locales)
    written = 0
    for each in engines:
        target, done = _target(each, resume)
        extraction = Extraction()
        for (site_id, locale), page_ids in sorted(plan.parts.items()):
            if (site_id, locale) in done:
                if progress:
                    progress(len(page_ids))
                continue
            documents = extraction.documents(page_ids)
            count = each.write_rebuild(target, site_id, locale, _counting(documents, progress))
            if progress:
                progress(len(page_ids) - count)  # pages with nothing to index (private…)
            RebuildPart.objects.create(
                engine=each.name, target=target, site_id=site_id, locale=locale, documents=count
            )
            written += count
        each.finish_rebuild(target)
        RebuildPart.objects.filter(engine=each.name).delete()
        if sites is None and locales is None:
            # Pages indexed under a site or locale that no longer exists.
            planned = {page_id for ids in plan.parts.values() for page_id in ids}
            indexed = set(IndexedPage.objects.values_list("page_id", flat=True))
            if indexed - planned:
                each.delete(sorted(indexed - planned))
    return written


def _target(engine: SearchEngine, resume: bool) -> tuple[str, set[tuple[int, str]]]:
    """The rebuild target to write into and the parts already done in it."""
    if resume:
        last = RebuildPart.objects.filter(engine=engine.name).order_by("-finished_at").first()
        if last is not None:
            done = set(
                RebuildPart.objects.filter(engine=engine.name, target=last.target).values_list(
                    "site_id", "locale"
                )
            )
            return engine.prepare_rebuild(resume=last.target), done
    RebuildPart.objects.filter(engine=engine.name).delete()
    return engine.prepare_rebuild(), set()


def _counting(documents, progress):
    for document in documents:
        yield document
        if progress:
            progress(1)
