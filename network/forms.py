"""Admin forms that keep an editor's choices inside their own organisation."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import CollectionMember
from wagtail.permissions import policy_registry

from network.permissions import owned_policy, user_manages_network


class TenantScopedForm(WagtailAdminModelForm):
    """Limits owner fields to the user's organisations and hides other tenants' owned snippets,
    images and documents.

    Without this, an editor could post the id of another centre's location, project or image
    and attach it to their own content, even though the chooser never offered it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user_manages_network(user):
            return
        own_policy = owned_policy(self._meta.model)
        owner_field = own_policy.owner_path.split("__", 1)[0] if own_policy else None
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            related_policy = owned_policy(field.queryset.model)
            if name == owner_field:
                field.queryset = self._owner_choices(field.queryset, own_policy, user)
            elif related_policy is not None:
                field.queryset = related_policy.visible_to(user, field.queryset)
            elif issubclass(field.queryset.model, CollectionMember):
                # Images and documents: what the chooser offers, i.e. the user's collections.
                policy = policy_registry.get_by_type(field.queryset.model)
                choosable = policy.instances_user_has_any_permission_for(user, ["choose"])
                field.queryset = field.queryset.filter(pk__in=choosable.values("pk"))

    @staticmethod
    def _owner_choices(queryset, policy, user):
        from network.permissions import user_organisation_keys

        rest = policy.owner_path.split("__", 1)[1] if "__" in policy.owner_path else ""
        lookup = f"{rest}__translation_key__in" if rest else "translation_key__in"
        return queryset.filter(**{lookup: user_organisation_keys(user)})


class ProjectForm(TenantScopedForm):
    """Checks the funding lines being edited against the total value.

    The model's clean() cannot see the inline rows of an unsaved form, so the sum is
    checked here with the same rule (network.models.projects.funding_error).
    """

    def is_valid(self) -> bool:
        valid = super().is_valid()
        formset = self.formsets.get("funding_lines")
        if formset is None or not hasattr(self, "cleaned_data"):
            return valid
        amounts = [
            form.cleaned_data["amount"]
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("amount") is not None
        ]
        from network.models.projects import funding_error

        error = funding_error(self.cleaned_data.get("total_value"), amounts)
        if error and "total_value" not in self.errors:
            self.add_error("total_value", error)
            return False
        return valid
