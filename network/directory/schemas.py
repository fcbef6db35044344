"""Query parameters and typed representations of the network directory endpoints.

Names start with ``Network`` because ninja merges every schema of the API into one
OpenAPI document by class name. Nested shapes the blocks and page fields already have
(``blocks.schemas``) are reused, so a funding line or an address has one shape in the whole
document; money and figures are decimal strings, as in the blocks.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Field, Schema

from blocks.schemas.shared import (
    AddressData,
    DecimalString,
    FundingLineData,
    ImageData,
    ParticipationData,
    ProgrammeData,
    Reference,
)
from blocks.schemas.values import IndicatorData, TimeSpan, TodayHours
from network.models.funding import FunderKind
from network.models.geography import Country
from network.models.organisations import OrganisationKind
from network.models.projects import Currency

# What filter values may look like: ids and slugs; hostnames; language codes. A pattern
# keeps NUL bytes and other junk away from the database and documents the shape. An empty
# value means the parameter was not given, as forms and URL builders often send them.
ID_OR_SLUG = r"^[A-Za-z0-9_-]*$"
HOSTNAME_OR_ID = r"^([A-Za-z0-9._-]+(:[0-9]+)?)?$"
LANGUAGE = r"^([A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?)?$"


def id_or_slug(description: str) -> object:
    return Field(None, max_length=120, pattern=ID_OR_SLUG, description=description)


class NetworkFilters(Schema):
    """``site`` and ``locale``, accepted by every directory endpoint."""

    site: str | None = Field(
        None,
        max_length=255,
        pattern=HOSTNAME_OR_ID,
        description=(
            "Whose content to list: a site's hostname (optionally `hostname:port`) or id, or "
            "`all` for the whole network. Defaults to the site of the request's host. A site "
            "lists what its organisation keeps and what its live public pages show."
        ),
    )
    locale: str | None = Field(
        None,
        max_length=20,
        pattern=LANGUAGE,
        description=(
            "Language of the items (`sl`, `cs`, `en`…). Items without a translation fall back "
            "to the default language, else to their original (`fallback: true`). Defaults to "
            "the site's language (the request's language where the site has it)."
        ),
    )


class NetworkDetailFilters(Schema):
    """Query parameters of a detail endpoint."""

    site: str | None = Field(
        None,
        max_length=255,
        pattern=HOSTNAME_OR_ID,
        description=(
            "The site whose page of the item `url` points to, by hostname or id; defaults to "
            "the request's host. Details are not limited to one site."
        ),
    )
    locale: str | None = Field(
        None,
        max_length=20,
        pattern=LANGUAGE,
        description=(
            "Answer with the item's translation in this language (falling back as in the "
            "list); without it, the item with this id as it is."
        ),
    )


class OrganisationFilters(NetworkFilters):
    region: str | None = id_or_slug("Organisations working in this region: its id or slug.")
    kind: OrganisationKind | None = Field(None, description="Organisations of this kind.")
    project: str | None = id_or_slug(
        "Organisations that keep this project or take part in it: its id or slug."
    )


class FunderFilters(NetworkFilters):
    kind: FunderKind | None = Field(None, description="Funders of this kind.")
    project: str | None = id_or_slug("Funders of this project's funding lines: its id or slug.")


class ProjectFilters(NetworkFilters):
    region: str | None = id_or_slug(
        "Projects kept by, or with a partner from, an organisation working in this region: "
        "its id or slug."
    )
    funder: str | None = id_or_slug("Projects this funder co-finances: its id or slug.")
    target_group: str | None = id_or_slug("Projects for this target group: its id or slug.")
    theme: str | None = id_or_slug("Projects about this theme: its id or slug.")
    organisation: str | None = id_or_slug(
        "Projects this organisation keeps or takes part in: its id or slug."
    )


class LocationFilters(NetworkFilters):
    organisation: str | None = id_or_slug("Offices of this organisation: its id or slug.")
    region: str | None = id_or_slug(
        "Offices in this region (by their municipality, else their organisation's region): "
        "its id or slug."
    )


class ContactFilters(NetworkFilters):
    organisation: str | None = id_or_slug("People of this organisation: its id or slug.")
    location: str | None = id_or_slug("People working at this office: its id or slug.")
    region: str | None = id_or_slug(
        "People of organisations working in this region: its id or slug."
    )


class RegionFilters(NetworkFilters):
    country: Country | None = Field(None, description="Regions of this country.")


class NetworkSiteLink(Schema):
    """A site an item belongs to or is shown on."""

    id: int
    hostname: str
    name: str
    root_url: str = Field(..., description="The site's address, e.g. `https://socio.si`.")
    owner: bool = Field(
        ...,
        description=(
            "The item belongs to this site: the organisation that keeps it runs the site. "
            "False when the site only shows it."
        ),
    )
    url: str | None = Field(
        ...,
        description="The item's own public page on this site (full URL); null if it has none.",
    )


class NetworkItem(Schema):
    """What every directory item says: which row, language and sites."""

    id: int
    translation_key: UUID = Field(..., description="Shared by all translations of the item.")
    locale: str = Field(..., description="The language of this representation.")
    fallback: bool = Field(
        ..., description="True when the item has no translation in the requested language."
    )
    sites: list[NetworkSiteLink] = Field(
        ..., description="Sites the item belongs to (first) or is shown on."
    )
    url: str | None = Field(
        ...,
        description=(
            "The item's own public page: on the requested site if it has one there, else on "
            "the site it belongs to, else on any site; null if it has none."
        ),
    )


class NetworkOrganisation(NetworkItem):
    """An organisation of the network: a centre, partner, public body or funder's body."""

    name: str
    short_name: str
    slug: str
    kind: OrganisationKind
    kind_label: str
    description: str
    website: str
    email: str
    phone: str
    logo: ImageData | None
    region: Reference | None
    municipalities: list[Reference] = Field(..., description="Municipalities it serves.")


class NetworkFunder(NetworkItem):
    """A body that co-finances projects, with the acknowledgement it requires."""

    name: str
    slug: str
    kind: FunderKind
    kind_label: str
    website: str
    acknowledgement: str = Field(..., description="The sentence the funder requires.")
    logo: ImageData | None
    organisation: Reference | None = Field(..., description="The organisation behind it.")


class NetworkProject(NetworkItem):
    """A published project: money, partners, target groups and themes."""

    title: str
    acronym: str
    slug: str
    code: str = Field(..., description="Registration code, e.g. `CZ.03.2.65/0.0/0.0/16_047/…`.")
    owner: Reference = Field(..., description="The organisation that keeps the project.")
    programme: ProgrammeData | None
    start: date | None = Field(..., description="Actual start, else planned.")
    end: date | None = Field(..., description="Actual end, else planned.")
    total_value: DecimalString | None
    funded_amount: DecimalString = Field(..., description="Sum of the funding lines.")
    currency: Currency
    summary: str
    target_groups: list[Reference]
    themes: list[Reference]
    funding_lines: list[FundingLineData]
    participations: list[ParticipationData]


class NetworkProjectDetail(NetworkProject):
    """A project with its aims, results and indicators."""

    aims: str
    expected_results: str
    achieved_results: str
    indicators: list[IndicatorData]


class NetworkWeekday(Schema):
    """One day of the week: its time ranges and their text in the item's language."""

    weekday: int = Field(..., ge=0, le=6, description="0 is Monday.")
    name: str
    ranges: list[TimeSpan] = Field(..., description="Empty when closed all day.")
    text: str


class NetworkHoursException(Schema):
    """A dated exception: closed, or other hours, on one day."""

    date: date
    closed: bool
    ranges: list[TimeSpan]
    note: str


class NetworkOpeningHours(Schema):
    """An office's opening hours, structured (the blocks show the same as text)."""

    time_zone: str
    by_appointment: bool = Field(..., description="Visits by appointment outside these hours.")
    note: str
    summary: str = Field(..., description="E.g. `Mon–Fri 07:00–18:00; Sat, Sun closed`.")
    weekly: list[NetworkWeekday]
    exceptions: list[NetworkHoursException] = Field(
        ..., description="Coming holidays and days with other hours, soonest first."
    )
    today: TodayHours


class NetworkLocation(NetworkItem):
    """An office of an organisation: address, contact and opening hours."""

    name: str
    slug: str
    organisation: Reference
    address: AddressData
    region: Reference | None
    latitude: float | None
    longitude: float | None
    phone: str
    email: str
    accessibility_note: str
    opening_hours: NetworkOpeningHours


class NetworkContact(NetworkItem):
    """A person the public may contact; only people who consented are listed."""

    name: str
    role: str
    phone: str
    email: str
    organisation: Reference | None
    location: Reference | None
    photo: ImageData | None


class NetworkRegion(NetworkItem):
    """A region and its municipalities."""

    name: str
    slug: str
    country: Country
    municipalities: list[Reference]
