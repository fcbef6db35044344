"""Admin wiring for the network: snippet menus and the provisioning view."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from network import views
from network.dashboard.hooks import add_dashboard_panel, dashboard_menu_item, dashboard_urls
from network.forms import ProjectForm
from network.models import (
    ContactPerson,
    Funder,
    FundingProgramme,
    IndicatorValue,
    Location,
    Municipality,
    Organisation,
    Project,
    Region,
    TargetGroup,
    Tenant,
    Theme,
)
from network.provisioning import grant_translation_permissions
from network.viewsets import NetworkSnippetViewSet, explorable_pages, owned_queryset


class OrganisationViewSet(NetworkSnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "region", "site"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name"]


class LocationViewSet(NetworkSnippetViewSet):
    model = Location
    icon = "home"
    list_display = ["name", "organisation", "municipality"]
    list_filter = ["organisation"]


class ContactPersonViewSet(NetworkSnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "organisation", "consent_to_publish"]
    list_filter = ["organisation", "consent_to_publish"]


class ProjectViewSet(NetworkSnippetViewSet):
    model = Project
    base_form_class = ProjectForm
    icon = "clipboard-list"
    list_display = ["title", "registration_code", "owner", "funding_programme"]
    list_filter = ["owner", "funding_programme"]


class IndicatorValueViewSet(NetworkSnippetViewSet):
    model = IndicatorValue
    icon = "list-ol"
    list_display = ["indicator", "period_start", "period_end", "achieved"]


class FunderViewSet(NetworkSnippetViewSet):
    model = Funder
    icon = "pick"
    list_display = ["name", "kind"]
    list_filter = ["kind"]


class FundingProgrammeViewSet(NetworkSnippetViewSet):
    model = FundingProgramme
    icon = "doc-full"
    list_display = ["name", "code", "period", "fund"]


class RegionViewSet(NetworkSnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "country"]
    list_filter = ["country"]


class MunicipalityViewSet(NetworkSnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "region"]
    list_filter = ["region"]


class TargetGroupViewSet(NetworkSnippetViewSet):
    model = TargetGroup
    icon = "group"


class ThemeViewSet(NetworkSnippetViewSet):
    model = Theme
    icon = "tag"


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "globe"
    menu_order = 250
    items = [
        OrganisationViewSet,
        LocationViewSet,
        ContactPersonViewSet,
        ProjectViewSet,
        IndicatorValueViewSet,
        FunderViewSet,
        FundingProgrammeViewSet,
        RegionViewSet,
        MunicipalityViewSet,
        TargetGroupViewSet,
        ThemeViewSet,
    ]


register_snippet(NetworkViewSetGroup)


@hooks.register("register_admin_urls")
def register_provisioning_url():
    return [
        path("network/provision/", views.ProvisionSiteView.as_view(), name="network_provision_site")
    ]


# Registered at import, as Wagtail advises: before anything asks for Tenant's policy.
register_permission_policy(Tenant, views.CentreSitePermissionPolicy(Tenant))


@hooks.register("register_admin_viewset")
def register_centre_sites_viewset():
    """Settings → Centre sites: each site's languages, for those who provision sites."""
    return views.CentreSiteViewSet("network_centre_sites", url_prefix="network/sites")


# The coordinators' dashboard (network.dashboard).
hooks.register("register_admin_urls", dashboard_urls)
hooks.register("register_admin_menu_item", dashboard_menu_item)
hooks.register("construct_homepage_panels", add_dashboard_panel)


def check_may_translate(user, instance) -> None:
    """wagtail-localize checks only its submit permission; we also need the right to edit.

    Without this, an editor of one centre could translate or sync another centre's pages
    and owned snippets.
    """
    if isinstance(instance, Page):
        if not instance.permissions_for_user(user).can_edit():
            raise Http404
        return
    model = type(instance)
    if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        raise PermissionDenied
    if not owned_queryset(model, user).filter(pk=instance.pk).exists():
        raise Http404


class SiteLanguagesFormMixin:
    """wagtail-localize's "Translate" form, offering only languages the site publishes in.

    Its locales are install-wide and it has no hook to narrow them; these views take its
    URLs (registered ahead of its own) and filter the form's choices.
    """

    def get_object(self):
        instance = super().get_object()
        check_may_translate(self.request.user, instance)
        return instance

    def allowed_languages(self) -> tuple[str, ...]:
        raise NotImplementedError

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(language_code__in=self.allowed_languages())
        return form


class SitePageTranslationView(SiteLanguagesFormMixin, SubmitPageTranslationView):
    def allowed_languages(self) -> tuple[str, ...]:
        return Tenant.languages_for(self.object.get_site()).codes

    def form_valid(self, form):
        response = super().form_valid(form)
        # A translated home page roots a new tree: the site's groups need rights on it.
        tenant = Tenant.objects.filter(site__root_page=self.object).first()
        if tenant is not None:
            grant_translation_permissions(tenant)
        return response


class SiteSnippetTranslationView(SiteLanguagesFormMixin, SubmitSnippetTranslationView):
    def allowed_languages(self) -> tuple[str, ...]:
        return Tenant.languages_for_user(self.request.user)


class SiteUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translations", for sources the user may edit."""

    def get_object(self):
        source = super().get_object()
        check_may_translate(self.request.user, source.get_source_instance())
        return source


@hooks.register("register_admin_urls", order=-1)  # ahead of wagtail-localize's own URLs
def register_site_language_translation_urls():
    return [
        path("localize/submit/page/<int:page_id>/", SitePageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SiteSnippetTranslationView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", SiteUpdateTranslationsView.as_view()),
    ]


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_site(pages, request):
    """Editors link to pages of their own site: the chooser would list every centre's drafts.

    Pages named by id in the chooser's URLs are guarded in network.viewsets.
    """
    return explorable_pages(request.user, pages)


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_provisioning_menu_item():
    return SuperuserMenuItem(
        _("Provision a centre site"),
        reverse("network_provision_site"),
        icon_name="plus",
        order=50,
    )


def _choosable(viewset_class, permission_policy):
    """An admin API endpoint that lists only media in collections the user may choose from.

    Wagtail's admin API excludes only collections with view restrictions, so any editor
    could read every tenant's image and document titles through it.
    """

    class TenantMediaAdminAPIViewSet(viewset_class):
        def get_queryset(self):
            allowed = permission_policy.instances_user_has_any_permission_for(
                self.request.user, ["choose", "change"]
            )
            return super().get_queryset().filter(pk__in=allowed.values("pk"))

    TenantMediaAdminAPIViewSet.__name__ = f"Tenant{viewset_class.__name__}"
    return TenantMediaAdminAPIViewSet


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations
def register_tenant_media_admin_api(router):
    from wagtail.documents import get_document_model
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images import get_image_model
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
    from wagtail.permissions import policy_registry

    router.register_endpoint(
        "images",
        _choosable(ImagesAdminAPIViewSet, policy_registry.get_by_type(get_image_model())),
    )
    router.register_endpoint(
        "documents",
        _choosable(DocumentsAdminAPIViewSet, policy_registry.get_by_type(get_document_model())),
    )
