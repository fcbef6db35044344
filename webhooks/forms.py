"""The subscription form: a site the user moderates, an http(s) URL and the events wanted."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from webhooks.addresses import refused_address
from webhooks.models import SUBSCRIBABLE_EVENTS, all_event_types
from webhooks.permissions import manageable_sites


class SubscriptionForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=SUBSCRIBABLE_EVENTS,
        initial=all_event_types,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            # Posting another centre's site id is refused as an invalid choice.
            sites = manageable_sites(self.for_user).order_by("hostname")
            self.fields["site"].queryset = sites
            if not self.instance.pk and len(sites) == 1:
                self.fields["site"].initial = sites[0].pk

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        address = refused_address(url)
        if address:
            raise forms.ValidationError(
                _("This address reaches %(address)s, which is not on the public internet."),
                code="private_address",
                params={"address": address},
            )
        return url
