"""The demo network: seven sites, seed geography, valid data, idempotent loading, demo logins."""

from dataclasses import replace
from datetime import datetime, time, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import holidays
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
)

from blocks.streams import BodyBlock
from network.demo import loader
from network.demo.accounts import DEMO_PASSWORD
from network.demo.loader import WELCOME_TITLE, load_demo_network, remove_initial_welcome_page
from network.demo.sites import SITES
from network.models import (
    ContactPerson,
    Funder,
    Location,
    Municipality,
    OpeningHoursException,
    OpeningHoursRange,
    Organisation,
    Project,
    Region,
)
from network.provisioning import ensure_coordinators_group
from sites import models as page_models
from sites.models import (
    CentreHomePage,
    EventPage,
    GoodPracticePage,
    HubHomePage,
    NewsArticlePage,
    ProgrammePage,
    ProjectPage,
    SocialActivationProgrammePage,
)
from sites.publishing import project_page_publication_errors

pytestmark = pytest.mark.django_db

PORT = 8000

# Which organisation runs each site, and text its home page must show.
SITE_CONTENT = {
    "localhost": ("mreza-centrov", ["Mreža centrov", f"http://socio.localhost:{PORT}/"]),
    "tocke-moci.localhost": (
        "zavod-znanje-postojna",
        ["Točke moči", "Točka moči Postojna", "Točka moči Bloke"],
    ),
    "socio.localhost": ("jz-socio", ["Socio – večgeneracijski center Celje", "875.000"]),
    "aktivacija-nm.localhost": (
        "socialna-aktivacija-novo-mesto",
        ["Tina Pajk", "+386 30 715 682", "anita.kukman-brudar@gov.si"],
    ),
    "hana.localhost": ("region-hana-zs", ["KC Laškov", "CZ.03.2.65/0.0/0.0/16_047/0010190"]),
    "zasavje.localhost": (
        "zlht-regionalni-center-nvo",
        ["Pisarna Litija", "Ponoviška cesta 12", "info@consulta.si"],
    ),
    "sopotniki.localhost": ("zavod-sopotniki", ["Enota Litija in Šmartno pri Litiji"]),
}

# Municipalities per Slovenian statistical region, as listed in seed 002.
SEED_REGION_SIZES = {
    "posavska": 6,
    "podravska": 41,
    "osrednjeslovenska": 26,
    "primorsko-notranjska": 6,
    "goriska": 13,
    "pomurska": 27,
    "jugovzhodna-slovenija": 21,
    "obalno-kraska": 8,
    "zasavska": 3,
    "savinjska": 31,
    "koroska": 12,
    "gorenjska": 18,
}
HANA_VILLAGES = {
    "Bílovice-Lutotín", "Laškov", "Náměšť na Hané", "Olšany u Prostějova", "Pěnčín",
    "Raková u Konice", "Skřípov", "Služín", "Suchdol", "Těšetice", "Ústín",
}  # fmt: skip

CENTRE_USERS = [
    f"{spec.user_prefix}-{role}" for spec in SITES if spec.user_prefix
    for role in ("urednik", "moderator")
]  # fmt: skip
DEMO_USERNAMES = ["admin", "koordinator", *CENTRE_USERS]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network, loaded once for this module and rolled back after it.

    Each test runs in a savepoint inside this transaction (pytest-django's ``db``), so
    tests that load again or change rows leave the next test the freshly loaded demo.
    """
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            summary = load_demo_network(port=PORT)
            yield summary
            transaction.set_rollback(True)
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths; a rolled-back test must not leave them behind."""
    yield
    cache.clear()


def database_state() -> dict:
    """Row counts of every model the demo touches, plus the ids of replaceable child rows."""
    models = [
        *apps.get_app_config("network").get_models(),
        *apps.get_app_config("centre_sites").get_models(),
        Page,
        Revision,
        Site,
        Locale,
        Group,
        get_user_model(),
        Collection,
        GroupPagePermission,
        GroupCollectionPermission,
        get_image_model(),
        get_document_model(),
    ]
    state = {model._meta.label: model._default_manager.count() for model in models}
    for model in (OpeningHoursRange, OpeningHoursException):
        state[f"{model._meta.label} ids"] = sorted(model.objects.values_list("pk", flat=True))
    return state


def load_command(**options) -> str:
    out = StringIO()
    call_command("load_demo_network", force=True, stdout=out, **options)
    return out.getvalue()


# Sites and tenants


def test_hub_and_six_centres_are_provisioned_on_the_port(demo):
    sites = {site.hostname: site for site in Site.objects.select_related("tenant")}

    assert set(sites) == set(SITE_CONTENT)
    assert {site.port for site in sites.values()} == {PORT}
    assert list(Site.objects.filter(is_default_site=True)) == [sites["localhost"]]
    assert isinstance(sites["localhost"].root_page.specific, HubHomePage)
    for hostname, site in sites.items():
        assert site.tenant is not None
        if hostname != "localhost":
            assert isinstance(site.root_page.specific, CentreHomePage)
            assert site.root_page.live


def test_czech_site_uses_czech_locale_and_prague_time(demo):
    site = Site.objects.get(hostname="hana.localhost")

    assert site.root_page.locale.language_code == "cs"
    assert site.tenant.time_zone == "Europe/Prague"
    locations = Location.objects.filter(organisation__slug="region-hana-zs")
    assert {location.time_zone for location in locations} == {"Europe/Prague"}
    assert {location.locale.language_code for location in locations} == {"cs"}


def test_wagtails_welcome_page_and_its_site_are_removed(demo):
    assert demo.removed_welcome_page
    assert not Page.objects.filter(title=WELCOME_TITLE).exists()
    assert Site.objects.filter(hostname="localhost").count() == 1


@pytest.mark.parametrize("hostname", SITE_CONTENT)
def test_organisations_run_their_sites(demo, hostname):
    slug, _texts = SITE_CONTENT[hostname]
    site = Site.objects.get(hostname=hostname)

    assert Organisation.objects.get(slug=slug).site == site
    assert site.tenant.organisation.slug == slug


def test_the_hub_is_run_by_the_network(demo):
    organisation = Organisation.objects.get(site__hostname="localhost")
    assert organisation.kind == "network"


# Reference data


@pytest.mark.parametrize(("slug", "size"), SEED_REGION_SIZES.items())
def test_slovenian_regions_have_the_seed_municipalities(demo, slug, size):
    region = Region.objects.get(slug=slug, locale__language_code="sl")

    assert region.country == "SI"
    assert region.municipalities.count() == size


def test_twelve_slovenian_regions_hold_all_212_municipalities(demo):
    regions = Region.objects.filter(country="SI")

    assert regions.count() == 12
    assert sum(region.municipalities.count() for region in regions) == 212
    trebnje = Municipality.objects.get(name="Trebnje")  # the seed's stray trailing one is ignored
    assert trebnje.region.slug == "jugovzhodna-slovenija"


def test_region_hana_has_its_eleven_villages_with_a_centre_each(demo):
    region = Region.objects.get(slug="region-hana")

    assert region.country == "CZ"
    assert set(region.municipalities.values_list("name", flat=True)) == HANA_VILLAGES
    centres = Location.objects.filter(organisation__slug="region-hana-zs")
    assert set(centres.values_list("municipality__name", flat=True)) == HANA_VILLAGES


# Content


@pytest.mark.parametrize("hostname", SITE_CONTENT)
def test_each_site_answers_with_its_own_content(client, demo, hostname):
    _slug, texts = SITE_CONTENT[hostname]

    response = client.get("/", HTTP_HOST=hostname)

    assert response.status_code == 200
    content = response.content.decode()
    for text in texts:
        assert text in content


PAGE_TYPES = [
    model
    for model in (getattr(page_models, name) for name in page_models.__all__)
    if issubclass(model, Page)
]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_has_a_live_demo_page(demo, model):
    assert model.objects.live().exists()


def test_every_body_block_is_used_on_a_live_page(demo):
    used = set()
    for model in PAGE_TYPES:
        if not any(field.name == "body" for field in model._meta.get_fields()):
            continue
        for page in model.objects.live():
            used |= {block.block_type for block in page.body}
    assert set(BodyBlock.base_blocks) - used == set()


def test_the_demo_embed_loads_offline_and_shows_as_a_link(client, demo):
    # The demo stores the oEmbed answer, so no provider is asked during a load or a request.
    html = client.get("/", HTTP_HOST="aktivacija-nm.localhost").content.decode()
    assert '<p class="block-embed"><a href="https://www.europarltv.europa.eu/' in html
    assert "Video Evropskega parlamenta o socialni razsežnosti EU</a>" in html


def test_demo_page_bodies_pass_block_validation(demo):
    for model in PAGE_TYPES:
        if any(field.name == "body" for field in model._meta.get_fields()):
            for page in model.objects.live():
                page.body.stream_block.clean(page.body)


def test_eu_funded_project_pages_can_be_published(demo):
    pages = ProjectPage.objects.live().select_related("project")
    assert {page.get_site().hostname for page in pages} >= {"socio.localhost", "hana.localhost"}
    for page in pages:
        assert project_page_publication_errors(project=page.project, body=page.body) == {}


def test_events_are_relative_to_the_load_day_and_one_is_cancelled(demo):
    for hostname in ("socio.localhost", "hana.localhost"):
        root = Site.objects.get(hostname=hostname).root_page
        events = EventPage.objects.descendant_of(root).order_by("start_date")
        assert len(events) >= 3
        assert [event.status for event in events].count("cancelled") == 1
        assert all(event.status_note for event in events if event.status == "cancelled")
        assert any(event.programme_id for event in events)
        assert all(event.start_date > event.first_published_at.date() for event in events)
        # Every event is on the calendar: one occurrence each, at 17:00 local time.
        for event in events:
            (occurrence,) = event.calendar_entry.occurrences.all()
            zone = ZoneInfo(event.calendar_entry.time_zone)
            assert occurrence.start.astimezone(zone).time() == time(17)


def local_starts(page) -> list:
    zone = ZoneInfo(page.calendar_entry.time_zone)
    return [
        (occurrence.start.astimezone(zone), occurrence)
        for occurrence in page.calendar_entry.occurrences.all()
    ]


def test_weekly_groups_meet_on_their_weekday_at_local_time_across_dst(demo):
    group = ProgrammePage.objects.get(slug="obvladovanje-stresa")
    starts = local_starts(group)
    assert len(starts) > 20
    # Every Tuesday at 17:00 in Ljubljana, in winter and in summer time alike.
    assert {
        (start.weekday(), start.time())
        for start, occurrence in starts
        if occurrence.status != "rescheduled"
    } == {(1, time(17))}
    assert {start.utcoffset() for start, _ in starts} == {timedelta(hours=1), timedelta(hours=2)}
    # October to June, never on a Slovenian public holiday.
    assert all(start.month in (10, 11, 12, 1, 2, 3, 4, 5, 6) for start, _ in starts)
    slovenian = holidays.country_holidays("SI", years=range(2025, 2029))
    assert not [start for start, _ in starts if start.date() in slovenian]
    statuses = [occurrence.status for _, occurrence in starts]
    assert statuses.count("cancelled") == 1 and statuses.count("rescheduled") == 1
    moved = next(occurrence for _, occurrence in starts if occurrence.status == "rescheduled")
    assert moved.start - moved.original_start == timedelta(days=1)
    assert moved.note


def test_social_activation_programmes_run_eleven_months_from_mid_october(demo):
    for programme in SocialActivationProgrammePage.objects.live():
        starts = [start for start, _ in local_starts(programme)]
        first, last = starts[0], starts[-1]
        assert first.month == 10 and first.day >= 15
        assert programme.start_date.month == 10 and programme.start_date.day >= 15
        # Four mornings a week, for 11 months.
        assert {start.weekday() for start in starts} == {0, 1, 2, 3}
        assert {start.time() for start in starts} == {time(8)}
        assert (last.year - first.year) * 12 + last.month - first.month == 11


def test_social_activation_programmes_follow_seed_002(demo):
    programmes = SocialActivationProgrammePage.objects.live()
    assert programmes.count() == 2
    for programme in programmes:
        assert (programme.duration_months, programme.capacity, programme.age_limit) == (11, 20, 49)
        assert (programme.assistance_payments_required, programme.assistance_window_months) == (
            12,
            24,
        )
        assert {org.slug for org in programme.entry_points.all()} == {
            "csd-dolenjska-in-bela-krajina",
            "zrsz",
        }
        assert programme.coordinators.count() == 3
        assert programme.implementer is not None


def test_hub_holds_three_good_practices_and_the_meeting_report(demo):
    practices = GoodPracticePage.objects.live()
    assert practices.count() == 3
    assert practices.get(slug="brezplacni-prevozi-za-starejse").transferred_units == 12
    report = NewsArticlePage.objects.live().get(
        slug="aktivno-pristopamo-do-vprasanj-socialnega-varstva"
    )
    text = str(report.body)
    assert "25 udeležencev" in text
    assert "40 %" in text


def test_every_demo_page_answers(client, demo):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        site_id, root_url, path = page.get_url_parts()
        host = root_url.split("//", 1)[1].split(":", 1)[0]

        response = client.get(path, HTTP_HOST=host)

        assert response.status_code == 200, f"{host}{path}"


def test_an_unknown_host_lands_on_the_hub(client, demo):
    response = client.get("/", HTTP_HOST="127.0.0.1")

    assert response.status_code == 200
    assert isinstance(response.context["page"], HubHomePage)


def test_socio_project_has_its_funding_partners_and_supporting_municipalities(demo):
    project = Project.objects.get(slug="socio-vgc")
    roles = list(project.participations.values_list("role", flat=True))

    assert project.total_value == Decimal("875000")
    assert project.funded_amount == Decimal("575000")
    assert roles.count("supporting_municipality") == 11
    assert roles.count("partner") == 3
    assert project.target_groups.count() == 7


def test_tocke_moci_has_six_towns_four_themes_and_a_lead_partner(demo):
    project = Project.objects.get(slug="tocke-moci")

    assert Location.objects.filter(organisation__slug="zavod-znanje-postojna").count() == 6
    assert set(project.themes.values_list("name", flat=True)) == {
        "Informiranost", "Socialna vključenost", "Znanje", "Aktivacija",
    }  # fmt: skip
    lead = project.participations.get(role="lead_partner")
    assert lead.organisation.slug == "zavod-znanje-postojna"
    assert project.participations.filter(role="partner").count() == 3


def test_social_activation_has_coordinators_and_the_national_target(demo):
    project = Project.objects.get(slug="socialna-aktivacija-novo-mesto")
    national = project.indicators.get(target=12500)

    assert [value.achieved for value in national.values.all()] == [Decimal(3000)] * 4
    coordinators = ContactPerson.objects.publishable().filter(organisation=project.owner)
    assert coordinators.count() == 3
    assert coordinators.get(name="Tina Pajk").phone == "+386 30 715 682"
    assert project.participations.filter(role="implementer").count() == 2


def test_hana_project_has_its_code_programme_and_period(demo):
    project = Project.objects.get(slug="komunitni-centra-v-regionu-hana")

    assert project.registration_code == "CZ.03.2.65/0.0/0.0/16_047/0010190"
    assert project.funding_programme.name == "Operační program Zaměstnanost"
    assert (project.planned_start.isoformat(), project.planned_end.isoformat()) == (
        "2019-09-01",
        "2022-02-28",
    )


def test_zasavje_offices_funders_and_hours(demo):
    litija = Location.objects.get(slug="pisarna-litija")
    zagorje = Location.objects.get(slug="pisarna-zagorje")

    assert litija.opening_hours.is_open(datetime(2026, 11, 29, 10, 0))  # a Sunday
    assert not litija.opening_hours.is_open(datetime(2026, 12, 25, 10, 0))  # Christmas
    assert zagorje.by_appointment and not zagorje.weekly_hours.exists()
    co_financers = Project.objects.get(slug="regionalni-center-nvo-zasavje").participations
    assert co_financers.filter(role="co_financer").count() == 5
    funders = Funder.objects.filter(organisation__in=co_financers.values("organisation"))
    assert funders.count() == 5
    assert all(funder.acknowledgement for funder in funders)


def test_demo_rows_pass_model_validation(demo):
    for model in apps.get_app_config("network").get_models():
        for instance in model._default_manager.all():
            instance.full_clean()


# Users


@pytest.mark.parametrize("username", DEMO_USERNAMES)
def test_demo_users_log_in_to_the_admin(client, demo, username):
    assert client.login(username=username, password=DEMO_PASSWORD)

    assert client.get("/admin/").status_code == 200


def test_demo_users_hold_their_roles(demo):
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert ensure_coordinators_group() in users.get(username="koordinator").groups.all()
    for spec in SITES:
        if not spec.user_prefix:
            continue
        tenant = Site.objects.get(hostname=spec.hostname).tenant
        editor = users.get(username=f"{spec.user_prefix}-urednik")
        moderator = users.get(username=f"{spec.user_prefix}-moderator")
        assert list(editor.groups.all()) == [tenant.editors]
        assert list(moderator.groups.all()) == [tenant.moderators]
        assert not editor.is_superuser and not moderator.is_superuser


# Idempotency and safety


def test_running_again_changes_nothing(demo):
    before = database_state()

    output = load_command(port=PORT)

    assert database_state() == before
    assert "0 created, 0 updated" in output
    assert "already up to date" in output


def test_another_port_moves_the_sites_without_duplicating_them(demo, monkeypatch):
    monkeypatch.setenv("PORT", "8123")
    before = database_state()

    output = load_command()

    assert set(Site.objects.values_list("port", flat=True)) == {8123}
    assert database_state() == before
    assert "http://socio.localhost:8123/" in output


def test_a_failure_leaves_nothing_half_written(demo, monkeypatch):
    first, last = SITES[1], SITES[-1]
    broken = (
        SITES[0],
        replace(first, intro="Spremenjen uvod"),
        *SITES[2:-1],
        replace(last, branding={"primary_colour": "rdeča"}),
    )
    monkeypatch.setattr(loader, "SITES", broken)
    before = database_state()

    with pytest.raises(CommandError, match="primary_colour"):
        load_command(port=PORT)

    assert database_state() == before
    home = Site.objects.get(hostname=first.hostname).root_page.specific
    assert home.intro == first.intro


def test_another_default_site_stops_the_load(demo):
    home = Page.get_first_root_node().add_child(instance=Page(title="Elsewhere", slug="elsewhere"))
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    Site.objects.create(hostname="elsewhere.example", root_page=home, is_default_site=True)

    with pytest.raises(CommandError, match="elsewhere.example:80 is already the default site"):
        load_command(port=PORT)


def test_an_edited_welcome_page_is_kept(demo):
    page = Page.get_first_root_node().add_child(instance=Page(title=WELCOME_TITLE, slug="home"))
    page.save_revision()

    assert not remove_initial_welcome_page()
    assert Page.objects.filter(pk=page.pk).exists()


def test_command_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    sites_before = Site.objects.count()

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_network", stdout=StringIO())

    assert Site.objects.count() == sites_before


def test_centre_editors_work_in_their_sites_language(demo):
    from wagtail.users.models import UserProfile

    def language(username):
        return UserProfile.get_for_user(User.objects.get(username=username)).preferred_language

    User = get_user_model()
    assert language("hana-urednik") == "cs"
    assert language("socio-urednik") == "sl"


def test_the_hub_calendar_spans_the_network(client, demo):
    html = client.get("/koledar/", HTTP_HOST="localhost").content.decode()
    assert "Komunitní setkání" in html  # Haná, in Czech
    assert "Skupina za obvladovanje stresa" in html  # Socio
