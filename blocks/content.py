"""General content blocks: headings, paragraphs, images, calls to action."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline accessible."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A section heading")
        preview_value = {"text": "Prihajajoči dogodki", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text without headings; use the heading block so levels stay consistent."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        label = _("Paragraph")
        description = _("Formatted text")


class FigureBlock(blocks.StructBlock):
    """An image with a caption; the image block itself asks for alt text."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "blocks/figure.html"
        label = _("Image")
        description = _("An image with alternative text and a caption")
