"""Admin views that respect tenant ownership: snippet viewsets, choosers and object URLs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import URLPattern, include, path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetsAPI

from network.forms import TenantScopedForm
from network.permissions import owned_policy, user_manages_network


def visible_queryset(model, user, queryset=None):
    """What the user may list or choose of ``model``; everything for network-wide models."""
    queryset = model._default_manager.all() if queryset is None else queryset
    policy = owned_policy(model)
    return policy.visible_to(user, queryset) if policy else queryset


def owned_queryset(model, user, queryset=None):
    """What the user may open of ``model`` (edit, inspect, history, usage…); narrower than
    :func:`visible_queryset` for the organisation directory, which everyone lists and chooses
    but only its owners open."""
    queryset = model._default_manager.all() if queryset is None else queryset
    policy = owned_policy(model)
    if policy is None:
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return policy.owned_instances(user, queryset)


def guard_object_urls(urlpatterns: list, model, scope=visible_queryset) -> list:
    """Wrap every URL that takes a ``pk`` so an object outside ``scope`` answers 404.

    Wagtail checks instance permissions in its edit view, but not in every view that takes
    an object id (delete, history, usage, inspect, revision compare, preview, chooser's
    chosen); guarding at the URL keeps the rule in one place. Patterns are matched on their
    regex groups, as some (revision compare) are ``re_path`` patterns without converters.
    """
    guarded = []
    for pattern in urlpatterns:
        if isinstance(pattern, URLPattern) and "pk" in pattern.pattern.regex.groupindex:
            pattern = URLPattern(
                pattern.pattern,
                _guard(pattern.callback, model, scope),
                pattern.default_args,
                pattern.name,
            )
        guarded.append(pattern)
    return guarded


def _guard(view: Callable, model, scope: Callable) -> Callable:
    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        if not scope(model, request.user).filter(pk=unquote(str(kwargs["pk"]))).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return guarded_view


class TenantChooseViewMixin:
    def get_object_list(self):
        return visible_queryset(self.model_class, self.request.user, super().get_object_list())


class TenantChooseView(TenantChooseViewMixin, ChooseView):
    pass


class TenantChooseResultsView(TenantChooseViewMixin, ChooseResultsView):
    pass


class TenantChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_queryset(self.model_class, self.request.user, super().get_objects(pks))


class TenantSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TenantChooseView
    choose_results_view_class = TenantChooseResultsView
    chosen_view_class = SnippetChosenView
    chosen_multiple_view_class = TenantChosenMultipleView

    def get_urlpatterns(self):
        return guard_object_urls(super().get_urlpatterns(), self.model)


class NetworkSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose forms, listings, choosers and object URLs respect tenancy."""

    chooser_viewset_class = TenantSnippetChooserViewSet
    copy_view_enabled = False
    # Editors hold only the view permission on network-wide snippets (funders, regions,
    # taxonomies); the inspect view is how they read one without being able to change it.
    inspect_view_enabled = True
    base_form_class = TenantScopedForm

    def get_queryset(self, request):
        return visible_queryset(self.model, request.user)

    def get_edit_handler(self):
        panels = getattr(self, "panels", None) or self.model.panels
        return ObjectList(panels, base_form_class=self.base_form_class).bind_to_model(self.model)

    def get_urlpatterns(self):
        # Object pages need ownership, not just visibility: the organisation directory is
        # listed and chosen by everyone, but its history and usage show the owner's activity.
        return guard_object_urls(super().get_urlpatterns(), self.model, scope=owned_queryset)


def explorable_pages(user, pages=None):
    """The pages the user may choose or browse to: their own site's tree (all for coordinators)."""
    from wagtail.models import Page

    pages = Page.objects.all() if pages is None else pages
    if user_manages_network(user):
        return pages
    return pages.filter(pk__in=PagePermissionPolicy().explorable_instances(user).values("pk"))


def _guard_page_ids(view: Callable) -> Callable:
    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        ids = {str(kwargs["parent_page_id"])} if "parent_page_id" in kwargs else set()
        ids.update(request.GET.getlist("id"))
        ids = {int(pk) for pk in ids if pk.isdigit()}
        if ids and explorable_pages(request.user).filter(pk__in=ids).count() < len(ids):
            raise Http404
        return view(request, *args, **kwargs)

    return guarded_view


def _guard_translation(view: Callable) -> Callable:
    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        from wagtail_localize.models import TranslationSource

        source = TranslationSource.objects.filter(translations=kwargs["translation_id"]).first()
        model = source.specific_content_type.model_class() if source else None
        if model is not None and owned_policy(model) is not None:
            mine = owned_queryset(model, request.user).filter(translation_key=source.object_id)
            if not mine.exists():
                raise Http404
        return view(request, *args, **kwargs)

    return guarded_view


def _localize_translation_urlpatterns() -> list:
    """wagtail-localize's endpoints that take a translation id, guarded by the source's owner.

    For snippets they check only that the user may edit the snippet type: B's editors could
    download, preview or rewrite the translation of A's location by guessing its id.
    """
    from wagtail_localize.wagtail_hooks import register_admin_urls

    (localize,) = register_admin_urls()
    return [
        URLPattern(pattern.pattern, _guard_translation(pattern.callback))
        for pattern in localize.url_patterns
        if isinstance(pattern, URLPattern) and "translation_id" in pattern.pattern.regex.groupindex
    ]


class TenantLocalizeSnippetsAPI(LocalizeSnippetsAPI):
    """wagtail-localize's snippet listing for its translation editor, narrowed like choosers."""

    def get_queryset(self):
        return visible_queryset(self.get_model(), self.request.user)


def tenant_admin_urlpatterns() -> list:
    """Replacements for admin endpoints that look objects up by id without any permission check.

    Wagtail's page chooser shows the page named in its URL (browse) or query (chosen-multiple)
    whatever the user's permissions; wagtail-localize's snippet API lists every snippet and its
    translation views check only the snippet type. The construct_page_chooser_queryset hook
    reaches none of them. config/urls.py mounts these ahead of the admin, at the same paths,
    so the admin's own links lead here.
    """

    snippets_api = "api/snippets/<slug:app_label>/<slug:model_name>/"
    localize = [
        path(snippets_api, TenantLocalizeSnippetsAPI.as_view({"get": "list"})),
        path(f"{snippets_api}<str:pk>/", TenantLocalizeSnippetsAPI.as_view({"get": "retrieve"})),
        *_localize_translation_urlpatterns(),
    ]
    urlpatterns = [
        path("choose-page/<int:parent_page_id>/", _guard_page_ids(BrowseView.as_view())),
        path("choose-page/chosen-multiple/", _guard_page_ids(ChosenMultipleView.as_view())),
        path("localize/", include(localize)),
    ]
    # As Wagtail does for its own admin URLs: log in first, never cache.
    urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
    return decorate_urlpatterns(urlpatterns, never_cache)
