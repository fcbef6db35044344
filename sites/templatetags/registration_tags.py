"""The registration call to action of event and programme pages."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse
from wagtail.models import Page

from sites import registrations

register = template.Library()


@dataclass(frozen=True)
class RegistrationCallToAction:
    """What the page says about registering: places left, full, closed, and where to go."""

    availability: registrations.Availability
    url: str

    @property
    def is_open(self) -> bool:
        return self.availability.is_open

    @property
    def is_full(self) -> bool:
        return self.availability.is_full

    @property
    def places_left(self) -> int | None:
        return self.availability.places_left


@register.simple_tag
def registration_status(page: Page) -> RegistrationCallToAction | None:
    """None unless the public can register for the page here (never in previews of drafts)."""
    if not isinstance(page, Page) or page.pk is None or not page.live:
        return None
    if not registrations.takes_registrations(page) or page.get_view_restrictions().exists():
        return None
    url = reverse("registration:form", args=[page.pk])
    return RegistrationCallToAction(registrations.availability(page), url)
