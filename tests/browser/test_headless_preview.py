"""An editor previews a draft in the headless frontend of the page's own site, from the hub's admin.

Zasavje's moderator points the site at a frontend (a real HTTP server on loopback that
fetches the draft from /api/v3/preview/ as a frontend would, server-side). Zasavje's editor
then edits the site's home page in the admin on the hub's hostname and opens the preview
panel: the panel must frame Zasavje's frontend, which shows the unsaved title.
"""

from __future__ import annotations

import html
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from network.demo.accounts import DEMO_PASSWORD
from tests.demo_server import DEMO_HOSTS, DemoServer

pytestmark = pytest.mark.browser

SITE = "zasavje"
DRAFT_TITLE = "Osnutek, ki ga vidi le predogled"


class FrontendServer(ThreadingHTTPServer):
    """A minimal headless frontend: /preview renders the draft's title from the API."""

    api_base: str = ""
    seen: list[str]


class FrontendHandler(BaseHTTPRequestHandler):
    server: FrontendServer

    def do_GET(self) -> None:  # noqa: N802 — http.server's naming
        self.server.seen.append(self.path)
        url = urlsplit(self.path)
        if url.path != "/preview":
            self.send_error(404)
            return
        request = urllib.request.Request(f"{self.server.api_base}/api/v3/preview/?{url.query}")
        request.add_header("Host", DEMO_HOSTS["hub"])
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                body = f"<h1>{html.escape(json.load(answer)['title'])}</h1>"
        except urllib.error.HTTPError as error:
            body = f"<p>refused: {error.code}</p>"
        payload = f"<!DOCTYPE html><html lang='sl'><title>Frontend</title>{body}</html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def frontend(demo_server: DemoServer) -> Iterator[FrontendServer]:
    server = FrontendServer(("127.0.0.1", 0), FrontendHandler)
    server.api_base = f"http://127.0.0.1:{demo_server.port}"
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def set_frontend(page, base: str, frontend_url: str) -> None:
    """On the site's own admin: Settings → Headless frontend."""
    page.goto(f"{base}/admin/settings/headless/headlessfrontend/")
    page.fill("input[name=frontend_url]", frontend_url)
    page.fill("input[name=preview_path]", "/preview")
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    assert page.locator("input[name=frontend_url]").input_value() == frontend_url


@pytest.fixture
def headless_site(demo_server, browser, frontend) -> Iterator[str]:
    """Zasavje served by the frontend; Wagtail's own templates again afterwards."""
    context = browser.new_context()
    moderator = context.new_page()
    base = demo_server.url(DEMO_HOSTS[SITE]).rstrip("/")
    frontend_url = f"http://127.0.0.1:{frontend.server_address[1]}"
    log_in(moderator, base, f"{SITE}-moderator")
    set_frontend(moderator, base, frontend_url)
    yield frontend_url
    set_frontend(moderator, base, "")
    context.close()


def test_the_preview_panel_frames_the_sites_own_frontend_from_the_hubs_admin(
    demo_server, page, frontend, headless_site
):
    hub = demo_server.url(DEMO_HOSTS["hub"]).rstrip("/")
    log_in(page, hub, f"{SITE}-urednik")
    home = page.evaluate(
        "async (site) => (await fetch(`/api/v3/pages/find/?html_path=/&site=${site}`)).json()",
        f"{DEMO_HOSTS[SITE]}:{demo_server.port}",
    )
    assert "id" in home, home
    page.goto(f"{hub}/admin/pages/{home['id']}/edit/")

    page.fill("input[name=title]", DRAFT_TITLE)
    page.locator('button[data-side-panel-toggle="preview"]').click()

    panel = page.frame_locator("iframe#w-preview-iframe")
    inner = panel.locator("iframe")
    try:
        inner.wait_for(state="attached", timeout=60_000)
    except PlaywrightTimeoutError:
        shown = panel.locator("body").inner_text(timeout=5_000)
        pytest.fail(f"the preview panel shows {shown!r}\n{demo_server.log_tail()}")
    assert inner.get_attribute("src").startswith(f"{headless_site}/preview?content_type=")
    heading = panel.frame_locator("iframe").locator("h1")
    heading.wait_for()
    assert heading.inner_text() == DRAFT_TITLE
    assert any(path.startswith("/preview?") for path in frontend.seen)
