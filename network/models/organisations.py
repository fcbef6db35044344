"""Organisations of the network and their offices (locations)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from network.models.localize import copied, overridable, translated
from network.validators import clean_phone_field, validate_phone


class OrganisationKind(models.TextChoices):
    NGO = "ngo", _("Non-governmental organisation")
    PUBLIC_INSTITUTE = "public_institute", _("Public institute")
    REGIONAL_NGO_CENTRE = "regional_ngo_centre", _("Regional NGO centre")
    MULTIGENERATIONAL_CENTRE = "multigenerational_centre", _("Multigenerational centre")
    COMMUNITY_CENTRE = "community_centre", _("Community centre")
    SOCIAL_ACTIVATION_UNIT = "social_activation_unit", _("Social activation unit")
    SOCIAL_WORK_CENTRE = "social_work_centre", _("Social work centre")
    EMPLOYMENT_OFFICE = "employment_office", _("Employment office")
    SCHOOL = "school", _("School or adult education centre")
    DEVELOPMENT_AGENCY = "development_agency", _("Regional development agency")
    MINISTRY = "ministry", _("Ministry")
    MUNICIPALITY = "municipality", _("Municipality")
    EU_FUND = "eu_fund", _("EU fund")
    NETWORK = "network", _("Network coordination")
    OTHER = "other", _("Other")


class PhoneAndEmailMixin(models.Model):
    """Checked contact details shared by organisations, locations and people."""

    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        clean_phone_field(self, "phone")


class Organisation(TranslatableMixin, PhoneAndEmailMixin, index.Indexed, ClusterableModel):
    """Any organisation of the network: a centre, its partners, funders' bodies, municipalities."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=120)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)
    description = models.TextField(_("description"), blank=True)
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    municipalities = ParentalManyToManyField(
        "network.Municipality",
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site it runs"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text=_("The website of the network this organisation runs, if any."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("region"), FieldPanel("municipalities")], heading=_("Where it works")
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("logo")],
            heading=_("Contact"),
        ),
        FieldPanel("site", permission="network.manage_network"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("region"),
    ]
    # Municipalities served (a many-to-many) are left out, as wagtail-localize does by default.
    translatable_fields = [
        *translated("name", "short_name", "description", "region"),
        *copied("phone", "email", "slug", "kind", "website", "site"),
        *overridable("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.short_name or self.name

    def clean(self) -> None:
        super().clean()
        if self.site_id:
            taken = (
                Organisation.objects.filter(site_id=self.site_id)
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if taken:
                raise ValidationError(
                    {"site": _("This site is already run by %(name)s.") % {"name": taken.name}}
                )


class Location(TranslatableMixin, PhoneAndEmailMixin, index.Indexed, ClusterableModel):
    """An office or branch of an organisation, with its address and opening hours."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120)
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="locations",
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    accessibility_note = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, accessible toilet, hearing loop, parking…"),
    )
    by_appointment = models.BooleanField(
        _("by appointment"),
        default=False,
        help_text=_("Visits outside the hours below are possible by appointment."),
    )
    hours_note = models.CharField(_("note on opening hours"), max_length=255, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        default="Europe/Ljubljana",
        choices=[("Europe/Ljubljana", "Europe/Ljubljana"), ("Europe/Prague", "Europe/Prague")],
    )

    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("accessibility_note"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldPanel("by_appointment"),
                FieldPanel("hours_note"),
                InlinePanel("weekly_hours", label=_("Weekly hours")),
                InlinePanel("hours_exceptions", label=_("Exceptions (holidays, special days)")),
            ],
            heading=_("Opening hours"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("street_address"),
        index.AutocompleteField("name"),
        index.FilterField("organisation"),
        index.FilterField("municipality"),
    ]
    translatable_fields = [
        *translated(
            "organisation",
            "name",
            "street_address",
            "municipality",
            "accessibility_note",
            "hours_note",
            "hours_exceptions",  # their notes; dates and times are copied
        ),
        *copied(
            "phone",
            "email",
            "slug",
            "postcode",
            "latitude",
            "longitude",
            "by_appointment",
            "time_zone",
            "weekly_hours",
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["organisation__name", "name"]
        unique_together = [("translation_key", "locale"), ("organisation", "slug", "locale")]

    def __str__(self) -> str:
        return self.name

    @cached_property
    def opening_hours(self):
        """The structured opening hours of this location (see network.opening_hours)."""
        from network.opening_hours import OpeningHours

        return OpeningHours.for_location(self)
