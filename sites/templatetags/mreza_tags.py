"""Template tags of the default templates: navigation, languages, JSON-LD, project and hours."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import template
from django.core.paginator import Page as PaginatorPage
from django.template.context import Context
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString
from wagtail.models import Page

from network.models import Location
from network.opening_hours import DayException
from sites import calendar, navigation, page_graphs, presentation, structured_data

register = template.Library()
CURRENCY_SYMBOLS = {"EUR": "€", "CZK": "Kč"}
SYMBOL_FIRST_LANGUAGES = {"en"}


def _request(context: Context):
    return context.get("request")


@register.simple_tag(takes_context=True)
def language_links(context: Context, page: Page | None) -> list[navigation.LanguageLink]:
    """The page's live translations (with the page itself), or [] when there are none."""
    if not isinstance(page, Page):
        return []
    return navigation.language_links(page, _request(context))


@register.simple_tag(takes_context=True)
def language_fallback(context: Context, page: Page | None) -> navigation.LanguageFallback | None:
    """Set when the page is shown in the site's default language instead of the one asked for."""
    if not isinstance(page, Page):
        return None
    return navigation.language_fallback(page, _request(context))


@register.filter
def money(amount: Decimal | float | int | None, currency: str = "EUR") -> str:
    """An amount with its currency as the active language writes it (“575.000,00 €” in sl)."""
    if amount in (None, ""):
        return ""
    number = formats.number_format(Decimal(amount), 2, use_l10n=True, force_grouping=True)
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    # English writes the symbol first (€575,000.00); Slovenian and Czech after, unbroken.
    if translation.get_language() in SYMBOL_FIRST_LANGUAGES:
        return f"{symbol}{number}"
    return f"{number}\u00a0{symbol}"


@register.simple_tag(takes_context=True)
def main_menu(context: Context, page: Page | None = None) -> list[navigation.MenuItem]:
    """The pages shown in the main navigation of the page's tree (or of the request's site)."""
    return navigation.main_menu(page if isinstance(page, Page) else None, _request(context))


@register.simple_tag(takes_context=True)
def site_root(context: Context, page: Page | None = None) -> Page | None:
    """The home page of the page's tree, or of the request's site."""
    if isinstance(page, Page):
        return navigation.page_trail(page, _request(context))[0]
    site = navigation.site_for(_request(context))
    return site.root_page if site is not None else None


@register.inclusion_tag("centre_sites/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: Context, page: Page) -> dict:
    """Breadcrumbs from the site's home page to ``page``; none on the home page itself."""
    trail = navigation.page_trail(page, _request(context)) if isinstance(page, Page) else []
    return {"crumbs": trail if len(trail) > 1 else [], "page": page, "request": _request(context)}


@register.inclusion_tag("centre_sites/includes/pagination.html", takes_context=True)
def pagination(context: Context, items: PaginatorPage, label: str = "") -> dict:
    """Accessible pagination links for a page of a Paginator."""
    page_range = items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1)
    return {"items": items, "page_range": list(page_range), "label": label}


@register.simple_tag(takes_context=True)
def structured_data_script(context: Context, page: Page | None) -> SafeString | str:
    """The page's schema.org JSON-LD in a script element."""
    if not isinstance(page, Page):
        return ""
    data = page_graphs.page_graph(page, request=_request(context), context=context.flatten())
    return structured_data.json_ld_script(data) if data["@graph"] else ""


@register.simple_tag
def project_overview(page: Page) -> presentation.ProjectOverview | None:
    """The published project a page presents, with funding, partners and indicators."""
    return presentation.project_overview(page)


@register.simple_tag
def upcoming_occurrences(page: Page) -> list:
    """The upcoming dates of an event or programme page."""
    return presentation.upcoming_occurrences(page)


@register.simple_tag
def occurrences_at_location(page: Page, location: Location) -> list:
    """The upcoming dates at a location, on the site of ``page``."""
    return presentation.occurrences_at_location(page, location.pk)


@register.simple_tag
def schedule_summary(page: Page) -> presentation.ScheduleSummary | None:
    """How an event or programme is scheduled, for its "When" line."""
    return presentation.schedule_summary(page)


@register.simple_tag
def hours_today(location: Location) -> presentation.TodayHours:
    """A location's opening hours today, where it is."""
    return presentation.hours_today(location)


@register.simple_tag
def hours_exceptions(location: Location) -> list[DayException]:
    """Upcoming dated changes to a location's opening hours."""
    return presentation.upcoming_exceptions(location)


@register.filter
def address(location: Location) -> str:
    """The location's address with only its non-empty parts, e.g. "Trg 1, 6230 Postojna"."""
    return ", ".join(presentation.address_lines(location))


@register.simple_tag
def occurrence_times(occurrence) -> tuple[datetime, datetime]:
    """An occurrence's start and end in its schedule's local time."""
    return calendar.occurrence_times(occurrence)


@register.filter
def at_zone(moment: datetime | None, zone: str) -> datetime | None:
    """The moment in the named time zone."""
    if moment is None:
        return None
    return timezone.localtime(moment, ZoneInfo(zone))


@register.filter
def at_location(moment: datetime | None, location: Location | None) -> datetime | None:
    """The moment in the location's local time."""
    return presentation.at_location(moment, location)


@register.filter
def page_type(page: Page | None) -> str:
    """The page's model name (e.g. "eventpage"), marked on <body> for styling and tests."""
    # Error pages render base.html without a page (or with an empty string for one).
    if not isinstance(page, Page) or page.pk is None:
        return ""
    return page.specific_class._meta.model_name
