"""Prepared queries give what the ORM gives, for every value bound, compiled once per shape."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from blocks.prepared import PreparedQuery, prefetch_children
from network.models import FundingLine, OpeningHoursRange, Organisation, Project
from tests.factories import (
    FunderFactory,
    FundingLineFactory,
    LocationFactory,
    OpeningHoursRangeFactory,
    OrganisationFactory,
    ProjectFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def compiled_shapes(query: PreparedQuery) -> int:
    return sum(1 for compiled in query._compiled.values() if compiled is not None)


def test_rows_by_ids_follow_the_ids_bound_on_each_run():
    organisations = OrganisationFactory.create_batch(4)
    by_ids = PreparedQuery(lambda ids: Organisation.objects.filter(pk__in=ids).order_by("pk"))

    first = by_ids([organisations[0].pk, organisations[1].pk])
    second = by_ids([organisations[2].pk, organisations[3].pk])

    assert first == organisations[:2]
    assert second == organisations[2:]
    assert [row.name for row in second] == [row.name for row in organisations[2:]]
    # Same shape (two ids): compiled once.
    assert compiled_shapes(by_ids) == 1
    assert by_ids([organisations[3].pk]) == [organisations[3]]
    assert compiled_shapes(by_ids) == 2


def test_a_run_is_one_query_with_joined_rows_built():
    region = RegionFactory(name="Notranjska")
    organisation = OrganisationFactory(region=region)
    with_region = PreparedQuery(
        lambda pk: Organisation.objects.filter(pk=pk).select_related("region")
    )
    with_region(organisation.pk)  # compiles

    with CaptureQueriesContext(connection) as queries:
        (found,) = with_region(organisation.pk)
        assert found.region.name == "Notranjska"  # joined: no second query
    assert len(queries) == 1


def test_a_missing_row_gives_nothing():
    by_id = PreparedQuery(lambda pk: Organisation.objects.filter(pk=pk))
    assert by_id(10**9) == []


def test_startswith_values_are_escaped_like_the_orm_escapes_them(centre):
    root = centre.site.root_page
    plain = root.add_child(instance=Page(title="Plain", slug="ab-c"))
    root.add_child(instance=Page(title="Wildcard", slug="abxc"))
    under = PreparedQuery(
        lambda prefix: Page.objects.filter(url_path__startswith=prefix).order_by("pk")
    )
    parent_path = root.url_path

    assert under(f"{parent_path}ab-") == [plain]
    assert compiled_shapes(under) == 1
    # "_" and "%" are LIKE wildcards: bound as values, they match only themselves.
    assert under(f"{parent_path}ab_") == []
    assert under(f"{parent_path}%") == []
    assert under(f"{parent_path}ab") == list(
        Page.objects.filter(url_path__startswith=f"{parent_path}ab").order_by("pk")
    )


def test_datetimes_are_bound_afresh_on_each_run():
    funder = FunderFactory()
    project = ProjectFactory()
    line = FundingLineFactory(project=project, funder=funder)
    touched_since = PreparedQuery(
        lambda ids, since: Project.objects.filter(pk__in=ids, last_published_at__gte=since)
    )
    Project.objects.filter(pk=project.pk).update(last_published_at=timezone.now())

    assert touched_since([project.pk], timezone.now() - timedelta(hours=1)) == [project]
    assert touched_since([project.pk], timezone.now() + timedelta(hours=1)) == []
    assert compiled_shapes(touched_since) == 1
    assert line.project_id == project.pk


def test_what_cannot_be_prepared_runs_through_the_orm():
    organisations = OrganisationFactory.create_batch(2)
    with_prefetch = PreparedQuery(
        lambda ids: Organisation.objects.filter(pk__in=ids).prefetch_related("municipalities")
    )
    assert sorted(with_prefetch([o.pk for o in organisations]), key=lambda o: o.pk) == sorted(
        organisations, key=lambda o: o.pk
    )
    assert compiled_shapes(with_prefetch) == 0


def test_values_of_other_types_are_refused():
    by_flag = PreparedQuery(lambda flag: Organisation.objects.filter(pk=flag))
    with pytest.raises(TypeError):
        by_flag(1.5)


def test_children_are_prefetched_in_order_and_read_without_queries():
    projects = ProjectFactory.create_batch(2)
    funders = FunderFactory.create_batch(3)
    for funder in funders:
        FundingLineFactory(project=projects[0], funder=funder)
    lines = PreparedQuery(
        lambda ids: FundingLine.objects.filter(project_id__in=ids).select_related("funder")
    )
    fresh = list(Project.objects.filter(pk__in=[p.pk for p in projects]).order_by("pk"))

    prefetch_children(fresh, "funding_lines", lines)

    with CaptureQueriesContext(connection) as queries:
        shown = [
            (line.funder.name, line.project is fresh[0]) for line in fresh[0].funding_lines.all()
        ]
        assert list(fresh[1].funding_lines.all()) == []
    assert len(queries) == 0
    expected = [line.funder.name for line in projects[0].funding_lines.all()]
    assert shown == [(name, True) for name in expected]


def test_a_page_by_id_is_prepared_on_every_database(centre):
    # Page ids are 32-bit on PostgreSQL, where Django answers an out-of-range ``pk=`` with
    # an empty result rather than SQL: the sentinels must fit the column.
    home = centre.site.root_page
    by_id = PreparedQuery(lambda pk: Page.objects.filter(pk=pk))

    assert [page.pk for page in by_id(home.pk)] == [home.pk]
    assert compiled_shapes(by_id) == 1
    assert by_id(home.pk + 10_000) == []


def test_a_lookup_django_settles_without_sql_runs_through_the_orm():
    # The weekday column is a small integer: on PostgreSQL no sentinel fits it, so nothing
    # is prepared there (SQLite has no ranges), and the answer is the ORM's either way.
    location = LocationFactory()
    OpeningHoursRangeFactory(location=location, weekday=2)
    on_day = PreparedQuery(lambda weekday: OpeningHoursRange.objects.filter(weekday=weekday))

    assert [row.location_id for row in on_day(2)] == [location.pk]
    assert on_day(3) == []
    assert compiled_shapes(on_day) == (0 if connection.vendor == "postgresql" else 1)
