"""A superuser provisions a site in Slovenian, adds English in the admin, and once the
English home page is published the site's language switcher offers it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect

from network.provisioning import language_label
from tests.browser.test_headless_preview import log_in
from tests.demo_server import DEMO_HOSTS
from tests.i18n import translated_plural

pytestmark = pytest.mark.browser
HOSTNAME = "jeziki.localhost"


def in_admin_language(code: str) -> str:
    """A language's name as the admin shows it (the demo admin's: the network default)."""
    with translation.override(settings.LANGUAGE_CODE):
        return language_label(code)


def submit(page) -> None:
    with page.expect_navigation():
        page.locator("main form [type=submit]").last.click()


def open_site_languages(page, admin: str) -> None:
    """Settings → Centre sites → the site."""
    page.goto(f"{admin}/admin/network/sites/")
    with page.expect_navigation():
        page.locator("table a", has_text="Jeziki").click()


def test_add_english_to_a_site_then_publish_in_it(demo_server, page):
    admin = demo_server.url(DEMO_HOSTS["hub"]).rstrip("/")
    site = demo_server.url(HOSTNAME).rstrip("/")
    log_in(page, admin, "admin")

    # Settings → Provision a centre site: the network's default language is ticked.
    page.goto(f"{admin}/admin/network/provision/")
    page.fill("input[name=name]", "Jeziki")
    page.fill("input[name=hostname]", HOSTNAME)
    page.fill("input[name=port]", str(demo_server.port))
    page.select_option("select[name=organisation]", index=1)  # any organisation without a site
    expect(page.locator("input[name=languages][value=sl]")).to_be_checked()
    expect(page.locator("input[name=languages][value=en]")).not_to_be_checked()
    submit(page)

    page.goto(f"{site}/")
    home_id = page.evaluate(
        "async () => (await (await fetch('/api/v3/pages/find/?html_path=/')).json()).id"
    )
    page.goto(f"{admin}/admin/localize/submit/page/{home_id}/")
    expect(page.locator("input[name=locales]")).to_have_count(0)  # nothing to translate into

    open_site_languages(page, admin)
    page.check("input[name=languages][value=en]")
    submit(page)
    expect(page.locator("tr", has_text=HOSTNAME)).to_contain_text(in_admin_language("en"))

    # English is offered to translators now; nothing is live in it yet.
    page.goto(f"{site}/")
    expect(page.locator(".language-switcher a")).to_have_count(0)
    page.goto(f"{admin}/admin/localize/submit/page/{home_id}/")
    page.locator("input[name=locales]").check()
    submit(page)  # wagtail-localize creates the English home page and opens its editor
    with page.expect_navigation():
        page.locator("button[name=action][value=publish]").first.click()

    page.goto(f"{site}/")
    expect(page.locator(".language-switcher a")).to_have_count(2)
    with page.expect_navigation():
        page.locator('.language-switcher a[hreflang="en"]').click()
    assert page.url == f"{site}/en/"
    assert page.locator("html").get_attribute("lang") == "en"

    # Removing English now would orphan the live English home page: refused, on the field.
    open_site_languages(page, admin)
    page.uncheck("input[name=languages][value=en]")
    submit(page)
    refusal = translated_plural(
        "“%(language)s” cannot be removed: the site has %(count)d live page in it. "
        "Unpublish it first.",
        "“%(language)s” cannot be removed: the site has %(count)d live pages in it. "
        "Unpublish them first.",
        1,
    ) % {"language": in_admin_language("en"), "count": 1}
    expect(page.locator('[data-contentpath="languages"] .w-field__errors')).to_have_text(refusal)
