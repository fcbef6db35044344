"""Registrations in the admin: a read-only listing and export, scoped to the user's own sites.

Centre staff (the editors and moderators groups of a tenant) see the registrations of their
site's pages; network coordinators and superusers see every site's. Nobody creates or edits
registrations here: people sign up and cancel themselves (``sites.registration_views``).
"""

from __future__ import annotations

from datetime import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from network.models import Tenant
from network.permissions import MANAGE_NETWORK, user_manages_network
from network.viewsets import guard_object_urls
from sites.models.registrations import Registration, RegistrationStatus
from sites.registrations import staff_root_paths, visible_registrations

# Characters that make a spreadsheet read a CSV cell as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_registration_staff(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user_manages_network(user) or bool(staff_root_paths(user))


class RegistrationPermissionPolicy(BasePermissionPolicy):
    """Staff may view (list, inspect, export) the registrations of their own sites only."""

    def user_has_permission(self, user, action) -> bool:
        return action == "view" and is_registration_staff(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        app_label, codename = MANAGE_NETWORK.split(".")
        manages = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__in=Tenant.objects.values("editors"))
            | Q(groups__in=Tenant.objects.values("moderators"))
            | Q(groups__permissions__in=manages)
            | Q(user_permissions__in=manages)
        ).distinct()

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return action == "view" and visible_registrations(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return Registration.objects.none()
        return visible_registrations(user)


def registration_pages(request):
    """The pages whose registrations the user may see, for the listing's filter."""
    if request is None:
        return Page.objects.none()
    page_ids = visible_registrations(request.user).values("page_id")
    return Page.objects.filter(pk__in=page_ids).order_by("title")


class RegistrationFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("Event or programme"), queryset=registration_pages
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["page", "status"]


def local_time(value: datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class RegistrationIndexView(IndexView):
    # Spreadsheets get the install's local time to the minute, not UTC to the microsecond.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime: {
            **IndexView.custom_value_preprocess[datetime],
            IndexView.FORMAT_CSV: local_time,
        },
    }

    def get_base_queryset(self):
        return visible_registrations(self.request.user)

    def stream_csv(self, queryset):
        # The response streams after the view has returned, when the admin user's language
        # is no longer active: keep it for the headings and statuses.
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if (
            export_format == self.FORMAT_CSV
            and isinstance(value, str)
            and value.startswith(FORMULA_PREFIXES)
        ):
            return "'" + value
        return value


class RegistrationInspectView(InspectView):
    def get_object(self, queryset=None):
        return super().get_object(visible_registrations(self.request.user))


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Registrations")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Never reachable (the permission policy grants "view" only); ModelViewSet needs a form.
    form_fields = ["status"]
    list_display = ["name", "email", "page", "places", "status", "created_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email"]
    search_backend_name = None
    list_export = [
        "page",
        "name",
        "email",
        "phone",
        "places",
        "get_status_display",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "language",
        "consent_given_at",
        "consent_version",
    ]
    export_headings = {"page": _("Event or programme"), "get_status_display": _("Status")}
    export_filename = "registrations"
    inspect_view_fields = [
        "page",
        "name",
        "email",
        "phone",
        "places",
        "status",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "language",
        "consent_given_at",
        "consent_version",
    ]

    def get_permissions_to_register(self):
        # Access follows tenancy (the permission policy), not grantable model permissions.
        return Permission.objects.none()

    def get_urlpatterns(self):
        # Another site's registration ids answer 404 in every view that takes one.
        return guard_object_urls(
            super().get_urlpatterns(),
            self.model,
            scope=lambda model, user: visible_registrations(user),
        )
