"""``/api/v3/network/…``: the network's shared content (organisations, funders, projects,
offices, contact people, regions) as typed, site-aware, filterable lists and details.

Public reads: only live projects with their published data and only people who consented
to publication are ever listed. What a site lists, and which sites an item names, is
explained in ``network.directory.presence``; languages in ``network.directory.queries``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db.models import Model, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from blocks.batching import prefetch_renditions
from blocks.projects import funding_lines_prefetch, participations_prefetch
from headless.pagination import Pagination
from headless.params import PAGINATION, check_query
from network.directory import filters
from network.directory import representations as data
from network.directory.queries import (
    MAX_ID,
    DirectoryRequest,
    detail_request,
    in_language,
    list_request,
    ordered,
)
from network.directory.schemas import (
    ContactFilters,
    FunderFilters,
    LocationFilters,
    NetworkContact,
    NetworkDetailFilters,
    NetworkFilters,
    NetworkFunder,
    NetworkLocation,
    NetworkOrganisation,
    NetworkProject,
    NetworkProjectDetail,
    NetworkRegion,
    OrganisationFilters,
    ProjectFilters,
    RegionFilters,
)
from network.models import (
    ContactPerson,
    Funder,
    Indicator,
    Location,
    Municipality,
    Organisation,
    Project,
    Region,
)

router = Router(tags=["network"])


def no_images(item: Any) -> Iterable[Any]:
    return ()


@dataclass(frozen=True)
class Resource:
    """One directory endpoint: its public rows, what they load, how they are shown."""

    model: type[Model]
    public: Callable[[], QuerySet]
    related: Callable[[QuerySet], QuerySet]
    item_data: data.ItemData
    images: Callable[[Any], Iterable[Any]] = no_images
    detail_data: data.ItemData | None = None
    detail_related: Callable[[QuerySet], QuerySet] | None = None

    def present(
        self, context: DirectoryRequest, items: list[Any], *, detail: bool = False
    ) -> list[dict]:
        # Renditions of every logo or photo on the page in one query.
        prefetch_renditions(image for item in items for image in self.images(item))
        item_data = (self.detail_data if detail else None) or self.item_data
        return data.present(context, self.model, items, item_data)


def municipalities() -> Prefetch:
    return Prefetch("municipalities", queryset=Municipality.objects.order_by("name", "pk"))


def project_related(rows: QuerySet) -> QuerySet:
    return rows.select_related("locale", "owner", "funding_programme").prefetch_related(
        funding_lines_prefetch(), participations_prefetch(), "target_groups", "themes"
    )


def project_logos(project: Project) -> list[Any]:
    return [line.funder.logo for line in project.funding_lines.all()] + [
        part.organisation.logo for part in project.participations.all()
    ]


ORGANISATIONS = Resource(
    Organisation,
    public=Organisation.objects.all,
    related=lambda rows: rows.select_related("locale", "region", "logo").prefetch_related(
        municipalities()
    ),
    item_data=data.organisation_item,
    images=lambda item: [item.logo],
)
FUNDERS = Resource(
    Funder,
    public=Funder.objects.all,
    related=lambda rows: rows.select_related("locale", "logo", "organisation"),
    item_data=data.funder_item,
    images=lambda item: [item.logo],
)
PROJECTS = Resource(
    Project,
    public=lambda: Project.objects.filter(live=True),
    related=project_related,
    item_data=data.project_item,
    images=project_logos,
    detail_data=data.project_detail_item,
    detail_related=lambda rows: project_related(rows).prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.prefetch_related("values"))
    ),
)
LOCATIONS = Resource(
    Location,
    public=Location.objects.all,
    related=lambda rows: rows.select_related(
        "locale", "organisation__region", "municipality__region"
    ).prefetch_related("weekly_hours", "hours_exceptions"),
    item_data=data.location_item,
)
CONTACTS = Resource(
    ContactPerson,
    public=ContactPerson.objects.publishable,
    related=lambda rows: rows.select_related("locale", "organisation", "location", "photo"),
    item_data=data.contact_item,
    images=lambda item: [item.photo],
)
REGIONS = Resource(
    Region,
    public=Region.objects.all,
    related=lambda rows: rows.select_related("locale").prefetch_related(municipalities()),
    item_data=data.region_item,
)


@dataclass(frozen=True)
class Listing:
    """A list's rows and how to present one page of them (after slicing, in bulk)."""

    rows: QuerySet
    present: Callable[[list[Any]], list[dict]]


class DirectoryPagination(Pagination):
    """The API's pagination over a ``Listing``: its rows sliced, then presented as a whole."""

    def paginate_queryset(
        self, queryset: Listing, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page = super().paginate_queryset(queryset.rows, pagination, request, **params)
        page["items"] = queryset.present(page["items"])
        return page


def listing(
    request: HttpRequest, resource: Resource, params: NetworkFilters, conditions: list[Q]
) -> Listing:
    context = list_request(request, params.site, params.locale)
    rows = in_language(resource.public(), context.locale, context.default_locale)
    rows = rows.filter(*conditions)
    if context.scope.site is not None:
        rows = rows.filter(context.presence.relevant(resource.model, context.scope.site))
    return Listing(resource.related(ordered(rows)), partial(resource.present, context))


def detail(
    request: HttpRequest, resource: Resource, item_id: int, params: NetworkDetailFilters
) -> dict:
    """The item with this id, or its translation when ``locale=`` asks for one; else 404."""
    check_query(request, NetworkDetailFilters)
    context = detail_request(request, params.site, params.locale)
    public = resource.public()
    chosen = public.filter(pk=item_id)
    if context.locale is not None:
        key = chosen.values("translation_key")
        chosen = in_language(public, context.locale, context.default_locale)
        chosen = chosen.filter(translation_key__in=key)
    related = resource.detail_related or resource.related
    item = related(chosen).first()
    if item is None:
        raise Http404("No such item.")
    return resource.present(context, [item], detail=True)[0]


ITEM_ID = Path(..., ge=1, le=MAX_ID, description="The item's id.")


@router.get(
    "/organisations/",
    response=list[NetworkOrganisation],
    url_name="network_organisations_list",
    summary="List the network's organisations",
    operation_id="network_organisations_list",
)
@paginate(DirectoryPagination)
def list_organisations(request: HttpRequest, params: Query[OrganisationFilters]) -> Listing:
    check_query(request, OrganisationFilters, extra=PAGINATION)
    return listing(request, ORGANISATIONS, params, filters.organisation_conditions(params))


@router.get(
    "/organisations/{item_id}/",
    response=NetworkOrganisation,
    url_name="network_organisations_detail",
    summary="Organisation detail",
    operation_id="network_organisations_detail",
)
def get_organisation(
    request: HttpRequest, params: Query[NetworkDetailFilters], item_id: int = ITEM_ID
) -> dict:
    return detail(request, ORGANISATIONS, item_id, params)


@router.get(
    "/funders/",
    response=list[NetworkFunder],
    url_name="network_funders_list",
    summary="List the funders of the network's projects",
    operation_id="network_funders_list",
)
@paginate(DirectoryPagination)
def list_funders(request: HttpRequest, params: Query[FunderFilters]) -> Listing:
    check_query(request, FunderFilters, extra=PAGINATION)
    return listing(request, FUNDERS, params, filters.funder_conditions(params))


@router.get(
    "/funders/{item_id}/",
    response=NetworkFunder,
    url_name="network_funders_detail",
    summary="Funder detail",
    operation_id="network_funders_detail",
)
def get_funder(
    request: HttpRequest, params: Query[NetworkDetailFilters], item_id: int = ITEM_ID
) -> dict:
    return detail(request, FUNDERS, item_id, params)


@router.get(
    "/projects/",
    response=list[NetworkProject],
    url_name="network_projects_list",
    summary="List the network's published projects",
    operation_id="network_projects_list",
)
@paginate(DirectoryPagination)
def list_projects(request: HttpRequest, params: Query[ProjectFilters]) -> Listing:
    check_query(request, ProjectFilters, extra=PAGINATION)
    return listing(request, PROJECTS, params, filters.project_conditions(params))


@router.get(
    "/projects/{item_id}/",
    response=NetworkProjectDetail,
    url_name="network_projects_detail",
    summary="Project detail, with aims, results and indicators",
    operation_id="network_projects_detail",
)
def get_project(
    request: HttpRequest, params: Query[NetworkDetailFilters], item_id: int = ITEM_ID
) -> dict:
    return detail(request, PROJECTS, item_id, params)


@router.get(
    "/locations/",
    response=list[NetworkLocation],
    url_name="network_locations_list",
    summary="List the offices of the network's organisations",
    operation_id="network_locations_list",
)
@paginate(DirectoryPagination)
def list_locations(request: HttpRequest, params: Query[LocationFilters]) -> Listing:
    check_query(request, LocationFilters, extra=PAGINATION)
    return listing(request, LOCATIONS, params, filters.location_conditions(params))


@router.get(
    "/locations/{item_id}/",
    response=NetworkLocation,
    url_name="network_locations_detail",
    summary="Office detail",
    operation_id="network_locations_detail",
)
def get_location(
    request: HttpRequest, params: Query[NetworkDetailFilters], item_id: int = ITEM_ID
) -> dict:
    return detail(request, LOCATIONS, item_id, params)


@router.get(
    "/contacts/",
    response=list[NetworkContact],
    url_name="network_contacts_list",
    summary="List the people the public may contact",
    operation_id="network_contacts_list",
)
@paginate(DirectoryPagination)
def list_contacts(request: HttpRequest, params: Query[ContactFilters]) -> Listing:
    check_query(request, ContactFilters, extra=PAGINATION)
    return listing(request, CONTACTS, params, filters.contact_conditions(params))


@router.get(
    "/contacts/{item_id}/",
    response=NetworkContact,
    url_name="network_contacts_detail",
    summary="Contact person detail",
    operation_id="network_contacts_detail",
)
def get_contact(
    request: HttpRequest, params: Query[NetworkDetailFilters], item_id: int = ITEM_ID
) -> dict:
    return detail(request, CONTACTS, item_id, params)


@router.get(
    "/regions/",
    response=list[NetworkRegion],
    url_name="network_regions_list",
    summary="List regions and their municipalities",
    operation_id="network_regions_list",
)
@paginate(DirectoryPagination)
def list_regions(request: HttpRequest, params: Query[RegionFilters]) -> Listing:
    check_query(request, RegionFilters, extra=PAGINATION)
    return listing(request, REGIONS, params, filters.region_conditions(params))


@router.get(
    "/regions/{item_id}/",
    response=NetworkRegion,
    url_name="network_regions_detail",
    summary="Region detail",
    operation_id="network_regions_detail",
)
def get_region(
    request: HttpRequest, params: Query[NetworkDetailFilters], item_id: int = ITEM_ID
) -> dict:
    return detail(request, REGIONS, item_id, params)
