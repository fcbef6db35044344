"""Location pages: one branch of a centre, its office, hours and what happens there."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from headless.previewing import HeadlessPreviewMixin
from sites import serializers
from sites.models.mixins import HOME_PAGE_TYPES, BodyMixin, IntroMixin, PageLanguageMixin


class LocationPage(HeadlessPreviewMixin, PageLanguageMixin, IntroMixin, BodyMixin, Page):
    """A branch of the centre, e.g. the Pivka point of a multigenerational centre."""

    location = models.ForeignKey(
        "network.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="pages",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("location"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("location", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("location", serializer=serializers.LocationField()),
        APIField("intro"),
        APIField("body"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("location page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["office"] = (
            type(self.location)
            .objects.select_related("municipality", "organisation")
            .prefetch_related("weekly_hours", "hours_exceptions")
            .get(pk=self.location_id)
        )
        return context
