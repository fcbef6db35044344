"""sitemap.xml and robots.txt of the site answering the request."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property, reduce
from operator import or_

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page, Site

from network.models.tenancy import SiteLanguages, Tenant

SITEMAP_TEMPLATE = "centre_sites/sitemap.xml"


class SiteSitemap(Sitemap):
    """The live, public pages of the request's site, in each language the site publishes in.

    Wagtail's own sitemap lists the tree under the site's root page only; translations of
    that root page (e.g. the English tree of a Slovenian centre) belong to the same site.
    A stray translation in a language the site does not publish in stays out, as it does
    from the language switcher.
    """

    @cached_property
    def site_languages(self) -> SiteLanguages:
        return Tenant.languages_for(self.get_wagtail_site())

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).only("path")
        in_site = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.filter(in_site, locale__language_code__in=self.site_languages.codes)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        # As Wagtail's Sitemap._urls, plus hreflang alternates: the translations of a page
        # are items of the same sitemap, so they are found without another query a page.
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        entries = []
        translations = defaultdict(list)
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item.translation_key, url_info))
                translations[item.translation_key].append(
                    {"lang_code": language_codes[item.locale_id], "location": url_info["location"]}
                )
        urls = []
        last_mods = set()
        for translation_key, url_info in entries:
            alternates = self._alternates(translations[translation_key])
            urls.append({**url_info, "alternates": alternates})
            last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, translations: list[dict]) -> list[dict]:
        """hreflang links of a page with translations, plus ``x-default``: its version in the
        site's default language, where visitors of any other language are sent."""
        if len(translations) < 2:
            return []
        default = next(
            (link for link in translations if link["lang_code"] == self.site_languages.default),
            None,
        )
        if default is None:
            return translations
        return [*translations, {"lang_code": "x-default", "location": default["location"]}]


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """This site's sitemap (other sites have their own, on their own hostname)."""
    return wagtail_sitemap(
        request, sitemaps={"pages": SiteSitemap(request)}, template_name=SITEMAP_TEMPLATE
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawling rules and the address of this site's sitemap on its own hostname."""
    site = Site.find_for_request(request)
    root_url = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {root_url}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
