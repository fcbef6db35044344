"""Shapes of the body blocks' API representations, in the order of blocks.streams.BodyBlock."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from blocks.schemas.shared import (
    AddressData,
    DecimalString,
    DocumentData,
    FunderData,
    FundingLineData,
    Heading,
    ImageData,
    IsoDate,
    IsoDateTime,
    OrganisationData,
    PageLink,
    ParticipationData,
    Percentage,
    PersonData,
    ProgrammeData,
    Reference,
    RichTextValue,
    TitledReference,
    Url,
)


class HeadingValue(TypedDict):
    text: str
    level: Literal[2, 3, 4]


class FigureValue(TypedDict):
    image: ImageData | None
    caption: str


class MediaEmbedValue(TypedDict):
    """Embedded media; the provider's fields are null when it could not be fetched."""

    url: str | None
    title: str
    caption: str
    html: str | None
    provider_name: str | None
    thumbnail_url: str | None
    width: int | None
    height: int | None


class QuoteValue(TypedDict):
    text: str
    attribution: str
    role: str


class CallToActionValue(TypedDict):
    heading: str
    text: str
    button_text: str
    url: Url | None
    page: PageLink | None


class DocumentListValue(TypedDict):
    heading: Heading
    documents: list[DocumentData]


class FAQItemValue(TypedDict):
    question: str
    answer: RichTextValue


class FAQValue(TypedDict):
    heading: Heading
    items: list[FAQItemValue]


class ProjectPeriod(TypedDict):
    start: IsoDate | None
    end: IsoDate | None


class MoneyValue(TypedDict):
    amount: DecimalString | None
    currency: str


class ProjectSummaryValue(TypedDict):
    """A project at a glance (the block is null while the project is unpublished)."""

    id: int
    title: str
    acronym: str
    code: str
    programme: ProgrammeData | None
    period: ProjectPeriod
    value: MoneyValue
    funding_lines: list[FundingLineData]
    lead: OrganisationData | None
    partners: list[ParticipationData]


class FundData(TypedDict):
    code: str
    name: str


class AcknowledgedProject(TypedDict):
    """The short description of the project that EU rules require on its website."""

    id: int
    title: str
    code: str
    summary: str
    aims: str
    expected_results: str
    achieved_results: str


class FunderLogo(TypedDict):
    funder: FunderData
    height: int


class OPZamestnanostStrip(TypedDict):
    """The Czech OP Employment logo strip, Czech in every language."""

    strip: list[str]
    ministry: str
    registration_label: str
    registration_number: str


class EUAcknowledgementValue(TypedDict):
    """The EU acknowledgement in the form the programming period requires, in the page's
    language (the block is null while the project is unpublished)."""

    mode: Literal["2021-2027", "2014-2020"]
    language: str
    statement: str
    fund: FundData | None
    emblem: ImageData
    typeface: str
    colour: str
    background: str
    project: AcknowledgedProject
    acknowledgements: list[str]
    other_logos: list[FunderLogo]
    op_zamestnanost: OPZamestnanostStrip | None


class FundersValue(TypedDict):
    heading: Heading
    funders: list[FunderData]


class PartnerData(TypedDict):
    """A partner organisation; role is null for organisations chosen by hand."""

    organisation: OrganisationData
    role: str | None
    role_label: str


class PartnersValue(TypedDict):
    heading: Heading
    project: TitledReference | None
    partners: list[PartnerData]


class IndicatorData(TypedDict):
    id: int
    name: str
    kind: str
    unit: str
    target: DecimalString
    achieved: DecimalString
    progress: Percentage


class IndicatorsValue(TypedDict):
    """A project's indicators (the block is null while the project is unpublished)."""

    heading: Heading
    project: TitledReference
    indicators: list[IndicatorData]


class ContactsValue(TypedDict):
    heading: Heading
    people: list[PersonData]


class TimeSpan(TypedDict):
    opens: Annotated[str, Field(description="HH:MM, local time")]
    closes: Annotated[str, Field(description="HH:MM, local time")]


class TodayHours(TypedDict):
    """Today's opening hours in the office's own time zone, holidays included."""

    date: IsoDate
    open: bool
    hours: list[TimeSpan]
    text: str
    note: str
    by_appointment: bool


class OfficeData(TypedDict):
    id: int
    name: str
    organisation: Reference
    address: AddressData
    phone: str
    email: str
    today: TodayHours


class QuickContactValue(TypedDict):
    heading: Heading
    office: OfficeData


class OpeningDay(TypedDict):
    weekday: Annotated[int, Field(description="0 is Monday.")]
    name: str
    hours: str


class HoursException(TypedDict):
    date: IsoDate
    closed: bool
    hours: str
    note: str


class OpeningHoursValue(TypedDict):
    heading: Heading
    location: Reference
    summary: str
    days: list[OpeningDay]
    by_appointment: bool
    note: str
    exceptions: list[HoursException]


class MunicipalityData(TypedDict):
    id: int
    name: str
    region: Reference


class MunicipalitiesValue(TypedDict):
    heading: Heading
    organisation: Reference | None
    municipalities: list[MunicipalityData]


class EventSummary(TypedDict):
    """One occurrence of an event; ``id`` is the event page's."""

    id: int
    title: str
    url: Url | None
    starts_at: IsoDateTime
    ends_at: IsoDateTime
    status: str
    note: str
    location: Reference | None
    programme: TitledReference | None


class UpcomingEventsValue(TypedDict):
    heading: Heading
    events: list[EventSummary]


class ProgrammeSummary(TypedDict):
    id: int
    title: str
    url: Url | None
    intro: str
    kind: str
    location: Reference | None


class ProgrammeListValue(TypedDict):
    heading: Heading
    programmes: list[ProgrammeSummary]


class PracticeSummary(TypedDict):
    id: int
    title: str
    url: Url | None
    intro: str
    region: Reference | None
    transferred_units: int | None


class GoodPracticesValue(TypedDict):
    heading: Heading
    practices: list[PracticeSummary]
