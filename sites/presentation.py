"""What the default templates show beyond a page's fields, loaded in bounded queries.

Each loader is memoised on the page (or the request) it is asked about, so the head of
the page (JSON-LD) and its body share one set of queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from network.models import (
    Funder,
    FundingLine,
    Indicator,
    Location,
    Organisation,
    Project,
    ProjectParticipation,
)
from network.models.organisations import OrganisationKind
from network.models.projects import ParticipationRole
from network.opening_hours import DayException, OpeningHours
from sites.navigation import memoise, site_for
from sites.publishing import is_eu_funded

# Organisations


def site_organisation(
    request: HttpRequest | None, *, language_code: str = ""
) -> Organisation | None:
    """The organisation that runs the request's site, in the page's language when translated."""

    def build() -> Organisation | None:
        site = site_for(request)
        if site is None:
            return None
        return (
            Organisation.objects.filter(site=site)
            .select_related("site", "logo")
            .annotate(
                in_language=Case(
                    When(locale__language_code=language_code, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("in_language", "pk")
            .first()
        )

    if request is None:
        return build()
    return memoise(request, f"site_organisation_{language_code}", build)


def network_organisation(request: HttpRequest | None) -> Organisation | None:
    """The network's own organisation (kind "network"), preferably the one running the hub."""

    def build() -> Organisation | None:
        return (
            Organisation.objects.filter(kind=OrganisationKind.NETWORK)
            .select_related("site")
            .annotate(
                runs_a_site=Case(
                    When(site__isnull=False, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("runs_a_site", "pk")
            .first()
        )

    if request is None:
        return build()
    return memoise(request, "network_organisation", build)


def organisation_url(organisation: Organisation) -> str:
    """The organisation's own website, else the home page of the site it runs."""
    if organisation.website:
        return organisation.website
    if organisation.site_id and organisation.site is not None:
        return organisation.site.root_url + "/"
    return ""


# Projects


@dataclass(frozen=True)
class FundingShare:
    """A funder's contribution and its share of the project's total value (percent)."""

    funder: Funder
    amount: Decimal
    share: Decimal | None


@dataclass(frozen=True)
class RoleGroup:
    """The organisations taking part in a project in one role."""

    role: str
    label: str
    organisations: list[Organisation]


@dataclass(frozen=True)
class IndicatorProgress:
    """An indicator's target and what has been achieved so far."""

    indicator: Indicator
    target: Decimal
    achieved: Decimal
    percent: Decimal | None


@dataclass(frozen=True)
class ProjectOverview:
    """A published project with everything its page shows, from one set of queries."""

    project: Project
    eu_funded: bool
    acknowledgements: list[Funder]
    funding: list[FundingShare]
    funded_amount: Decimal
    partners: list[RoleGroup]
    indicators: list[IndicatorProgress]


def _percent(part: Decimal, whole: Decimal | None) -> Decimal | None:
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"))


def load_project(project_id: int) -> ProjectOverview | None:
    """The project with funding, partners and indicators; None unless it is published."""
    project = (
        Project.objects.filter(pk=project_id, live=True)
        .select_related("funding_programme", "owner")
        .prefetch_related(
            Prefetch(
                "funding_lines",
                queryset=FundingLine.objects.select_related("funder").order_by("sort_order", "pk"),
            ),
            Prefetch(
                "participations",
                queryset=ProjectParticipation.objects.select_related("organisation").order_by(
                    "sort_order", "pk"
                ),
            ),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related("values").order_by("sort_order", "pk"),
            ),
            "target_groups",
            "themes",
        )
        .first()
    )
    if project is None:
        return None
    lines = list(project.funding_lines.all())
    funding = [
        FundingShare(
            funder=line.funder,
            amount=line.amount,
            share=_percent(line.amount, project.total_value),
        )
        for line in lines
    ]
    by_role: dict[str, list[Organisation]] = {}
    for participation in project.participations.all():
        by_role.setdefault(participation.role, []).append(participation.organisation)
    partners = [
        RoleGroup(role=role.value, label=str(role.label), organisations=by_role[role.value])
        for role in ParticipationRole
        if role.value in by_role
    ]
    indicators = []
    for indicator in project.indicators.all():
        achieved = sum((value.achieved for value in indicator.values.all()), Decimal(0))
        indicators.append(
            IndicatorProgress(
                indicator=indicator,
                target=indicator.target,
                achieved=achieved,
                percent=_percent(achieved, indicator.target),
            )
        )
    acknowledgements = []
    for share in funding:
        if share.funder.acknowledgement and share.funder not in acknowledgements:
            acknowledgements.append(share.funder)
    return ProjectOverview(
        project=project,
        eu_funded=is_eu_funded(project),
        acknowledgements=acknowledgements,
        funding=funding,
        funded_amount=sum((line.amount for line in lines), Decimal(0)),
        partners=partners,
        indicators=indicators,
    )


def project_overview(page: Page) -> ProjectOverview | None:
    """The overview of the project a page presents (``page.project_id``), memoised on the page."""
    project_id = getattr(page, "project_id", None)
    if project_id is None:
        return None
    return memoise(page, "project_overview", lambda: load_project(project_id))


# Events and programmes


def upcoming_occurrences(page: Page, *, limit: int = 20) -> list:
    """Upcoming dates of an event (its own) or of a programme (its sessions and its events)."""
    from sites.models import EventPage, Occurrence

    def build() -> list:
        queryset = Occurrence.objects.filter(end__gt=timezone.now())
        if isinstance(page, EventPage):
            queryset = queryset.filter(entry_id=page.pk)
        else:
            queryset = queryset.filter(entry__programme_id=page.pk)
        return list(
            queryset.select_related("entry", "entry__page", "entry__location").order_by(
                "start", "end", "pk"
            )[:limit]
        )

    if page.pk is None:
        return []
    return memoise(page, "upcoming_occurrences", build)


def occurrences_at_location(page: Page, location_id: int, *, limit: int = 10) -> list:
    """Upcoming dates at a location, of the site ``page`` belongs to."""
    from sites.occurrences import upcoming

    site = page.get_site()
    if site is None:
        return []
    return list(upcoming(limit, site=site, location=location_id))


@dataclass(frozen=True)
class ScheduleSummary:
    """A schedule as the public reads it: the first date and times, and how it repeats."""

    first_start: datetime
    first_end: datetime
    rule_text: str
    until: date | None
    skips_public_holidays: bool
    is_recurring: bool

    @property
    def is_multi_day(self) -> bool:
        return self.first_start.date() != self.first_end.date()


def schedule_summary(page: Page) -> ScheduleSummary | None:
    schedule = memoise(page, "schedule", page.get_schedule) if page.pk else page.get_schedule()
    if schedule is None:
        return None
    from sites.schedules import aware

    return ScheduleSummary(
        first_start=aware(schedule.first_start, schedule.zone),
        first_end=aware(schedule.first_start + schedule.duration, schedule.zone),
        rule_text=schedule.rule.to_text() if schedule.rule else "",
        until=schedule.until_date,
        skips_public_holidays=bool(schedule.holiday_country),
        is_recurring=schedule.is_recurring,
    )


def location_zone(location: Location | None) -> ZoneInfo:
    """The time zone events and hours at a location are shown in."""
    if location is not None and location.time_zone:
        return ZoneInfo(location.time_zone)
    return ZoneInfo(timezone.get_default_timezone_name())


def at_location(moment: datetime | None, location: Location | None) -> datetime | None:
    """``moment`` in the location's local time (aware, with its offset), to the second."""
    if moment is None:
        return None
    return timezone.localtime(moment, location_zone(location)).replace(microsecond=0)


# Locations and opening hours


def address_lines(location: Location) -> list[str]:
    """The non-empty parts of an address: street, then postcode and municipality."""
    municipality = location.municipality.name if location.municipality_id else ""
    town = " ".join(part for part in (location.postcode.strip(), municipality) if part)
    return [part for part in (location.street_address.strip(), town) if part]


@dataclass(frozen=True)
class TodayHours:
    """Opening hours on one day, with the exception that changes them, if any."""

    day: date
    text: str
    is_open: bool
    note: str
    is_exception: bool


def local_today(location: Location, *, now: datetime | None = None) -> date:
    """Today's date where the location is."""
    return timezone.localtime(now or timezone.now(), location_zone(location)).date()


def hours_today(location: Location, *, now: datetime | None = None) -> TodayHours:
    """The location's hours today, in its own time zone."""
    hours: OpeningHours = location.opening_hours
    today = local_today(location, now=now)
    ranges = hours.ranges_on(today)
    exception = hours.exceptions.get(today)
    return TodayHours(
        day=today,
        text=", ".join(time_range.as_text() for time_range in ranges) or _("closed"),
        is_open=bool(ranges),
        note=exception.note if exception else "",
        is_exception=exception is not None,
    )


def upcoming_exceptions(
    location: Location, *, now: datetime | None = None, limit: int = 10
) -> list[DayException]:
    """Dated changes to the location's hours from today on, soonest first."""
    today = local_today(location, now=now)
    exceptions = location.opening_hours.exceptions
    return [exceptions[day] for day in sorted(exceptions) if day >= today][:limit]
