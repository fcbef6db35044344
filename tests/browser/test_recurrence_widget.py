"""The schedule's recurrence widget works in Wagtail's page editor, in Slovenian and Czech.

A centre editor sets their admin language on the account page, opens a page of the demo
network in the editor and uses django-recurrence's widget there: it must have replaced its
textarea with its own controls, speak the editor's language, leave Wagtail's own scripts
their gettext, and what it builds must survive saving a draft.
"""

from __future__ import annotations

import re

import pytest

from tests.demo_server import DEMO_HOSTS
from tests.sites.test_recurrence_i18n import compile_translations

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "mreza-demo-2026"  # noqa: S105 — published demo-only password (README)


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """Before the demo server starts, so it loads current catalogues (.mo files are generated)."""
    compile_translations()


@pytest.fixture
def js_errors(page):
    """Uncaught exceptions in the page: a broken widget script shows up here."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def log_in(page, base: str, username: str, language: str) -> None:
    """Sign in to the admin and set the user's admin language on their account page."""
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/account/")
    page.select_option("select[name=locale-preferred_language]", language)
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    assert page.get_attribute("html", "lang") == language


def open_editor(page, base: str, html_path: str) -> str:
    """Open the editor of the page at html_path on this site; return the editor's URL."""
    found = page.evaluate(
        "async (path) => (await fetch('/api/v3/pages/find/?html_path=' + path)).json()",
        html_path,
    )
    assert "id" in found, f"no page at {html_path}: {found}"
    url = f"{base}/admin/pages/{found['id']}/edit/"
    page.goto(url)
    return url


def assert_widget_initialised(page) -> None:
    assert page.locator("div.recurrence-widget").count() == 1
    textarea = page.locator("textarea.recurrence-widget[name=recurrence]")
    assert textarea.count() == 1 and textarea.is_hidden()
    assert page.evaluate(
        "() => typeof window.django.gettext === 'function' && !!window.django.jQuery"
    ), "window.django lost Wagtail's gettext or never got django.jQuery"


def test_weekly_rule_in_slovenian_is_saved_with_a_draft(demo_server, page, js_errors):
    base = demo_server.url(DEMO_HOSTS["socio"]).rstrip("/")
    log_in(page, base, "socio-urednik", "sl")
    editor = open_editor(page, base, "/programi/obvladovanje-stresa/")

    assert_widget_initialised(page)
    widget = page.locator("div.recurrence-widget")
    assert widget.locator(".add-rule .recurrence-label").inner_text() == "Dodaj pravilo"
    assert widget.locator(".add-date .recurrence-label").inner_text() == "Dodaj datum"

    # Replace whatever the demo has with one rule built with the widget's own controls.
    while widget.locator(".panel").count():
        widget.locator(".panel .header a.remove").first.click()
    widget.locator(".add-rule").click()
    rule = widget.locator(".panel").last
    frequency = rule.locator("select[name=freq]")
    assert frequency.locator("option").all_inner_texts() == [
        "Letno",
        "Mesečno",
        "Tedensko",
        "Dnevno",
    ]
    frequency.select_option(label="Tedensko")
    weekdays = rule.locator(".weekly td")
    assert weekdays.all_inner_texts() == ["pon", "tor", "sre", "čet", "pet", "sob", "ned"]
    # The group meets on Tuesdays: its first date must be one of the rule's weekdays.
    weekdays.filter(has_text="tor").click()
    assert rule.locator(".header .recurrence-label").inner_text() == "Tedensko, torek"
    assert page.locator("textarea[name=recurrence]").input_value() == "RRULE:FREQ=WEEKLY;BYDAY=TU"

    with page.expect_navigation():
        page.get_by_role("button", name="Shrani osnutek").click()
    assert page.locator(".messages .success, .messages [class*=success]").count() >= 1, (
        page.locator(".messages").inner_text() if page.locator(".messages").count() else "-"
    )

    # The reopened editor shows the latest revision: the draft just saved.
    page.goto(editor)
    assert_widget_initialised(page)
    saved = page.locator("textarea[name=recurrence]").input_value()
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU" in saved
    assert "UNTIL" not in saved
    labels = page.locator("div.recurrence-widget .panel .header .recurrence-label")
    assert labels.all_inner_texts() == ["Tedensko, torek"]
    assert not js_errors


def test_widget_speaks_czech_on_the_hana_site(demo_server, page, js_errors):
    base = demo_server.url(DEMO_HOSTS["hana"]).rstrip("/")
    log_in(page, base, "hana-urednik", "cs")
    open_editor(page, base, "/akce/setkani-sousedu/")

    assert_widget_initialised(page)
    widget = page.locator("div.recurrence-widget")
    assert widget.locator(".add-rule .recurrence-label").inner_text() == "Přidat pravidlo"
    assert widget.locator(".add-date .recurrence-label").inner_text() == "Přidat datum"

    widget.locator(".add-rule").click()
    rule = widget.locator(".panel").last
    assert rule.locator("select[name=freq] option").all_inner_texts() == [
        "Ročně",
        "Měsíčně",
        "Týdně",
        "Denně",
    ]
    weekdays = rule.locator(".weekly td")
    assert weekdays.all_inner_texts() == ["po", "út", "st", "čt", "pá", "so", "ne"]
    weekdays.filter(has_text="út").click()
    assert rule.locator(".header .recurrence-label").inner_text() == "Týdně, úterý"
    assert rule.get_by_text("Opakovat do:").count() == 1

    widget.locator(".add-date").click()
    date_label = widget.locator(".panel").last.locator(".header .recurrence-label").inner_text()
    assert re.fullmatch(r"\w+ \d{1,2}\. \d{1,2}\. \d{4}", date_label), date_label
    assert not js_errors
