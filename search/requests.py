"""A visitor's search, read from query parameters: shared by the API and the search page.

Both take the same parameters (``q``, ``scope``, one repeatable parameter per facet, and
``upcoming``), refuse the same bad input with a message naming the parameter, and present
the same facets.

Without ``locales``, results are in the visitor's language (``visitor_language``), with a
page missing in it found in its site's default language (a fallback); ``locales=all``
searches every language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

# Django's parser of the header (LocaleMiddleware's); not part of its public API.
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Site

from search import facets as facet_names
from search.documents import SearchDocument
from search.engines.base import FACETS, SearchQuery, SearchResults
from search.query import QueryError, parse

SCOPES = ("site", "network")
MAX_FILTER_VALUES = 20
# The ``locales`` value that searches every language (no visitor language, no fallback).
ALL_LANGUAGES = "all"


class SearchInputError(ValueError):
    """A parameter the search cannot act on; ``parameter`` names it for a 400 or a form."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class SearchRequest:
    text: str
    scope: str
    home_site: Site | None
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    upcoming: bool = False
    offset: int = 0
    limit: int = 10
    # The language results are shown in, with fallback; None when ``locales`` chose
    # languages or all of them (``all_languages``).
    language: str | None = None
    all_languages: bool = False

    def query(self) -> SearchQuery:
        terms, phrases = parse(self.text)
        return SearchQuery(
            terms=terms,
            phrases=phrases,
            filters=self.filters,
            site_ids=(self.home_site.pk,) if self.scope == "site" and self.home_site else None,
            upcoming_after=timezone.now() if self.upcoming else None,
            offset=self.offset,
            limit=self.limit,
            language=self.language,
        )

    def is_fallback(self, document: SearchDocument) -> bool:
        """Whether a hit is shown in its site's language because the page is not available
        in the visitor's."""
        return self.language is not None and document.locale != self.language


def network_languages() -> tuple[str, ...]:
    return tuple(facet_names.languages())


def visitor_language(
    request: HttpRequest | None, site: Site | None, *, chosen: str | None = None
) -> str:
    """The language a search without ``locales`` shows results in: ``chosen`` (the API's
    ``locale=``), else the first language of the request's Accept-Language that the network
    has, else the site's default language."""
    from network.models import Tenant

    if chosen:
        return chosen
    accepted = accepted_language(request) if request is not None else None
    return accepted or Tenant.languages_for(site).default


def accepted_language(request: HttpRequest) -> str | None:
    """The first language of the Accept-Language header that the network has, else None.

    LocaleMiddleware cannot say: on URLs without a language prefix (the API's) it gives the
    install's default language whatever the header asks for.
    """
    network = network_languages()
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        try:
            language = translation.get_supported_language_variant(code)
        except LookupError:
            continue
        if language in network:
            return language
    return None


def default_scope(site: Site | None) -> str:
    """The hub searches the network by default; a centre's site searches itself."""
    from sites.models import HubHomePage

    if site is None:
        return "network"
    root = site.root_page.specific_class
    return "network" if root is not None and issubclass(root, HubHomePage) else "site"


def read_request(
    text: str | None,
    *,
    scope: str | None,
    home_site: Site | None,
    filters: Mapping[str, Sequence[str]],
    upcoming: bool = False,
    offset: int = 0,
    limit: int = 10,
    language: str | None = None,
) -> SearchRequest:
    """Check a search's parameters; raises SearchInputError naming the first bad one.

    ``filters`` maps a facet's parameter name (``themes``, ``sites``…) to the values sent;
    ``language`` is the visitor's (``visitor_language``), used unless ``locales`` is sent.
    """
    text = (text or "").strip()
    if "\x00" in text:
        raise SearchInputError(
            "q", _("%(parameter)s: must not contain the NUL character.") % {"parameter": "q"}
        )
    try:
        terms, phrases = parse(text)
    except QueryError as error:
        raise SearchInputError("q", f"q: {error}.") from error
    if text and not terms and not phrases:
        raise SearchInputError("q", _("q: type at least one letter or digit."))
    scope = (scope or default_scope(home_site)).strip().lower()
    if scope not in SCOPES:
        raise SearchInputError("scope", _("scope: must be “site” or “network”."))
    if scope == "site" and home_site is None:
        raise SearchInputError(
            "site", _("site: this host is not a site of the network; search with scope=network.")
        )
    chosen: dict[str, tuple[str, ...]] = {}
    all_languages = False
    for parameter, values in filters.items():
        facet = facet_names.FACET_OF_PARAMETER[parameter]
        values = tuple(dict.fromkeys(value.strip() for value in values if value.strip()))
        if facet == "locale" and ALL_LANGUAGES in values:
            all_languages = True  # every language, whatever else is ticked
            continue
        if not values:
            continue
        if len(values) > MAX_FILTER_VALUES:
            raise SearchInputError(
                parameter,
                _("%(parameter)s: at most %(number)d values.")
                % {"parameter": parameter, "number": MAX_FILTER_VALUES},
            )
        if any("\x00" in value for value in values):
            raise SearchInputError(
                parameter,
                _("%(parameter)s: must not contain the NUL character.") % {"parameter": parameter},
            )
        unknown = facet_names.unknown_values(facet, values)
        if unknown:
            raise SearchInputError(
                parameter,
                _("%(parameter)s: unknown value “%(values)s”.")
                % {"parameter": parameter, "values": "”, “".join(unknown)},
            )
        chosen[facet] = values
    return SearchRequest(
        text=text,
        scope=scope,
        home_site=home_site,
        filters=chosen,
        upcoming=upcoming,
        offset=offset,
        limit=limit,
        language=None if all_languages or "locale" in chosen else language,
        all_languages=all_languages,
    )


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetView:
    name: str
    parameter: str
    title: str
    options: list[FacetOption]


def facet_views(
    request: SearchRequest, results: SearchResults, *, all_languages: bool = False
) -> list[FacetView]:
    """Every facet with labelled options; a chosen value is listed even with no matches, so
    the visitor can always unselect it. With ``all_languages`` the language facet ends with
    an "All languages" option (``locales=all``), counting every language's matches."""
    views = []
    for facet in FACETS:
        counts = {count.value: count.count for count in results.facets.get(facet, [])}
        selected = request.filters.get(facet, ())
        for value in selected:
            counts.setdefault(value, 0)
        names = facet_names.labels(facet, counts)
        options = [
            FacetOption(value, names.get(value, value), count, value in selected)
            for value, count in counts.items()
        ]
        if facet == "locale" and all_languages and options:
            # The language facet counts ignore its own filter: together, every language.
            every = sum(option.count for option in options)
            options.append(
                FacetOption(ALL_LANGUAGES, _("All languages"), every, request.all_languages)
            )
        if options:
            views.append(
                FacetView(
                    name=facet,
                    parameter=facet_names.PARAMETERS[facet],
                    title=str(facet_names.TITLES[facet]),
                    options=options,
                )
            )
    return views
