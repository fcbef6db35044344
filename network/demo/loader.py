"""The demo network loader: turns the data modules of network.demo into validated rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Site

from network.demo.accounts import DemoUser, ensure_demo_users
from network.demo.content import DemoContext, builders, load_date
from network.demo.pages import PageWriter
from network.demo.reference import Reference, load_reference
from network.demo.sites import SITES
from network.demo.specs import LocationData, ProjectData, SiteData
from network.demo.translations import write_site_translations
from network.demo.upsert import (
    CREATED,
    UNCHANGED,
    UPDATED,
    Children,
    DemoDataError,
    Tally,
    upsert,
)
from network.models import (
    ContactPerson,
    IndicatorValue,
    Location,
    Organisation,
    Project,
    SiteBranding,
    TargetGroup,
    Tenant,
    Theme,
)
from network.provisioning import (
    ProvisioningError,
    grant_translation_permissions,
    provision_site,
)
from network.review import ensure_network_review

WELCOME_TITLE = "Welcome to your new Wagtail site!"
# Branding a demo site gets unless its data says otherwise (the logo is left to editors).
BRANDING_DEFAULTS = {
    "primary_colour": "#1d4e89",
    "accent_colour": "#f2a900",
    "contact_email": "",
    "contact_phone": "",
    "facebook_url": "",
    "instagram_url": "",
    "youtube_url": "",
    "linkedin_url": "",
}


@dataclass(frozen=True)
class DemoSite:
    """A loaded site as the summary reports it."""

    url: str
    name: str
    kind: str
    created: bool


@dataclass
class DemoSummary:
    """What a run of the loader did."""

    port: int
    sites: list[DemoSite] = field(default_factory=list)
    users: list[DemoUser] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)
    removed_welcome_page: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.tally.total(CREATED) or self.tally.total(UPDATED))


def remove_initial_welcome_page() -> bool:
    """Delete Wagtail's untouched "Welcome" page and its localhost Site, if they are still there.

    Only a plain wagtailcore.Page at depth 2 with the initial title, no children, no
    revisions, and served by no site other than the initial localhost one is removed.
    """
    page_type = ContentType.objects.get_for_model(Page)
    removed = False
    candidates = Page.objects.filter(
        depth=2, content_type=page_type, title=WELCOME_TITLE, numchild=0, latest_revision=None
    )
    for page in candidates:
        sites = Site.objects.filter(root_page=page)
        if page.revisions.exists() or any(site.hostname != "localhost" for site in sites):
            continue
        sites.delete()
        page.delete()
        removed = True
    return removed


def _time(value: str) -> time | None:
    return time.fromisoformat(value) if value else None


def _weekly_rows(location: LocationData) -> list[dict]:
    return [
        {"weekday": day, "opens": _time(opens), "closes": _time(closes)}
        for day, opens, closes in location.weekly
    ]


def _exception_rows(location: LocationData) -> list[dict]:
    """Holidays that fall on a day the location is open; shorter hours never extend them."""
    opening = {day: (_time(opens), _time(closes)) for day, opens, closes in location.weekly}
    rows = []
    for exception in location.exceptions:
        usual = opening.get(exception.day.weekday())
        if usual is None:
            continue
        opens, closes = None, None
        if exception.opens:
            opens = max(usual[0], _time(exception.opens))
            closes = min(usual[1], _time(exception.closes))
        closed = opens is None or closes <= opens
        rows.append(
            {
                "date": exception.day,
                "closed": closed,
                "opens": None if closed else opens,
                "closes": None if closed else closes,
                "note": exception.note,
            }
        )
    return rows


class DemoLoader:
    """Loads the reference data, then every site with what its organisation publishes."""

    def __init__(self, *, port: int):
        self.summary = DemoSummary(port=port)
        self.tally = self.summary.tally
        self.reference: Reference  # loaded first thing in run()

    def run(self) -> DemoSummary:
        self.reference = load_reference(self.tally)
        self.summary.removed_welcome_page = remove_initial_welcome_page()
        tenants = [(spec, self.load_site(spec)) for spec in SITES]
        ensure_network_review()  # the hub's sections exist now
        self.summary.users = ensure_demo_users(
            [(spec.user_prefix, tenant) for spec, tenant in tenants if spec.user_prefix],
            tally=self.tally,
        )
        return self.summary

    def load_site(self, spec: SiteData) -> Tenant:
        organisation = self.reference.organisations[spec.organisation]
        port = self.summary.port
        self._move_to_port(spec, organisation)
        if spec.kind == "hub":
            other = (
                Site.objects.filter(is_default_site=True).exclude(pk=organisation.site_id).first()
            )
            if other is not None:
                raise DemoDataError(
                    f"{other.hostname}:{other.port} is already the default site; the demo hub "
                    "on localhost must be. Load the demo into an empty database."
                )
        try:
            result = provision_site(
                name=spec.name,
                hostname=spec.hostname,
                organisation=organisation,
                locale=spec.locale,
                port=port,
                kind=spec.kind,
                is_default_site=spec.kind == "hub",
                time_zone=spec.time_zone,
                languages=[spec.locale, *spec.languages],
            )
        except ProvisioningError as error:
            raise DemoDataError(f"{spec.hostname}: {error.field}: {error.message}") from error
        tenant = result.tenant
        site = tenant.site
        if site.site_name != spec.name or site.is_default_site != (spec.kind == "hub"):
            site.site_name, site.is_default_site = spec.name, spec.kind == "hub"
            site.save()
        self.tally.record(Site, CREATED if result.created else UNCHANGED)
        upsert(
            SiteBranding,
            lookup={"site": site},
            values={**BRANDING_DEFAULTS, **spec.branding},
            tally=self.tally,
        )
        for location in spec.locations:
            self.load_location(spec, organisation, location)
        for contact in spec.contacts:
            upsert(
                ContactPerson,
                lookup={
                    "organisation": organisation,
                    "name": contact.name,
                    "locale": self.reference.locale(spec.locale),
                },
                values={
                    "role": contact.role,
                    "phone": contact.phone,
                    "email": contact.email,
                    "consent_to_publish": contact.consent_to_publish,
                },
                tally=self.tally,
            )
        for project in spec.projects:
            self.load_project(spec, organisation, project)
        self.load_pages(spec, tenant, organisation)
        write_site_translations(tenant.site.root_page, spec.translations, self.tally)
        # The translated home pages root their own trees: the site's groups edit them too.
        grant_translation_permissions(tenant)
        self.summary.sites.append(
            DemoSite(
                url=site.root_url + "/", name=spec.name, kind=spec.kind, created=result.created
            )
        )
        return tenant

    def _move_to_port(self, spec: SiteData, organisation: Organisation) -> None:
        """A re-run with another --port moves the organisation's existing demo site there."""
        site = (
            Site.objects.filter(
                hostname=spec.hostname, organisations__translation_key=organisation.translation_key
            )
            .exclude(port=self.summary.port)
            .first()
        )
        if (
            site is None
            or Site.objects.filter(hostname=spec.hostname, port=self.summary.port).exists()
        ):
            return
        site.port = self.summary.port
        site.save()
        self.tally.record(Site, UPDATED)

    def load_pages(self, spec: SiteData, tenant: Tenant, organisation: Organisation) -> None:
        """The section pages under the home page, then the home page's text and blocks."""
        home = tenant.site.root_page.specific
        writer = PageWriter(home, self.tally)
        builder = builders().get(spec.hostname)
        home_blocks: list[dict] = []
        if builder is not None:
            context = DemoContext(
                spec=spec,
                reference=self.reference,
                organisation=organisation,
                collection=tenant.collection,
                tally=self.tally,
                today=load_date(spec.time_zone),
            )
            pages, home_blocks = builder(context)
            writer.write_tree(home, pages)
        writer.write_home(
            home,
            title=spec.name,
            intro=spec.intro,
            body=[*(dict(block) for block in spec.body), *home_blocks],
        )

    def load_location(
        self, spec: SiteData, organisation: Organisation, location: LocationData
    ) -> Location:
        municipality = self.reference.municipality(spec.locale, location.municipality)
        return upsert(
            Location,
            lookup={
                "organisation": organisation,
                "slug": location.slug,
                "locale": self.reference.locale(spec.locale),
            },
            values={
                "name": location.name,
                "street_address": location.street_address,
                "postcode": location.postcode,
                "municipality": municipality,
                "phone": location.phone,
                "email": location.email,
                "accessibility_note": location.accessibility_note,
                "by_appointment": location.by_appointment,
                "hours_note": location.hours_note,
                "time_zone": spec.time_zone,
            },
            children={
                "weekly_hours": Children(_weekly_rows(location)),
                "hours_exceptions": Children(_exception_rows(location)),
            },
            tally=self.tally,
        )

    def load_project(
        self, spec: SiteData, organisation: Organisation, data: ProjectData
    ) -> Project:
        locale = spec.locale
        project = upsert(
            Project,
            lookup={"slug": data.slug, "locale": self.reference.locale(locale)},
            values={
                "title": data.title,
                "acronym": data.acronym,
                "registration_code": data.registration_code,
                "owner": organisation,
                "funding_programme": self.reference.programmes.get(data.funding_programme),
                "planned_start": data.planned_start,
                "planned_end": data.planned_end,
                "summary": data.summary,
                "aims": data.aims,
                "expected_results": data.expected_results,
                "total_value": data.total_value,
                "currency": data.currency,
            },
            m2m={
                "target_groups": [
                    self.reference.term(TargetGroup, locale, slug) for slug in data.target_groups
                ],
                "themes": [self.reference.term(Theme, locale, slug) for slug in data.themes],
            },
            children={
                "funding_lines": Children(
                    [
                        {"funder_id": self.reference.funder(slug, locale).pk, "amount": amount}
                        for slug, amount in data.funding
                    ]
                ),
                "participations": Children(
                    [
                        {"organisation_id": self.reference.organisations[slug].pk, "role": role}
                        for slug, role in data.participations
                    ]
                ),
                "indicators": Children(
                    [
                        {
                            "name": item.name,
                            "unit": item.unit,
                            "kind": item.kind,
                            "target": item.target,
                        }
                        for item in data.indicators
                    ],
                    key="name",
                ),
            },
            tally=self.tally,
        )
        indicators = {indicator.name: indicator for indicator in project.indicators.all()}
        for item in data.indicators:
            for value in item.values:
                upsert(
                    IndicatorValue,
                    lookup={
                        "indicator": indicators[item.name],
                        "period_start": value.period_start,
                        "period_end": value.period_end,
                    },
                    values={"achieved": value.achieved, "source": value.source},
                    tally=self.tally,
                )
        return project


@transaction.atomic
def load_demo_network(*, port: int = 8000) -> DemoSummary:
    """Load (or bring up to date) the whole demo network; all-or-nothing, safe to repeat."""
    return DemoLoader(port=port).run()
