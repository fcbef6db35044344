"""Good practices and network news from the hub, shown on every centre's site, never copied."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from sites.models import GoodPracticeIndexPage, GoodPracticePage, HubHomePage, NewsIndexPage
from tests.headless.conftest import demo, demo_network  # noqa: F401  (shared demo fixtures)

pytestmark = pytest.mark.django_db


def centre_sections(model) -> list[Page]:
    hub = HubHomePage.objects.get()
    return [page for page in model.objects.live() if not page.path.startswith(hub.path)]


def host(page: Page) -> str:
    site = page.get_site()
    return f"{site.hostname}:{site.port}"


def test_every_centre_lists_the_hubs_practices_linking_to_the_hub(client, demo):  # noqa: F811
    practices = list(GoodPracticePage.objects.live())
    indexes = centre_sections(GoodPracticeIndexPage)
    assert len(indexes) >= 2
    for index in indexes:
        html = client.get(index.url, HTTP_HOST=host(index)).content.decode()
        for practice in practices:
            assert f'href="{practice.get_full_url()}"' in html, (index.url_path, practice.title)
    assert GoodPracticePage.objects.count() == len(practices)  # shown, not copied


def test_the_listing_filters_by_theme_region_and_target_group(client, demo):  # noqa: F811
    index = centre_sections(GoodPracticeIndexPage)[0]
    everything = client.get(index.url, HTTP_HOST=host(index)).content.decode()
    assert 'name="theme"' in everything and 'name="region"' in everything
    transport = GoodPracticePage.objects.get(slug="brezplacni-prevozi-za-starejse")
    for parameter, value in (
        ("theme", "mobilnost"),
        ("region", transport.region.slug),
        ("target_group", "starejsi"),
    ):
        html = client.get(index.url, {parameter: value}, HTTP_HOST=host(index)).content.decode()
        assert transport.title in html, parameter
        assert "Dnevni center za otroke in mladostnike" not in html, parameter
        assert f'<option value="{value}" selected>' in html
    nothing = client.get(index.url, {"theme": "no-such-theme"}, HTTP_HOST=host(index))
    assert nothing.status_code == 200
    assert transport.title not in nothing.content.decode()


def test_centres_show_the_latest_network_news(client, demo):  # noqa: F811
    hub_news = NewsIndexPage.objects.child_of(HubHomePage.objects.get()).get()
    latest = hub_news.get_children().live().specific().order_by("-newsarticlepage__date").first()
    sections = centre_sections(NewsIndexPage)
    assert len(sections) >= 2
    for index in sections:
        html = client.get(index.url, HTTP_HOST=host(index)).content.decode()
        assert f'href="{latest.get_full_url()}"' in html, index.url_path
    own = client.get(hub_news.url, HTTP_HOST=host(hub_news)).content.decode()
    assert 'id="network-news-heading"' not in own
