"""A visitor searches a centre's site, widens to the network and narrows by a facet."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import serious_violations
from tests.demo_server import DEMO_HOSTS

pytestmark = pytest.mark.browser


def test_search_this_site_then_the_network_then_narrow(demo_server, page):
    page.goto(demo_server.url(DEMO_HOSTS["socio"], "/iskanje/"))
    page.get_by_label("Iskani izraz").fill("vecgeneracijski")
    page.get_by_role("button", name="Išči", exact=True).click()
    results = page.locator("ol.search-results > li")
    assert results.count() >= 1
    assert (
        page.locator("ol.search-results mark")
        .first.inner_text()
        .lower()
        .startswith("večgeneracijsk")
    )
    own = {link.get_attribute("href").split("/")[2] for link in results.locator("h3 a").all()}
    assert own == {f"socio.localhost:{demo_server.port}"}

    page.get_by_role("link", name="celotni mreži").click()
    network = page.locator("ol.search-results > li h3 a")
    hosts = {link.get_attribute("href").split("/")[2].split(":")[0] for link in network.all()}
    assert len(hosts) >= 2, hosts
    total = page.get_by_role("status").filter(has_text="najden").inner_text()

    page.locator("summary", has_text="Zožite rezultate").click()
    page.locator("fieldset", has_text="Spletišče").locator("input[type=checkbox]").first.check()
    page.get_by_role("button", name="Uporabi filtre").click()
    narrowed = page.locator("ol.search-results > li h3 a")
    assert len({link.get_attribute("href").split("/")[2] for link in narrowed.all()}) == 1
    assert page.get_by_role("status").filter(has_text="najden").inner_text() != total
    assert not serious_violations(Axe().run(page))


def test_a_too_long_query_is_explained_next_to_the_field(demo_server, page):
    page.goto(demo_server.url(DEMO_HOSTS["hana"], "/hledani/?q=" + "a" * 300))
    alert = page.get_by_role("alert")
    assert "200" in alert.inner_text()
    assert page.get_by_label("Hledaný výraz").get_attribute("aria-invalid") == "true"
    assert not serious_violations(Axe().run(page))
