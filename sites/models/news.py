"""News: articles of a centre, or of the network on the hub."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
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
    PaginatedChildrenMixin,
)


class NewsIndexPage(
    HeadlessPreviewMixin, PageLanguageMixin, PaginatedChildrenMixin, IntroMixin, Page
):
    """Lists news articles, newest first."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [
        APIField("intro"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["centre_sites.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def get_listing_queryset(self, request):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("-date", "-pk")
        )


class NewsArticlePage(
    HeadlessPreviewMixin, PageLanguageMixin, IntroMixin, BodyMixin, ListingImageMixin, Page
):
    """A news article, e.g. a report from a network meeting."""

    date = models.DateField(_("date"), default=timezone.localdate)
    themes = ParentalManyToManyField(
        "network.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("themes", serializer=serializers.ReferencesField()),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
