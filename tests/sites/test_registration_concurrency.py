"""Places are never oversold: twenty people sign up at the same moment, over real HTTP.

Run it on PostgreSQL (``DATABASE_URL=postgres://… pytest …``): each request is served by its
own thread and database connection, so the sign-ups really race for the row lock.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.core import mail
from django.db import connection
from django.urls import reverse

from sites.models import Registration
from tests.factories import EventIndexPageFactory, provision_centre
from tests.i18n import translated
from tests.sites.registration_factories import RegistrationEventFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write transaction at a time, so sign-ups "
        "cannot race there (set DATABASE_URL=postgres://… to run it)",
    ),
    # Committed for real, so the server's threads see the data; the flush that follows is
    # undone for later transactional tests by restoring the serialised database.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SIGN_UPS = 20
CAPACITY = 3
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_twenty_parallel_sign_ups_for_three_places(live_server):
    tenant = provision_centre("Centre A", "a.localhost", name="Organisation A", slug="org-a")
    events = EventIndexPageFactory(parent=tenant.site.root_page)
    event = RegistrationEventFactory(parent=events, capacity=CAPACITY)
    url = live_server.url + reverse("registration:form", args=[event.pk])
    # Wagtail finds the site by hostname; the live server's own port is ignored for it. No
    # keep-alive: each server thread ends, closing its database connection, after answering.
    headers = {"Host": "a.localhost", "Connection": "close"}

    # Everyone opens the form first (session cookie and CSRF token)...
    sessions = []
    for _ in range(SIGN_UPS):
        session = requests.Session()
        form = session.get(url, headers=headers, timeout=30)
        assert form.status_code == 200
        sessions.append((session, CSRF_TOKEN.search(form.text).group(1)))
    start = threading.Barrier(SIGN_UPS)

    def sign_up(number: int) -> requests.Response:
        session, token = sessions[number]
        data = {
            "csrfmiddlewaretoken": token,
            "name": f"Oseba {number}",
            "email": f"oseba{number}@example.org",
            "places": "1",
            "consent": "on",
        }
        start.wait(timeout=30)  # ...then all of them press "Register" at once.
        return session.post(url, data=data, headers=headers, allow_redirects=False, timeout=60)

    try:
        with ThreadPoolExecutor(max_workers=SIGN_UPS) as pool:
            responses = list(pool.map(sign_up, range(SIGN_UPS)))
    finally:
        for session, _token in sessions:
            session.close()

    assert [response.status_code for response in responses] == [302] * SIGN_UPS
    registrations = Registration.objects.filter(page=event)
    assert Counter(registrations.values_list("status", flat=True)) == {
        "confirmed": CAPACITY,
        "waitlisted": SIGN_UPS - CAPACITY,
    }
    assert registrations.confirmed_places() == CAPACITY
    # The places went to the first in the queue: nobody confirmed after someone waitlisted.
    order = list(registrations.order_by("created_at", "pk").values_list("status", flat=True))
    assert order == ["confirmed"] * CAPACITY + ["waitlisted"] * (SIGN_UPS - CAPACITY)
    # E-mails speak the page's language.
    language = event.locale.language_code
    subjects = Counter(message.subject for message in mail.outbox)
    assert subjects == {
        translated("You are registered: %(title)s", language=language, title=event.title): CAPACITY,
        translated("You are on the waitlist: %(title)s", language=language, title=event.title): (
            SIGN_UPS - CAPACITY
        ),
    }
