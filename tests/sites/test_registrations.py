"""Registration for events and programmes: the form, the waitlist, e-mails, cancelling, purging."""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from recurrence import deserialize
from wagtail.models import Locale, PageViewRestriction

from network.checks import check_mreza_settings
from sites import registrations
from sites.models import Registration, RegistrationStatus
from sites.models.occurrences import CalendarEntry, Occurrence
from sites.occurrences import sync_page
from tests.factories import EventIndexPageFactory, ProgrammeIndexPageFactory, StandardPageFactory
from tests.i18n import translated, translated_plural
from tests.sites.html_audit import Audit
from tests.sites.registration_factories import (
    RegistrationEventFactory,
    RegistrationFactory,
    RegistrationProgrammeFactory,
)

pytestmark = pytest.mark.django_db

HOST = "a.localhost"
CANCEL_LINK = re.compile(r"http://a\.localhost(/registration/cancel/\S+/)")


@pytest.fixture
def centre(tenants):
    home = tenants.a.site.root_page.specific
    events = EventIndexPageFactory(parent=home)
    return SimpleNamespace(
        tenants=tenants, home=home, events=events, event=RegistrationEventFactory(parent=events)
    )


def form_url(page) -> str:
    return reverse("registration:form", args=[page.pk])


def answers(**overrides) -> dict:
    return {
        "name": "Ana Novak",
        "email": "ana@example.org",
        "phone": "",
        "places": "1",
        "consent": "on",
        **overrides,
    }


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """POST the form as the public does; e-mails sent on commit land in mail.outbox."""

    def post(page, host: str = HOST, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(form_url(page), answers(**overrides), HTTP_HOST=host)

    return post


def language_of(page) -> str:
    """The registration pages and e-mails speak the page's language."""
    return page.locale.language_code


def places_left(page, count: int) -> str:
    return translated_plural(
        "%(counter)s place left.",
        "%(counter)s places left.",
        count,
        language=language_of(page),
        counter=count,
    )


def cancel_path(message) -> str:
    match = CANCEL_LINK.search(message.body)
    assert match, message.body
    return match.group(1)


# -- the form -------------------------------------------------------------------------------


def test_form_is_accessible_and_states_purpose_and_retention(client, centre):
    response = client.get(form_url(centre.event), HTTP_HOST=HOST)

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    audit = Audit(html)
    assert audit.problems() == []
    assert audit.html_lang == "sl"
    page_language = language_of(centre.event)
    heading = translated("Register for %(title)s", language=page_language, title=centre.event.title)
    assert audit.headings[0] == (1, heading)
    assert "csrfmiddlewaretoken" in html
    assert places_left(centre.event, 3) in html
    site = centre.tenants.a.site
    consent = translated(
        "I agree that %(site)s keeps my name, e-mail address and phone number to manage "
        "my registration and to tell me about changes to this activity. They are deleted "
        "%(days)s days after it ends; I can cancel at any time with the link in the "
        "confirmation e-mail.",
        language=page_language,
        site=site.site_name or site.hostname,
        days=30,
    )
    assert escape(consent) in html
    assert 'aria-describedby="id_email_helptext"' in html


def test_signing_up_confirms_a_place_and_emails_a_working_cancellation_link(
    client, centre, sign_up
):
    response = sign_up(centre.event, places="2", phone="030 715 685")

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert (registration.places, registration.phone) == (2, "+386 30 715 685")
    assert registration.language == "sl"
    assert registration.consent_version == registrations.CONSENT_VERSION
    assert registration.consent_given_at is not None
    title, page_language = centre.event.title, language_of(centre.event)
    outcome = client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert translated("You are registered", language=page_language) in outcome
    assert (
        translated_plural(
            "You have %(counter)s place for %(title)s.",
            "You have %(counter)s places for %(title)s.",
            2,
            language=page_language,
            counter=2,
            title=escape(title),
        )
        in outcome
    )

    # The e-mail and the cancellation pages speak the language the person signed up in.
    signed_up_in = registration.language
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    subject = translated("You are registered: %(title)s", language=signed_up_in, title=title)
    assert message.subject == subject
    assert translated("Hello %(name)s,", language=signed_up_in, name="Ana Novak") in message.body
    assert centre.event.get_full_url() in message.body
    path = cancel_path(message)

    confirm = client.get(path, HTTP_HOST=HOST)
    assert confirm.status_code == 200
    assert translated("Cancel my registration", language=signed_up_in) in confirm.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED

    cancelled = client.post(path, HTTP_HOST=HOST)
    assert cancelled.status_code == 200
    no_longer = translated(
        "You are no longer registered for %(title)s. Thank you for letting us know: your places "
        "go to people on the waitlist.",
        language=signed_up_in,
        title=escape(title),
    )
    assert no_longer in cancelled.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.cancelled_at is not None

    again = client.post(path, HTTP_HOST=HOST)
    assert again.status_code == 200
    already = translated(
        "This registration for %(title)s was already cancelled. There is nothing more to do.",
        language=signed_up_in,
        title=escape(title),
    )
    assert already in again.content.decode()
    registration.refresh_from_db()
    assert registration.cancelled_at is not None


def at_most_places(language: str) -> str:
    return translated_plural(
        "You can book at most %(count)s place.",
        "You can book at most %(count)s places.",
        3,
        language=language,
        count=3,
    )


# Each message is a function of the language it is shown in.
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        pytest.param(
            {"consent": ""},
            "consent",
            lambda language: translated(
                "Tick the box to agree to how we use your details, or we cannot register you.",
                language=language,
            ),
            id="consent-missing",
        ),
        pytest.param(
            {"email": "ana@"},
            "email",
            lambda language: translated(
                "Enter an e-mail address in the form name@example.org.", language=language
            ),
            id="email-malformed",
        ),
        pytest.param(
            {"email": ""},
            "email",
            lambda language: translated("Enter your e-mail address.", language=language),
            id="email-missing",
        ),
        pytest.param(
            {"name": "   "},
            "name",
            lambda language: translated("Enter your name.", language=language),
            id="name-blank",
        ),
        pytest.param({"places": "6"}, "places", at_most_places, id="places-above-maximum"),
        pytest.param({"places": "4"}, "places", at_most_places, id="places-above-capacity"),
        pytest.param(
            {"places": "0"},
            "places",
            lambda language: translated("Book at least one place.", language=language),
            id="places-zero",
        ),
        pytest.param(
            {"places": "two"},
            "places",
            lambda language: translated(
                "Enter the number of places as a whole number, e.g. 2.", language=language
            ),
            id="places-not-a-number",
        ),
        pytest.param(
            {"phone": "123"},
            "phone",
            lambda language: translated(
                "“%(value)s” is not a valid phone number. Use a full number, e.g. +386 30 715 685.",
                language=language,
                value="123",
            ),
            id="phone-invalid",
        ),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(centre, sign_up, overrides, field, message):
    response = sign_up(centre.event, **overrides)

    assert response.status_code == 400
    html = response.content.decode()
    assert escape(message(language_of(centre.event))) in html
    # The summary links to the field, which points at its error.
    assert f'<a href="#id_{field}">' in html
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'<[^>]*aria-invalid="true"[^>]*id="id_{field}"', html) or re.search(
        rf'<[^>]*id="id_{field}"[^>]*aria-invalid="true"', html
    )
    assert Audit(html).problems() == []
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_the_service_refuses_what_the_form_would(centre):
    data = {"name": "Ana", "email": "ana@example.org", "places": 9, "consent": True}
    with pytest.raises(registrations.RegistrationError) as error:
        registrations.register(centre.event, data)
    assert error.value.field == "places"
    with pytest.raises(registrations.RegistrationError) as error:
        registrations.register(centre.event, {**data, "places": 1, "consent": False})
    assert error.value.field == "consent"
    assert not Registration.objects.exists()


def test_an_address_registers_once_per_activity(centre, sign_up):
    sign_up(centre.event)
    response = sign_up(centre.event, email="ANA@example.org", name="Ana again")

    assert response.status_code == 400
    already = translated(
        "This e-mail address is already registered for this activity. The confirmation "
        "e-mail has a link to cancel it.",
        language=language_of(centre.event),
    )
    assert escape(already) in response.content.decode()
    assert Registration.objects.count() == 1


def test_programmes_take_registrations_too(centre, sign_up):
    programmes = ProgrammeIndexPageFactory(parent=centre.home)
    programme = RegistrationProgrammeFactory(parent=programmes)

    assert sign_up(programme).status_code == 302
    assert Registration.objects.get().page_id == programme.pk


# -- places and the waitlist -------------------------------------------------------------


def test_a_full_activity_puts_people_on_the_waitlist(client, centre, sign_up):
    RegistrationFactory(page=centre.event, places=3)

    page_language = language_of(centre.event)
    form = client.get(form_url(centre.event), HTTP_HOST=HOST).content.decode()
    notice = translated(
        "All places are taken, so you will join the waitlist. When someone cancels, their "
        "places go to the waitlist in the order people registered, and we tell you by e-mail.",
        language=page_language,
    )
    assert notice in form
    assert translated("Join the waitlist", language=page_language) in form

    response = sign_up(centre.event)
    assert response.status_code == 302
    registration = Registration.objects.get(email="ana@example.org")
    assert registration.status == RegistrationStatus.WAITLISTED
    assert registration.confirmed_at is None
    outcome = client.get(response["Location"], HTTP_HOST=HOST)
    assert translated("You are on the waitlist", language=page_language) in (
        outcome.content.decode()
    )
    (message,) = mail.outbox
    assert message.subject == translated(
        "You are on the waitlist: %(title)s", language=page_language, title=centre.event.title
    )
    assert cancel_path(message)


def test_cancelling_moves_up_the_earliest_waitlisted_that_fit(
    centre, django_capture_on_commit_callbacks
):
    event = centre.event  # 3 places
    first = RegistrationFactory(page=event, places=2)
    second = RegistrationFactory(page=event, places=1)
    group = RegistrationFactory(page=event, places=2, status=RegistrationStatus.WAITLISTED)
    single = RegistrationFactory(page=event, places=1, status=RegistrationStatus.WAITLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        result = registrations.cancel(registrations.cancellation_token(second))

    # One place is free: the group of two does not fit, the single person after it does.
    assert [r.pk for r in result.promoted] == [single.pk]
    single.refresh_from_db()
    group.refresh_from_db()
    assert (single.status, group.status) == ("confirmed", "waitlisted")
    assert single.confirmed_at is not None
    (message,) = mail.outbox
    assert message.to == [single.email]
    # In the language the person signed up in.
    assert message.subject == translated(
        "A place is free for you: %(title)s", language=single.language, title=event.title
    )
    assert cancel_path(message)

    with django_capture_on_commit_callbacks(execute=True):
        result = registrations.cancel(registrations.cancellation_token(first))
    assert [r.pk for r in result.promoted] == [group.pk]
    assert Registration.objects.filter(page=event).confirmed_places() == 3


def test_cancelling_a_waitlisted_registration_promotes_nobody(centre):
    RegistrationFactory(page=centre.event, places=3)
    waiting = RegistrationFactory(page=centre.event, status=RegistrationStatus.WAITLISTED)
    later = RegistrationFactory(page=centre.event, status=RegistrationStatus.WAITLISTED)

    result = registrations.cancel(registrations.cancellation_token(waiting))

    assert result.promoted == []
    later.refresh_from_db()
    assert later.status == RegistrationStatus.WAITLISTED


def test_places_are_never_oversold(centre):
    event = centre.event
    event.capacity = 7
    event.save()
    for number, places in enumerate([3, 2, 3, 1, 2, 1, 5, 1]):
        data = {"name": f"P{number}", "email": f"p{number}@example.org", "places": places}
        registrations.register(event, {**data, "consent": True})

    queryset = Registration.objects.filter(page=event)
    assert queryset.confirmed_places() == 7
    # 3+2 fit, 3 waits, 1 fits, 2 waits, 1 fits (7), the rest wait.
    assert list(queryset.values_list("status", flat=True)) == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "confirmed",
        "waitlisted",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]


def test_translations_share_the_places(centre, sign_up):
    english_locale = Locale.objects.get_or_create(language_code="en")[0]
    english = centre.event.copy_for_translation(english_locale, copy_parents=True)
    english.save_revision().publish()
    RegistrationFactory(page=centre.event, places=3)

    response = sign_up(english, email="john@example.org")

    assert response.status_code == 302
    registration = Registration.objects.get(email="john@example.org")
    assert (registration.status, registration.language) == ("waitlisted", "en")


def test_publishing_a_higher_capacity_moves_the_waitlist_up(centre):
    RegistrationFactory(page=centre.event, places=3)
    waiting = RegistrationFactory(page=centre.event, places=2, status="waitlisted")
    centre.event.capacity = 5
    # Publishing by any path (here: a scheduled or workflow publish, no request).
    centre.event.save_revision().publish()

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert registrations.promote_waitlist(centre.event) == []


# -- who may register where ---------------------------------------------------------------


def not_registrable(centre) -> dict:
    event = centre.event
    home_b = centre.tenants.b.site.root_page.specific
    draft = RegistrationEventFactory(parent=centre.events, live=False)
    private = RegistrationEventFactory(parent=centre.events)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {
        "draft": (draft, HOST),
        "private": (private, HOST),
        "without registration": (
            RegistrationEventFactory(parent=centre.events, registration_required=False),
            HOST,
        ),
        "not an activity": (StandardPageFactory(parent=centre.home), HOST),
        "another centre's host": (event, "b.localhost"),
        "B's page on A's host": (
            RegistrationEventFactory(parent=EventIndexPageFactory(parent=home_b)),
            HOST,
        ),
    }


def test_pages_that_take_no_registrations_here_answer_404(client, centre, sign_up):
    for name, (page, host) in not_registrable(centre).items():
        assert client.get(form_url(page), HTTP_HOST=host).status_code == 404, name
        assert sign_up(page, host=host).status_code == 404, name
    assert client.get("/registration/999999/", HTTP_HOST=HOST).status_code == 404
    assert not Registration.objects.exists()


def test_registration_closes_when_the_activity_has_ended(client, centre, sign_up):
    past = RegistrationEventFactory(
        parent=centre.events, start_date=timezone.localdate() - timedelta(days=2)
    )

    response = client.get(form_url(past), HTTP_HOST=HOST)
    assert response.status_code == 200
    closed = translated("Registration for this activity has closed.", language=language_of(past))
    assert closed in response.content.decode()
    assert sign_up(past).status_code == 200
    assert not Registration.objects.exists()


def test_unknown_or_forged_cancellation_links_answer_404(client, centre):
    registration = RegistrationFactory(page=centre.event)
    token = registrations.cancellation_token(registration)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    for bad in ("nonsense", forged, registration.cancel_key):
        path = reverse("registration:cancel", args=[bad])
        assert client.get(path, HTTP_HOST=HOST).status_code == 404
        assert client.post(path, HTTP_HOST=HOST).status_code == 404
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


# -- the call to action on the page -------------------------------------------------------


def render_cta(page) -> str:
    """The call to action as the page shows it, in the page's language."""
    with translation.override(language_of(page)):
        return render_to_string("centre_sites/includes/registration_cta.html", {"item": page})


def test_call_to_action_shows_places_left_and_the_form(centre):
    html = render_cta(centre.event)
    assert places_left(centre.event, 3) in html
    assert f'href="{form_url(centre.event)}"' in html

    RegistrationFactory(page=centre.event, places=3)
    html = render_cta(centre.event)
    assert translated("Join the waitlist", language=language_of(centre.event)) in html


def test_event_and_programme_pages_invite_people_to_register(client, centre):
    programme = RegistrationProgrammeFactory(parent=ProgrammeIndexPageFactory(parent=centre.home))
    for page in (centre.event, programme):
        response = client.get(page.get_url_parts()[2], HTTP_HOST=HOST)
        assert response.status_code == 200
        assert f'href="{form_url(page)}"' in response.content.decode()


def test_call_to_action_is_absent_where_nobody_can_register(centre):
    for page, _host in list(not_registrable(centre).values())[:3]:
        html = render_to_string("centre_sites/includes/registration_cta.html", {"item": page})
        assert html.strip() == ""


# -- retention -----------------------------------------------------------------------------


def test_registrations_are_deleted_after_the_retention_period(centre):
    today = timezone.localdate()
    old = RegistrationEventFactory(parent=centre.events, start_date=today - timedelta(days=31))
    recent = RegistrationEventFactory(parent=centre.events, start_date=today - timedelta(days=29))
    endless = RegistrationEventFactory(
        parent=centre.events,
        start_date=today - timedelta(days=400),
        recurrence=deserialize("RRULE:FREQ=WEEKLY"),
    )
    finished = RegistrationEventFactory(
        parent=centre.events,
        start_date=today - timedelta(days=100),
        recurrence=deserialize(
            f"RRULE:FREQ=WEEKLY;UNTIL={today - timedelta(days=35):%Y%m%d}T235959Z"
        ),
    )
    for page in (old, recent, endless, finished, centre.event):
        RegistrationFactory(page=page)

    assert registrations.purge_expired() == 2

    assert set(Registration.objects.values_list("page_id", flat=True)) == {
        recent.pk,
        endless.pk,
        centre.event.pk,
    }


def test_the_occurrence_table_says_when_a_live_activity_ended(centre, settings):
    settings.MREZA = {**settings.MREZA, "REGISTRATION_RETENTION_DAYS": 0}
    event = RegistrationEventFactory(
        parent=centre.events, start_date=timezone.localdate() - timedelta(days=3)
    )
    RegistrationFactory(page=event)
    sync_page(event)
    assert Occurrence.objects.filter(entry__page=event).exists()
    # A later occurrence in the table (e.g. a date moved on) keeps the registrations.
    Occurrence.objects.filter(entry=CalendarEntry.objects.get(page=event)).update(
        end=timezone.now() + timedelta(hours=1)
    )

    assert registrations.purge_expired() == 0
    assert registrations.purge_expired(now=timezone.now() + timedelta(hours=2)) == 1


def test_purge_command_reports_what_it_deleted(centre, capsys):
    past = RegistrationEventFactory(
        parent=centre.events, start_date=timezone.localdate() - timedelta(days=60)
    )
    RegistrationFactory(page=past)

    call_command("purge_registrations")

    assert "Deleted 1 registration(s)" in capsys.readouterr().out
    assert not Registration.objects.exists()


def test_retention_setting_is_checked(settings):
    settings.MREZA = {**settings.MREZA, "REGISTRATION_RETENTION_DAYS": -1}
    assert [error.id for error in check_mreza_settings(None)] == ["mreza.E005"]
    settings.MREZA = {
        key: value for key, value in settings.MREZA.items() if key != "REGISTRATION_RETENTION_DAYS"
    }
    assert "mreza.E002" in [error.id for error in check_mreza_settings(None)]
