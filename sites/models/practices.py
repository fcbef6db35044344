"""Good practices: what works in one centre, written up so others can take it over."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
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

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class GoodPracticeIndexPage(
    HeadlessPreviewMixin, PageLanguageMixin, PaginatedChildrenMixin, IntroMixin, Page
):
    """On the hub it holds the network's good practices; on a centre's site it lists them."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [
        APIField("intro"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["centre_sites.GoodPracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("good practice index page")

    def get_listing_queryset(self, request):
        # Practices are published on the hub and shown by every site, never copied.
        return (
            GoodPracticePage.objects.live()
            .public()
            .select_related("region", "listing_image")
            .order_by("-first_published_at")
        )


class GoodPracticePage(
    HeadlessPreviewMixin, PageLanguageMixin, IntroMixin, BodyMixin, ListingImageMixin, Page
):
    """A good practice: the problem, the approach, results, resources and transferability."""

    problem = RichTextField(_("problem"), features=TEXT_FEATURES)
    approach = RichTextField(_("approach"), features=TEXT_FEATURES)
    results = RichTextField(_("results"), features=TEXT_FEATURES)
    resources_needed = RichTextField(_("resources needed"), features=TEXT_FEATURES, blank=True)
    transferability = models.TextField(
        _("transferability"),
        blank=True,
        help_text=_("Where it has been taken over, e.g. “transferred to 12 units”."),
    )
    transferred_units = models.PositiveIntegerField(
        _("units it was transferred to"), null=True, blank=True
    )
    organisations = ParentalManyToManyField(
        "network.Organisation", verbose_name=_("organisations"), blank=True, related_name="+"
    )
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "network.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        "network.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("resources_needed"),
        MultiFieldPanel(
            [FieldPanel("transferability"), FieldPanel("transferred_units")],
            heading=_("Transferability"),
        ),
        FieldPanel("organisations"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("contact")]),
        FieldRowPanel([FieldPanel("themes"), FieldPanel("target_groups")]),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("problem"),
        APIField("approach"),
        APIField("results"),
        APIField("resources_needed"),
        APIField("transferability"),
        APIField("transferred_units"),
        APIField("organisations", serializer=serializers.OrganisationsField()),
        APIField("region", serializer=serializers.ReferenceField()),
        APIField("themes", serializer=serializers.ReferencesField()),
        APIField("target_groups", serializer=serializers.ReferencesField()),
        APIField("contact", serializer=serializers.PersonField()),
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.GoodPracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("good practice page")
