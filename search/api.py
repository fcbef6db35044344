"""``/api/v3/search/``: the network search, with its facets, in one response."""

from __future__ import annotations

from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from typing_extensions import TypedDict
from wagtail.images import get_image_model

from blocks.schemas.shared import ImageData, IsoDateTime
from blocks.serializers import image_data, iso
from headless.pages import TEXT
from headless.params import ParameterError, check_query, locale_from_parameter, site_scope
from search.facets import PARAMETERS
from search.requests import (
    SearchInputError,
    SearchRequest,
    facet_views,
    read_request,
    visitor_language,
)
from search.service import run_search
from sites.api import PUBLIC_AUTH

router = Router(tags=["search"])
# Deep pages of a ranked list are never read; Elasticsearch refuses past 10,000 by default.
MAX_OFFSET = 10_000
MAX_LIMIT = 50
RESULT_IMAGE = "fill-600x400"

FacetValues = Annotated[
    list[Annotated[str, Field(max_length=120, pattern=TEXT)]], Field(default_factory=list)
]


class SearchParameters(Schema):
    q: str = Field(
        ...,
        max_length=1000,
        pattern=TEXT,
        description=(
            "What to search for (at most 200 characters). Every word must match, in any "
            'case and with or without diacritics; text in double quotes ("…" or „…“) is a '
            "phrase."
        ),
    )
    scope: Literal["site", "network"] | None = Field(
        None,
        description=(
            "`site` searches one site (the request's host, or `site=`), `network` every "
            "site. Defaults to `network` on the hub and `site` on a centre's site."
        ),
    )
    site: str | None = Field(
        None,
        max_length=255,
        pattern=TEXT,
        description="The site searching: a hostname or id. Defaults to the request's host.",
    )
    sites: FacetValues = Field(description="Only these sites (ids; repeatable).")
    regions: FacetValues = Field(description="Only these regions (slugs).")
    content_types: FacetValues = Field(description="Only these page types (e.g. `event`).")
    locales: FacetValues = Field(
        description=(
            "Only these languages (`sl`, `cs`, `en`), or `all` for every language. Without "
            "it, results are in the visitor's language (`locale`), each page once: a page "
            "not available in it is shown in its site's default language, with "
            "`fallback: true`."
        )
    )
    locale: str | None = Field(
        None,
        max_length=12,
        pattern=TEXT,
        description=(
            "The visitor's language. Defaults to the request's language (Accept-Language) "
            "when it is one of the network's, else the site's default language."
        ),
    )
    target_groups: FacetValues = Field(description="Only these target groups (slugs).")
    themes: FacetValues = Field(description="Only these themes (slugs).")
    funders: FacetValues = Field(description="Only these funders (slugs).")
    organisations: FacetValues = Field(description="Only these organisations (slugs).")
    upcoming: bool = Field(False, description="Only events and programmes still to come.")
    limit: int = Field(10, ge=1, le=MAX_LIMIT, description="Results to return.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Results to skip.")


class SearchSite(TypedDict):
    id: int
    name: str


class SearchItem(TypedDict):
    id: Annotated[int, Field(description="The page's id (`/api/v3/pages/{id}/`).")]
    title: str
    url: Annotated[str, Field(description="The page's public URL on its own site's hostname.")]
    site: SearchSite
    locale: str
    fallback: Annotated[
        bool,
        Field(
            description="The page is not available in the visitor's language: it is shown "
            "in its site's default language (`locale`)."
        ),
    ]
    content_type: Annotated[str, Field(description="Page type key, e.g. `event`.")]
    summary: str
    highlight: Annotated[
        str, Field(description="An excerpt with the matched words in `<mark>` (HTML, escaped).")
    ]
    region: str | None
    themes: list[str]
    target_groups: list[str]
    starts_at: Annotated[IsoDateTime | None, Field(description="Next occurrence's start.")]
    ends_at: Annotated[IsoDateTime | None, Field(description="When the last occurrence ends.")]
    image: ImageData | None
    published_at: IsoDateTime | None


class FacetOptionData(TypedDict):
    value: str
    label: str
    count: int
    selected: bool


class FacetData(TypedDict):
    name: str
    parameter: Annotated[str, Field(description="The query parameter that filters on it.")]
    title: str
    options: list[FacetOptionData]


class SearchResponse(Schema):
    query: str
    scope: Literal["site", "network"]
    engine: Annotated[str, Field(description="`database` or `elasticsearch`.")]
    fallback: Annotated[
        str | None,
        Field(
            description="Set when the configured engine was unreachable and the database "
            "index answered instead."
        ),
    ]
    total: int
    offset: int
    limit: int
    upcoming: Annotated[int, Field(description="How many matches are still to come.")]
    items: list[SearchItem]
    facets: list[FacetData]


@router.get(
    "/",
    response=SearchResponse,
    url_name="network_search",
    summary="Search the network",
    description=(
        "Ranked public pages of one site or the whole network, with highlighted excerpts and "
        "every facet's counts (each computed with the other facets' filters applied)."
    ),
    operation_id="search",
    auth=PUBLIC_AUTH,
)
def search(request: HttpRequest, params: Query[SearchParameters]):
    check_query(request, SearchParameters)
    scope = site_scope(request, params.site, allow_network=False)
    if not params.q.strip():
        raise ParameterError("q", "q: enter something to search for.")
    chosen = locale_from_parameter(params.locale)
    language = visitor_language(
        request, scope.site, chosen=chosen.language_code if chosen else None
    )
    # API messages are in English, like every other 400 of the API.
    with translation.override("en"):
        try:
            search_request = read_request(
                params.q,
                scope=params.scope,
                home_site=scope.site,
                filters={name: getattr(params, name) for name in PARAMETERS.values()},
                upcoming=params.upcoming,
                offset=params.offset,
                limit=params.limit,
                language=language,
            )
        except SearchInputError as error:
            raise ParameterError(error.parameter, str(error)) from error
        results = run_search(search_request.query())
    return {
        "query": search_request.text,
        "scope": search_request.scope,
        "engine": results.engine,
        "fallback": results.fallback_reason or None,
        "total": results.total,
        "offset": params.offset,
        "limit": params.limit,
        "upcoming": results.upcoming,
        "items": items(search_request, results.hits),
        "facets": facets(search_request, results),
    }


def items(search_request: SearchRequest, hits) -> list[SearchItem]:
    image_ids = {hit.document.image_id for hit in hits if hit.document.image_id}
    images = get_image_model().objects.prefetch_renditions(RESULT_IMAGE).in_bulk(image_ids)
    found = []
    for hit in hits:
        document = hit.document
        found.append(
            {
                "id": document.page_id,
                "title": document.title,
                "url": document.url,
                "site": {"id": document.site_id, "name": document.site_name},
                "locale": document.locale,
                "fallback": search_request.is_fallback(document),
                "content_type": document.content_type,
                "summary": document.summary,
                "highlight": hit.highlight,
                "region": document.region or None,
                "themes": list(document.theme),
                "target_groups": list(document.target_group),
                "starts_at": iso(document.starts_at),
                "ends_at": iso(document.ends_at),
                "image": image_data(images.get(document.image_id), RESULT_IMAGE),
                "published_at": iso(document.published_at),
            }
        )
    return found


def facets(search_request: SearchRequest, results) -> list[FacetData]:
    return [
        {
            "name": view.name,
            "parameter": view.parameter,
            "title": view.title,
            "options": [
                {
                    "value": option.value,
                    "label": option.label,
                    "count": option.count,
                    "selected": option.selected,
                }
                for option in view.options
            ],
        }
        for view in facet_views(search_request, results)
    ]
