"""Contact blocks: people, quick contact, opening hours, and the municipalities a centre serves."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blocks.batching import (
    PHOTO_RENDITION,
    BulkStructBlock,
    SharedSnippetChooserBlock,
    join_on_load,
    prefetch_renditions,
    present,
)
from blocks.context import context_language
from blocks.prepared import PreparedQuery, prefetch_children
from blocks.schemas.shared import AddressData, PersonData
from blocks.schemas.values import (
    ContactsValue,
    MunicipalitiesValue,
    OfficeData,
    OpeningHoursValue,
    QuickContactValue,
    TodayHours,
)
from blocks.serializers import image_data, iso, reference
from network.models import OpeningHoursException, OpeningHoursRange, Organisation

WEEKLY_HOURS = PreparedQuery(
    lambda location_ids: OpeningHoursRange.objects.filter(location_id__in=location_ids)
)
HOURS_EXCEPTIONS = PreparedQuery(
    lambda location_ids: OpeningHoursException.objects.filter(location_id__in=location_ids)
)
# An organisation's municipalities with their regions: through the many-to-many's own table,
# so one prepared query serves every organisation on the page.
SERVED_MUNICIPALITIES = PreparedQuery(
    lambda organisation_ids: Organisation.municipalities.through.objects.filter(
        organisation_id__in=organisation_ids
    ).select_related("municipality__region")
)
# Every block showing an office shows its organisation and municipality.
join_on_load("network.Location", "organisation", "municipality")


def publishable(people: list[Any]) -> list[Any]:
    """Only people who consented to publication; the others are never rendered or serialised."""
    return [person for person in present(people) if person.consent_to_publish]


def person_data(person: Any) -> PersonData:
    return {
        "id": person.pk,
        "name": person.name,
        "role": person.role,
        "phone": person.phone,
        "email": person.email,
        "organisation": reference(person.organisation),
        "photo": image_data(person.photo, PHOTO_RENDITION),
    }


def address_data(location: Any) -> AddressData:
    return {
        "street_address": location.street_address,
        "postcode": location.postcode,
        "municipality": reference(location.municipality),
    }


def hours_text(ranges: tuple, language: str) -> str:
    with translation.override(language):
        return ", ".join(item.as_text() for item in ranges) or gettext("closed")


def today_data(location: Any, language: str) -> TodayHours:
    """Today's hours in the location's own time zone, exceptions (holidays) included."""
    hours = location.opening_hours
    today = timezone.now().astimezone(hours.time_zone).date()
    ranges = hours.ranges_on(today)
    exception = hours.exceptions.get(today)
    return {
        "date": iso(today),
        "open": bool(ranges),
        "hours": [{"opens": f"{r.opens:%H:%M}", "closes": f"{r.closes:%H:%M}"} for r in ranges],
        "text": hours_text(ranges, language),
        "note": exception.note if exception else "",
        "by_appointment": hours.by_appointment,
    }


def office_data(location: Any, language: str) -> OfficeData:
    return {
        "id": location.pk,
        "name": location.name,
        "organisation": reference(location.organisation),
        "address": address_data(location),
        "phone": location.phone,
        "email": location.email,
        "today": today_data(location, language),
    }


class ContactsBlock(BulkStructBlock):
    """People the public can contact; only those who agreed to be published are shown."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    people = blocks.ListBlock(
        SharedSnippetChooserBlock("network.ContactPerson", label=_("Person")), label=_("People")
    )

    class Meta:
        icon = "user"
        template = "blocks/contacts.html"
        label = _("Contact people")
        description = _("Names, roles, phones and e-mails of people to contact")

    def prefetch(self, values: list) -> None:
        people = publishable([person for value in values for person in value["people"]])
        prefetch_related_objects(people, "organisation", "photo")
        prefetch_renditions(person.photo for person in people)

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["people"] = publishable(value["people"])
        return context

    api_schema = ContactsValue

    def api_representation(self, value: Any, context: dict | None) -> ContactsValue:
        return {
            "heading": value["heading"] or "",
            "people": [person_data(person) for person in publishable(value["people"])],
        }


class LocationBlock(BulkStructBlock):
    """Shared behaviour of blocks about one office: its rows and hours, loaded in bulk."""

    def prefetch(self, values: list) -> None:
        locations = present(value["location"] for value in values)
        # The organisation and municipality are joined on load (above); the hours are the
        # hot path of every centre's home page, so their SQL is prepared.
        prefetch_related_objects(locations, "organisation", "municipality")
        prefetch_children(locations, "weekly_hours", WEEKLY_HOURS)
        prefetch_children(locations, "hours_exceptions", HOURS_EXCEPTIONS)


class QuickContactBlock(LocationBlock):
    """One office at a glance: address, phone, e-mail and today's opening hours."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    location = SharedSnippetChooserBlock("network.Location", label=_("Office"))

    class Meta:
        icon = "mail"
        template = "blocks/quick_contact.html"
        label = _("Quick contact")
        description = _("An office's address, phone, e-mail and today's opening hours")

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        location = value["location"]
        context["office"] = location
        if location is not None:
            context["today"] = today_data(location, context_language(parent_context))
        return context

    api_schema = QuickContactValue | None

    def api_representation(self, value: Any, context: dict | None) -> QuickContactValue | None:
        if value["location"] is None:
            return None
        return {
            "heading": value["heading"] or "",
            "office": office_data(value["location"], context_language(context)),
        }


class OpeningHoursBlock(LocationBlock):
    """The weekly opening hours of an office and its coming exceptions (holidays)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    location = SharedSnippetChooserBlock("network.Location", label=_("Office"))
    show_exceptions = blocks.BooleanBlock(
        label=_("Show holidays and other exceptions"), required=False, default=True
    )

    class Meta:
        icon = "time"
        template = "blocks/opening_hours.html"
        label = _("Opening hours")
        description = _("Weekly opening hours of an office")

    @staticmethod
    def coming_exceptions(value: Any) -> list[Any]:
        location = value["location"]
        if location is None or not value["show_exceptions"]:
            return []
        hours = location.opening_hours
        today = timezone.now().astimezone(hours.time_zone).date()
        return sorted(
            (exception for day, exception in hours.exceptions.items() if day >= today),
            key=lambda exception: exception.day,
        )

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        location = value["location"]
        if location is not None:
            language = context_language(parent_context)
            context["office"] = location
            context["days"] = location.opening_hours.as_lines(language)
            context["exceptions"] = [
                (exception, hours_text(exception.ranges, language))
                for exception in self.coming_exceptions(value)
            ]
        return context

    api_schema = OpeningHoursValue | None

    def api_representation(self, value: Any, context: dict | None) -> OpeningHoursValue | None:
        location = value["location"]
        if location is None:
            return None
        language = context_language(context)
        hours = location.opening_hours
        return {
            "heading": value["heading"] or "",
            "location": reference(location),
            "summary": hours.as_text(language),
            "days": [
                {"weekday": weekday, "name": name, "hours": text}
                for weekday, (name, text) in enumerate(hours.as_lines(language))
            ],
            "by_appointment": hours.by_appointment,
            "note": hours.note,
            "exceptions": [
                {
                    "date": iso(exception.day),
                    "closed": not exception.ranges,
                    "hours": hours_text(exception.ranges, language),
                    "note": exception.note,
                }
                for exception in self.coming_exceptions(value)
            ],
        }


class MunicipalitiesBlock(BulkStructBlock):
    """The municipalities an organisation serves (or a hand-picked list), by region."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    organisation = SharedSnippetChooserBlock(
        "network.Organisation",
        label=_("Organisation"),
        required=False,
        help_text=_("Lists the municipalities this organisation serves."),
    )
    municipalities = blocks.ListBlock(
        SharedSnippetChooserBlock("network.Municipality", label=_("Municipality")),
        label=_("Other municipalities"),
        default=[],
    )

    class Meta:
        icon = "site"
        template = "blocks/municipalities.html"
        label = _("Municipalities served")
        description = _("The municipalities a centre serves, grouped by region")

    def prefetch(self, values: list) -> None:
        organisations = [
            organisation
            for organisation in present(value["organisation"] for value in values)
            if not hasattr(organisation, "served_municipalities")
        ]
        if organisations:
            served = defaultdict(list)
            for link in SERVED_MUNICIPALITIES(list({item.pk for item in organisations})):
                served[link.organisation_id].append(link.municipality)
            for organisation in organisations:
                organisation.served_municipalities = served[organisation.pk]
        chosen = present(item for value in values for item in value["municipalities"])
        prefetch_related_objects(chosen, "region")

    @staticmethod
    def municipality_list(value: Any) -> list[Any]:
        organisation = value["organisation"]
        served = []
        if organisation is not None:
            served = getattr(organisation, "served_municipalities", None)
            if served is None:
                served = list(organisation.municipalities.select_related("region"))
        unique = {item.pk: item for item in [*served, *present(value["municipalities"])]}
        return sorted(unique.values(), key=lambda item: (item.region.name, item.name))

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["municipalities"] = self.municipality_list(value)
        return context

    api_schema = MunicipalitiesValue

    def api_representation(self, value: Any, context: dict | None) -> MunicipalitiesValue:
        return {
            "heading": value["heading"] or "",
            "organisation": reference(value["organisation"]),
            "municipalities": [
                {"id": item.pk, "name": item.name, "region": reference(item.region)}
                for item in self.municipality_list(value)
            ],
        }
