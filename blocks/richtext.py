"""Rich text whose internal links are expanded for all blocks of a stream in one go.

Wagtail expands the links of each rich text value separately and localises each linked
page with its own queries. Here the values of one ``bulk_to_python`` call are expanded
together, and linked pages are localised in bulk, so a page with fifty paragraphs costs
the same few queries as a page with one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.encoding import force_str
from django.utils.html import escape
from wagtail import blocks
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText, expand_db_html, features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from blocks.schemas.shared import RichTextValue

# Joins the sources of one batch; no editor can type an HTML comment into rich text.
BOUNDARY = "<!--mreza:rich-text-boundary-->"


def localise_pages(pages: list[Page | None]) -> list[Page | None]:
    """Each page's live translation in the active language (as Page.localized), in bulk."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or not any(pages):
        return pages
    try:
        active = Locale.get_active()
    except Locale.DoesNotExist:
        return pages
    keys = {page.translation_key for page in pages if page and page.locale_id != active.pk}
    if not keys:
        return pages
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(locale=active, translation_key__in=keys)
        .defer_streamfields()
        .specific()
    }
    return [
        translations.get(page.translation_key, page) if page is not None else None for page in pages
    ]


def expand_page_links(attrs_list: list[dict]) -> list[str]:
    """Opening <a> tags for page links, with the pages fetched and localised together."""
    handler = features.get_link_types()["page"]
    pages = localise_pages(handler.get_many(attrs_list))
    return [f'<a href="{escape(page.url)}">' if page else "<a>" for page in pages]


@cache
def rewriter() -> MultiRuleRewriter:
    """Wagtail's own rewriter (see wagtail.rich_text.get_rewriter) with bulk page links."""
    link_rules = {
        linktype: handler.expand_db_attributes_many
        for linktype, handler in features.get_link_types().items()
    }
    link_rules["page"] = expand_page_links
    embed_rules = {
        embedtype: handler.expand_db_attributes_many
        for embedtype, handler in features.get_embed_types().items()
    }
    return MultiRuleRewriter(
        [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
    )


def expand_many(sources: list[str]) -> list[str]:
    """expand_db_html for several sources at once: one set of lookups for all of them."""
    if any(BOUNDARY in source for source in sources):
        return [expand_db_html(source) for source in sources]
    parts = rewriter()(BOUNDARY.join(sources)).split(BOUNDARY)
    if len(parts) != len(sources):
        return [expand_db_html(source) for source in sources]
    return parts


class RichTextBatch:
    """Rich text values converted together; the first one rendered expands them all."""

    def __init__(self, texts: Iterable[BatchedRichText]):
        self.texts = list(texts)
        self._expanded: dict[int, str] | None = None

    def expanded(self, text: BatchedRichText) -> str:
        if self._expanded is None:
            html = expand_many([item.source for item in self.texts])
            self._expanded = {id(item): part for item, part in zip(self.texts, html, strict=True)}
        return self._expanded[id(text)]


class BatchedRichText(RichText):
    """A RichText that expands its links together with the rest of its batch."""

    batch: RichTextBatch | None = None

    @property
    def expanded_html(self) -> str:
        if self.batch is None:
            self.batch = RichTextBatch([self])
        return self.batch.expanded(self)

    def __html__(self) -> str:
        return render_to_string("wagtailcore/shared/richtext.html", {"html": self.expanded_html})


def expanded_html(value: Any) -> str:
    """The front-end HTML of any rich text value (batched or not)."""
    if isinstance(value, BatchedRichText):
        return value.expanded_html
    if isinstance(value, RichText):
        return expand_db_html(value.source)
    return expand_db_html(force_str(value or ""))


class BatchedRichTextBlock(blocks.RichTextBlock):
    """A RichTextBlock whose values of one stream share their link lookups."""

    def to_python(self, value: str) -> BatchedRichText:
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values: Iterable[str]) -> list[BatchedRichText]:
        texts = [BatchedRichText(value) for value in values]
        batch = RichTextBatch(texts)
        for text in texts:
            text.batch = batch
        return texts

    def normalize(self, value: Any) -> BatchedRichText:
        if isinstance(value, BatchedRichText):
            return value
        if isinstance(value, RichText):
            return BatchedRichText(value.source)
        return BatchedRichText(value and force_str(value))

    def value_from_form(self, value: str) -> BatchedRichText:
        return BatchedRichText(super().value_from_form(value).source)

    # An object rather than Wagtail's bare string, so the HTML can gain siblings later.
    api_schema = RichTextValue

    def get_api_representation(self, value: Any, context: dict | None = None) -> RichTextValue:
        return {"html": expanded_html(value)}
