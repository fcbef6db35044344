"""Project blocks: a project's summary, its partners and its indicators."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blocks.batching import (
    BulkStructBlock,
    SharedSnippetChooserBlock,
    join_on_load,
    prefetch_renditions,
    prefetch_with_logos,
    present,
)
from blocks.prepared import PreparedQuery, prefetch_children
from blocks.schemas.shared import FundingLineData, ParticipationData
from blocks.schemas.values import (
    IndicatorData,
    IndicatorsValue,
    PartnersValue,
    ProjectSummaryValue,
)
from blocks.serializers import (
    decimal_string,
    funder_data,
    iso,
    organisation_data,
    percentage,
    programme_data,
)
from network.models import FundingLine, Indicator, ProjectParticipation
from network.models.projects import IndicatorKind, ParticipationRole

# Every block showing a project shows its programme (summary, EU acknowledgement).
join_on_load("network.Project", "funding_programme")

ROLE_LABELS = dict(ParticipationRole.choices)


def live_project(project: Any) -> Any:
    """The project if the public may see it: drafts and unpublished projects never show."""
    return project if project is not None and project.live else None


def funding_lines_prefetch() -> Prefetch:
    return Prefetch("funding_lines", queryset=FundingLine.objects.select_related("funder__logo"))


def participations_prefetch() -> Prefetch:
    return Prefetch(
        "participations",
        queryset=ProjectParticipation.objects.select_related("organisation__logo"),
    )


# A project's funding lines and partners with the organisations and logos they show; their
# SQL is compiled once per process (see blocks.prepared).
FUNDING_LINES = PreparedQuery(
    lambda project_ids: FundingLine.objects.filter(project_id__in=project_ids).select_related(
        "funder__logo"
    )
)
PARTICIPATIONS = PreparedQuery(
    lambda project_ids: ProjectParticipation.objects.filter(
        project_id__in=project_ids
    ).select_related("organisation__logo")
)


def prefetch_projects(
    projects: Iterable[Any],
    *lookups: str | Prefetch,
    funding_lines: bool = False,
    participations: bool = False,
) -> None:
    """Prefetch ``lookups`` for the live projects and the renditions of the logos they reach.

    ``funding_lines`` and ``participations`` load those relations with prepared queries.
    """
    projects = [project for project in present(projects) if project.live]
    if not projects:
        return
    if funding_lines:
        prefetch_children(projects, "funding_lines", FUNDING_LINES)
    if participations:
        prefetch_children(projects, "participations", PARTICIPATIONS)
    if lookups:
        prefetch_related_objects(projects, *lookups)
    logos = []
    for project in projects:
        cache = getattr(project, "_prefetched_objects_cache", {})
        logos += [line.funder.logo for line in cache.get("funding_lines", [])]
        logos += [part.organisation.logo for part in cache.get("participations", [])]
    prefetch_renditions(logos)


def funding_line_data(line: Any) -> FundingLineData:
    return {
        "funder": funder_data(line.funder),
        "amount": decimal_string(line.amount),
        "share": decimal_string(line.co_financing_rate),
    }


def lead_and_partners(project: Any) -> tuple[Any, list[Any]]:
    """The lead partner's participation and the others', lead first as the seeds show them."""
    participations = list(project.participations.all())
    lead = next((p for p in participations if p.role == ParticipationRole.LEAD_PARTNER), None)
    return lead, [p for p in participations if p is not lead]


def role_label(role: str) -> str:
    """``get_role_display()`` without Django's per-call rebuilding of the choices dict."""
    return str(ROLE_LABELS.get(role, role))


def participation_data(participation: Any) -> ParticipationData:
    return {
        "organisation": organisation_data(participation.organisation),
        "role": participation.role,
        "role_label": role_label(participation.role),
    }


class ProjectSummaryBlock(BulkStructBlock):
    """A project at a glance: code, programme, period, value, funding lines, lead and partners."""

    project = SharedSnippetChooserBlock("network.Project", label=_("Project"))
    show_funding = blocks.BooleanBlock(label=_("Show funding lines"), required=False, default=True)
    show_partners = blocks.BooleanBlock(label=_("Show partners"), required=False, default=True)

    class Meta:
        icon = "clipboard-list"
        template = "blocks/project_summary.html"
        label = _("Project summary")
        description = _("Code, programme, period, value, funding and partners of a project")

    def prefetch(self, values: list) -> None:
        prefetch_projects(
            (value["project"] for value in values),
            "funding_programme",
            funding_lines=True,
            participations=True,
        )

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        project = live_project(value["project"])
        context["project"] = project
        if project is not None:
            context["funding_lines"] = list(project.funding_lines.all())
            context["lead"], context["partners"] = lead_and_partners(project)
        return context

    api_schema = ProjectSummaryValue | None

    def api_representation(self, value: Any, context: dict | None) -> ProjectSummaryValue | None:
        project = live_project(value["project"])
        if project is None:
            return None
        lead, partners = lead_and_partners(project)
        return {
            "id": project.pk,
            "title": project.title,
            "acronym": project.acronym,
            "code": project.registration_code,
            "programme": programme_data(project.funding_programme),
            "period": {"start": iso(project.start), "end": iso(project.end)},
            "value": {"amount": decimal_string(project.total_value), "currency": project.currency},
            "funding_lines": (
                [funding_line_data(line) for line in project.funding_lines.all()]
                if value["show_funding"]
                else []
            ),
            "lead": participation_data(lead)["organisation"] if lead else None,
            "partners": (
                [participation_data(part) for part in partners] if value["show_partners"] else []
            ),
        }


class PartnersBlock(BulkStructBlock):
    """The organisations behind a project, or any organisations chosen by hand."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    project = SharedSnippetChooserBlock(
        "network.Project",
        label=_("Project"),
        required=False,
        help_text=_("Lists the project's lead partner and partners."),
    )
    organisations = blocks.ListBlock(
        SharedSnippetChooserBlock("network.Organisation", label=_("Organisation")),
        label=_("Other organisations"),
        default=[],
    )

    class Meta:
        icon = "group"
        template = "blocks/partners.html"
        label = _("Partners")
        description = _("Partner organisations with their logos")

    def prefetch(self, values: list) -> None:
        prefetch_projects((value["project"] for value in values), participations=True)
        prefetch_with_logos(org for value in values for org in value["organisations"])

    def partners(self, value: Any) -> list[dict]:
        """Each organisation once: the project's (lead first) then those chosen by hand."""
        rows: list[dict] = []
        seen: set[int] = set()
        project = live_project(value["project"])
        if project is not None:
            lead, others = lead_and_partners(project)
            for participation in present([lead, *others]):
                if participation.organisation_id not in seen:
                    seen.add(participation.organisation_id)
                    rows.append(
                        {
                            "organisation": participation.organisation,
                            "role": participation.role,
                            "role_label": role_label(participation.role),
                        }
                    )
        for organisation in present(value["organisations"]):
            if organisation.pk not in seen:
                seen.add(organisation.pk)
                rows.append({"organisation": organisation, "role": None, "role_label": ""})
        return rows

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["partners"] = self.partners(value)
        return context

    api_schema = PartnersValue

    def api_representation(self, value: Any, context: dict | None) -> PartnersValue:
        project = live_project(value["project"])
        return {
            "heading": value["heading"] or "",
            "project": {"id": project.pk, "title": project.title} if project else None,
            "partners": [
                {
                    "organisation": organisation_data(row["organisation"]),
                    "role": row["role"],
                    "role_label": str(row["role_label"]),
                }
                for row in self.partners(value)
            ],
        }


def indicator_data(indicator: Any) -> IndicatorData:
    achieved = indicator.achieved
    return {
        "id": indicator.pk,
        "name": indicator.name,
        "kind": indicator.kind,
        "unit": indicator.unit,
        "target": decimal_string(indicator.target),
        "achieved": decimal_string(achieved),
        "progress": decimal_string(percentage(achieved, indicator.target)),
    }


class IndicatorsBlock(BulkStructBlock):
    """A project's indicators: target against what has been achieved so far."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    project = SharedSnippetChooserBlock("network.Project", label=_("Project"))
    kind = blocks.ChoiceBlock(
        label=_("Which indicators"),
        choices=IndicatorKind.choices,
        required=False,
        help_text=_("Leave empty to show all of them."),
        search_index=False,
    )

    class Meta:
        icon = "table"
        template = "blocks/indicators.html"
        label = _("Indicators")
        description = _("Targets and achieved values of a project's indicators, with progress")

    def prefetch(self, values: list) -> None:
        prefetch_projects(
            (value["project"] for value in values),
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("values")),
        )

    def indicators(self, value: Any) -> list[Any]:
        project = live_project(value["project"])
        if project is None:
            return []
        return [
            indicator
            for indicator in project.indicators.all()
            if not value["kind"] or indicator.kind == value["kind"]
        ]

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["project"] = live_project(value["project"])
        context["indicators"] = [
            {
                "indicator": indicator,
                "achieved": indicator.achieved,
                "progress": percentage(indicator.achieved, indicator.target),
            }
            for indicator in self.indicators(value)
        ]
        return context

    api_schema = IndicatorsValue | None

    def api_representation(self, value: Any, context: dict | None) -> IndicatorsValue | None:
        project = live_project(value["project"])
        if project is None:
            return None
        return {
            "heading": value["heading"] or "",
            "project": {"id": project.pk, "title": project.title},
            "indicators": [indicator_data(indicator) for indicator in self.indicators(value)],
        }
