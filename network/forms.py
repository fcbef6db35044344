"""Admin forms of the network: tenant-scoped choices, provisioning and a site's languages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import CollectionMember, Locale
from wagtail.permissions import policy_registry

from network.models import Organisation, Tenant
from network.permissions import owned_policy, user_manages_network
from network.provisioning import (
    HOME_PAGE_MODELS,
    ProvisioningError,
    language_label,
    set_site_languages,
    validate_site_languages,
)


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


def network_language_choices() -> list[tuple[str, str]]:
    """The network's languages (its Wagtail Locales), in the order of settings.LANGUAGES."""
    codes = set(Locale.objects.values_list("language_code", flat=True))
    return [(code, language_label(code)) for code, _name in settings.LANGUAGES if code in codes]


def tenant_label(field: str) -> str:
    """A Tenant field's name as a label (“Default language”), translated like the model's."""
    return capfirst(Tenant._meta.get_field(field).verbose_name)


LANGUAGES_HELP = _("The languages the site publishes in.")
DEFAULT_LANGUAGE_HELP = _(
    "Must be one of the site's languages. Pages not translated into a visitor's language "
    "are shown in it."
)


def languages_field() -> forms.MultipleChoiceField:
    """The site's languages, as ticks; its choices are set per form (network_language_choices)."""
    return forms.MultipleChoiceField(
        label=tenant_label("languages"),
        widget=forms.CheckboxSelectMultiple,
        help_text=LANGUAGES_HELP,
    )


def default_language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=tenant_label("default_language"), help_text=DEFAULT_LANGUAGE_HELP
    )


def _default_not_among_languages(form: forms.Form, default_field: str) -> None:
    # provision_site adds the default to the languages itself; the form asks for both.
    data = form.cleaned_data
    default, languages = data.get(default_field), data.get("languages")
    if default and languages is not None and default not in languages:
        form.add_error(
            default_field, _("The default language must be one of the site's languages.")
        )


class ProvisionSiteForm(forms.Form):
    """What provision_site needs; ``locale`` is the home page's language, the site's default."""

    name = forms.CharField(label=_("Site name"), max_length=255)
    hostname = forms.CharField(
        label=_("Hostname"), max_length=253, help_text=_("e.g. socio.localhost")
    )
    port = forms.IntegerField(label=_("Port"), initial=80, min_value=1, max_value=65535)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(site__isnull=True).order_by("name"),
        help_text=_("The organisation that runs the site."),
    )
    languages = languages_field()
    locale = default_language_field()
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(key, key) for key in HOME_PAGE_MODELS], initial="centre"
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(tz, tz) for tz in settings.MREZA["SITE_TIME_ZONES"]]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = network_language_choices()
        self.fields["languages"].choices = choices
        self.fields["locale"].choices = choices
        # A new site starts in the network's default language only; more can be added later.
        self.fields["languages"].initial = [settings.LANGUAGE_CODE]
        self.fields["locale"].initial = settings.LANGUAGE_CODE

    def clean(self):
        cleaned = super().clean()
        _default_not_among_languages(self, "locale")
        return cleaned


class SiteLanguagesForm(WagtailAdminModelForm):
    """The languages a site publishes in and its default, checked by set_site_languages."""

    languages = languages_field()
    default_language = default_language_field()

    class Meta:
        model = Tenant
        fields = ["languages", "default_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = network_language_choices()
        self.fields["languages"].choices = choices
        self.fields["default_language"].choices = choices
        if self.instance.pk is not None:
            # An empty list means every language: show what the site really publishes in.
            current = self.instance.site_languages
            self.initial["languages"] = list(current.codes)
            self.initial["default_language"] = current.default

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            validate_site_languages(
                self.instance,
                languages=cleaned["languages"],
                default_language=cleaned["default_language"],
            )
        except ProvisioningError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return cleaned

    def save(self, commit: bool = True) -> Tenant:
        return set_site_languages(
            self.instance,
            languages=self.cleaned_data["languages"],
            default_language=self.cleaned_data["default_language"],
        )
