"""Per-site settings a centre edits itself: logo, colours, contact and social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from network.validators import clean_phone_field, colour_validator, validate_phone


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
        clean_phone_field(self, "contact_phone")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in links if url]
