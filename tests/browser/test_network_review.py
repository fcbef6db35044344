"""The network review, as two people do it in the admin: a centre's editor submits a good
practice to the hub, a coordinator requests a change, the editor resubmits, the coordinator
approves and publishes, and the practice appears on other centres' sites."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_headless_preview import log_in
from tests.demo_server import DEMO_HOSTS
from tests.sites.test_crawl import fetch

pytestmark = pytest.mark.browser
TITLE = "Skupnostni vrt za vse generacije"


def api(demo_server, path: str) -> dict:
    return json.loads(fetch(demo_server.url(DEMO_HOSTS["hub"], path))[2])


def type_rich_text(page, field: str, text: str) -> None:
    """Type into a Draftail editor, as a person does (it keeps its value in a hidden input)."""
    editor = page.locator(f'[data-contentpath="{field}"] [contenteditable="true"]')
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(text)
    expect(page.locator(f'[data-contentpath="{field}"] input[type="hidden"]')).to_have_value(
        re.compile(re.escape(text.split()[0]))
    )


def press(page, selector: str) -> None:
    """Footer actions sit in a dropdown; activate the button itself, as a keyboard user can."""
    with page.expect_navigation():
        page.evaluate("selector => document.querySelector(selector).click()", selector)


def test_submit_request_changes_resubmit_publish(demo_server, browser):
    base = demo_server.url(DEMO_HOSTS["hub"]).rstrip("/")
    indexes = api(demo_server, "/api/v3/pages/?type=centre_sites.GoodPracticeIndexPage&site=all")
    hub_index = next(
        item for item in indexes["items"] if item["meta"]["html_url"].startswith(base + "/")
    )
    centres = [
        item["meta"]["html_url"]
        for item in indexes["items"]
        if not item["meta"]["html_url"].startswith(base + "/")
    ]
    assert len(centres) >= 2

    editor = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    coordinator = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    log_in(editor, base, "socio-urednik")
    log_in(coordinator, base, "koordinator")

    # The editor drafts the practice in the hub's section and submits it.
    editor.goto(f"{base}/admin/pages/add/centre_sites/goodpracticepage/{hub_index['id']}/")
    editor.fill("#id_title", TITLE)
    type_rich_text(editor, "problem", "Starejši in mladi se v soseski ne srečujejo.")
    type_rich_text(editor, "approach", "Skupaj obdelujejo vrt za centrom.")
    type_rich_text(editor, "results", "Vrt obdeluje 30 ljudi vseh generacij.")
    press(editor, 'button[name="action-submit"]')
    editor.goto(f"{base}/admin/pages/{hub_index['id']}/")
    href = editor.get_by_role("link", name=TITLE).first.get_attribute("href")
    page_id = re.search(r"/admin/pages/(\d+)/", href).group(1)

    # The coordinator asks for a change, with a comment.
    coordinator.goto(f"{base}/admin/pages/{page_id}/edit/")
    coordinator.evaluate("document.querySelector('[data-workflow-action-name=\"reject\"]').click()")
    coordinator.locator("textarea[name=comment]").fill("Dodajte, kaj potrebujemo za začetek.")
    with coordinator.expect_navigation():
        coordinator.locator(".modal button[type=submit]").click()

    # The editor sees the request, adds what was asked and resubmits.
    editor.goto(f"{base}/admin/pages/{page_id}/edit/")
    assert "Dodajte, kaj potrebujemo za začetek." in editor.content()
    type_rich_text(editor, "resources_needed", "Košček zemlje, semena in orodje.")
    press(editor, 'button[name="action-submit"]')

    # Not public until approved.
    assert all(TITLE not in fetch(url)[2] for url in centres)

    coordinator.goto(f"{base}/admin/pages/{page_id}/edit/")
    with coordinator.expect_navigation():
        coordinator.evaluate(
            'document.querySelector(\'[data-workflow-action-name="approve"]'
            ":not([data-workflow-action-modal-url])').click()"
        )

    # Published on the hub and shown by other centres' sites, linking to the hub.
    for url in centres[:2]:
        status, _type, html = fetch(url)
        assert status == 200, url
        assert TITLE in html, url
        assert f'href="{base}/' in html
