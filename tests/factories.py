"""factory-boy factories for the network, and a two-tenant world for isolation tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale

from network.models import (
    ContactPerson,
    Funder,
    FundingLine,
    FundingProgramme,
    Indicator,
    IndicatorValue,
    Location,
    Municipality,
    OpeningHoursException,
    OpeningHoursRange,
    Organisation,
    Project,
    Region,
    TargetGroup,
    Tenant,
    Theme,
)
from network.provisioning import ensure_coordinators_group, provision_site

PASSWORD = "correct-horse-battery"


def locale(code: str = "sl") -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


class LocaleMixin(DjangoModelFactory):
    locale = factory.LazyFunction(locale)

    class Meta:
        abstract = True


class RegionFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Regija {n}")
    slug = factory.Sequence(lambda n: f"regija-{n}")
    country = "SI"

    class Meta:
        model = Region


class MunicipalityFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Občina {n}")
    slug = factory.Sequence(lambda n: f"obcina-{n}")
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = Municipality


class OrganisationFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Zavod {n}")
    slug = factory.Sequence(lambda n: f"zavod-{n}")
    kind = "ngo"

    class Meta:
        model = Organisation


class LocationFactory(LocaleMixin):
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Pisarna {n}")
    slug = factory.Sequence(lambda n: f"pisarna-{n}")
    street_address = "Ljubljanska cesta 3"

    class Meta:
        model = Location


class OpeningHoursRangeFactory(DjangoModelFactory):
    location = factory.SubFactory(LocationFactory)
    weekday = 0
    opens = time(7)
    closes = time(18)

    class Meta:
        model = OpeningHoursRange


class ContactPersonFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Oseba {n}")
    role = "koordinatorka"
    organisation = factory.SubFactory(OrganisationFactory)
    consent_to_publish = True

    class Meta:
        model = ContactPerson


class FunderFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Funder {n}")
    slug = factory.Sequence(lambda n: f"funder-{n}")
    kind = "national"

    class Meta:
        model = Funder


class FundingProgrammeFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Operativni program {n}")
    period = "2014-2020"
    fund = "ESF"

    class Meta:
        model = FundingProgramme


class ProjectFactory(LocaleMixin):
    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    owner = factory.SubFactory(OrganisationFactory)
    total_value = Decimal("875000.00")
    planned_start = date(2017, 1, 1)
    planned_end = date(2021, 12, 31)

    class Meta:
        model = Project


class FundingLineFactory(DjangoModelFactory):
    project = factory.SubFactory(ProjectFactory)
    funder = factory.SubFactory(FunderFactory)
    amount = Decimal("575000.00")

    class Meta:
        model = FundingLine


class IndicatorFactory(DjangoModelFactory):
    project = factory.SubFactory(ProjectFactory)
    name = "Vključeni uporabniki"
    unit = "oseb"
    kind = "output"
    target = Decimal("80")

    class Meta:
        model = Indicator


class IndicatorValueFactory(DjangoModelFactory):
    indicator = factory.SubFactory(IndicatorFactory)
    period_start = date(2018, 1, 1)
    period_end = date(2018, 12, 31)
    achieved = Decimal("35")

    class Meta:
        model = IndicatorValue


class TargetGroupFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Ciljna skupina {n}")
    slug = factory.Sequence(lambda n: f"ciljna-skupina-{n}")

    class Meta:
        model = TargetGroup


class ThemeFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Theme


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, groups, **kwargs):
        if groups:
            self.groups.add(*groups)
        self.save()


@dataclass
class TenantWorld:
    """Two centres, A and B, and one user for each role of the isolation matrix."""

    a: Tenant
    b: Tenant
    organisation_a: Organisation
    organisation_b: Organisation
    users: dict


def provision_centre(site_name: str, hostname: str, /, **organisation_fields) -> Tenant:
    # Positional-only, so the organisation's own ``name`` can be passed as a keyword.
    organisation = OrganisationFactory(**organisation_fields)
    return provision_site(name=site_name, hostname=hostname, organisation=organisation).tenant


def tenant_pair() -> TenantWorld:
    a = provision_centre("Centre A", "a.localhost", name="Organisation A", slug="organisation-a")
    b = provision_centre("Centre B", "b.localhost", name="Organisation B", slug="organisation-b")
    coordinators = ensure_coordinators_group()
    users = {
        "anonymous": None,
        "editor_a": UserFactory(username="editor-a", groups=[a.editors]),
        "moderator_a": UserFactory(username="moderator-a", groups=[a.moderators]),
        "editor_b": UserFactory(username="editor-b", groups=[b.editors]),
        "coordinator": UserFactory(username="coordinator", groups=[coordinators]),
        "superuser": UserFactory(username="root", is_superuser=True, is_staff=True),
    }
    return TenantWorld(
        a=a,
        b=b,
        organisation_a=Organisation.objects.get(slug="organisation-a"),
        organisation_b=Organisation.objects.get(slug="organisation-b"),
        users=users,
    )


class ImageFactory(wagtail_factories.ImageFactory):
    """An image; pass ``collection=tenant.collection`` (default: the root collection)."""

    title = factory.Sequence(lambda n: f"Slika {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small PDF document; pass ``collection=tenant.collection`` (default: the root)."""

    title = factory.Sequence(lambda n: f"Dokument {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="porocilo.pdf", data=b"%PDF-1.4 mreza\n")
    # The admin form measures uploads; factories bypass it, so measure here.
    file_size = factory.LazyAttribute(lambda document: document.file.size)


# Pages and project rows the shared blocks list or refer to (tests/blocks).


class ProjectParticipationFactory(DjangoModelFactory):
    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "partner"

    class Meta:
        model = "network.ProjectParticipation"


class StandardPageFactory(wagtail_factories.PageFactory):
    """A standard page; pass ``parent=`` (e.g. a provisioned site's root page) and ``body=``."""

    title = factory.Sequence(lambda n: f"Stran {n}")

    class Meta:
        model = "centre_sites.StandardPage"


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dogodki"

    class Meta:
        model = "centre_sites.EventIndexPage"


class ScheduledPageFactory(wagtail_factories.PageFactory):
    """A page with a schedule; ``starts_at`` (aware) and ``hours`` set its first occurrence.

    Factories save pages without publishing them, so the occurrences the publish signal
    would write are synced here.
    """

    class Params:
        starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
        hours = 2
        zone = "Europe/Ljubljana"

    start_date = factory.LazyAttribute(lambda o: local(o.starts_at, o.zone).date())
    start_time = factory.LazyAttribute(lambda o: local(o.starts_at, o.zone).time())
    end_time = factory.LazyAttribute(
        lambda o: local(o.starts_at + timedelta(hours=o.hours), o.zone).time()
    )
    end_date = factory.LazyAttribute(
        lambda o: (
            end.date()
            if (end := local(o.starts_at + timedelta(hours=o.hours), o.zone)).date()
            != local(o.starts_at, o.zone).date()
            else None
        )
    )
    time_zone = factory.LazyAttribute(lambda o: o.zone)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def occurrences(obj, create, extracted, **kwargs):
        if create:
            from sites.occurrences import sync_page

            sync_page(obj)


def local(moment, zone: str):
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(zone)).replace(microsecond=0, tzinfo=None)


class EventPageFactory(ScheduledPageFactory):
    """An event a week from now, two hours long; pass ``parent=`` an EventIndexPage."""

    title = factory.Sequence(lambda n: f"Dogodek {n}")

    class Meta:
        model = "centre_sites.EventPage"


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Programi"

    class Meta:
        model = "centre_sites.ProgrammeIndexPage"


class ProgrammePageFactory(wagtail_factories.PageFactory):
    """A programme without dates; use ScheduledProgrammePageFactory for one with a schedule."""

    title = factory.Sequence(lambda n: f"Program {n}")
    kind = "workshop"

    class Meta:
        model = "centre_sites.ProgrammePage"


class ScheduledProgrammePageFactory(ScheduledPageFactory):
    """A programme whose first session is a week from now; pass ``recurrence=`` to repeat."""

    title = factory.Sequence(lambda n: f"Program {n}")
    kind = "workshop"

    class Meta:
        model = "centre_sites.ProgrammePage"


class GoodPracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dobre prakse"

    class Meta:
        model = "centre_sites.GoodPracticeIndexPage"


class GoodPracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dobra praksa {n}")
    problem = "<p>Starejši nimajo prevoza.</p>"
    approach = "<p>Prostovoljci jih vozijo.</p>"
    results = "<p>Prevozi v 12 enotah.</p>"

    class Meta:
        model = "centre_sites.GoodPracticePage"


# Page factories of centre sites and the hub; pass ``parent=`` (a home or index page).


class OpeningHoursExceptionFactory(DjangoModelFactory):
    location = factory.SubFactory(LocationFactory)
    date = date(2026, 12, 25)
    closed = True
    note = "Božič"

    class Meta:
        model = OpeningHoursException


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projekti"

    class Meta:
        model = "centre_sites.ProjectIndexPage"


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Projektna stran {n}")
    project = factory.SubFactory(ProjectFactory)

    class Meta:
        model = "centre_sites.ProjectPage"


class SocialActivationProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Program socialne aktivacije {n}")
    duration_months = 11
    capacity = 20
    age_limit = 49

    class Meta:
        model = "centre_sites.SocialActivationProgrammePage"


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Novice"

    class Meta:
        model = "centre_sites.NewsIndexPage"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Novica {n}")
    date = date(2026, 11, 20)

    class Meta:
        model = "centre_sites.NewsArticlePage"


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Enota {n}")
    location = factory.SubFactory(LocationFactory)

    class Meta:
        model = "centre_sites.LocationPage"


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Kontakt"

    class Meta:
        model = "centre_sites.ContactPage"


class SearchPageFactory(wagtail_factories.PageFactory):
    title = "Iskanje"

    class Meta:
        model = "centre_sites.SearchPage"
