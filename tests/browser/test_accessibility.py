"""axe-core finds no serious or critical accessibility violation on any page type."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.demo_server import DEMO_HOSTS
from tests.sites.test_crawl import crawl

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshots"
# Two full centre sites, plus the hub (good practices) and the social activation unit.
SITES = ["socio", "hana", "hub", "aktivacija-nm"]
PAGE_TYPES = {
    "centrehomepage",
    "standardpage",
    "projectindexpage",
    "projectpage",
    "programmeindexpage",
    "programmepage",
    "eventindexpage",
    "eventpage",
    "newsindexpage",
    "newsarticlepage",
    "socialactivationprogrammepage",
    "locationpage",
    "contactpage",
    "goodpracticeindexpage",
    "goodpracticepage",
    "searchpage",
}


def html_pages(statuses: dict[str, int]) -> list[str]:
    """Pages the crawler saw answer 200, less downloads (documents, iCal feeds)."""
    return [
        url
        for url, status in statuses.items()
        if status == 200 and "/documents/" not in url and not url.endswith(".ics")
    ]


def serious_violations(results) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("site", SITES)
def test_every_page_type_has_no_serious_axe_violation(demo_server, page, site):
    axe = Axe()
    statuses, _admin_links = crawl(demo_server.url(DEMO_HOSTS[site]))
    pages = html_pages(statuses)
    seen_types: dict[str, str] = {}
    for url in pages:
        page.goto(url)
        page_type = page.get_attribute("body", "data-page-type")
        if page_type in seen_types:
            continue
        seen_types[page_type] = url
        problems = serious_violations(axe.run(page))
        assert not problems, f"{url} ({page_type}): {problems}"
    assert seen_types, f"no page of {site} rendered"


def test_every_page_type_is_visited_on_the_demo_sites(demo_server, page):
    seen: set[str] = set()
    for site in SITES:
        statuses, _ = crawl(demo_server.url(DEMO_HOSTS[site]))
        for url in html_pages(statuses):
            page.goto(url)
            seen.add(page.get_attribute("body", "data-page-type"))
    assert seen >= PAGE_TYPES, f"page types without a demo page: {sorted(PAGE_TYPES - seen)}"


@pytest.mark.parametrize("site", list(DEMO_HOSTS))
def test_home_page_screenshot(demo_server, page, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(demo_server.url(DEMO_HOSTS[site]))
    assert page.locator("h1").count() == 1
    page.screenshot(path=str(SCREENSHOTS / f"{site}.png"), full_page=False)


@pytest.mark.parametrize(("site", "events"), [("socio", "dogodki"), ("hana", "akce")])
def test_calendar_views_have_no_serious_axe_violation(demo_server, page, site, events):
    """The upcoming list, the month calendar and the printable programme of a centre."""
    axe = Axe()
    host = DEMO_HOSTS[site]
    page.goto(demo_server.url(host, f"/{events}/"))
    assert page.locator(".occurrences li").count() > 3
    assert not serious_violations(axe.run(page)), page.url
    printable = page.locator(".calendar-views a").nth(1).get_attribute("href")
    page.goto(demo_server.url(host, f"/{events}/calendar/"))  # redirects to this month
    assert page.locator("table.month-calendar caption").count() == 1
    assert not serious_violations(axe.run(page)), page.url
    page.screenshot(path=str(SCREENSHOTS / f"calendar-{site}.png"), full_page=True)
    page.goto(demo_server.url(host, printable))
    assert not serious_violations(axe.run(page)), page.url
    # Printed, the programme is the month's dates alone: no menus, no footer.
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert page.locator(".programme-day").count() > 0
