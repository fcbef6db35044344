"""What the directory endpoints select: public rows, one per item in the asked language, filtered.

Items are matched across languages on ``translation_key``: a filter value names any
translation of a region, funder, project… and matches every translation of the items it
relates to, so filters work the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from django.db.models import Exists, Model, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from headless.params import ParameterError, SiteScope, locale_from_parameter, site_scope
from network.directory.presence import SitePresence

# Larger ids overflow the databases' integers; no row has them.
MAX_ID = 2**63 - 1


@dataclass
class DirectoryRequest:
    """One request's scope: its sites, its language and the presence answers it shares."""

    request: HttpRequest
    scope: SiteScope
    locale: Locale | None  # None: each item in its own language (details without locale=)
    default_locale: Locale | None  # the fallback language; None when locale is None
    presence: SitePresence = field(default_factory=SitePresence)

    @property
    def preferred_site(self) -> Site | None:
        """The site whose page of an item ``url`` prefers: the scope's, else the host's."""
        return self.scope.site or Site.find_for_request(self.request)

    def language(self, item: Model) -> str:
        locale = self.locale or item.locale
        return locale.language_code.split("-")[0].lower()


class Locales:
    """The install's locales by language code, read in one query (there are a handful)."""

    def __init__(self) -> None:
        self.by_code = {locale.language_code.lower(): locale for locale in Locale.objects.all()}

    def get(self, code: str) -> Locale | None:
        return self.by_code.get(code.lower())

    @property
    def default(self) -> Locale:
        """The default language's locale (``LANGUAGE_CODE``), as Wagtail's ``get_default``."""
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        return self.get(code) or Locale.get_default()

    def active(self) -> Locale:
        return self.get(translation.get_language() or "") or self.default

    def of_site(self, site: Site) -> Locale:
        """The site's language for this request: the active one if the site has a home page
        in it, else the language of its home page."""
        codes = {
            root.language_code.lower()
            for root in Site.get_site_root_paths()
            if root.site_id == site.pk
        }
        active = (translation.get_language() or "").lower()
        if active in codes and (locale := self.get(active)):
            return locale
        if len(codes) == 1 and (locale := self.get(codes.pop())):
            return locale
        home = Page.objects.filter(pk=site.root_page_id).values_list("locale_id", flat=True)
        home_locale_id = home.first()
        return next(
            (locale for locale in self.by_code.values() if locale.pk == home_locale_id),
            self.default,
        )


def list_request(request: HttpRequest, site: str | None, locale: str | None) -> DirectoryRequest:
    """The scope of a list: ``site=`` (default the host's) and ``locale=`` (default the site's)."""
    scope = site_scope(request, site)
    chosen = locale_from_parameter(locale)
    locales = Locales()
    if chosen is None:
        chosen = locales.of_site(scope.site) if scope.site is not None else locales.active()
    return DirectoryRequest(request, scope, chosen, locales.default)


def detail_request(request: HttpRequest, site: str | None, locale: str | None) -> DirectoryRequest:
    """The scope of a detail: ``site=`` only picks ``url``; no ``locale=`` keeps the row as is."""
    scope = site_scope(request, site, allow_network=False)
    chosen = locale_from_parameter(locale)
    return DirectoryRequest(request, scope, chosen, Locales().default if chosen else None)


def in_language(rows: QuerySet, locale: Locale, default: Locale | Q) -> QuerySet:
    """One row per translation key: in ``locale``, else in ``default``, else the original.

    ``rows`` are the public rows (live projects, consenting people): a translation the
    public may not see is never chosen, and never hides one it may. ``default`` is the
    fallback language, or a condition on a row saying it is in its own fallback language
    (a page: in its site's default language).
    """
    same = rows.filter(translation_key=OuterRef("translation_key"))
    in_asked = Exists(same.filter(locale=locale))
    choice = Q(locale=locale)
    rest = Q(~in_asked)
    if isinstance(default, Locale):
        default = Q(locale=default) if default.pk != locale.pk else None
    if default is not None:
        in_default = Exists(same.filter(default))
        choice |= Q(~in_asked) & default
        rest = Q(~in_asked, ~in_default)
    original = Subquery(same.order_by("pk").values("pk")[:1])
    return rows.filter(choice | (rest & Q(pk=original)))


def keys_named(
    parameter: str, value: str, rows: QuerySet, *, noun: str, slug_field: str = "slug"
) -> list[UUID]:
    """Translation keys of the rows a filter value names by id or slug; a 400 if none."""
    value = value.strip()
    named = Q(**{slug_field: value})
    if value.isdigit() and int(value) <= MAX_ID:
        named |= Q(pk=int(value))
    keys = list(rows.filter(named).values_list("translation_key", flat=True).distinct())
    if not keys:
        raise ParameterError(parameter, f"{parameter}: no {noun} has the id or slug “{value}”.")
    return keys


def ordered(rows: QuerySet) -> QuerySet:
    """The model's own order, then the id, so pages of a list never overlap."""
    return rows.order_by(*rows.model._meta.ordering, "pk")
