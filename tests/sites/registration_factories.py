"""Factories for registration tests: activities that take registrations, and sign-ups."""

from __future__ import annotations

import secrets
from datetime import time, timedelta

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from sites.models import Registration, RegistrationStatus
from sites.registrations import CONSENT_VERSION


class RegistrationEventFactory(wagtail_factories.PageFactory):
    """A two-hour event a week from now that takes registrations for 3 places.

    Pass ``parent=`` an EventIndexPage.
    """

    title = factory.Sequence(lambda n: f"Delavnica {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    start_time = time(10)
    end_time = time(12)
    registration_required = True
    capacity = 3

    class Meta:
        model = "centre_sites.EventPage"


class RegistrationProgrammeFactory(wagtail_factories.PageFactory):
    """A programme that takes registrations; pass ``parent=`` a ProgrammeIndexPage."""

    title = factory.Sequence(lambda n: f"Skupina {n}")
    kind = "support_group"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=3))
    start_time = time(17)
    end_time = time(18, 30)
    registration_required = True
    capacity = 10

    class Meta:
        model = "centre_sites.ProgrammePage"


class RegistrationFactory(DjangoModelFactory):
    """A confirmed registration for one place; pass ``page=``."""

    name = factory.Sequence(lambda n: f"Oseba {n}")
    email = factory.Sequence(lambda n: f"oseba{n}@example.org")
    places = 1
    status = RegistrationStatus.CONFIRMED
    language = "sl"
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = CONSENT_VERSION
    cancel_key = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    created_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(
        lambda registration: (
            registration.created_at if registration.status == RegistrationStatus.CONFIRMED else None
        )
    )

    class Meta:
        model = Registration
