"""News: articles of a centre, or of the network on the hub."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
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

    network_news_count = 3

    def get_listing_queryset(self, request):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("-date", "-pk")
        )

    def network_news(self) -> list[NewsArticlePage]:
        """The hub's latest news, in this page's language where translated, shown (never
        copied) on a centre's news page; none on the hub's own."""
        from sites.models.home import HubHomePage

        hubs = list(HubHomePage.objects.values_list("path", "depth"))
        if not hubs or any(self.path.startswith(path) for path, _depth in hubs):
            return []
        on_a_hub = Q()
        for path, depth in hubs:
            on_a_hub |= Q(path__startswith=path, depth=depth + 2)  # hub → news section → article
        from sites.api import pages_in_language  # the API's rule: a translation, else as is

        articles = pages_in_language(
            NewsArticlePage.objects.live().public().filter(on_a_hub), self.locale
        )
        return list(articles.order_by("-date", "-pk")[: self.network_news_count])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network_news"] = self.network_news()
        return context


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
