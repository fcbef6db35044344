"""``/api/v3/good-practices/``: the network's good practices, from any site's host."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from tests.factories import (
    GoodPracticePageFactory,
    ImageFactory,
    RegionFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from tests.sites.conftest import CENTRE_HOST, HUB_HOST

pytestmark = pytest.mark.django_db

# Locale, filters, count, rows, themes, target groups, images and their renditions.
MAX_QUERIES = 12


def get(client, host: str = CENTRE_HOST, **params):
    return client.get("/api/v3/good-practices/", params, HTTP_HOST=host)


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


@pytest.fixture
def practices(network):
    """The hub's good practice index (the network fixture already holds one practice)."""
    return network.pages["good_practice_page"].get_parent()


def practice(parent, title: str, days_ago: int, **fields):
    page = GoodPracticePageFactory(parent=parent, title=title, **fields)
    page.first_published_at = timezone.now() - timedelta(days=days_ago)
    page.save()
    return page


def test_lists_the_networks_live_public_practices_newest_first(client, network, practices):
    network.pages["good_practice_page"].delete()
    practice(practices, "Starejša", days_ago=30)
    practice(practices, "Novejša", days_ago=1)
    draft = practice(practices, "Osnutek", days_ago=2)
    draft.unpublish()
    private = practice(practices, "Zasebna", days_ago=3)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert titles(get(client, CENTRE_HOST)) == ["Novejša", "Starejša"]
    assert titles(get(client, HUB_HOST)) == ["Novejša", "Starejša"]


def test_an_item_has_what_a_listing_shows_and_where_the_practice_lives(client, network, practices):
    theme = ThemeFactory(name="Aktivacija")
    group = TargetGroupFactory(name="Starejši")
    region = RegionFactory(name="Zasavska")
    page = practice(
        practices,
        "Prostovoljni prevozi",
        days_ago=0,
        intro="Prevozi starejših.",
        region=region,
        transferred_units=12,
        listing_image=ImageFactory(),
    )
    page.themes.add(theme)
    page.target_groups.add(group)
    page.save()

    item = get(client, CENTRE_HOST).json()["items"][0]

    assert item["id"] == page.pk
    assert item["intro"] == "Prevozi starejših."
    assert item["region"] == {"id": region.pk, "name": "Zasavska"}
    assert item["themes"] == [{"id": theme.pk, "name": "Aktivacija"}]
    assert item["target_groups"] == [{"id": group.pk, "name": "Starejši"}]
    assert item["transferred_units"] == 12
    assert ".fill-600x400" in item["listing_image"]["url"]  # a rendition, never the original
    assert item["first_published_at"].startswith(str(timezone.now().year))
    # Asked from a centre, the practice's URL is on the hub's hostname.
    path = page.get_url_parts()[2]
    assert item["url"] == item["html_url"] == f"http://{HUB_HOST}{path}"
    assert item["site"] == {"id": network.hub.pk, "hostname": HUB_HOST}
    assert item["detail_url"] == f"http://{CENTRE_HOST}/api/v3/pages/{page.pk}/"
    # The detail URL answers from the host it was given on.
    detail = client.get(item["detail_url"], HTTP_HOST=CENTRE_HOST)
    assert detail.status_code == 200 and detail.json()["title"] == "Prostovoljni prevozi"
    # On the hub itself the block's URL is relative, the HTML URL stays absolute.
    on_hub = get(client, HUB_HOST).json()["items"][0]
    assert on_hub["url"] == path and on_hub["html_url"] == f"http://{HUB_HOST}{path}"


def test_filters_by_theme_region_and_target_group_of_any_language(client, network, practices):
    theme, region, group = ThemeFactory(), RegionFactory(), TargetGroupFactory()
    page = practice(practices, "Delavnica", days_ago=1, region=region)
    page.themes.add(theme)
    page.target_groups.add(group)
    page.save()
    practice(practices, "Druga", days_ago=2)
    english = Locale.objects.get_or_create(language_code="en")[0]
    theme_in_english = theme.copy_for_translation(english)
    theme_in_english.save()

    assert titles(get(client, theme=theme.pk)) == ["Delavnica"]
    assert titles(get(client, theme=theme_in_english.pk)) == ["Delavnica"]
    assert titles(get(client, region=region.pk)) == ["Delavnica"]
    assert titles(get(client, target_group=group.pk)) == ["Delavnica"]
    assert titles(get(client, theme=theme.pk, region=RegionFactory().pk)) == []


def test_each_practice_once_in_the_requested_language(client, network, practices):
    english = Locale.objects.get_or_create(language_code="en")[0]
    hub_home = network.hub.root_page.specific
    hub_home.copy_for_translation(english).save_revision().publish()
    practices.copy_for_translation(english).save_revision().publish()
    translation = network.pages["good_practice_page"].copy_for_translation(english)
    translation.title = "Free rides"
    translation.save_revision().publish()

    assert titles(get(client)) == ["Brezplačni prevozi"]
    assert titles(get(client, locale="en")) == ["Free rides"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"sort": "title"}, "sort"),
        ({"theme": "x"}, "theme"),
        ({"theme": "999999"}, "theme"),
        ({"region": "999999"}, "region"),
        ({"target_group": "-3"}, "target_group"),
        ({"locale": "klingon"}, "locale"),
        ({"locale": "s\x00"}, "locale"),
        ({"limit": "101"}, "limit"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, network, params, parameter):
    response = get(client, **params)

    assert response.status_code == 400, response.content
    assert ["query", parameter] in [error["loc"] for error in response.json()["errors"]]


@pytest.mark.parametrize("limit", [2, 50])
def test_queries_do_not_grow_with_the_number_of_practices(
    client, network, practices, django_assert_max_num_queries, limit
):
    themes = [ThemeFactory(), ThemeFactory()]
    for number in range(20):
        page = practice(
            practices, f"Praksa {number}", days_ago=number, listing_image=ImageFactory()
        )
        page.themes.add(*themes)
        page.target_groups.add(TargetGroupFactory())
        page.save()
    get(client, limit=50)  # the first listing makes the images' renditions, once

    with django_assert_max_num_queries(MAX_QUERIES):
        response = get(client, limit=limit, theme=themes[0].pk)

    assert len(response.json()["items"]) == min(limit, 20)
