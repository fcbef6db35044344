"""``locale=`` of the pages listing: each page once, in that language, else in its site's.

The network directory's rule (``network.directory.queries.in_language``) applied to pages:
the translations of a page share its ``translation_key``; a page listed in the asked
language hides its other translations, and a page not translated into it is listed in its
site's default language (``Tenant.languages_of_sites``), else as it is. Only pages the
request may read are chosen or hide another: a draft English page never hides the live
Slovenian one.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from headless.page_access import readable_pages, under
from headless.params import SiteScope
from network.directory.queries import in_language as directory_in_language
from network.models import Tenant


def in_site_default_language(scope: SiteScope) -> Q:
    """Pages in the default language of their site (of the site whose tree they are in)."""
    sites = Site.objects.all() if scope.network_wide else Site.objects.filter(pk=scope.site.pk)
    defaults = {pk: languages.default for pk, languages in Tenant.languages_of_sites(sites).items()}
    locale_ids = dict(
        Locale.objects.filter(language_code__in=set(defaults.values())).values_list(
            "language_code", "pk"
        )
    )
    if not scope.network_wide:
        return Q(locale_id=locale_ids.get(defaults.get(scope.site.pk)))
    # Each site's trees: its home page and the home page's translations (one per language).
    site_of_root = sites.filter(root_page__translation_key=OuterRef("translation_key"))
    trees = Page.objects.filter(
        translation_key__in=sites.values("root_page__translation_key")
    ).values_list("path", Subquery(site_of_root.values("pk")[:1]))
    paths_by_default: dict[int, list[str]] = defaultdict(list)
    for path, site_id in trees:
        if locale_id := locale_ids.get(defaults.get(site_id)):
            paths_by_default[locale_id].append(path)
    condition = Q(pk__in=[])
    for locale_id, paths in paths_by_default.items():
        condition |= Q(locale_id=locale_id) & under(paths)
    return condition


def in_language(request: HttpRequest, scope: SiteScope | None, locale: Locale) -> QuerySet:
    """The pages this request may read in ``locale``, else in their site's default language,
    else as they are: one per translation group."""
    rows = readable_pages(request, scope)
    if scope is None:
        return rows
    return directory_in_language(rows, locale, in_site_default_language(scope))
