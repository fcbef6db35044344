"""Home pages: one per centre's site, and the network hub's."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, Site
from wagtail.search import index

from headless.previewing import HeadlessPreviewMixin
from sites.models.mixins import (
    SECTION_PAGE_TYPES,
    BodyMixin,
    IntroMixin,
    PageLanguageMixin,
    SiteOrganisationMixin,
)


class CentreHomePage(
    HeadlessPreviewMixin, PageLanguageMixin, SiteOrganisationMixin, IntroMixin, BodyMixin, Page
):
    """The home page of one centre's site."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGE_TYPES

    class Meta:
        verbose_name = _("centre home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisation = self.organisation
        if organisation is not None:
            context["locations"] = list(
                organisation.locations.select_related("municipality").prefetch_related(
                    "weekly_hours", "hours_exceptions"
                )
            )
            context["contacts"] = list(
                organisation.contact_people.publishable().select_related("location")
            )
        return context


class HubHomePage(
    HeadlessPreviewMixin, PageLanguageMixin, SiteOrganisationMixin, IntroMixin, BodyMixin, Page
):
    """The network hub: lists every centre's site and carries network-wide content."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGE_TYPES
    max_count = 1

    class Meta:
        verbose_name = _("network hub home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["centre_sites"] = (
            Site.objects.exclude(root_page=self).filter(root_page__live=True).order_by("site_name")
        )
        return context
