"""Home and standard pages of a centre's site and of the network hub."""

from __future__ import annotations

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from blocks.streams import BodyBlock


class IntroMixin(models.Model):
    """A short introduction shown under the title and in listings."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    class Meta:
        abstract = True


class SiteOrganisationMixin:
    """Gives a page the organisation that runs its site."""

    @cached_property
    def organisation(self):
        from network.models import Organisation

        site = self.get_site()
        if site is None:
            return None
        return (
            Organisation.objects.filter(site=site)
            .prefetch_related("locations__weekly_hours", "locations__hours_exceptions")
            .order_by("pk")
            .first()
        )


class CentreHomePage(SiteOrganisationMixin, IntroMixin, BodyMixin, Page):
    """The home page of one centre's site."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["centre_sites.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("centre home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisation = self.organisation
        if organisation is not None:
            context["locations"] = list(organisation.locations.all())
            context["contacts"] = list(
                organisation.contact_people.publishable().select_related("location")
            )
        return context


class HubHomePage(SiteOrganisationMixin, IntroMixin, BodyMixin, Page):
    """The network hub: lists every centre's site."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["centre_sites.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network hub home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["centre_sites"] = (
            Site.objects.exclude(root_page=self)
            .filter(root_page__live=True)
            .select_related("tenant")
            .order_by("site_name")
        )
        return context


class StandardPage(IntroMixin, BodyMixin, Page):
    """A plain content page."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = [
        "centre_sites.CentreHomePage",
        "centre_sites.HubHomePage",
        "centre_sites.StandardPage",
    ]
    subpage_types = ["centre_sites.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
