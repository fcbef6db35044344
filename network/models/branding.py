"""Per-site settings a centre edits itself: logo, colours, contact and social links."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from network.validators import (
    AA_TEXT_CONTRAST,
    DARK_TEXT,
    WHITE,
    clean_phone_field,
    colour_validator,
    contrast_ratio,
    readable_text_colour,
    validate_phone,
)


def _is_colour(value: str) -> bool:
    try:
        colour_validator(value)
    except ValidationError:
        return False
    return True


def colour_contrast_errors(*, primary: str, accent: str) -> dict[str, ValidationError]:
    """Contrast errors, by field, for the brand colours as the default templates use them.

    The primary colour is the background of the header and of buttons under white text,
    and the colour of links on white; the accent colour is a background under white or
    dark text, whichever reads better. Both must reach WCAG 2.1 AA for normal text.
    """
    errors = {}
    if _is_colour(primary):
        ratio = contrast_ratio(primary, WHITE)
        if ratio < AA_TEXT_CONTRAST:
            errors["primary_colour"] = ValidationError(
                _(
                    "White text on the primary colour %(colour)s has a contrast of only "
                    "%(ratio).1f:1; WCAG AA needs at least %(needed).1f:1. Choose a darker colour."
                ),
                code="low_contrast",
                params={"colour": primary, "ratio": ratio, "needed": AA_TEXT_CONTRAST},
            )
    if _is_colour(accent):
        text = readable_text_colour(accent)
        ratio = contrast_ratio(accent, text)
        if ratio < AA_TEXT_CONTRAST:
            errors["accent_colour"] = ValidationError(
                _(
                    "Neither white nor dark text reaches WCAG AA contrast on the accent colour "
                    "%(colour)s (best %(ratio).1f:1, at least %(needed).1f:1 needed). Choose a "
                    "lighter or a darker colour."
                ),
                code="low_contrast",
                params={"colour": accent, "ratio": ratio, "needed": AA_TEXT_CONTRAST},
            )
    return errors


@register_setting(icon="site")
class SiteBranding(BaseSiteSetting):
    """How a centre's site looks and how the public reaches the centre."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default="#1d4e89", validators=[colour_validator]
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#f2a900", validators=[colour_validator]
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, validators=[validate_phone]
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
        FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site branding")

    def clean(self) -> None:
        super().clean()
        # Report every field at once: a bad phone number must not hide a colour error.
        errors: dict = colour_contrast_errors(
            primary=self.primary_colour, accent=self.accent_colour
        )
        try:
            clean_phone_field(self, "contact_phone")
        except ValidationError as error:
            errors.update(error.error_dict)
        if errors:
            raise ValidationError(errors)

    @property
    def on_primary_colour(self) -> str:
        """The text colour used on the primary colour (white: the contrast check ensures it)."""
        return WHITE

    @property
    def on_accent_colour(self) -> str:
        """The text colour used on the accent colour: white or dark, whichever reads better."""
        return (
            readable_text_colour(self.accent_colour)
            if _is_colour(self.accent_colour)
            else DARK_TEXT
        )

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in links if url]
