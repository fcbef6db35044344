"""The dashboard's figures, per site and per project, in a number of queries fixed by the code.

Every figure is one grouped query over the whole network, never one query per site or per
project, so the dashboard costs the same for six centres as for a hundred.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, IntegerField, Max, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Cast, Substr
from django.utils import timezone
from wagtail.models import Page, Site, TaskState

from blocks.serializers import percentage
from network.models import Indicator, Project
from network.models.projects import IndicatorKind
from sites.models.occurrences import Occurrence
from sites.schedules import OccurrenceStatus

UPCOMING_DAYS = 30
KIND_LABELS = dict(IndicatorKind.choices)


@dataclass(frozen=True)
class SiteFigures:
    """What one site publishes and has in the pipeline."""

    site: Site
    live_pages: int
    last_published_at: datetime | None
    upcoming_occurrences: int
    pending_tasks: int

    @property
    def name(self) -> str:
        return self.site.site_name or self.site.hostname


@dataclass(frozen=True)
class IndicatorFigures:
    """An indicator's target against what has been achieved so far."""

    indicator: Indicator
    achieved: Decimal
    progress: Decimal | None

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.indicator.kind, self.indicator.kind))

    @property
    def bar_width(self) -> Decimal:
        """The progress as the chart draws it: within 0–100, the text gives the exact figure."""
        return min(max(self.progress or Decimal(0), Decimal(0)), Decimal(100))


@dataclass(frozen=True)
class ProjectFigures:
    """A project and the progress of each of its indicators."""

    project: Project
    indicators: list[IndicatorFigures]


def site_figures(*, now: datetime | None = None) -> list[SiteFigures]:
    """Every site with its live pages, last publication, coming occurrences and pending tasks."""
    now = now or timezone.now()
    sites = list(Site.objects.select_related("root_page").order_by("site_name", "hostname"))
    roots = site_roots(sites)
    pages = page_figures(roots)
    occurrences = upcoming_occurrences(now)
    tasks = pending_tasks(roots)
    return [
        SiteFigures(
            site=site,
            live_pages=pages.get(site.pk, {}).get("live", 0),
            last_published_at=pages.get(site.pk, {}).get("last_published_at"),
            upcoming_occurrences=occurrences.get(site.pk, 0),
            pending_tasks=tasks.get(site.pk, 0),
        )
        for site in sites
    ]


def site_roots(sites: list[Site]) -> dict[str, int]:
    """Tree paths of the sites' root pages and of their translations, mapped to site ids.

    A translated site keeps each language's home page at the top of its own tree, so the
    translations of a root page belong to the same site (unless another site has them as root).
    """
    by_key = {}
    for site in sites:
        by_key.setdefault(site.root_page.translation_key, site.pk)
    own = {site.root_page.path: site.pk for site in sites}
    translations = Page.objects.filter(translation_key__in=by_key).values_list(
        "path", "translation_key"
    )
    return {path: own.get(path, by_key[key]) for path, key in translations}


def site_of(path: str, roots: dict[str, int]) -> int | None:
    """The site whose tree holds the page at ``path``: the most specific root wins."""
    for length in range(len(path), 0, -Page.steplen):
        site_id = roots.get(path[:length])
        if site_id is not None:
            return site_id
    return None


def page_figures(roots: dict[str, int]) -> dict[int, dict]:
    """Live pages and the latest publication per site: one grouped query per root depth.

    Roots sit at one depth in practice (the home pages under the tree's root), so this is
    one query; a site nested inside another's tree is counted in both.
    """
    by_length: dict[int, list[str]] = {}
    for path in roots:
        by_length.setdefault(len(path), []).append(path)
    figures: dict[int, dict] = {}
    for length, paths in sorted(by_length.items()):
        rows = (
            Page.objects.annotate(tree=Substr("path", 1, length))
            .filter(tree__in=paths)
            .values("tree")
            .annotate(
                live=Count("pk", filter=Q(live=True)),
                last_published_at=Max("last_published_at"),
            )
            .order_by()
        )
        for row in rows:
            site = figures.setdefault(roots[row["tree"]], {"live": 0, "last_published_at": None})
            site["live"] += row["live"]
            site["last_published_at"] = latest(site["last_published_at"], row["last_published_at"])
    return figures


def latest(*moments: datetime | None) -> datetime | None:
    return max((moment for moment in moments if moment is not None), default=None)


def upcoming_occurrences(now: datetime, *, days: int = UPCOMING_DAYS) -> dict[int, int]:
    """Occurrences starting within ``days`` from ``now``, cancelled ones left out, per site."""
    rows = (
        Occurrence.objects.filter(start__gte=now, start__lt=now + timedelta(days=days))
        .exclude(status=OccurrenceStatus.CANCELLED)
        .values("entry__site")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["entry__site"]: row["count"] for row in rows if row["entry__site"] is not None}


def pending_tasks(roots: dict[str, int]) -> dict[int, int]:
    """Workflow tasks in progress on pages, per site of the page."""
    # A workflow state names its object by a text id; the page is found by casting it back,
    # as Page's generic relations join on the specific content type, not the base one.
    page_path = Page.objects.filter(
        pk=Cast(OuterRef("workflow_state__object_id"), IntegerField())
    ).values("path")[:1]
    rows = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type__app_label="wagtailcore",
            workflow_state__base_content_type__model="page",
        )
        .annotate(page_path=Subquery(page_path))
        .values("page_path")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts: dict[int, int] = {}
    for row in rows:
        site_id = site_of(row["page_path"] or "", roots)
        if site_id is not None:
            counts[site_id] = counts.get(site_id, 0) + row["count"]
    return counts


def project_figures() -> list[ProjectFigures]:
    """Every project (drafts included, coordinators report on them too) with its indicators.

    "Achieved" is ``Indicator.achieved`` and progress is the percentage the indicators block
    shows, so the dashboard and the public pages never disagree.
    """
    projects = (
        Project.objects.select_related("owner", "locale")
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("values"))
        )
        .order_by("title", "locale__language_code")
    )
    figures = []
    for project in projects:
        indicators = []
        for indicator in project.indicators.all():
            achieved = indicator.achieved
            indicators.append(
                IndicatorFigures(
                    indicator=indicator,
                    achieved=achieved,
                    progress=percentage(achieved, indicator.target),
                )
            )
        figures.append(ProjectFigures(project=project, indicators=indicators))
    return figures
