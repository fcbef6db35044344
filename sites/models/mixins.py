"""Abstract fields and behaviour shared by the page types (never a concrete base page)."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from blocks.streams import BodyBlock

# Child page types every centre's home page (and the hub) may hold.
SECTION_PAGE_TYPES = [
    "centre_sites.StandardPage",
    "centre_sites.ProjectIndexPage",
    "centre_sites.ProgrammeIndexPage",
    "centre_sites.EventIndexPage",
    "centre_sites.NewsIndexPage",
    "centre_sites.LocationPage",
    "centre_sites.ContactPage",
    "centre_sites.GoodPracticeIndexPage",
    "centre_sites.SearchPage",
]
HOME_PAGE_TYPES = ["centre_sites.CentreHomePage", "centre_sites.HubHomePage"]


class IntroMixin(models.Model):
    """A short introduction shown under the title and in listings."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    """The page's main content, built from the shared blocks."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    class Meta:
        abstract = True


class ListingImageMixin(models.Model):
    """An image for listings and social previews."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class PageLanguageMixin:
    """Renders a page in its own locale's language, whatever the URL prefix says.

    A Czech centre's pages live at unprefixed URLs where Django's default language
    (Slovenian) would otherwise label the interface.

    A path missing from a translated tree (/en/projekti/…, not translated yet) is looked up
    in the site's own tree and served in its language; the base template says so.
    """

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            home = self._untranslated_home(request) if path_components else None
            if home is None:
                raise
            return home.route(request, path_components)

    def _untranslated_home(self, request):
        """The site's home page in its default language when this page translates it, else None."""
        from wagtail.models import Site

        from network.models import Tenant

        site = Site.find_for_request(request)
        if site is None or self.translation_key != site.root_page.translation_key:
            return None
        default = Tenant.languages_for(site).default
        if self.locale.language_code == default:
            return None
        home = (
            site.root_page.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=default)
            .first()
        ) or site.root_page
        return None if home.pk == self.pk else home.specific

    def serve(self, request, *args, **kwargs):
        with translation.override(self.locale.language_code):
            request.LANGUAGE_CODE = self.locale.language_code
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            return response

    def serve_preview(self, request, mode_name):
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
            return response


class SiteOrganisationMixin:
    """Gives a page the organisation that runs its site."""

    @cached_property
    def organisation(self):
        from network.models import Organisation

        site = self.get_site()
        if site is None:
            return None
        return Organisation.objects.filter(site=site).order_by("pk").first()


class PaginatedChildrenMixin:
    """Index pages list their live, public children, a page at a time."""

    children_per_page = 12

    def get_listing_queryset(self, request):
        return self.get_children().live().public().specific().order_by("-first_published_at")

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.children_per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.paginate(request, self.get_listing_queryset(request))
        return context
