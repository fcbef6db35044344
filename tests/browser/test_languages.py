"""A visitor switches a demo centre from Slovenian to English and back with the switcher."""

from __future__ import annotations

import pytest

from tests.demo_server import DEMO_HOSTS
from tests.i18n import translated

pytestmark = pytest.mark.browser


def switch_to(page, language: str) -> None:
    with page.expect_navigation():
        page.locator(f'.language-switcher a[hreflang="{language}"]').click()


def test_switch_a_centre_from_slovenian_to_english_and_back(demo_server, page):
    base = demo_server.url(DEMO_HOSTS["socio"]).rstrip("/")
    page.goto(f"{base}/")
    assert page.locator("html").get_attribute("lang") == "sl"

    switch_to(page, "en")

    assert page.url == f"{base}/en/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "Socio – multigenerational centre"
    current = page.locator('.language-switcher a[aria-current="true"]')
    assert current.get_attribute("hreflang") == "en"
    assert page.locator(".skip-link").inner_text() == translated(
        "Skip to main content", language="en"
    )

    # Deeper in: the English project page leads to the Slovenian one, not to the home page.
    page.locator(".main-nav a", has_text="Projects").click()
    page.locator("main a", has_text="Multigenerational centre Socio").first.click()
    page.wait_for_url(f"{base}/en/projects/**")

    switch_to(page, "sl")

    assert page.url == f"{base}/projekti/socio-vgc/"
    assert page.locator("html").get_attribute("lang") == "sl"
    skip = translated("Skip to main content", language="sl")
    assert page.locator(".skip-link").inner_text() == skip
    assert page.locator(".language-notice").count() == 0


def test_an_untranslated_page_says_it_is_shown_in_slovenian(demo_server, page):
    base = demo_server.url(DEMO_HOSTS["socio"]).rstrip("/")

    page.goto(f"{base}/en/programi/")

    notice = page.get_by_role("note")
    assert notice.get_attribute("lang") == "en"
    assert "not available in English" in notice.inner_text()
    assert page.locator("html").get_attribute("lang") == "sl"
