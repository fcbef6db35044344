"""What facet values are called, and which values exist: shared by the API and the page.

Facet values are stored as stable keys (site ids, slugs, page-type keys, language codes);
labels are looked up for the values a response shows, in the visitor's language where the
row is translated. Only values that exist are accepted as filters.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site, get_page_models

from network.models import Funder, Organisation, Region, TargetGroup, Theme
from search.extraction import NOT_INDEXED, content_type_key

# The query parameter that filters on each facet (repeatable; values are ORed).
PARAMETERS: dict[str, str] = {
    "site": "sites",
    "region": "regions",
    "content_type": "content_types",
    "locale": "locales",
    "target_group": "target_groups",
    "theme": "themes",
    "funder": "funders",
    "organisation": "organisations",
}
FACET_OF_PARAMETER = {parameter: facet for facet, parameter in PARAMETERS.items()}
TITLES = {
    "site": _("Site"),
    "region": _("Region"),
    "content_type": _("Type"),
    "locale": _("Language"),
    "target_group": _("Target group"),
    "theme": _("Theme"),
    "funder": _("Funder"),
    "organisation": _("Organisation"),
}
# Translatable rows named by slug: the label is the translation in the active language.
SLUGGED: dict[str, type[Model]] = {
    "region": Region,
    "target_group": TargetGroup,
    "theme": Theme,
    "funder": Funder,
    "organisation": Organisation,
}


def page_types() -> dict[str, str]:
    """Indexed page types: key → verbose name."""
    return {
        content_type_key(model): str(capfirst(model._meta.verbose_name))
        for model in get_page_models()
        if model._meta.app_label != "wagtailcore" and not issubclass(model, NOT_INDEXED)
    }


def languages() -> dict[str, str]:
    return {code: str(name) for code, name in settings.LANGUAGES}


def labels(facet: str, values: Iterable[str]) -> dict[str, str]:
    """Display labels of some values of one facet (one query at most)."""
    values = list(dict.fromkeys(values))
    if not values:
        return {}
    if facet == "site":
        ids = [int(value) for value in values if value.isdigit()]
        return {
            str(site.pk): site.site_name or site.hostname
            for site in Site.objects.filter(pk__in=ids).only("site_name", "hostname")
        }
    if facet == "content_type":
        known = page_types()
        return {value: known.get(value, value) for value in values}
    if facet == "locale":
        known = languages()
        return {value: known.get(value, value) for value in values}
    model = SLUGGED[facet]
    found: dict[str, tuple[bool, str]] = {}
    active = translation.get_language() or ""
    for slug, name, language in model.objects.filter(slug__in=values).values_list(
        "slug", "name", "locale__language_code"
    ):
        preferred = language == active
        if slug not in found or (preferred and not found[slug][0]):
            found[slug] = (preferred, name)
    return {value: found[value][1] if value in found else value for value in values}


def unknown_values(facet: str, values: Iterable[str]) -> list[str]:
    """Those of ``values`` that name nothing this facet can hold (one query at most)."""
    values = list(dict.fromkeys(values))
    if not values:
        return []
    if facet == "site":
        ids = {int(value) for value in values if value.isdigit()}
        existing = {str(pk) for pk in Site.objects.filter(pk__in=ids).values_list("pk", flat=True)}
    elif facet == "content_type":
        existing = set(page_types())
    elif facet == "locale":
        existing = set(languages())
    else:
        existing = set(
            SLUGGED[facet].objects.filter(slug__in=values).values_list("slug", flat=True)
        )
    return [value for value in values if value not in existing]
