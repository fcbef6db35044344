"""Plain data shapes the demo modules fill in and the loader turns into rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# Weekdays as stored by OpeningHoursRange (0 = Monday).
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WORKDAYS = (MON, TUE, WED, THU, FRI)
EVERY_DAY = (*WORKDAYS, SAT, SUN)


def heading(text: str, level: str = "h2") -> dict:
    """A heading block of blocks.streams.BodyBlock, in StreamField's raw form."""
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*html: str) -> dict:
    """A paragraph (rich text) block; pass already formatted <p>/<ul> fragments."""
    return {"type": "paragraph", "value": "".join(html)}


def p(text: str) -> str:
    return f"<p>{text}</p>"


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def hours(days: tuple[int, ...], opens: str, closes: str) -> tuple[tuple[int, str, str], ...]:
    """Weekly ranges with the same times on each of ``days``."""
    return tuple((day, opens, closes) for day in days)


@dataclass(frozen=True)
class TermData:
    """A target group or theme."""

    slug: str
    name: str
    description: str = ""
    locale: str = "sl"


@dataclass(frozen=True)
class OrganisationData:
    """An organisation; region by slug, municipalities by name (both in the same locale)."""

    slug: str
    name: str
    kind: str
    short_name: str = ""
    description: str = ""
    region: str = ""
    municipalities: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    website: str = ""
    locale: str = "sl"


@dataclass(frozen=True)
class FunderData:
    """A funder; ``translation_of`` names the slug of the funder this one translates."""

    slug: str
    name: str
    kind: str
    acknowledgement: str
    organisation: str = ""
    website: str = ""
    locale: str = "sl"
    translation_of: str = ""


@dataclass(frozen=True)
class ProgrammeData:
    """A funding programme; its name is its natural key within a locale."""

    name: str
    period: str
    fund: str
    code: str = ""
    managing_authority: str = ""
    locale: str = "sl"


@dataclass(frozen=True)
class HoursException:
    """A dated exception to the weekly hours (closed unless times are given)."""

    day: date
    note: str
    opens: str = ""
    closes: str = ""


@dataclass(frozen=True)
class LocationData:
    """An office or branch of the site's organisation, with its opening hours."""

    slug: str
    name: str
    municipality: str = ""
    street_address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    weekly: tuple[tuple[int, str, str], ...] = ()
    by_appointment: bool = False
    hours_note: str = ""
    exceptions: tuple[HoursException, ...] = ()
    accessibility_note: str = ""


@dataclass(frozen=True)
class ContactData:
    """A contact person of the site's organisation."""

    name: str
    role: str
    phone: str = ""
    email: str = ""
    consent_to_publish: bool = True


@dataclass(frozen=True)
class IndicatorValueData:
    """One reporting period of an indicator."""

    period_start: date
    period_end: date
    achieved: Decimal
    source: str = ""


@dataclass(frozen=True)
class IndicatorData:
    """A project indicator; its name is its key within the project."""

    name: str
    unit: str
    kind: str
    target: Decimal
    values: tuple[IndicatorValueData, ...] = ()


@dataclass(frozen=True)
class ProjectData:
    """A project maintained by the site's organisation.

    ``funding`` holds (funder slug, amount); ``participations`` (organisation slug, role).
    """

    slug: str
    title: str
    acronym: str = ""
    registration_code: str = ""
    funding_programme: str = ""
    planned_start: date | None = None
    planned_end: date | None = None
    summary: str = ""
    aims: str = ""
    expected_results: str = ""
    total_value: Decimal | None = None
    currency: str = "EUR"
    funding: tuple[tuple[str, Decimal], ...] = ()
    participations: tuple[tuple[str, str], ...] = ()
    target_groups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    indicators: tuple[IndicatorData, ...] = ()


@dataclass(frozen=True)
class PageTextData:
    """A page's text in another language.

    ``body`` replaces the source page's heading and paragraph blocks; its other blocks
    (projects, indicators, listings, the EU acknowledgement) are kept as they are.
    """

    title: str
    intro: str = ""
    slug: str = ""
    body: tuple[dict, ...] = ()


@dataclass(frozen=True)
class SiteTranslationData:
    """A site's pages in another of its languages: the home page and its first project page."""

    language: str
    home: PageTextData
    projects: PageTextData | None = None
    project: PageTextData | None = None


@dataclass(frozen=True)
class SiteData:
    """One site of the demo network and everything its organisation publishes on it.

    ``user_prefix`` names the demo editor and moderator (``<prefix>-urednik``,
    ``<prefix>-moderator``); the hub has none, coordinators edit it. ``languages`` are the
    languages the site publishes in besides ``locale``; ``translations`` its translated pages.
    """

    hostname: str
    name: str
    organisation: str
    intro: str
    body: tuple[dict, ...]
    kind: str = "centre"
    locale: str = "sl"
    time_zone: str = "Europe/Ljubljana"
    user_prefix: str = ""
    branding: dict = field(default_factory=dict)
    locations: tuple[LocationData, ...] = ()
    contacts: tuple[ContactData, ...] = ()
    projects: tuple[ProjectData, ...] = ()
    languages: tuple[str, ...] = ()
    translations: tuple[SiteTranslationData, ...] = ()
