"""Project pages present a network Project on a centre's site."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from headless.previewing import HeadlessPreviewMixin
from sites import serializers
from sites.forms import ProjectPageForm
from sites.models.mixins import (
    HOME_PAGE_TYPES,
    BodyMixin,
    IntroMixin,
    ListingImageMixin,
    PageLanguageMixin,
    PaginatedChildrenMixin,
)


class ProjectIndexPage(
    HeadlessPreviewMixin, PageLanguageMixin, PaginatedChildrenMixin, IntroMixin, Page
):
    """Lists the projects a centre runs or takes part in."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [
        APIField("intro"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["centre_sites.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project index page")

    def get_listing_queryset(self, request):
        return (
            ProjectPage.objects.child_of(self)
            .live()
            .public()
            .select_related("project", "project__funding_programme")
            .order_by("title")
        )


class ProjectPage(
    HeadlessPreviewMixin, PageLanguageMixin, IntroMixin, BodyMixin, ListingImageMixin, Page
):
    """One project: its summary, funding, partners and results, from the network Project."""

    project = models.ForeignKey(
        "network.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="pages",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("project"),
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("project", [index.SearchField("title"), index.SearchField("summary")]),
    ]
    api_fields = [
        APIField("project", serializer=serializers.ProjectField()),
        APIField("intro"),
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.ProjectIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ProjectPageForm

    class Meta:
        verbose_name = _("project page")
