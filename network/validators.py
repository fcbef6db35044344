"""Validators for contact data and money, with messages an editor can act on."""

from __future__ import annotations

from decimal import Decimal

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB, for example #0055a4.")
)


def normalise_phone(value: str) -> str:
    """Return the phone number in international format, or raise a ValidationError.

    Numbers without a country code are read as Slovenian, then Czech (the network's
    countries, settings.MREZA["PHONE_REGIONS"]).
    """
    value = (value or "").strip()
    if not value:
        return ""
    for region in settings.MREZA["PHONE_REGIONS"]:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    raise ValidationError(
        _("“%(value)s” is not a valid phone number. Use a full number, e.g. +386 30 715 685."),
        code="invalid_phone",
        params={"value": value},
    )


def validate_phone(value: str) -> None:
    normalise_phone(value)


def funding_exceeds_total(total_value: Decimal | None, amounts: list[Decimal]) -> bool:
    """True when funding lines add up to more than the project's total value."""
    if total_value is None:
        return False
    return sum((amount or Decimal(0) for amount in amounts), Decimal(0)) > total_value


def validate_date_order(start, end, *, start_field: str, end_field: str) -> dict:
    """Return {end_field: error} when end is before start (both optional)."""
    if start and end and end < start:
        return {
            end_field: ValidationError(
                _("The end date cannot be before the start date."), code="end_before_start"
            )
        }
    return {}


def clean_phone_field(instance, field_name: str) -> None:
    """Normalise ``instance.<field_name>`` in place; errors name the field."""
    try:
        setattr(instance, field_name, normalise_phone(getattr(instance, field_name)))
    except ValidationError as error:
        raise ValidationError({field_name: error}) from error


# Colours the default templates put next to the site's brand colours (config/static/css).
WHITE = "#ffffff"
DARK_TEXT = "#1b1b1b"
AA_TEXT_CONTRAST = 4.5


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #RRGGBB colour (0 = black, 1 = white)."""
    channels = [int(colour.lstrip("#")[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [
        channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
        for channel in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #RRGGBB colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_text_colour(background: str) -> str:
    """White or the dark text colour, whichever contrasts more with ``background``."""
    if contrast_ratio(background, WHITE) >= contrast_ratio(background, DARK_TEXT):
        return WHITE
    return DARK_TEXT
