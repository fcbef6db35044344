"""The filters of each directory endpoint, as conditions on its rows.

Every value naming another row (a region, a funder…) is resolved first, so an unknown one
is a 400 naming the parameter and the value rather than an empty list. Unpublished
projects are unknown too: a filter must not reveal that they exist.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q

from network.directory.queries import keys_named
from network.directory.schemas import (
    ContactFilters,
    FunderFilters,
    LocationFilters,
    OrganisationFilters,
    ProjectFilters,
    RegionFilters,
)
from network.models import (
    Funder,
    FundingLine,
    Location,
    Organisation,
    Project,
    ProjectParticipation,
    Region,
    TargetGroup,
    Theme,
)


def region_keys(value: str) -> list[UUID]:
    return keys_named("region", value, Region.objects.all(), noun="region")


def organisation_keys(value: str) -> list[UUID]:
    return keys_named("organisation", value, Organisation.objects.all(), noun="organisation")


def project_keys(value: str) -> list[UUID]:
    return keys_named("project", value, Project.objects.filter(live=True), noun="project")


def participating_in(*conditions: Q) -> Q:
    """Projects with a participation matching ``conditions`` (any of their translations)."""
    participations = ProjectParticipation.objects.filter(*conditions, project__live=True)
    return Q(translation_key__in=participations.values("project__translation_key"))


def organisation_conditions(filters: OrganisationFilters) -> list[Q]:
    conditions = []
    if filters.region:
        conditions.append(Q(region__translation_key__in=region_keys(filters.region)))
    if filters.kind:
        conditions.append(Q(kind=filters.kind))
    if filters.project:
        keys = project_keys(filters.project)
        participants = ProjectParticipation.objects.filter(
            project__translation_key__in=keys, project__live=True
        ).values("organisation__translation_key")
        owners = Project.objects.filter(translation_key__in=keys, live=True)
        conditions.append(
            Q(translation_key__in=participants)
            | Q(translation_key__in=owners.values("owner__translation_key"))
        )
    return conditions


def funder_conditions(filters: FunderFilters) -> list[Q]:
    conditions = []
    if filters.kind:
        conditions.append(Q(kind=filters.kind))
    if filters.project:
        lines = FundingLine.objects.filter(
            project__translation_key__in=project_keys(filters.project), project__live=True
        )
        conditions.append(Q(translation_key__in=lines.values("funder__translation_key")))
    return conditions


def project_conditions(filters: ProjectFilters) -> list[Q]:
    conditions = []
    if filters.region:
        keys = region_keys(filters.region)
        conditions.append(
            Q(owner__region__translation_key__in=keys)
            | participating_in(Q(organisation__region__translation_key__in=keys))
        )
    if filters.funder:
        keys = keys_named("funder", filters.funder, Funder.objects.all(), noun="funder")
        lines = FundingLine.objects.filter(funder__translation_key__in=keys, project__live=True)
        conditions.append(Q(translation_key__in=lines.values("project__translation_key")))
    if filters.target_group:
        keys = keys_named(
            "target_group", filters.target_group, TargetGroup.objects.all(), noun="target group"
        )
        tagged = Project.objects.filter(live=True, target_groups__translation_key__in=keys)
        conditions.append(Q(translation_key__in=tagged.values("translation_key")))
    if filters.theme:
        keys = keys_named("theme", filters.theme, Theme.objects.all(), noun="theme")
        tagged = Project.objects.filter(live=True, themes__translation_key__in=keys)
        conditions.append(Q(translation_key__in=tagged.values("translation_key")))
    if filters.organisation:
        keys = organisation_keys(filters.organisation)
        conditions.append(
            Q(owner__translation_key__in=keys)
            | participating_in(Q(organisation__translation_key__in=keys))
        )
    return conditions


def location_conditions(filters: LocationFilters) -> list[Q]:
    conditions = []
    if filters.organisation:
        keys = organisation_keys(filters.organisation)
        conditions.append(Q(organisation__translation_key__in=keys))
    if filters.region:
        keys = region_keys(filters.region)
        conditions.append(
            Q(municipality__region__translation_key__in=keys)
            | Q(municipality__isnull=True, organisation__region__translation_key__in=keys)
        )
    return conditions


def contact_conditions(filters: ContactFilters) -> list[Q]:
    conditions = []
    if filters.organisation:
        keys = organisation_keys(filters.organisation)
        conditions.append(Q(organisation__translation_key__in=keys))
    if filters.location:
        keys = keys_named("location", filters.location, Location.objects.all(), noun="location")
        conditions.append(Q(location__translation_key__in=keys))
    if filters.region:
        keys = region_keys(filters.region)
        conditions.append(Q(organisation__region__translation_key__in=keys))
    return conditions


def region_conditions(filters: RegionFilters) -> list[Q]:
    return [Q(country=filters.country)] if filters.country else []
