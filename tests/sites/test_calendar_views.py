"""The public calendar: upcoming dates, the month view, the printable programme, bad input."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from sites.models import EventPage, ProgrammePage
from tests.factories import ScheduledProgrammePageFactory
from tests.sites.conftest import CENTRE_HOST, HUB_HOST, get, path_of

LJUBLJANA = ZoneInfo("Europe/Ljubljana")


def next_month_first() -> date:
    today = timezone.localdate(timezone=LJUBLJANA)
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


@pytest.fixture
def calendar(network):
    """A weekly group next month, with one date cancelled, and a one-off event."""
    first = next_month_first()
    tuesday = first + timedelta(days=(1 - first.weekday()) % 7)
    group = ScheduledProgrammePageFactory(
        parent=network.pages["programme_index_page"],
        title="Bralni krožek",
        starts_at=datetime.combine(tuesday, time(17), tzinfo=LJUBLJANA),
        recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        location=network.location,
    )
    group.schedule_changes.create(
        original_date=tuesday + timedelta(days=7), action="cancelled", reason="Bolezen vodje"
    )
    group.save_revision().publish()
    return {"group": group, "tuesday": tuesday, "first": first}


def month_path(network, first: date, view="calendar") -> str:
    return f"{path_of(network.pages['event_index_page'])}{view}/{first.year}/{first.month}/"


def test_the_index_lists_upcoming_dates_with_cancellations(client, network, calendar):
    response = get(client, network.pages["event_index_page"])
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Bralni krožek") == 3
    assert "Bolezen vodje" in html
    assert "<del>" in html
    assert "Kvačkanje" in html


def test_the_month_calendar_places_dates_on_their_days(client, network, calendar):
    response = client.get(month_path(network, calendar["first"]), HTTP_HOST=CENTRE_HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<table class="month-calendar">' in html
    assert f'<time datetime="{calendar["tuesday"]:%Y-%m-%d}">' in html
    assert html.count("Bralni krožek") == 3
    assert "17:00" in html
    # Previous and next months are linked, keeping the month/year in the URL.
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_calendar_without_a_month_redirects_to_this_month(client, network):
    response = client.get(
        f"{path_of(network.pages['event_index_page'])}calendar/?location=1", HTTP_HOST=CENTRE_HOST
    )
    today = timezone.localdate(timezone=LJUBLJANA)
    assert response.status_code == 302
    assert response["Location"].endswith(f"calendar/{today.year}/{today.month}/?location=1")


def test_the_printable_programme_groups_a_month_by_day(client, network, calendar):
    response = client.get(
        month_path(network, calendar["first"], "programme"), HTTP_HOST=CENTRE_HOST
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="printable-programme"' in html
    assert html.count('<section class="programme-day">') == 3
    assert "Točka moči Postojna" in html


def test_filters_narrow_the_calendar(client, network, calendar):
    group = calendar["group"]
    response = client.get(
        month_path(network, calendar["first"]),
        {"programme": group.pk},
        HTTP_HOST=CENTRE_HOST,
    )
    assert response.content.decode().count("Bralni krožek") == 3
    response = client.get(
        month_path(network, calendar["first"]),
        {"programme": group.pk + 1000},
        HTTP_HOST=CENTRE_HOST,
    )
    assert "Bralni krožek" not in response.content.decode()


@pytest.mark.parametrize(
    ("suffix", "query", "parameter"),
    [
        ("calendar/2026/13/", {}, "month"),
        ("programme/2026/0/", {}, "month"),
        ("calendar/1850/1/", {}, "year"),
        ("", {"location": "postojna"}, "location"),
        ("calendar/2026/11/", {"target_group": "-1"}, "target_group"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, network, suffix, query, parameter):
    response = client.get(
        f"{path_of(network.pages['event_index_page'])}{suffix}", query, HTTP_HOST=CENTRE_HOST
    )
    assert response.status_code == 400
    assert f"&#x27;{parameter}&#x27;" in response.content.decode()


def test_the_hub_calendar_can_span_the_network(client, network, calendar):
    from tests.factories import EventIndexPageFactory

    hub_events = EventIndexPageFactory(parent=network.hub.root_page, network_wide=True)
    html = client.get(path_of(hub_events), HTTP_HOST=HUB_HOST).content.decode()
    assert "Bralni krožek" in html and "Kvačkanje" in html

    hub_events.network_wide = False
    hub_events.save_revision().publish()
    html = client.get(path_of(hub_events), HTTP_HOST=HUB_HOST).content.decode()
    assert "Bralni krožek" not in html


def test_a_programme_page_shows_its_schedule_and_next_dates(client, network, calendar):
    html = get(client, calendar["group"]).content.decode()
    assert "Ponavlja se" in html or "Repeats" in html
    assert html.count("Bralni krožek") >= 3
    assert "Bolezen vodje" in html


# -- the admin form -------------------------------------------------------------------


def edit_form(page, **changes):
    """The page's admin edit form bound to its current values with ``changes``."""
    form_class = type(page).get_edit_handler().get_form_class()
    values = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "start_date": page.start_date.isoformat() if page.start_date else "",
        "start_time": page.start_time.strftime("%H:%M") if page.start_time else "",
        "end_time": page.end_time.strftime("%H:%M") if page.end_time else "",
        "end_date": "",
        "time_zone": "",
        "recurrence": "",
        "status": "scheduled",
        "status_note": "",
        "is_free": "on",
        "body": streamfield([]),
        "schedule_changes": inline_formset([]),
    }
    if isinstance(page, ProgrammePage):
        values["kind"] = page.kind
    values.update(changes)
    return form_class(nested_form_data(values), instance=page, for_user=None)


def test_the_admin_form_names_the_field_for_bad_schedules(network):
    event = network.pages["event_page"]
    saved_end = event.end_time
    form = edit_form(event, end_time="08:00", start_time="10:00")
    assert not form.is_valid()
    assert "end_time" in form.errors

    form = edit_form(event, recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU\nRRULE:FREQ=WEEKLY;BYDAY=TH")
    assert not form.is_valid()
    assert "recurrence" in form.errors

    form = edit_form(event, time_zone="Mars/Olympus")
    assert not form.is_valid()
    assert "time_zone" in form.errors

    form = edit_form(event, start_date="31. 2. 2027")
    assert not form.is_valid()
    assert "start_date" in form.errors

    form = edit_form(event, end_date=(event.start_date + timedelta(days=60)).isoformat())
    assert not form.is_valid()
    assert "end_date" in form.errors
    # Nothing was saved: the live event keeps its times.
    assert EventPage.objects.get(pk=event.pk).end_time == saved_end


def test_the_admin_form_refuses_a_first_date_off_the_rules_weekdays(network, calendar):
    group = calendar["group"]
    wednesday = calendar["tuesday"] + timedelta(days=1)
    form = edit_form(
        group, start_date=wednesday.isoformat(), recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU"
    )
    assert not form.is_valid()
    assert "start_date" in form.errors


def test_a_change_to_a_date_the_schedule_does_not_have_is_a_form_error(network, calendar):
    group = calendar["group"]
    changes = inline_formset(
        [
            {
                "original_date": (calendar["tuesday"] + timedelta(days=1)).isoformat(),
                "action": "cancelled",
                "reason": "",
            }
        ]
    )
    form = edit_form(
        group,
        recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        schedule_changes=changes,
    )
    assert not form.is_valid()
    (change_form,) = form.formsets["schedule_changes"].forms
    assert "original_date" in change_form.errors

    changes = inline_formset(
        [{"original_date": calendar["tuesday"].isoformat(), "action": "moved", "reason": "x"}]
    )
    form = edit_form(
        group, recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3", schedule_changes=changes
    )
    assert not form.is_valid()  # moved, but to no date
    (change_form,) = form.formsets["schedule_changes"].forms
    assert "new_date" in change_form.errors

    changes = inline_formset(
        [{"original_date": calendar["tuesday"].isoformat(), "action": "cancelled", "reason": "x"}]
    )
    form = edit_form(
        group, recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3", schedule_changes=changes
    )
    assert form.is_valid(), form.errors


def test_a_month_with_more_dates_than_a_page_shows_says_so(client, network, calendar, monkeypatch):
    monkeypatch.setattr(type(network.pages["event_index_page"]), "month_limit", 2)
    response = client.get(month_path(network, calendar["first"]), HTTP_HOST=CENTRE_HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<li class="occurrence--') == 2
    assert 'role="status"' in html
