"""The search page of every site: the network search, rendered (``SearchPage`` serves it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Site

from search.documents import SearchDocument
from search.engines.base import SearchResults
from search.facets import PARAMETERS, page_types
from search.requests import SearchInputError, facet_views, read_request
from search.service import run_search
from sites.navigation import requested_language

RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class ResultView:
    document: SearchDocument
    highlight: str
    type_label: str
    fallback: bool = False  # not in the visitor's language: shown in its site's


def search_page_context(request: HttpRequest, site: Site | None) -> dict[str, Any]:
    """Everything the search page template shows for the request's query string."""
    text = request.GET.get("q", "")
    context: dict[str, Any] = {
        "query": text.strip()[:1000],
        "scope": request.GET.get("scope", ""),
        "error": None,
        "results": None,
    }
    page_number = _page_number(request.GET.get("page"))
    try:
        if page_number is None:
            raise SearchInputError("page", _("The page number must be a whole number from 1."))
        search = read_request(
            text,
            scope=request.GET.get("scope") or None,
            home_site=site,
            filters={name: request.GET.getlist(name) for name in PARAMETERS.values()},
            upcoming=request.GET.get("upcoming") == "1",
            offset=(page_number - 1) * RESULTS_PER_PAGE,
            limit=RESULTS_PER_PAGE,
            # The language of the page being viewed: its URL's prefix, else the site's
            # default (a search page shown as a fallback searches in the language asked for).
            language=requested_language(request),
        )
    except SearchInputError as error:
        context["error"] = {"parameter": error.parameter, "message": str(error)}
        return context
    context["scope"] = search.scope
    context["upcoming"] = search.upcoming
    if not search.text:
        return context
    results: SearchResults = run_search(search.query())
    types = page_types()
    paginator = Paginator(range(results.total), RESULTS_PER_PAGE)
    context.update(
        results=results,
        hits=[
            ResultView(
                hit.document,
                hit.highlight,
                types.get(hit.document.content_type, ""),
                search.is_fallback(hit.document),
            )
            for hit in results.hits
        ],
        facets=facet_views(search, results, all_languages=True),
        past_the_end=results.total and page_number > paginator.num_pages,
        last_page=paginator.num_pages,
        pages=paginator.page(min(page_number, paginator.num_pages)),
        site_name=site.site_name if site else "",
        # The note on a fallback hit speaks the visitor's language (the page may not).
        search_language=search.language,
        filtered=bool(search.filters or search.upcoming or search.all_languages),
    )
    return context


def _page_number(value: str | None) -> int | None:
    if value is None or value == "":
        return 1
    return int(value) if value.isdigit() and 0 < int(value) < 100_000 else None
