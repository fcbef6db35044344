"""Rules a page must meet before it is published."""

from __future__ import annotations

from django.utils.translation import gettext as _

EU_FUNDS = {"ESF", "ESF+", "ERDF", "CF", "JTF", "CERV"}
ACKNOWLEDGEMENT_BLOCK = "eu_acknowledgement"


def is_eu_funded(project) -> bool:
    """EU-funded: its programme draws on an EU fund, or an EU funder co-finances it."""
    programme = project.funding_programme
    if programme is not None and programme.fund in EU_FUNDS:
        return True
    return any(line.funder.kind == "eu" for line in project.funding_lines.all())


def project_page_publication_errors(*, project, body) -> dict[str, str]:
    """What stops an EU-funded project page from being published (cohesion-policy visibility)."""
    if project is None or not is_eu_funded(project):
        return {}
    errors = {}
    if not any(block.block_type == ACKNOWLEDGEMENT_BLOCK for block in body or []):
        errors["body"] = _(
            "This project is co-funded by the European Union: add the EU funding "
            "acknowledgement block before publishing."
        )
    if not project.aims.strip() or not (
        project.expected_results.strip() or project.achieved_results.strip()
    ):
        errors["project"] = _(
            "Fill in the project's aims and its expected or achieved results "
            "(Network → Projects) before publishing: EU rules require them on the page."
        )
    return errors
