"""The demo network's iCal feeds over real HTTP: every site's /calendar.ics and page feeds.

Each feed is parsed with ``icalendar`` and expanded with ``recurring_ical_events``; a
page's own feed expands to the same instants as its site's feed, and to the dates the
page API lists from the Occurrence table (``upcoming_occurrences``).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode, urlsplit

import pytest
import recurring_ical_events
from django.conf import settings
from icalendar import Calendar

from tests.demo_server import DEMO_HOSTS

# Far enough back and ahead to cross both DST changes, inside the materialised window.
HISTORY = timedelta(days=settings.MREZA["CALENDAR"]["HISTORY_DAYS"] - 5)
AHEAD = timedelta(days=min(settings.MREZA["CALENDAR"]["HORIZON_DAYS"] - 5, 730) - 5)
# Occurrences ending this close to "now" may be listed by one request and not the next.
SETTLE = timedelta(minutes=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url: str) -> tuple[int, dict, bytes]:
    """GET ``url`` from the loopback server, its hostname in the Host header."""
    parts = urlsplit(url)
    request = urllib.request.Request(
        parts._replace(netloc=f"127.0.0.1:{parts.port}").geturl(),
        headers={"Host": parts.netloc},
    )
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def fetch_calendar(url: str) -> Calendar:
    status, headers, body = get(url)
    assert status == 200, (url, status, body[:300])
    assert headers["Content-Type"] == "text/calendar; charset=utf-8", url
    assert headers.get("Last-Modified") and headers.get("Cache-Control"), url
    assert ".ics" in headers.get("Content-Disposition", ""), url
    return Calendar.from_ical(body)


def instants(calendar: Calendar, start: datetime, end: datetime) -> dict[str, set]:
    """UID → {(start, end)} in UTC of the events shown (STATUS:CANCELLED left out)."""
    result: dict[str, set] = {}
    for event in recurring_ical_events.of(calendar).between(start, end):
        if str(event.get("STATUS", "")) == "CANCELLED":
            continue
        result.setdefault(str(event["UID"]), set()).add(
            (event.start.astimezone(UTC), event.end.astimezone(UTC))
        )
    return result


def page_urls(calendar: Calendar) -> dict[str, str]:
    """UID → the page URL its events carry."""
    return {str(event["UID"]): str(event["URL"]) for event in calendar.walk("VEVENT")}


def without_language(path: str) -> str:
    """The page path the API's ``find`` routes: it does not read a language prefix."""
    prefix = path.split("/")[1]
    if prefix in {code for code, _ in settings.LANGUAGES}:
        return path.removeprefix(f"/{prefix}")
    return path


@pytest.fixture(scope="module")
def site_feeds(demo_server) -> dict[str, Calendar]:
    feeds = {
        host: fetch_calendar(demo_server.url(host, "/calendar.ics")) for host in DEMO_HOSTS.values()
    }
    if not any(calendar.walk("VEVENT") for calendar in feeds.values()):
        pytest.skip(
            "The demo network has no scheduled (live, public) events or programmes yet, "
            "so its feeds are empty; the demo loader is to add recurring programmes and events."
        )
    return feeds


@pytest.fixture(scope="module")
def window() -> tuple[datetime, datetime]:
    now = datetime.now(UTC).replace(microsecond=0)
    return now - HISTORY, now + AHEAD


def test_every_site_serves_a_valid_feed(site_feeds):
    for host, calendar in site_feeds.items():
        raw = calendar.to_ical().decode()
        assert str(calendar["VERSION"]) == "2.0", host
        assert calendar.get("X-WR-CALNAME"), host
        assert calendar.get("X-WR-TIMEZONE"), host
        assert not calendar.get_missing_tzids(), host
        assert calendar.walk("VTIMEZONE"), host
        for event in calendar.walk("VEVENT"):
            assert re.fullmatch(r"[0-9a-f-]{36}@mreza", str(event["UID"])), host
            assert event["DTSTART"].params.get("TZID"), (host, event["UID"])
            assert "DTSTAMP" in event and "SEQUENCE" in event and "URL" in event
            assert urlsplit(str(event["URL"])).hostname == host, (host, event["URL"])
        for until in re.findall(r"UNTIL=([0-9TZ]+)", raw):
            assert until.endswith("Z"), (host, until)


def test_feeds_list_each_page_once_per_site(site_feeds):
    """A page belongs to one site: no UID appears in two sites' feeds."""
    seen: dict[str, str] = {}
    for host, calendar in site_feeds.items():
        for uid in page_urls(calendar):
            assert seen.setdefault(uid, host) == host, (uid, host, seen[uid])


def test_page_feeds_expand_like_the_site_feed(demo_server, site_feeds, window):
    checked = 0
    for calendar in site_feeds.values():
        site = instants(calendar, *window)
        for uid, url in page_urls(calendar).items():
            page = fetch_calendar(url + "calendar.ics")
            own = instants(page, *window)
            # An event's feed is the event; a programme's adds its events.
            assert uid in {str(event["UID"]) for event in page.walk("VEVENT")}, url
            assert own.get(uid, set()) == site.get(uid, set()), url
            for other, dates in own.items():
                assert site.get(other) == dates, (url, other)
            checked += 1
    assert checked


def test_page_feeds_match_the_occurrence_table(demo_server, site_feeds):
    """The next dates the page API lists from the Occurrence table are the feed's next dates."""
    checked = 0
    for host, calendar in site_feeds.items():
        for uid, url in page_urls(calendar).items():
            path = without_language(urlsplit(url).path)
            now = datetime.now(UTC)
            find = demo_server.url(host, "/api/v3/pages/find/?" + urlencode({"html_path": path}))
            status, headers, _ = get(find)
            assert status in (301, 302), (find, status)
            status, _, body = get(demo_server.url(host, urlsplit(headers["Location"]).path))
            assert status == 200, url
            rows = json.loads(body)["upcoming_occurrences"]
            if not rows:
                continue
            last = datetime.fromisoformat(rows[-1]["start"])
            table = {
                (datetime.fromisoformat(row["start"]), datetime.fromisoformat(row["end"]))
                for row in rows
                if row["status"] != "cancelled"
                and datetime.fromisoformat(row["end"]) > now + SETTLE
            }
            page = fetch_calendar(url + "calendar.ics")
            shown = instants(page, now, last + timedelta(seconds=1)).get(uid, set())
            feed = {
                (start, end)
                for start, end in shown
                if end > now + SETTLE and (start < last or (len(rows) < 10 and start <= last))
            }
            table = {(start, end) for start, end in table if start < last or len(rows) < 10}
            assert feed == table, url
            checked += 1
    assert checked


def test_bad_filter_is_a_400_naming_it(demo_server, site_feeds):
    host = next(host for host, calendar in site_feeds.items() if calendar.walk("VEVENT"))
    status, _, body = get(demo_server.url(host, "/calendar.ics?location=abc"))
    assert status == 400
    assert b"location" in body
