"""Snippet viewsets that respect tenant ownership in listings, choosers and object URLs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import URLPattern
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from network.forms import TenantScopedForm
from network.permissions import owned_policy


def visible_queryset(model, user, queryset=None):
    """What the user may list or choose of ``model``; everything for network-wide models."""
    queryset = model._default_manager.all() if queryset is None else queryset
    policy = owned_policy(model)
    return policy.visible_to(user, queryset) if policy else queryset


def guard_object_urls(urlpatterns: list, model) -> list:
    """Wrap every URL that takes a ``pk`` so another tenant's object answers 404.

    Wagtail checks instance permissions in its edit and delete views, but not in every
    view that takes an object id (history, usage, inspect, revision compare, preview,
    copy, chooser's chosen); guarding at the URL keeps the rule in one place.
    """
    guarded = []
    for pattern in urlpatterns:
        if isinstance(pattern, URLPattern) and "pk" in pattern.pattern.converters:
            pattern = URLPattern(
                pattern.pattern, _guard(pattern.callback, model), pattern.default_args, pattern.name
            )
        guarded.append(pattern)
    return guarded


def _guard(view: Callable, model) -> Callable:
    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        if not visible_queryset(model, request.user).filter(pk=unquote(str(kwargs["pk"]))).exists():
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
    base_form_class = TenantScopedForm

    def get_queryset(self, request):
        return visible_queryset(self.model, request.user)

    def get_edit_handler(self):
        panels = getattr(self, "panels", None) or self.model.panels
        return ObjectList(panels, base_form_class=self.base_form_class).bind_to_model(self.model)

    def get_urlpatterns(self):
        return guard_object_urls(super().get_urlpatterns(), self.model)
