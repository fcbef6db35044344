"""Site-aware reads of Wagtail's ``/api/v3/pages/``: listing, detail and find.

They take the place of Wagtail's own GETs on its pages router (``register_page_reads``),
with Wagtail's response schemas, so generated clients keep their types; Wagtail's writes,
actions and revisions stay. What changes:

- every read follows ``headless.page_access.readable_pages`` (no drafts, private pages or
  other tenants' unpublished pages for anyone who may not edit them);
- the listing takes ``site=all`` (the whole network) besides a hostname or id;
- detail is by id across the network (ids are unique; ``site=`` narrows it), so the
  ``detail_url`` of a ``site=all`` listing item works from any host;
- find resolves language-prefixed paths (``/en/about/``) to the right translation;
- every bad parameter is a 400 naming it, never Wagtail's 404 or 422.
"""

from typing import Literal, cast

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from ninja import Field, NinjaAPI, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import PositiveInt
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.routers.pages import (
    PageDetailSchema,
    PageFilterSchema,
    RootRelativeFilter,
    custom_filter,
)
from wagtail.api.v3.routers.pages import router as wagtail_pages_router
from wagtail.api.v3.schemas import BasePageSchema
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.api.validators import APIFieldValidator
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet

from blocks.prepared import PreparedQuery
from headless import page_languages
from headless.page_access import (
    can_read_draft,
    readable_content_type,
    readable_pages,
    requested_scope,
)
from headless.pagination import Pagination
from headless.params import (
    NETWORK,
    PAGINATION,
    ParameterError,
    SiteScope,
    check_query,
    locale_from_parameter,
)
from headless.routing import replace_operations

PUBLIC_AUTH = [BearerTokenAuth(), AllowAnonymous()]
SITE_DESCRIPTION = (
    "The site to list: a hostname (optionally `hostname:port`) or id, or `all` for every "
    "site of the network. Defaults to the site of the request's host."
)

# Free text without NUL: PostgreSQL can neither store nor compare it (a 500, not a 400).
TEXT = r"^[^\x00]*$"

router = Router(tags=["pages"])


def listing_scope(request: HttpRequest) -> SiteScope | None:
    """The listing's scope, resolved once per request (the filters ask for it too)."""
    if not hasattr(request, "_mreza_page_scope"):
        request._mreza_page_scope = requested_scope(request, request.GET.get("site"))
    return request._mreza_page_scope


class SitePageFilterSchema(PageFilterSchema):
    """Wagtail's page filters, resolved within the request's site scope; 400s name them."""

    locale: str | None = Field(
        None,
        max_length=20,
        pattern=TEXT,
        description=(
            "Pages in this language (`sl`, `cs`, `en`…), each page once: a page not "
            "translated into it is listed in its site's default language (its `meta.locale` "
            "says which), as the network directory falls back."
        ),
    )
    fallback: bool = Field(
        True,
        description=(
            "With `locale`: `false` lists only the pages in that language, leaving out "
            "those not translated into it (Wagtail's own `locale` filter)."
        ),
    )
    site: str | None = Field(None, max_length=255, pattern=TEXT, description=SITE_DESCRIPTION)

    # Both need the request (the pages it may read): see apply_custom_filters.
    filter_locale = custom_filter
    filter_fallback = custom_filter

    def apply_custom_filters(self, request: HttpRequest, queryset: PageQuerySet) -> PageQuerySet:
        queryset = super().apply_custom_filters(request, queryset)
        locale = locale_from_parameter(self.locale)
        if locale is None:
            return queryset
        if not self.fallback:
            return queryset.filter(locale=locale)
        chosen = page_languages.in_language(request, listing_scope(request), locale)
        # A subquery of ids, which search backends can filter on (they refuse EXISTS).
        return queryset.filter(pk__in=chosen.values("pk"))

    @staticmethod
    def get_request_root_page(request: HttpRequest) -> Page:
        scope = listing_scope(request)
        if scope is None or scope.network_wide:
            raise ParameterError("site", "site: “root” is the root of one site; name the site.")
        return scope.site.root_page

    @staticmethod
    def get_public_page(request: HttpRequest, page_id: int, loc: str) -> Page:
        page = readable_pages(request, listing_scope(request)).filter(pk=page_id).first()
        if page is None:
            raise ParameterError(loc, f"{loc}: no page {page_id} in the requested site.")
        return page

    @staticmethod
    def get_public_page_or_root(
        request: HttpRequest, page_id: RootRelativeFilter, loc: str
    ) -> Page:
        if page_id != "root":
            return SitePageFilterSchema.get_public_page(request, page_id, loc)
        scope = listing_scope(request)
        if scope is not None and scope.network_wide:
            raise ParameterError(loc, f"{loc}: “root” is the root of one site, not of site=all.")
        return SitePageFilterSchema.get_request_root_page(request)


class SiteSearchSchema(SearchSchema):
    """Wagtail's full-text search of the listing."""

    search: str | None = Field(None, max_length=255, pattern=TEXT)


def field_filter_names(model: type[Page]) -> set[str]:
    """Field names the listing filters on for ``model`` (``?slug=…``, ``?show_in_menus=…``)."""
    validator = APIFieldValidator(
        model=model, fields=[], base_fields=BASE_PAGE_READ_FIELDS, db_fields_only=True
    )
    return set(validator.allowed_fields)


def as_parameter_error(error: PydanticValidationError, default: str) -> ParameterError:
    """Wagtail's 422 for a filter, ordering or search problem, as a 400 naming the parameter."""
    details = error.errors()
    first = details[0] if details else {}
    loc = [str(part) for part in first.get("loc", ()) if str(part) != "query"]
    name = loc[0] if loc else default
    return ParameterError(name, f"{name}: {first.get('msg', str(error))}")


@router.get(
    "/",
    response=list[BasePageSchema],
    url_name="list_pages",
    summary="List pages",
    description=(
        "Live, public pages of the request's site (`site=` another one, `site=all` the "
        "network). A token also lists the pages its user may edit there, drafts included."
    ),
    operation_id="pages_list",
    auth=PUBLIC_AUTH,
)
@paginate(Pagination, pass_parameter="pagination_info")  # noqa: S106 not a password
def list_pages(
    request: HttpRequest,
    filters: Query[SitePageFilterSchema],
    ordering: Query[OrderingSchema],
    search: Query[SiteSearchSchema],
    **kwargs,
):
    pagination_info = cast(Pagination.Input, kwargs.get("pagination_info"))
    models = cast(list[type[Page]], filters.type)
    model = models[0] if len(models) == 1 else Page
    check_query(
        request,
        SitePageFilterSchema,
        OrderingSchema,
        SiteSearchSchema,
        extra=(*PAGINATION, *field_filter_names(model)),
    )
    queryset = readable_pages(request, listing_scope(request), model)
    queryset = filters.filter(queryset, request)
    try:
        queryset = APIFieldFilterSchema.with_exclude_schemas(
            raw_params=request.GET,
            schemas=(SitePageFilterSchema, OrderingSchema, SearchSchema),
            base_fields=BASE_PAGE_READ_FIELDS,
        ).filter_queryset(queryset)
    except PydanticValidationError as error:
        raise as_parameter_error(error, "filter") from error
    try:
        queryset = ordering.order_queryset(
            queryset, pagination_info, base_fields=BASE_PAGE_READ_FIELDS
        )
    except PydanticValidationError as error:
        raise as_parameter_error(error, "order") from error
    try:
        return search.search_queryset(request, queryset)
    except PydanticValidationError as error:
        raise as_parameter_error(error, "search") from error


def split_language(html_path: str) -> tuple[str, list[str]]:
    """The language a site path is in, and its components without the language prefix.

    Mirrors ``config.urls``: ``i18n_patterns`` without a prefix for the default language.
    """
    components = [component for component in html_path.split("/") if component]
    language = translation.get_language_from_path("/" + "/".join(components) + "/")
    _used, prefix_default = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    default = settings.LANGUAGE_CODE
    if language and (prefix_default or language != default):
        return language, components[1:]
    return default, components


def route(request: HttpRequest, site: Site, html_path: str) -> Page | None:
    """The page a path on ``site`` shows, in the path's language, as the site would serve it."""
    language, components = split_language(html_path)
    with translation.override(language):
        root = site.root_page.localized.specific
        try:
            page, _args, _kwargs = root.route(request, components)
        except Http404:
            return None
    return page


class PageReadQuery(Schema):
    """Query parameters of a page's detail."""

    version: Literal["live", "draft"] = Field(
        "live", description="`draft` needs a token whose user may edit the page."
    )
    rich_text_format: RichTextOutputFormat | None = None
    site: str | None = Field(
        None,
        max_length=255,
        pattern=TEXT,
        description="Only a page of this site (hostname, `hostname:port` or id); "
        "by default any site of the network.",
    )


class FindQuery(PageReadQuery):
    """Query parameters of find: a path on a site, else an id."""

    id: PositiveInt | None = None
    html_path: str | None = Field(
        None,
        max_length=2048,
        pattern=TEXT,
        description="A path on the site, with its language prefix (`/en/about/`).",
    )
    site: str | None = Field(
        None,
        max_length=255,
        pattern=TEXT,
        description="The site `html_path` is on (hostname, `hostname:port` or id); "
        "defaults to the site of the request's host.",
    )


@router.get(
    "/find/",
    response=PageDetailSchema,
    url_name="find_page",
    summary="Find page",
    description=(
        "Redirects to the detail of the page a site path shows (`html_path`, language "
        "prefix included, on the request's site or `site=`), else of page `id`."
    ),
    operation_id="pages_find",
    auth=PUBLIC_AUTH,
)
def find_page(request: HttpRequest, query: Query[FindQuery]):
    check_query(request, FindQuery)
    page = None
    if query.html_path:
        scope = requested_scope(request, query.site, allow_network=False)
        if scope is not None:
            page = route(request, scope.site, query.html_path)
        if page is not None and not readable_pages(request, scope).filter(pk=page.pk).exists():
            page = None
    if page is None and query.id:
        scope = requested_scope(request, query.site or NETWORK)
        page = readable_pages(request, scope).filter(pk=query.id).first()
    if page is None:
        raise Http404("No page matches the given query.")
    url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    params = request.GET.copy()
    params.pop("id", None)
    params.pop("html_path", None)
    return redirect(f"{url}?{params.urlencode()}")


@router.get(
    "/{page_id}/",
    response=PageDetailSchema,
    url_name="detail_page",
    summary="Page detail",
    description=(
        "A live, public page of any site of the network (`site=` narrows it to one); a "
        "token also reads the pages its user may edit. `version=draft` is a 404 for "
        "anyone who may not edit the page."
    ),
    operation_id="pages_detail",
    auth=PUBLIC_AUTH,
)
def get_page(request: HttpRequest, page_id: int, query: Query[PageReadQuery]):
    check_query(request, PageReadQuery)
    scope = requested_scope(request, query.site or NETWORK)
    # Whether the page may be read, and its type: one narrow query; then the specific page
    # with its locale. Loading the generic Page first would build it only to discard it.
    content_type_id = readable_content_type(request, scope, page_id)
    if content_type_id is None:
        raise Http404("No page matches the given query.")
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    page = load_page(model, page_id)
    if query.version == "draft":
        if not can_read_draft(request, page):
            raise Http404("No draft of this page is readable with these credentials.")
        return page.get_latest_revision_as_object()
    return page


_PAGES_BY_ID: dict[type[Page], PreparedQuery] = {}
_PAGES_BY_PATH = PreparedQuery(lambda path: Page.objects.filter(path=path))


def load_page(model: type[Page], page_id: int) -> Page:
    """The page of type ``model`` with its locale and parent, by prepared queries.

    The detail is the API's most frequent uncached read; compiling the SQL of a specific
    page's two dozen columns and of its parent (``meta.parent``) cost more than running it.
    """
    loader = _PAGES_BY_ID.get(model)
    if loader is None:

        def build(pk: int) -> PageQuerySet:
            return model._default_manager.select_related("locale").filter(pk=pk)

        loader = _PAGES_BY_ID[model] = PreparedQuery(build)
    found = loader(page_id)
    if not found:
        raise Http404("No page matches the given query.")
    page = found[0]
    if page.depth > 1:
        # What treebeard's get_parent() would look up, remembered where it looks first.
        parents = _PAGES_BY_PATH(page.path[: -page.steplen])
        if parents:
            page._cached_parent_obj = parents[0]
    return page


def register_page_reads(api: NinjaAPI) -> None:
    """Serve the site-aware page reads in place of Wagtail's (idempotent; before api.urls)."""
    replace_operations(wagtail_pages_router, router)
