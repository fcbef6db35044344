"""Programmes: recurring activities of a centre, and social activation programmes."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from headless.previewing import HeadlessPreviewMixin
from sites import serializers
from sites.models.mixins import (
    HOME_PAGE_TYPES,
    BodyMixin,
    IntroMixin,
    ListingImageMixin,
    PageLanguageMixin,
    PaginatedChildrenMixin,
)
from sites.models.schedules import SCHEDULE_API_FIELDS, ScheduleChange, ScheduleMixin


class ProgrammeKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    LECTURE = "lecture", _("Lecture")
    COURSE = "course", _("Course")
    SUPPORT_GROUP = "support_group", _("Support group")
    COUNSELLING = "counselling", _("Counselling")
    SOCIAL = "social", _("Socialising")
    SPORT_CULTURE = "sport_culture", _("Sport and culture")
    HOLIDAY = "holiday", _("Holiday activities")
    COMMUNITY = "community", _("Community work")


class AudienceMixin(models.Model):
    """Who an activity is for and what it is about (network taxonomies)."""

    target_groups = ParentalManyToManyField(
        "network.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    themes = ParentalManyToManyField(
        "network.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )

    audience_api_fields = [
        APIField("target_groups", serializer=serializers.ReferencesField()),
        APIField("themes", serializer=serializers.ReferencesField()),
    ]

    class Meta:
        abstract = True


class AdmissionMixin(models.Model):
    """Price, registration and capacity of an activity."""

    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.CharField(_("price"), max_length=120, blank=True)
    registration_required = models.BooleanField(_("registration required"), default=False)
    registration_info = models.TextField(_("how to register"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    admission_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldRowPanel([FieldPanel("registration_required"), FieldPanel("capacity")]),
                FieldPanel("registration_info"),
            ],
            heading=_("Admission"),
        )
    ]
    admission_api_fields = [
        APIField("is_free"),
        APIField("price"),
        APIField("registration_required"),
        APIField("registration_info"),
        APIField("capacity"),
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        from django.core.exceptions import ValidationError

        if not self.is_free and not self.price.strip():
            raise ValidationError({"price": _("Give the price, or tick “free of charge”.")})


class ProgrammeIndexPage(
    HeadlessPreviewMixin, PageLanguageMixin, PaginatedChildrenMixin, IntroMixin, Page
):
    """Lists a centre's programmes."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [
        APIField("intro"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["centre_sites.ProgrammePage", "centre_sites.SocialActivationProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index page")

    def get_listing_queryset(self, request):
        return self.get_children().live().public().specific().order_by("title")


class ProgrammePage(
    HeadlessPreviewMixin,
    PageLanguageMixin,
    IntroMixin,
    BodyMixin,
    ListingImageMixin,
    AudienceMixin,
    AdmissionMixin,
    ScheduleMixin,
    Page,
):
    """A recurring activity, e.g. a weekly stress-management group."""

    kind = models.CharField(_("kind"), max_length=20, choices=ProgrammeKind.choices)
    location = models.ForeignKey(
        "network.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_pages",
    )
    facilitator = models.ForeignKey(
        "network.ContactPerson",
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("location"), FieldPanel("facilitator")]),
        FieldRowPanel([FieldPanel("target_groups"), FieldPanel("themes")]),
        *ScheduleMixin.schedule_panels,
        *AdmissionMixin.admission_panels,
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("intro"),
        APIField("location", serializer=serializers.LocationField()),
        APIField("facilitator", serializer=serializers.PersonField()),
        *AudienceMixin.audience_api_fields,
        *AdmissionMixin.admission_api_fields,
        *SCHEDULE_API_FIELDS,
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("programme page")


class ProgrammeScheduleChange(ScheduleChange):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="schedule_changes")


class SocialActivationProgrammePage(
    HeadlessPreviewMixin,
    PageLanguageMixin,
    IntroMixin,
    BodyMixin,
    ListingImageMixin,
    AudienceMixin,
    ScheduleMixin,
    Page,
):
    """A social activation programme: who may join, for how long, and through which door."""

    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"), validators=[MinValueValidator(1)]
    )
    capacity = models.PositiveIntegerField(
        _("capacity (persons)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    age_limit = models.PositiveSmallIntegerField(
        _("age limit"), null=True, blank=True, help_text=_("Participants up to this age.")
    )
    assistance_payments_required = models.PositiveSmallIntegerField(
        _("social assistance payments required"),
        null=True,
        blank=True,
        help_text=_("e.g. 12 payments of financial social assistance…"),
    )
    assistance_window_months = models.PositiveSmallIntegerField(
        _("within the last … months"), null=True, blank=True, help_text=_("…in the last 24 months.")
    )
    eligibility_note = models.TextField(_("other eligibility criteria"), blank=True)
    entry_points = ParentalManyToManyField(
        "network.Organisation",
        verbose_name=_("entry points"),
        blank=True,
        related_name="+",
        help_text=_("Where people enter: the social work centre, the employment office."),
    )
    implementer = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("implementer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partner = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    coordinators = ParentalManyToManyField(
        "network.ContactPerson",
        verbose_name=_("regional coordinators"),
        blank=True,
        related_name="+",
    )
    project = models.ForeignKey(
        "network.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration_months"), FieldPanel("capacity")]),
                FieldRowPanel(
                    [
                        FieldPanel("age_limit"),
                        FieldPanel("assistance_payments_required"),
                        FieldPanel("assistance_window_months"),
                    ]
                ),
                FieldPanel("eligibility_note"),
            ],
            heading=_("Who can join"),
        ),
        FieldPanel("entry_points"),
        FieldRowPanel([FieldPanel("implementer"), FieldPanel("partner"), FieldPanel("project")]),
        FieldPanel("coordinators"),
        FieldRowPanel([FieldPanel("target_groups"), FieldPanel("themes")]),
        *ScheduleMixin.schedule_panels,
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("intro"),
        APIField("duration_months"),
        APIField("capacity"),
        APIField("age_limit"),
        APIField("assistance_payments_required"),
        APIField("assistance_window_months"),
        APIField("eligibility_note"),
        APIField("entry_points", serializer=serializers.OrganisationsField()),
        APIField("implementer", serializer=serializers.OrganisationField()),
        APIField("partner", serializer=serializers.OrganisationField()),
        APIField("coordinators", serializer=serializers.PeopleField()),
        APIField("project", serializer=serializers.ProjectField()),
        *AudienceMixin.audience_api_fields,
        *SCHEDULE_API_FIELDS,
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("social activation programme page")

    def clean(self) -> None:
        super().clean()
        from django.core.exceptions import ValidationError

        if bool(self.assistance_payments_required) != bool(self.assistance_window_months):
            raise ValidationError(
                {
                    "assistance_window_months": _(
                        "Give both the number of assistance payments and the period they fall in."
                    )
                }
            )


class SocialActivationScheduleChange(ScheduleChange):
    page = ParentalKey(
        SocialActivationProgrammePage, on_delete=models.CASCADE, related_name="schedule_changes"
    )
