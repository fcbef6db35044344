"""Translated demo pages: copies of a site's pages in another of its languages, with their text.

Pages are copied the way Wagtail copies them for translation (same translation key, the
parent's translation as parent), then their text is written like any other demo page, so a
re-run changes nothing unless the text did.
"""

from __future__ import annotations

from wagtail.models import Locale, Page

from network.demo.pages import PageWriter
from network.demo.specs import PageTextData, SiteTranslationData
from network.demo.upsert import DemoDataError, Tally

# Blocks a translation replaces with its own text; every other block is kept.
TEXT_BLOCKS = {"heading", "paragraph"}


def translated_body(source: Page, text: PageTextData) -> list[dict]:
    """The translation's blocks: its text first, then the source's blocks that show data."""
    kept = [
        {"type": block["type"], "value": block["value"]}
        for block in source.body.raw_data
        if block["type"] not in TEXT_BLOCKS
    ]
    return [*(dict(block) for block in text.body), *kept]


def write_translation(source: Page, locale: Locale, text: PageTextData, writer: PageWriter) -> Page:
    """The live translation of ``source`` into ``locale`` with ``text``; created if missing."""
    source = source.specific
    target = source.get_translation_or_none(locale)
    created = target is None
    if created:
        if not source.get_parent().is_root() and (
            source.get_parent().get_translation_or_none(locale) is None
        ):
            raise DemoDataError(f"{source.title}: translate its parent page into {locale} first.")
        target = source.copy_for_translation(locale)
    target = target.specific
    fields = {"intro": text.intro}
    if source.depth == 2:
        fields["search_description"] = text.intro
    if text.slug:
        fields["slug"] = text.slug
    body = translated_body(source, text) if hasattr(source, "body") else None
    return writer.write_fields(target, body, fields, {}, title=text.title, created=created)


def write_site_translations(
    home: Page, translations: tuple[SiteTranslationData, ...], tally: Tally
) -> None:
    """Each translation of a site: its home page, then its first project page with the index."""
    from sites.models import ProjectPage

    writer = PageWriter(home, tally)
    project_page = (
        ProjectPage.objects.descendant_of(home).filter(locale=home.locale).order_by("path").first()
    )
    for data in translations:
        try:
            locale = Locale.objects.get(language_code=data.language)
        except Locale.DoesNotExist:
            raise DemoDataError(f"{home.title}: no locale “{data.language}”.") from None
        write_translation(home, locale, data.home, writer)
        if data.project is None:
            continue
        if project_page is None:
            raise DemoDataError(f"{home.title}: has no project page to translate.")
        if data.projects is not None:
            write_translation(project_page.get_parent(), locale, data.projects, writer)
        write_translation(project_page, locale, data.project, writer)
