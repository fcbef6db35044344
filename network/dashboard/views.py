"""Admin views of the dashboard: the page and its two CSV downloads, for coordinators only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from network.dashboard import exports
from network.dashboard.queries import UPCOMING_DAYS, project_figures, site_figures
from network.permissions import user_manages_network


class CoordinatorsOnlyMixin:
    """Network coordinators and superusers; a centre's editors are refused with a 403."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_manages_network(request.user):
            # Answered here, not raised: Wagtail's admin turns a raised PermissionDenied into
            # a redirect to the admin home, which a CSV download would silently follow.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


class DashboardView(CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Per site what is published and pending; per project the indicators' progress."""

    template_name = "network/dashboard/index.html"
    page_title = _("Network dashboard")
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["sites"] = site_figures()
        context["projects"] = project_figures()
        context["upcoming_days"] = UPCOMING_DAYS
        return context


def dated(name: str) -> str:
    return f"{name}-{timezone.localdate().isoformat()}.csv"


class SitesCSVView(CoordinatorsOnlyMixin, View):
    """The sites table as CSV."""

    def get(self, request: HttpRequest) -> HttpResponse:
        rows = exports.site_rows(site_figures())
        return exports.csv_response(dated("mreza-sites"), exports.site_header(), rows)


class ProjectsCSVView(CoordinatorsOnlyMixin, View):
    """The indicators of every project as CSV."""

    def get(self, request: HttpRequest) -> HttpResponse:
        rows = exports.project_rows(project_figures())
        return exports.csv_response(dated("mreza-indicators"), exports.project_header(), rows)
