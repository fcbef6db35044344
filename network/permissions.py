"""Tenant permissions: organisation-owned snippets are visible and editable only by their owners.

Network-wide snippets (funders, programmes, regions, taxonomies) keep Wagtail's model
permissions. Snippets owned by an organisation (the organisation itself, its locations,
contact people, projects and indicator values) additionally require that the user edits a
site run by the owning organisation, or holds ``network.manage_network`` (coordinators).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

MANAGE_NETWORK = "network.manage_network"


def user_organisation_keys(user) -> set:
    """Translation keys of the organisations whose sites the user edits or moderates.

    Cached on the user object for the request, as every permission check asks for it.
    """
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_mreza_organisation_keys", None)
    if cached is None:
        from network.models import Organisation

        group_ids = user.groups.values_list("pk", flat=True)
        cached = set(
            Organisation.objects.filter(
                Q(site__tenant__editors__in=group_ids) | Q(site__tenant__moderators__in=group_ids)
            ).values_list("translation_key", flat=True)
        )
        user._mreza_organisation_keys = cached
    return cached


def user_manages_network(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(MANAGE_NETWORK)))


class OrganisationOwnedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to instances owned by the user's organisations."""

    def __init__(self, model: type[Model], *, owner_path: str, listed_for_all: bool = False):
        super().__init__(model)
        # Path from the model to the owning Organisation; "" when the model is Organisation.
        self.owner_path = owner_path
        # Organisations form a shared directory (partners, funders' bodies): every editor
        # lists and chooses them, but only the owners and coordinators change them.
        self.listed_for_all = listed_for_all

    def owned_by(self, user) -> Q:
        keys = user_organisation_keys(user)
        if not self.owner_path:
            return Q(translation_key__in=keys)
        from network.models import Organisation

        # Filter on the owner foreign key itself rather than joining through to the owner's
        # translation key: admin listings run searches over this queryset, and a search
        # backend only accepts filters on indexed fields (``index.FilterField("organisation")``).
        owners = Organisation.objects.filter(translation_key__in=keys).values("pk")
        return Q(**{f"{self.owner_path}__in": owners})

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        # The base class answers this from model permissions alone; Wagtail asks it (not the
        # "any" variant) in edit, delete, bulk-delete and locking views.
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        if not self.user_has_any_permission(user, actions):
            return False
        if user_manages_network(user):
            return True
        if instance.pk is None:
            # Creating: the form restricts the owner choices; nothing to compare yet.
            return True
        return self.model._default_manager.filter(self.owned_by(user), pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        queryset = self.model._default_manager.all()
        if user_manages_network(user):
            return queryset
        return queryset.filter(self.owned_by(user))

    def visible_to(self, user, queryset: QuerySet | None = None) -> QuerySet:
        """Instances the user may list and choose in the admin."""
        queryset = self.model._default_manager.all() if queryset is None else queryset
        if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
            return queryset.none()
        if self.listed_for_all or user_manages_network(user):
            return queryset
        return queryset.filter(self.owned_by(user))

    def owned_instances(self, user, queryset: QuerySet) -> QuerySet:
        """Narrow a queryset of this model to what the user may change (owner choices in forms)."""
        if user_manages_network(user):
            return queryset
        return queryset.filter(self.owned_by(user))


# Models owned by an organisation, and the path from each to its owner.
OWNER_PATHS = {
    "network.Organisation": "",
    "network.Location": "organisation",
    "network.ContactPerson": "organisation",
    "network.Project": "owner",
    "network.IndicatorValue": "indicator__project__owner",
}

_policies: dict[type[Model], OrganisationOwnedPermissionPolicy] = {}


def register_permission_policies() -> None:
    """Register the owner-scoped policies before any admin view asks for a fallback."""
    from django.apps import apps

    for label, owner_path in OWNER_PATHS.items():
        model = apps.get_model(label)
        if model in _policies:
            continue
        policy = OrganisationOwnedPermissionPolicy(
            model, owner_path=owner_path, listed_for_all=(owner_path == "")
        )
        _policies[model] = policy
        register_permission_policy(model, policy)


def owned_policy(model: type[Model]) -> OrganisationOwnedPermissionPolicy | None:
    return _policies.get(model)
