"""Rendering and serialising a body costs a bounded number of queries, whatever its length.

The bodies (tests.blocks.stream_world) cycle through every block type and each block
refers to its own snippets, so neither more blocks nor more referenced objects may add
queries.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blocks.streams import BodyBlock
from sites.models import StandardPage
from tests.blocks.helpers import api, make_page
from tests.blocks.stream_world import body

pytestmark = pytest.mark.django_db

# Queries the body may add to a page, whatever its length: one set per block type, rows
# that several block types show loaded once per body (measured: 38 for rendering, 40 for
# serialising, for every length from 20 blocks up; 58 and 60 before rows were shared).
BODY_BOUND = 42
API_BOUND = 44


def count_queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def get(client, page: StandardPage):
    _site_id, _root_url, path = page.get_url_parts()
    response = client.get(path, HTTP_HOST="socio.localhost")
    assert response.status_code == 200
    return response


@pytest.fixture
def empty_page_queries(client, centre) -> int:
    """What the page around the body costs (templates change; the body's share must not)."""
    page = make_page(centre.site.root_page, [], slug="prazna")
    get(client, page)
    return count_queries(lambda: get(client, page))


@pytest.mark.parametrize("length", [5, 50])
def test_rendering_a_page_has_the_same_bound_for_5_and_50_blocks(
    client, centre, world, empty_page_queries, length, django_assert_max_num_queries
):
    page = make_page(centre.site.root_page, body(world, length), slug=f"dolga-{length}")
    get(client, page)  # renditions of first use and caches of the site's root paths

    with django_assert_max_num_queries(empty_page_queries + BODY_BOUND):
        response = get(client, page)

    html = response.content.decode()
    assert html.count("block-eu-acknowledgement") == (3 if length == 50 else 0)
    assert "Naslov 0" in html


@pytest.mark.parametrize("length", [5, 50])
def test_serialising_a_body_has_the_same_bound_for_5_and_50_blocks(
    centre, world, length, django_assert_max_num_queries
):
    page = make_page(centre.site.root_page, body(world, length), slug=f"api-{length}")
    api(StandardPage.objects.get(pk=page.pk))  # site root paths cached, as after any request

    with django_assert_max_num_queries(API_BOUND):
        data = api(StandardPage.objects.get(pk=page.pk))

    assert len(data) == length


def test_more_blocks_of_every_type_cost_exactly_the_same(client, centre, world):
    kinds = len(BodyBlock.base_blocks)
    once = make_page(centre.site.root_page, body(world, kinds), slug="enkrat")
    five_times = make_page(centre.site.root_page, body(world, kinds * 5), slug="petkrat")
    for page in (once, five_times):
        get(client, page)
        api(StandardPage.objects.get(pk=page.pk))

    rendered = [count_queries(lambda page=page: get(client, page)) for page in (once, five_times)]
    serialised = [
        count_queries(lambda page=page: api(StandardPage.objects.get(pk=page.pk)))
        for page in (once, five_times)
    ]

    assert rendered[0] == rendered[1]
    assert serialised[0] == serialised[1]
