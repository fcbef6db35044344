"""The public registration form: who is coming, how many, and their consent."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from network.validators import normalise_phone
from sites.models.registrations import MAX_PLACES
from sites.registrations import Availability, RegistrationData, retention_days


class RegistrationForm(forms.Form):
    """Fields and messages that each name what to fix; the service re-checks everything."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the confirmation and a link to cancel to this address."),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the form name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        help_text=_("Only used to reach you quickly, e.g. if the activity is cancelled."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    places = forms.IntegerField(
        label=_("Places"),
        initial=1,
        min_value=1,
        max_value=MAX_PLACES,
        error_messages={
            "required": _("Enter how many places you need."),
            "min_value": _("Book at least one place."),
            "invalid": _("Enter the number of places as a whole number, e.g. 2."),
        },
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Tick the box to agree to how we use your details, or we cannot register you."
            )
        },
    )

    def __init__(self, *args, availability: Availability, site_name: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.availability = availability
        largest = MAX_PLACES
        if availability.capacity is not None:
            largest = min(largest, availability.capacity)
        places = self.fields["places"]
        places.max_value = largest
        places.widget.attrs["max"] = largest
        places.validators = [
            validator
            for validator in places.validators
            if getattr(validator, "code", "") != "max_value"
        ]
        places.help_text = self.places_help(largest)
        self.fields["consent"].label = _(
            "I agree that %(site)s keeps my name, e-mail address and phone number to manage "
            "my registration and to tell me about changes to this activity. They are deleted "
            "%(days)s days after it ends; I can cancel at any time with the link in the "
            "confirmation e-mail."
        ) % {"site": site_name, "days": retention_days()}

    def places_help(self, largest: int) -> str:
        text = ngettext(
            "For you and anyone coming with you: at most %(count)s place.",
            "For you and anyone coming with you: at most %(count)s places.",
            largest,
        ) % {"count": largest}
        left = self.availability.places_left
        if left is not None and left < largest:
            text += " " + ngettext(
                "%(count)s place is left; if you ask for more, you join the waitlist.",
                "%(count)s places are left; if you ask for more, you join the waitlist.",
                left,
            ) % {"count": left}
        return text

    def clean_places(self) -> int:
        places = self.cleaned_data["places"]
        largest = self.fields["places"].max_value
        if places > largest:
            raise ValidationError(
                ngettext(
                    "You can book at most %(count)s place.",
                    "You can book at most %(count)s places.",
                    largest,
                ),
                code="max_value",
                params={"count": largest},
            )
        return places

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data["phone"])

    def registration_data(self) -> RegistrationData:
        return RegistrationData.from_mapping(self.cleaned_data)
