"""General content blocks: headings, text, images, media, quotes, calls to action, FAQ."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.blocks import ImageBlock

from blocks.batching import (
    FIGURE_RENDITION,
    BulkStructBlock,
    SharedPageChooserBlock,
    prefetch_renditions,
    present,
)
from blocks.context import page_url
from blocks.richtext import BatchedRichTextBlock
from blocks.schemas.values import (
    CallToActionValue,
    DocumentListValue,
    FAQValue,
    FigureValue,
    HeadingValue,
    MediaEmbedValue,
    QuoteValue,
)
from blocks.serializers import document_data, image_data, page_data

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
# Block previews in the editor's block picker, styled like the sites.
PREVIEW_TEMPLATE = "blocks/preview.html"


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline accessible."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
        search_index=False,  # choices are presentation, not text to find
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A section heading")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "Prihajajoči dogodki", "level": "h2"}

    api_schema = HeadingValue

    def get_api_representation(self, value: Any, context: dict | None = None) -> HeadingValue:
        return {"text": value["text"] or "", "level": int(value["level"][1])}


class ParagraphBlock(BatchedRichTextBlock):
    """Rich text without headings; use the heading block so levels stay consistent."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        label = _("Paragraph")
        description = _("Formatted text")
        preview_template = PREVIEW_TEMPLATE
        preview_value = "<p>Vsak torek ob 10. uri se dobimo v večgeneracijskem centru.</p>"


class FigureBlock(BulkStructBlock):
    """An image with a caption; the image block itself asks for alt text."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "blocks/figure.html"
        label = _("Image")
        description = _("An image with alternative text and a caption")

    def prefetch(self, values: list) -> None:
        prefetch_renditions(value["image"] for value in values)

    api_schema = FigureValue

    def api_representation(self, value: Any, context: dict | None) -> FigureValue:
        return {
            "image": image_data(value["image"], FIGURE_RENDITION),
            "caption": value["caption"] or "",
        }


class MediaEmbedBlock(BulkStructBlock):
    """A video or other oEmbed media, with a title for screen readers and a caption."""

    url = EmbedBlock(label=_("URL"), help_text=_("e.g. a YouTube or Vimeo address"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("What the media shows, for screen readers.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        label = _("Embedded media")
        description = _("A video or other media from another website")

    def prefetch(self, values: list) -> None:
        # Wagtail looks embeds up one URL at a time; fetch the stored ones together.
        embed_values = present(value["url"] for value in values)
        hashes = {
            get_embed_hash(item.url, item.max_width, item.max_height): item for item in embed_values
        }
        found = Embed.objects.exclude(cache_until__lte=timezone.now()).filter(hash__in=hashes)
        for embed in found:
            hashes[embed.hash].stored_embed = embed

    @staticmethod
    def embed(value: Any) -> Embed | None:
        """The stored embed; fetched from the provider (and stored) only if missing."""
        item = value["url"]
        if item is None:
            return None
        if getattr(item, "stored_embed", None) is None:
            from wagtail.embeds.embeds import get_embed
            from wagtail.embeds.exceptions import EmbedException

            try:
                item.stored_embed = get_embed(item.url, item.max_width, item.max_height)
            except EmbedException:
                return None
        return item.stored_embed

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        embed = self.embed(value)
        # A "link" embed (oEmbed type link) has no HTML: the template shows a link instead.
        context["embed_html"] = (
            render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
            if embed and embed.html
            else ""
        )
        return context

    api_schema = MediaEmbedValue

    def api_representation(self, value: Any, context: dict | None) -> MediaEmbedValue:
        embed = self.embed(value)
        return {
            "url": value["url"].url if value["url"] else None,
            "title": value["title"],
            "caption": value["caption"] or "",
            "html": embed.html if embed else None,
            "provider_name": embed.provider_name if embed else None,
            "thumbnail_url": (embed.thumbnail_url or None) if embed else None,
            "width": embed.width if embed else None,
            "height": embed.height if embed else None,
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person who said it."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Their role"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        description = _("A quotation, e.g. from a participant")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": "V centru sem spet našla družbo in veselje do učenja.",
            "attribution": "Marija",
            "role": "udeleženka delavnic",
        }

    api_schema = QuoteValue

    def get_api_representation(self, value: Any, context: dict | None = None) -> QuoteValue:
        return {
            "text": value["text"] or "",
            "attribution": value["attribution"] or "",
            "role": value["role"] or "",
        }


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one link, to a page of the site or elsewhere."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = SharedPageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A highlighted invitation with a button")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Pridružite se nam",
            "text": "Vabimo vas na brezplačne delavnice.",
            "button_text": "Prijava",
            "page": None,
            "url": "https://example.org/",
        }

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not value["page"] and not value["url"]:
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or give an external address."))
                }
            )
        if value["page"] and value["url"]:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Give either a page or an external address, not both.")
                    )
                }
            )
        return value

    @staticmethod
    def link(value: Any, context: dict | None = None) -> str | None:
        if value["page"] is not None:
            return page_url(value["page"], context)
        return value["url"] or None

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["link"] = self.link(value, parent_context)
        return context

    api_schema = CallToActionValue

    def get_api_representation(self, value: Any, context: dict | None = None) -> CallToActionValue:
        return {
            "heading": value["heading"] or "",
            "text": value["text"] or "",
            "button_text": value["button_text"],
            "url": self.link(value, context),
            "page": page_data(value["page"], context),
        }


class DocumentListBlock(blocks.StructBlock):
    """Downloadable documents: reports, leaflets, forms."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_list.html"
        label = _("Documents")
        description = _("A list of documents to download")

    api_schema = DocumentListValue

    def get_api_representation(self, value: Any, context: dict | None = None) -> DocumentListValue:
        return {
            "heading": value["heading"] or "",
            "documents": [document_data(document) for document in present(value["documents"])],
        }


class FAQItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=255)
    answer = BatchedRichTextBlock(label=_("Answer"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question")


class FAQBlock(blocks.StructBlock):
    """Frequently asked questions, each answer folded under its question."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        label = _("FAQ")
        description = _("Questions and answers")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Pogosta vprašanja",
            "items": [
                {
                    "question": "Ali so delavnice plačljive?",
                    "answer": "<p>Ne, vse so brezplačne.</p>",
                }
            ],
        }

    api_schema = FAQValue

    def get_api_representation(self, value: Any, context: dict | None = None) -> FAQValue:
        answer_block = self.child_blocks["items"].child_block.child_blocks["answer"]
        return {
            "heading": value["heading"] or "",
            "items": [
                {
                    "question": item["question"],
                    "answer": answer_block.get_api_representation(item["answer"], context),
                }
                for item in value["items"]
            ],
        }
