"""Curated lists of blocks offered in each page's body."""

import json
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue

from blocks.batching import SharedRowsStreamValue
from blocks.contacts import ContactsBlock, MunicipalitiesBlock, OpeningHoursBlock, QuickContactBlock
from blocks.content import (
    CallToActionBlock,
    DocumentListBlock,
    FAQBlock,
    FigureBlock,
    HeadingBlock,
    MediaEmbedBlock,
    ParagraphBlock,
    QuoteBlock,
)
from blocks.events import ProgrammeListBlock, UpcomingEventsBlock
from blocks.funding import EUAcknowledgementBlock, FundersBlock
from blocks.practices import GoodPracticesBlock
from blocks.projects import IndicatorsBlock, PartnersBlock, ProjectSummaryBlock


class BodyBlock(blocks.StreamBlock):
    """The body of every page of a centre's site and of the hub."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    embed = MediaEmbedBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document_list = DocumentListBlock()
    faq = FAQBlock()
    project_summary = ProjectSummaryBlock()
    # sites.publishing requires this exact name on EU co-funded project pages.
    eu_acknowledgement = EUAcknowledgementBlock()
    funders = FundersBlock()
    partners = PartnersBlock()
    indicators = IndicatorsBlock()
    contacts = ContactsBlock()
    quick_contact = QuickContactBlock()
    opening_hours = OpeningHoursBlock()
    municipalities = MunicipalitiesBlock()
    upcoming_events = UpcomingEventsBlock()
    programme_list = ProgrammeListBlock()
    good_practices = GoodPracticesBlock()

    class Meta:
        label = _("Body")

    def to_python(self, value: Any) -> StreamValue:
        # Stored JSON becomes a lazy stream whose block types share the rows they choose.
        if isinstance(value, str) and value:
            try:
                value = json.loads(value)
            except ValueError:
                return super().to_python(value)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            children = [child for child in value if child["type"] in self.child_blocks]
            return SharedRowsStreamValue(self, children, is_lazy=True)
        return super().to_python(value)
