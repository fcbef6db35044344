"""General pages: standard content, contact and search."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
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
    SiteOrganisationMixin,
)


class StandardPage(
    HeadlessPreviewMixin, PageLanguageMixin, IntroMixin, BodyMixin, ListingImageMixin, Page
):
    """A plain content page."""

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("intro"),
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = [*HOME_PAGE_TYPES, "centre_sites.StandardPage"]
    subpage_types = ["centre_sites.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ContactPage(
    HeadlessPreviewMixin, PageLanguageMixin, SiteOrganisationMixin, IntroMixin, BodyMixin, Page
):
    """How to reach the centre: its offices with hours, and the people to ask."""

    locations = ParentalManyToManyField(
        "network.Location", verbose_name=_("offices"), blank=True, related_name="+"
    )
    contacts = ParentalManyToManyField(
        "network.ContactPerson", verbose_name=_("contact people"), blank=True, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("locations"),
        FieldPanel("contacts"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("locations", serializer=serializers.LocationsField()),
        APIField("contacts", serializer=serializers.PeopleField()),
        APIField("body"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices"] = list(
            self.locations.select_related("municipality").prefetch_related(
                "weekly_hours", "hours_exceptions"
            )
        )
        context["people"] = list(self.contacts.publishable().select_related("location"))
        return context


class SearchPage(HeadlessPreviewMixin, PageLanguageMixin, IntroMixin, Page):
    """Searches this site or the whole network (``search.views``)."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [
        APIField("intro"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("search page")

    def get_context(self, request, *args, **kwargs):
        from search.views import search_page_context  # search reads these page models

        context = super().get_context(request, *args, **kwargs)
        context.update(search_page_context(request, self.get_site()))
        return context
