"""The coordinators' dashboard on the demo network: its figures, who sees it, its CSV exports
and its bounded number of queries."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, Site, TaskState

from network.dashboard.queries import UPCOMING_DAYS
from network.models import Project
from network.review import hub_sections
from sites.models import GoodPracticePage
from sites.models.occurrences import Occurrence
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    ProjectFactory,
    provision_centre,
)
from tests.headless.conftest import demo, demo_network  # noqa: F401  (shared demo fixtures)

pytestmark = pytest.mark.django_db

DASHBOARD = "network_dashboard"
SITES_CSV = "network_dashboard_sites_csv"
PROJECTS_CSV = "network_dashboard_projects_csv"


def user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def coordinator_client(client):
    client.force_login(user("koordinator"))
    return client


def page_html(client) -> BeautifulSoup:
    response = client.get(reverse(DASHBOARD))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def site_table(soup: BeautifulSoup) -> dict[str, dict[str, str]]:
    """The sites table as {hostname: {figure: text}}."""
    return {
        row["data-site"]: {
            cell["data-figure"]: cell.get_text(" ", strip=True)
            for cell in row.find_all("td", attrs={"data-figure": True})
        }
        for row in soup.select("#dashboard-sites-table tbody tr[data-site]")
    }


def indicator_table(soup: BeautifulSoup, project: Project) -> dict[str, dict[str, str]]:
    """One project's indicators as {name: {figure: text}}."""
    article = soup.find("h3", id=f"project-{project.pk}").find_parent("article")
    return {
        row["data-indicator"]: {
            cell["data-figure"]: cell.get_text(" ", strip=True)
            for cell in row.find_all("td", attrs={"data-figure": True})
        }
        for row in article.select("tbody tr[data-indicator]")
    }


def download(client, name: str) -> list[list[str]]:
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def site_pages(site: Site):
    """All pages of a site, counted independently: its root's tree in every language."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return pages


def upcoming_on(site: Site) -> int:
    now = timezone.now()
    return (
        Occurrence.objects.filter(
            entry__site=site, start__gte=now, start__lt=now + timedelta(days=UPCOMING_DAYS)
        )
        .exclude(status="cancelled")
        .count()
    )


def test_site_figures_match_the_demo_network(demo, coordinator_client):  # noqa: F811
    table = site_table(page_html(coordinator_client))
    sites = list(Site.objects.all())
    assert set(table) == {site.hostname for site in sites}
    for site in sites:
        pages = site_pages(site)
        last = max(p.last_published_at for p in pages if p.last_published_at)
        row = table[site.hostname]
        assert int(row["live_pages"]) == pages.filter(live=True).count() >= 1, site
        assert row["last_published"] == timezone.localtime(last).strftime("%Y-%m-%d %H:%M")
        assert int(row["upcoming_occurrences"]) == upcoming_on(site), site
        assert row["pending_tasks"] == "0"
    assert sum(int(row["upcoming_occurrences"]) for row in table.values()) > 0, "demo has events"


def test_a_translated_home_page_counts_for_its_site(demo, coordinator_client):  # noqa: F811
    socio = Site.objects.get(hostname="socio.localhost")
    before = site_table(page_html(coordinator_client))["socio.localhost"]
    czech = socio.root_page.specific.copy_for_translation(Locale.objects.get(language_code="cs"))
    czech.save_revision().publish()
    after = site_table(page_html(coordinator_client))
    assert int(after["socio.localhost"]["live_pages"]) == int(before["live_pages"]) + 1
    assert (
        sum(int(row["live_pages"]) for row in after.values())
        == Page.objects.filter(live=True, depth__gt=1).count()
    ), "every live page but the tree's root belongs to exactly one site"


def test_cancelled_and_later_occurrences_are_not_upcoming(demo, coordinator_client):  # noqa: F811
    now = timezone.now()
    soon = Occurrence.objects.filter(
        start__gte=now, start__lt=now + timedelta(days=UPCOMING_DAYS), entry__site__isnull=False
    ).select_related("entry__site")
    [first, second] = soon[:2]
    before = site_table(page_html(coordinator_client))
    first.status = "cancelled"
    first.save()
    second.start = now + timedelta(days=UPCOMING_DAYS, hours=1)
    second.end = second.start + timedelta(hours=2)
    second.save()
    after = site_table(page_html(coordinator_client))
    lost = Counter([first.entry.site.hostname, second.entry.site.hostname])
    for hostname, count in lost.items():
        was = int(before[hostname]["upcoming_occurrences"])
        assert int(after[hostname]["upcoming_occurrences"]) == was - count


def test_pending_workflow_tasks_count_on_the_site_of_the_page(demo, coordinator_client):  # noqa: F811
    editor = user("socio-urednik")
    practices = next(s for s in hub_sections() if s.specific_class.__name__.startswith("Good"))
    workflow = practices.get_workflow()
    for title in ("Prevozi", "Delavnica"):
        practice = GoodPracticePage(
            title=title,
            slug=title.lower(),
            problem="<p>Težava.</p>",
            approach="<p>Pristop.</p>",
            results="<p>Rezultati.</p>",
            owner=editor,
            live=False,
        )
        practices.add_child(instance=practice)
        practice.save_revision(user=editor)
        workflow.start(practice, editor)
    socio = Site.objects.get(hostname__startswith="socio")
    about = Page.objects.descendant_of(socio.root_page).live().first().specific
    about.save_revision(user=editor)
    workflow.start(about, editor)
    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count() == 3

    table = site_table(page_html(coordinator_client))
    hub = practices.get_site()
    assert table[hub.hostname]["pending_tasks"] == "2"
    assert table[socio.hostname]["pending_tasks"] == "1"
    others = set(table) - {hub.hostname, socio.hostname}
    assert others and all(table[hostname]["pending_tasks"] == "0" for hostname in others)


def test_indicator_figures_of_the_social_activation_project(demo, coordinator_client):  # noqa: F811
    project = Project.objects.get(indicators__name__startswith="Uporabniki socialne aktivacije")
    table = indicator_table(page_html(coordinator_client), project)
    # The demo records 3,000 people a year for 2018–2021 against the national 12,500.
    national = table["Uporabniki socialne aktivacije v Sloveniji 2017–2022"]
    assert national["target"] == "12500 oseb"
    assert national["achieved"] == "12000 oseb"
    assert national["progress"] == "96 %"
    regional = table["Udeleženci dolgih programov v regijski enoti"]
    assert (regional["target"], regional["achieved"], regional["progress"]) == (
        "80 oseb",
        "0 oseb",
        "0 %",
    )


def test_the_chart_draws_each_indicator_with_its_text(demo, coordinator_client):  # noqa: F811
    project = Project.objects.get(indicators__name="Delujoče lokalne točke")
    article = (
        page_html(coordinator_client).find("h3", id=f"project-{project.pk}").find_parent("article")
    )
    [item] = article.select("figure .chart li")
    assert "Delujoče lokalne točke" in item.get_text() and "100 %" in item.get_text()
    assert item.svg["aria-hidden"] == "true", "the text says it; the bar only shows it"
    assert float(item.select_one("rect.bar")["width"]) == 100


def test_progress_beyond_the_target_is_stated_and_the_bar_stops_at_the_end(
    demo,  # noqa: F811
    coordinator_client,
):
    project = ProjectFactory(title="Prevozi za starejše", owner=Project.objects.first().owner)
    IndicatorValueFactory(
        indicator=IndicatorFactory(project=project, target=Decimal(10)), achieved=Decimal(15)
    )
    IndicatorFactory(project=project, name="Brez cilja", target=Decimal(0))
    soup = page_html(coordinator_client)
    table = indicator_table(soup, project)
    assert table["Vključeni uporabniki"]["progress"] == "150 %"
    assert table["Brez cilja"]["progress"] == "—"
    article = soup.find("h3", id=f"project-{project.pk}").find_parent("article")
    assert sorted(float(rect["width"]) for rect in article.select("rect.bar")) == [0, 100]


def test_sites_csv_has_the_figures_of_the_page(demo, coordinator_client):  # noqa: F811
    table = site_table(page_html(coordinator_client))
    [header, *rows] = download(coordinator_client, SITES_CSV)
    assert len(header) == 6
    assert len(rows) == len(table) == Site.objects.count()
    for name, hostname, live, published, upcoming, pending in rows:
        page = table[hostname]
        assert name
        assert (live, published, upcoming, pending) == (
            page["live_pages"],
            page["last_published"],
            page["upcoming_occurrences"],
            page["pending_tasks"],
        )


def test_indicators_csv_has_the_figures_of_the_page(demo, coordinator_client):  # noqa: F811
    soup = page_html(coordinator_client)
    [header, *rows] = download(coordinator_client, PROJECTS_CSV)
    assert len(header) == 11
    projects = Project.objects.filter(indicators__isnull=False).distinct()
    assert {row[0] for row in rows} == {project.title for project in projects}
    for project in projects:
        table = indicator_table(soup, project)
        exported = {row[5]: row for row in rows if row[0] == project.title}
        assert set(exported) == set(table)
        for name, row in exported.items():
            unit, target, achieved, progress = row[7:11]
            assert table[name]["target"] == f"{target} {unit}"
            assert table[name]["achieved"] == f"{achieved} {unit}"
            assert table[name]["progress"] == f"{progress} %"
    national = next(row for row in rows if row[5].startswith("Uporabniki socialne aktivacije"))
    assert national[8:11] == ["12500", "12000", "96"], "plain numbers, no thousands separator"


@pytest.mark.parametrize("name", [DASHBOARD, SITES_CSV, PROJECTS_CSV])
def test_only_coordinators_and_superusers_may_open_the_dashboard(demo, client, name):  # noqa: F811
    for username, status in (
        ("socio-urednik", 403),
        ("hana-moderator", 403),
        ("koordinator", 200),
        ("admin", 200),
    ):
        client.force_login(user(username))
        assert client.get(reverse(name)).status_code == status, username
    client.logout()
    assert client.get(reverse(name)).status_code == 302, "anonymous users go to the login"


def test_menu_item_and_home_panel_are_shown_to_coordinators_only(demo, client):  # noqa: F811
    url = reverse(DASHBOARD)
    client.force_login(user("koordinator"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in home
    assert 'id="network-summary' in home
    client.force_login(user("socio-urednik"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url not in home
    assert 'id="network-summary' not in home


def test_queries_do_not_grow_with_sites_and_projects(
    demo,  # noqa: F811
    coordinator_client,
    django_assert_max_num_queries,
):
    url = reverse(DASHBOARD)
    coordinator_client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as baseline:
        assert coordinator_client.get(url).status_code == 200

    tenant = provision_centre("Centre Novo", "novo.localhost", name="Novo", slug="novo")
    for number in range(3):
        project = ProjectFactory(owner=Project.objects.first().owner, title=f"Dodatni {number}")
        for _ in range(2):
            IndicatorValueFactory(indicator=IndicatorFactory(project=project))
    editor = user("socio-urednik")
    home = tenant.site.root_page
    home.save_revision(user=editor)
    hub_sections()[0].get_workflow().start(home, editor)

    with django_assert_max_num_queries(len(baseline)):
        response = coordinator_client.get(url)
    row = site_table(BeautifulSoup(response.content, "html.parser"))["novo.localhost"]
    assert (row["live_pages"], row["upcoming_occurrences"], row["pending_tasks"]) == ("1", "0", "1")
