"""Admin views of the network app: provisioning a site and the languages of each site."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.auth import require_admin_access
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from network.forms import ProvisionSiteForm, SiteLanguagesForm, tenant_label
from network.models import Tenant
from network.provisioning import ProvisioningError, language_label, provision_site


def may_provision_sites(user) -> bool:
    """Who provisions sites and chooses their languages: superusers."""
    return bool(user.is_active and user.is_superuser)


class CentreSitePermissionPolicy(BasePermissionPolicy):
    """Every action on centre sites (tenants) is reserved to whoever may provision them."""

    def user_has_permission(self, user, action) -> bool:
        return may_provision_sites(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return may_provision_sites(user)

    def users_with_any_permission(self, actions):
        return get_user_model()._default_manager.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


@method_decorator(require_admin_access, name="dispatch")
class ProvisionSiteView(FormView):
    """Superusers provision a centre site in one step, through the same service as the command."""

    form_class = ProvisionSiteForm
    template_name = "network/provision_site.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_provision_sites(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            result = provision_site(**form.cleaned_data)
        except ProvisioningError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Provisioned %(site)s on %(hostname)s.")
            % {"site": result.tenant.site.site_name, "hostname": result.tenant.site.hostname},
        )
        return redirect("wagtailsites:index")


def _languages_display(tenant: Tenant) -> str:
    """What is stored, as the coordinator chose it (empty: every language of the network)."""
    if not tenant.languages:
        return _("Every language of the network")
    return ", ".join(language_label(code) for code in tenant.languages)


def _default_display(tenant: Tenant) -> str:
    return language_label(tenant.default_language or tenant.site.root_page.locale.language_code)


class CentreSiteIndexView(generic.IndexView):
    page_title = _("Centre sites")
    add_item_label = _("Provision a centre site")
    default_ordering = "site__site_name"
    columns = [
        TitleColumn("site", label=_("Site"), accessor=str, url_name="network_centre_sites:edit"),
        Column("hostname", label=_("Hostname"), accessor="site.hostname"),
        Column(
            "default_language", label=tenant_label("default_language"), accessor=_default_display
        ),
        Column("languages", label=tenant_label("languages"), accessor=_languages_display),
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site__root_page__locale")


class CentreSiteEditView(generic.EditView):
    page_title = tenant_label("languages")
    success_message = _("Languages of %(object)s saved.")
    error_message = _("The languages could not be saved: see the errors below.")


class CentreSiteViewSet(ModelViewSet):
    """Centre sites in the admin: their list and their languages.

    Wagtail's own Sites screens edit the Site; what Mreža adds to a site lives on its tenant.
    Sites are created by provisioning (the listing's add button) and deleted with their Site.
    """

    model = Tenant
    icon = "site"
    add_to_settings_menu = True
    menu_order = 51  # next to "Provision a centre site"
    copy_view_enabled = False
    index_view_class = CentreSiteIndexView
    edit_view_class = CentreSiteEditView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": "network_provision_site",
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_form_class(self, for_update=False):
        return SiteLanguagesForm

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in {"index", "index_results", "edit"}
        ]

    def get_permissions_to_register(self):
        # Nothing to grant to groups: the policy answers from the user alone.
        return Permission.objects.none()
