"""Admin wiring of the dashboard: URLs, a menu item and a home-page panel, all for coordinators.

The functions are registered as Wagtail hooks in ``network.wagtail_hooks``.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from network.dashboard import views
from network.dashboard.queries import UPCOMING_DAYS, upcoming_occurrences
from network.permissions import user_manages_network


def dashboard_urls() -> list[URLPattern]:
    return [
        path("network/dashboard/", views.DashboardView.as_view(), name="network_dashboard"),
        path(
            "network/dashboard/sites.csv",
            views.SitesCSVView.as_view(),
            name="network_dashboard_sites_csv",
        ),
        path(
            "network/dashboard/indicators.csv",
            views.ProjectsCSVView.as_view(),
            name="network_dashboard_projects_csv",
        ),
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_manages_network(request.user)


def dashboard_menu_item() -> MenuItem:
    return CoordinatorMenuItem(
        _("Network dashboard"), reverse("network_dashboard"), icon_name="table", order=240
    )


class NetworkSummaryPanel(Component):
    """The network's pending reviews and coming activity, linking to the dashboard."""

    name = "network_summary"
    template_name = "network/dashboard/home_panel.html"
    order = 50  # above Wagtail's own panels: coordinators come for the network view

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        return {
            "pending_tasks": TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count(),
            "upcoming_occurrences": sum(upcoming_occurrences(timezone.now()).values()),
            "upcoming_days": UPCOMING_DAYS,
            "dashboard_url": reverse("network_dashboard"),
        }


def add_dashboard_panel(request: HttpRequest, panels: list) -> None:
    if user_manages_network(request.user):
        panels.append(NetworkSummaryPanel())
