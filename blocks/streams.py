"""Curated lists of blocks offered in each page's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blocks.content import FigureBlock, HeadingBlock, ParagraphBlock


class BodyBlock(blocks.StreamBlock):
    """The body of a standard or home page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()

    class Meta:
        label = _("Body")
