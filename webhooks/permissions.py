"""Who manages a site's webhooks: its moderators; coordinators and superusers manage all."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry

from network.permissions import MANAGE_NETWORK, user_manages_network
from webhooks.models import Subscription


def moderated_site_ids(user) -> set[int]:
    """Sites whose moderators group the user is in; cached on the user for the request."""
    if not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_mreza_webhook_sites", None)
    if cached is None:
        from network.models import Tenant

        cached = set(
            Tenant.objects.filter(moderators__in=user.groups.values("pk")).values_list(
                "site_id", flat=True
            )
        )
        user._mreza_webhook_sites = cached
    return cached


class SubscriptionPermissionPolicy(BasePermissionPolicy):
    """Every action (list, add, change, delete) follows the same rule: the subscription's
    site must be one the user moderates, unless they manage the whole network.

    Model permissions are not used: provisioning gives moderators their site, and a centre's
    moderators are exactly the people trusted with where its events go.
    """

    def user_has_permission(self, user, action: str) -> bool:
        return user_manages_network(user) or bool(moderated_site_ids(user))

    def user_has_any_permission(self, user, actions: Iterable[str]) -> bool:
        return self.user_has_permission(user, "change")

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return user_manages_network(user) or instance.site_id in moderated_site_ids(user)

    def instances_user_has_any_permission_for(self, user, actions: Iterable[str]) -> QuerySet:
        return manageable_subscriptions(user)

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet:
        from network.models import Tenant

        app_label, codename = MANAGE_NETWORK.split(".")
        manage = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        moderators = Tenant.objects.values("moderators")
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=manage)
                | Q(groups__permissions__in=manage)
                | Q(groups__in=moderators)
            )
            .distinct()
        )


def manageable_subscriptions(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Subscription.objects.all() if queryset is None else queryset
    if user_manages_network(user):
        return queryset
    return queryset.filter(site_id__in=moderated_site_ids(user))


def manageable_sites(user) -> QuerySet:
    from wagtail.models import Site

    if user_manages_network(user):
        return Site.objects.all()
    return Site.objects.filter(pk__in=moderated_site_ids(user))


def register_permission_policy() -> None:
    from wagtail.permissions import register_permission_policy as register

    if policy_registry.get_by_type(Subscription, fallback=False) is None:
        register(Subscription, SubscriptionPermissionPolicy(Subscription))
