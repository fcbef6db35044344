"""Demo pages of the sites: what each site publishes beyond its home page's text.

Each module gives a ``build(ctx)`` returning the home page's section pages and the
network blocks appended to the home page's body.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Model
from django.utils import timezone

from network.demo.pages import PageData
from network.demo.reference import Reference
from network.demo.specs import SiteData
from network.demo.upsert import Tally
from network.models import ContactPerson, Location, Organisation, Project, TargetGroup, Theme


@dataclass
class DemoContext:
    """The loaded rows a site's pages and blocks point at."""

    spec: SiteData
    reference: Reference
    organisation: Organisation
    collection: Model
    tally: Tally
    today: date

    @property
    def locale(self) -> str:
        return self.spec.locale

    def org(self, slug: str) -> Organisation:
        return self.reference.organisations[slug]

    def project(self, slug: str = "") -> Project:
        slug = slug or self.spec.projects[0].slug
        return Project.objects.get(slug=slug, locale=self.reference.locale(self.locale))

    def location(self, slug: str = "") -> Location:
        slug = slug or self.spec.locations[0].slug
        return Location.objects.get(
            organisation=self.organisation, slug=slug, locale=self.reference.locale(self.locale)
        )

    def locations(self) -> list[Location]:
        return [self.location(item.slug) for item in self.spec.locations]

    def contacts(self) -> list[ContactPerson]:
        return list(
            ContactPerson.objects.publishable()
            .filter(organisation=self.organisation, locale=self.reference.locale(self.locale))
            .order_by("pk")
        )

    def target_group(self, slug: str) -> TargetGroup:
        return self.reference.term(TargetGroup, self.locale, slug)

    def theme(self, slug: str) -> Theme:
        return self.reference.term(Theme, self.locale, slug)

    def at(self, days: int, hour: int = 17, minutes: int = 0) -> datetime:
        """A moment ``days`` after the load date, at local time on the site."""
        day = self.today + timedelta(days=days)
        return datetime.combine(day, time(hour, minutes), tzinfo=ZoneInfo(self.spec.time_zone))


Builder = Callable[[DemoContext], tuple[list[PageData], list[dict]]]


def load_date(time_zone: str) -> date:
    return timezone.localdate(timezone=ZoneInfo(time_zone))


def builders() -> dict[str, Builder]:
    """The content modules by hostname (imported late: they import the page models)."""
    from network.demo.content import aktivacija, hana, hub, socio

    return {
        "localhost": hub.build,
        "socio.localhost": socio.build,
        "aktivacija-nm.localhost": aktivacija.build,
        "hana.localhost": hana.build,
    }
