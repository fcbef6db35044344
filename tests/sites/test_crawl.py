"""A crawler walks every demo site from its home page over real HTTP."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.demo_server import DEMO_HOSTS

MAX_PAGES_PER_SITE = 400


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str) -> tuple[int, str, str]:
    """GET url from the loopback server, sending its hostname in the Host header.

    Browsers resolve *.localhost to loopback by themselves; the C resolver does not.
    """
    parts = urlsplit(url)
    request = urllib.request.Request(
        parts._replace(netloc=f"127.0.0.1:{parts.port}").geturl(),
        headers={"Host": parts.netloc},
    )
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, "", error.headers.get("Location", "")


def crawl(start: str) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Visit every same-host page reachable from start; return statuses and admin links."""
    host = urlsplit(start).netloc
    statuses: dict[str, int] = {}
    admin_links: list[tuple[str, str]] = []
    queue = [start]
    while queue and len(statuses) < MAX_PAGES_PER_SITE:
        url = queue.pop()
        if url in statuses:
            continue
        status, content_type, body = fetch(url)
        statuses[url] = status
        if status in (301, 302):
            target = urljoin(url, body)
            if urlsplit(target).netloc == host:
                queue.append(target)
            continue
        if content_type != "text/html":
            continue
        parser = LinkParser()
        parser.feed(body)
        for href in parser.links:
            absolute = urljoin(url, href).split("#", 1)[0]
            parts = urlsplit(absolute)
            if parts.scheme not in ("http", "https"):
                continue
            if "/admin/" in parts.path:
                admin_links.append((url, absolute))
            elif parts.netloc == host and not parts.path.startswith(("/media/", "/static/")):
                queue.append(absolute)
    return statuses, admin_links


@pytest.mark.parametrize("site", DEMO_HOSTS)
def test_every_page_of_the_site_answers(demo_server, site):
    statuses, admin_links = crawl(demo_server.url(DEMO_HOSTS[site]))

    failures = {url: status for url, status in statuses.items() if status not in (200, 301, 302)}
    assert not failures, f"{site}: pages that did not answer 200/301/302: {failures}"
    assert not admin_links, f"{site}: public pages link into the admin: {admin_links}"
    assert len(statuses) >= 1
