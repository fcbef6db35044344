"""CSV exports of the dashboard's tables for reporting to funders.

UTF-8 with a byte order mark, so Excel reads "č" and "ž" right; numbers plain (a dot for
decimals, no thousands separators) and moments as ISO "YYYY-MM-DD HH:MM" in local time.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from network.dashboard.queries import UPCOMING_DAYS, ProjectFigures, SiteFigures

CENT = Decimal("0.01")
MOMENT_FORMAT = "%Y-%m-%d %H:%M"


def plain(value: Decimal | int | None) -> str:
    """A figure as spreadsheets read it: whole numbers bare, others with two decimals."""
    if value is None:
        return ""
    amount = Decimal(value).quantize(CENT)
    return str(amount.to_integral_value()) if amount == amount.to_integral_value() else str(amount)


def moment(value: datetime | None) -> str:
    return timezone.localtime(value).strftime(MOMENT_FORMAT) if value else ""


def site_header() -> list[str]:
    return [
        _("Site"),
        _("Hostname"),
        _("Live pages"),
        _("Last published"),
        _("Upcoming occurrences (next %(days)s days)") % {"days": UPCOMING_DAYS},
        _("Pending workflow tasks"),
    ]


def site_rows(figures: Iterable[SiteFigures]) -> list[list[str]]:
    return [
        [
            row.name,
            row.site.hostname,
            plain(row.live_pages),
            moment(row.last_published_at),
            plain(row.upcoming_occurrences),
            plain(row.pending_tasks),
        ]
        for row in figures
    ]


def project_header() -> list[str]:
    return [
        _("Project"),
        _("Registration code"),
        _("Maintained by"),
        _("Language"),
        _("Status"),
        _("Indicator"),
        _("Kind"),
        _("Unit"),
        _("Target"),
        _("Achieved"),
        _("Progress (%)"),
    ]


def project_rows(figures: Iterable[ProjectFigures]) -> list[list[str]]:
    """One row per indicator; projects without indicators have nothing to report."""
    rows = []
    for item in figures:
        project = item.project
        status = _("Live") if project.live else _("Draft")
        for figure in item.indicators:
            indicator = figure.indicator
            rows.append(
                [
                    project.title,
                    project.registration_code,
                    str(project.owner),
                    project.locale.language_code,
                    status,
                    indicator.name,
                    figure.kind_label,
                    indicator.unit,
                    plain(indicator.target),
                    plain(figure.achieved),
                    plain(figure.progress),
                ]
            )
    return rows


def csv_response(filename: str, header: list[str], rows: list[list[str]]) -> HttpResponse:
    """A download of ``rows`` under ``header``, named ``filename``."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response
