"""API fields of the page types: references resolved with the shared blocks' serializers.

Each field's ``to_representation`` return type is a TypedDict, so Wagtail's API v3 schema
generator types it in the OpenAPI document instead of ``Any``.
"""

from __future__ import annotations

from rest_framework.fields import Field
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from blocks.contacts import address_data, person_data
from blocks.projects import funding_line_data, participation_data
from blocks.schemas.shared import (
    AddressData,
    DecimalString,
    FundingLineData,
    ImageData,
    IsoDate,
    IsoDateTime,
    OrganisationData,
    ParticipationData,
    PersonData,
    ProgrammeData,
    Reference,
    TitledReference,
)
from blocks.serializers import (
    decimal_string,
    image_data,
    iso,
    organisation_data,
    programme_data,
    reference,
    titled_reference,
)


class LocationData(TypedDict):
    """An office with its address and its weekly opening hours as text."""

    id: int
    name: str
    organisation: Reference
    address: AddressData
    phone: str
    email: str
    opening_hours: str
    accessibility_note: str


class ProjectData(TypedDict):
    """A network project with its funding lines and participating organisations."""

    id: int
    title: str
    acronym: str
    code: str
    programme: ProgrammeData | None
    start: IsoDate | None
    end: IsoDate | None
    total_value: DecimalString | None
    currency: str
    summary: str
    aims: str
    expected_results: str
    achieved_results: str
    funding_lines: list[FundingLineData]
    participations: list[ParticipationData]


class ReferencesField(Field):
    """A to-many relation (ParentalManyToManyField) as a list of {id, name}."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> list[Reference]:
        return [{"id": item.pk, "name": str(item)} for item in value.all()]


class ReferenceField(ReferencesField):
    """A foreign key as {id, name}; null when unset."""

    def to_representation(self, value) -> Reference:
        return {"id": value.pk, "name": str(value)}


class TransferData(TypedDict):
    """Where a good practice has been taken up, and since when."""

    organisation: Reference | None
    location: Reference | None
    region: Reference | None
    since: str | None
    note: str


class TransfersField(ReferencesField):
    """A good practice's take-ups (its ``transfers`` child relation)."""

    def to_representation(self, value) -> list[TransferData]:
        rows = value.all().select_related(
            "organisation__region", "location__municipality__region", "location__organisation"
        )
        return [
            {
                "organisation": reference(row.organisation) if row.organisation_id else None,
                "location": reference(row.location) if row.location_id else None,
                "region": reference(row.region) if row.region is not None else None,
                "since": row.since.isoformat() if row.since else None,
                "note": row.note,
            }
            for row in rows
        ]


class ImageField(Field):
    def __init__(self, spec: str = "width-800", **kwargs):
        self.spec = spec
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> ImageData | None:
        return image_data(value, self.spec)


class OrganisationField(Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> OrganisationData:
        return organisation_data(value)


class OrganisationsField(OrganisationField):
    def to_representation(self, value) -> list[OrganisationData]:
        return [organisation_data(item) for item in value.all()]


class LocationField(Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> LocationData:
        return {
            "id": value.pk,
            "name": value.name,
            "organisation": reference(value.organisation),
            "address": address_data(value),
            "phone": value.phone,
            "email": value.email,
            "opening_hours": value.opening_hours.as_text(),
            "accessibility_note": value.accessibility_note,
        }


class LocationsField(LocationField):
    def to_representation(self, value) -> list[LocationData]:
        return [LocationField.to_representation(self, item) for item in value.all()]


class PersonField(Field):
    """A contact person, or null when they have not consented to publication."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> PersonData | None:
        return person_data(value) if value.consent_to_publish else None


class PeopleField(PersonField):
    def to_representation(self, value) -> list[PersonData]:
        return [person_data(person) for person in value.all() if person.consent_to_publish]


class ProjectField(Field):
    """A network project, or null while the project itself is unpublished."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> ProjectData | None:
        if not value.live:
            return None
        return {
            "id": value.pk,
            "title": value.title,
            "acronym": value.acronym,
            "code": value.registration_code,
            "programme": programme_data(value.funding_programme),
            "start": iso(value.start),
            "end": iso(value.end),
            "total_value": decimal_string(value.total_value),
            "currency": value.currency,
            "summary": value.summary,
            "aims": value.aims,
            "expected_results": value.expected_results,
            "achieved_results": value.achieved_results,
            "funding_lines": [funding_line_data(line) for line in value.funding_lines.all()],
            "participations": [participation_data(item) for item in value.participations.all()],
        }


class OccurrenceData(TypedDict):
    """One occurrence of an event or a programme; ``original_start`` is set when moved."""

    start: IsoDateTime
    end: IsoDateTime
    status: str
    note: str
    original_start: IsoDateTime | None


class ScheduleData(TypedDict):
    """A schedule as local wall-clock times in its time zone, with its RFC 5545 rule."""

    time_zone: str
    start_date: IsoDate
    start_time: str
    end_time: str
    end_date: IsoDate | None
    rrule: str | None
    extra_dates: list[IsoDate]
    excluded_dates: list[IsoDate]
    skip_public_holidays: bool
    status: str
    status_note: str


def occurrence_data(occurrence) -> OccurrenceData:
    return {
        "start": iso(occurrence.start),
        "end": iso(occurrence.end),
        "status": occurrence.status,
        "note": occurrence.note,
        "original_start": iso(occurrence.original_start) if occurrence.original_start else None,
    }


class ScheduleField(Field):
    """A page's schedule as local wall-clock times, its zone and RFC 5545 rule (or null)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> ScheduleData | None:
        schedule = page.get_schedule()
        if schedule is None:
            return None
        return {
            "time_zone": schedule.zone.key,
            "start_date": page.start_date.isoformat(),
            "start_time": page.start_time.isoformat(timespec="minutes"),
            "end_time": page.end_time.isoformat(timespec="minutes"),
            "end_date": page.end_date.isoformat() if page.end_date else None,
            "rrule": schedule.rrule_text(),
            "extra_dates": sorted(day.isoformat() for day in schedule.extra_dates),
            "excluded_dates": sorted(day.isoformat() for day in schedule.excluded_dates),
            "skip_public_holidays": page.skip_public_holidays,
            "status": page.status,
            "status_note": page.status_note,
        }


class UpcomingOccurrencesField(Field):
    """The next occurrences of a page, from the materialised Occurrence table."""

    limit = 10

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[OccurrenceData]:
        from django.utils import timezone

        from sites.models.occurrences import Occurrence

        upcoming = Occurrence.objects.filter(entry_id=page.pk, end__gt=timezone.now())
        return [occurrence_data(item) for item in upcoming[: self.limit]]


class OccurrencePage(TypedDict):
    """The event or programme page an occurrence belongs to, with its full URL."""

    id: int
    title: str
    type: str
    url: str | None


class SiteReference(TypedDict):
    """A site of the network by id and hostname."""

    id: int
    hostname: str


class OccurrenceItem(TypedDict):
    """One row of ``/api/v3/occurrences/``: when, what, where, and on which site."""

    start: IsoDateTime
    end: IsoDateTime
    status: str
    note: str
    original_start: IsoDateTime | None
    time_zone: str
    page: OccurrencePage
    site: SiteReference | None
    location: Reference | None
    programme: TitledReference | None


def occurrence_item(occurrence, request=None) -> OccurrenceItem:
    """An occurrence for the API, its page's full URL on the page's own site."""
    entry = occurrence.entry
    page = entry.page
    return {
        **occurrence_data(occurrence),
        "time_zone": entry.time_zone,
        "page": {
            "id": page.pk,
            "title": page.title,
            "type": page.specific_class._meta.label_lower if page.specific_class else "",
            "url": page.get_full_url(request),
        },
        "site": {"id": entry.site_id, "hostname": entry.site.hostname} if entry.site else None,
        "location": reference(entry.location),
        "programme": titled_reference(entry.programme),
    }
