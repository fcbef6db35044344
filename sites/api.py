"""``/api/v3/occurrences/`` and ``/api/v3/good-practices/``: the network's dates and practices.

Occurrences come from the materialised Occurrence table (``sites.occurrences``), scoped like
every listing: the request's site, ``site=`` another one, ``site=all`` the network. Good
practices are network-wide. Both list each page once, in ``locale=`` where translated and
else in its own language, and filter by any translation of a location, programme, theme,
region or target group (a Czech frontend passes the ids of the Czech terms).
"""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import F, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import BeforeValidator, PositiveInt
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from blocks.context import page_site_root, page_url
from blocks.practices import GoodPracticesBlock
from blocks.schemas.shared import ImageData, IsoDateTime, Reference
from blocks.schemas.values import PracticeSummary
from blocks.serializers import image_data, iso, reference
from headless.page_access import requested_scope
from headless.pages import TEXT
from headless.pagination import Pagination
from headless.params import PAGINATION, ParameterError, check_query, locale_from_parameter
from network.models import Location, Region, TargetGroup, Tenant, Theme
from sites.calendar import in_language
from sites.models import GoodPracticePage, ProgrammePage, SocialActivationProgrammePage
from sites.occurrences import RangeError, check_range, occurrences_between
from sites.serializers import OccurrenceItem, SiteReference, occurrence_item

PUBLIC_AUTH = [BearerTokenAuth(), AllowAnonymous()]
DEFAULT_RANGE_DAYS = 31
# Dates outside these years are typos; refusing them also keeps date arithmetic in range.
YEARS = (1900, 2200)
LISTING_IMAGE = "fill-600x400"  # as GoodPracticePage's own listing_image API field

occurrences_router = Router(tags=["occurrences"])
good_practices_router = Router(tags=["good practices"])


# -- shared ----------------------------------------------------------------------------


def translation_ids(name: str, queryset: QuerySet, pk: int | None) -> list[int] | None:
    """Ids of the object ``pk`` names and of its translations; a 400 naming ``name`` if none."""
    if pk is None:
        return None
    keys = queryset.filter(pk=pk).values("translation_key")
    ids = list(
        queryset.model._default_manager.filter(translation_key__in=keys).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        raise ParameterError(name, f"{name}: no {name.replace('_', ' ')} has id {pk}.")
    return ids


def host_locale(request: HttpRequest, site: Site | None = None) -> Locale:
    """The language of ``site`` (else the request's host site): its root page's locale."""
    site = site or Site.find_for_request(request)
    if site is None:
        return Locale.get_default()
    return Locale.objects.get(pk=site.root_page.locale_id)


def represent_with(serialise: Callable[[Any, HttpRequest], Any]) -> type[Pagination]:
    """A pagination class whose items are ``serialise(row, request)``."""

    class RepresentedPagination(Pagination):
        def represent(self, items: list[Any], request: HttpRequest) -> list[Any]:
            return [serialise(item, request) for item in items]

    return RepresentedPagination


# -- occurrences -----------------------------------------------------------------------


def iso_moment(value: Any) -> Any:
    """An ISO 8601 date or date-time (no Unix timestamps), within ``YEARS``."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                "expected an ISO 8601 date (2026-05-01) or date-time (2026-05-01T18:00+02:00)"
            ) from None
    if isinstance(value, date) and not YEARS[0] <= value.year <= YEARS[1]:
        raise ValueError(f"the year must be between {YEARS[0]} and {YEARS[1]}")
    return value


Moment = Annotated[datetime | date, BeforeValidator(iso_moment)]


class OccurrenceQuery(Schema):
    """Filters of the occurrence listing."""

    start: Moment | None = Field(
        None,
        description=(
            "Occurrences still going on at or after this moment; default now. An ISO 8601 "
            "date means midnight, a date-time without an offset local time, in the site's "
            "time zone (with `site=all`, the network's)."
        ),
    )
    end: Moment | None = Field(
        None,
        description=(
            f"Occurrences starting before this moment; default `start` + {DEFAULT_RANGE_DAYS} "
            f"days. At most {settings.MREZA['CALENDAR']['MAX_RANGE_DAYS']} days after `start`."
        ),
    )
    site: str | None = Field(
        None,
        max_length=255,
        pattern=TEXT,
        description=(
            "A hostname (optionally `hostname:port`) or id, or `all` for the whole network. "
            "Defaults to the site of the request's host."
        ),
    )
    location: PositiveInt | None = Field(None, description="Id of a location (any translation).")
    programme: PositiveInt | None = Field(
        None, description="Id of a programme page (any translation): its sessions and events."
    )
    target_group: PositiveInt | None = Field(
        None, description="Id of a target group (any translation)."
    )
    locale: str | None = Field(
        None,
        max_length=20,
        pattern=TEXT,
        description=(
            "Each page once, in this language where translated, else in its own. Defaults "
            "to the language of the site (with `site=all`, of the request's host site)."
        ),
    )
    include_cancelled: bool = Field(
        True, description="Include cancelled occurrences (their `status` says so)."
    )


def aware(moment: datetime | date, zone: ZoneInfo) -> datetime:
    """A date as local midnight, a naive date-time as local time, in ``zone``."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time.min)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=zone)
    return moment


def occurrence_range(query: OccurrenceQuery, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = aware(query.start, zone) if query.start is not None else timezone.now()
    end = aware(query.end, zone) if query.end is not None else start + timedelta(DEFAULT_RANGE_DAYS)
    return start, end


def occurrence_queryset(request: HttpRequest, query: OccurrenceQuery) -> QuerySet:
    scope = requested_scope(request, query.site)
    site = scope.site if scope is not None else None
    zone = ZoneInfo(Tenant.time_zone_for(site) if site is not None else settings.TIME_ZONE)
    start, end = occurrence_range(query, zone)
    locale = locale_from_parameter(query.locale) or host_locale(request, site)
    locations = translation_ids("location", Location.objects, query.location)
    programmes = translation_ids(
        "programme",
        Page.objects.live().public().type(ProgrammePage, SocialActivationProgrammePage),
        query.programme,
    )
    target_groups = translation_ids("target_group", TargetGroup.objects, query.target_group)
    try:
        check_range(start, end)
    except RangeError as error:
        raise ParameterError(error.parameter, f"{error.parameter}: {error.message}") from error
    queryset = occurrences_between(start, end, site=site, include_cancelled=query.include_cancelled)
    if scope is None:  # no site answers on this host
        return queryset.none()
    narrowing = {
        "entry__location_id__in": locations,
        "entry__programme_id__in": programmes,
        "entry__target_groups__in": target_groups,
    }
    queryset = queryset.filter(**{key: ids for key, ids in narrowing.items() if ids is not None})
    return in_language(queryset, locale.pk)


@occurrences_router.get(
    "/",
    response=list[OccurrenceItem],
    url_name="list_occurrences",
    summary="List occurrences",
    description=(
        "Dates of the live, public events and programmes of the request's site (or `site=`, "
        "or `site=all` for the network), soonest first, cancelled and moved ones included "
        "with their status. Each names its site and its page's URL on that site."
    ),
    operation_id="occurrences_list",
    auth=PUBLIC_AUTH,
)
@paginate(represent_with(occurrence_item))
def list_occurrences(request: HttpRequest, query: Query[OccurrenceQuery]):
    check_query(request, OccurrenceQuery, extra=PAGINATION)
    return occurrence_queryset(request, query)


# -- good practices --------------------------------------------------------------------


class GoodPracticeItem(PracticeSummary):
    """A good practice: what the good practices block shows, and what a listing needs."""

    html_url: Annotated[
        str | None, Field(description="Absolute URL of the page on its own site's hostname.")
    ]
    detail_url: Annotated[str, Field(description="Its `/api/v3/pages/{id}/` on this host.")]
    site: Annotated[
        SiteReference | None, Field(description="The site it is published on (the hub).")
    ]
    themes: list[Reference]
    target_groups: list[Reference]
    listing_image: ImageData | None
    first_published_at: IsoDateTime | None


class GoodPracticeQuery(Schema):
    """Filters of the good practice listing; ids of any translation of a term."""

    theme: PositiveInt | None = Field(None, description="Id of a theme.")
    region: PositiveInt | None = Field(None, description="Id of a region.")
    target_group: PositiveInt | None = Field(None, description="Id of a target group.")
    locale: str | None = Field(
        None,
        max_length=20,
        pattern=TEXT,
        description=(
            "Each practice once, in this language where translated, else in its own. "
            "Defaults to the language of the request's host site."
        ),
    )


def site_reference(page: Page) -> SiteReference | None:
    root = page_site_root(page)  # Wagtail caches the site roots: no query
    if root is None:
        return None
    return {"id": root.site_id, "hostname": urlsplit(root.root_url).hostname or ""}


def good_practice_item(practice: GoodPracticePage, request: HttpRequest) -> GoodPracticeItem:
    detail = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": practice.pk})
    return {
        "id": practice.pk,
        "title": practice.title,
        "url": page_url(practice, {"request": request}),
        "intro": practice.intro,
        "region": reference(practice.region),
        "transferred_units": practice.transferred_units,
        "html_url": practice.get_full_url(request),
        "detail_url": request.build_absolute_uri(detail),
        "site": site_reference(practice),
        "themes": [reference(theme) for theme in practice.themes.all()],
        "target_groups": [reference(group) for group in practice.target_groups.all()],
        "listing_image": image_data(practice.listing_image, LISTING_IMAGE),
        "first_published_at": iso(practice.first_published_at),
    }


def pages_in_language(queryset: QuerySet, locale: Locale) -> QuerySet:
    """Each page once: in ``locale`` where a live, public translation exists, else as is."""
    translated = queryset.model.objects.live().public().filter(locale=locale)
    return queryset.filter(
        Q(locale=locale) | ~Q(translation_key__in=translated.values("translation_key"))
    )


def good_practice_queryset(request: HttpRequest, query: GoodPracticeQuery) -> QuerySet:
    block = GoodPracticesBlock()
    locale = locale_from_parameter(query.locale) or host_locale(request)
    narrowing: dict[str, list[int] | None] = {
        "themes__in": translation_ids("theme", Theme.objects, query.theme),
        "region__in": translation_ids("region", Region.objects, query.region),
        "target_groups__in": translation_ids(
            "target_group", TargetGroup.objects, query.target_group
        ),
    }
    images = get_image_model().objects.prefetch_renditions(LISTING_IMAGE)
    queryset = (
        block.listing_queryset()
        # The block selects only the columns it shows; this item shows more.
        .defer(None)
        .filter(**{key: ids for key, ids in narrowing.items() if ids is not None})
        .prefetch_related("themes", "target_groups", Prefetch("listing_image", queryset=images))
        # The block's newest-first order, with never-published pages last on every database.
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    )
    return pages_in_language(queryset, locale)


@good_practices_router.get(
    "/",
    response=list[GoodPracticeItem],
    url_name="list_good_practices",
    summary="List good practices",
    description=(
        "The network's live, public good practices (published on the hub for every site), "
        "newest first, each with its public URL on its own site and its page detail URL."
    ),
    operation_id="good_practices_list",
    auth=PUBLIC_AUTH,
)
@paginate(represent_with(good_practice_item))
def list_good_practices(request: HttpRequest, query: Query[GoodPracticeQuery]):
    check_query(request, GoodPracticeQuery, extra=PAGINATION)
    return good_practice_queryset(request, query)
