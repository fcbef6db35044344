"""Good practices published by the network, shown on every site that wants them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blocks.batching import SharedSnippetChooserBlock
from blocks.content import PREVIEW_TEMPLATE
from blocks.context import page_url
from blocks.events import limit_block
from blocks.listings import ListingBlock, public_pages
from blocks.schemas.values import GoodPracticesValue
from blocks.serializers import reference


class GoodPracticesBlock(ListingBlock):
    """The network's latest good practices, optionally on one theme or from one region."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    theme = SharedSnippetChooserBlock("network.Theme", label=_("Theme"), required=False)
    region = SharedSnippetChooserBlock("network.Region", label=_("Region"), required=False)
    limit = limit_block(default=3)

    ordering = ("-first_published_at", "-pk")

    class Meta:
        icon = "pick"
        template = "blocks/good_practices.html"
        label = _("Good practices")
        description = _("Good practices from the whole network, by theme or region")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"heading": "Dobre prakse iz mreže", "limit": 3}

    def listed_rows(self, now: datetime, hidden: list[str] | None) -> QuerySet:
        # Network-wide on purpose: practices are published once, on the hub, for every site.
        practice_page = apps.get_model("centre_sites", "GoodPracticePage")
        pages = (
            practice_page.objects.live()
            .select_related("region")
            .only("title", "url_path", "intro", "transferred_units", "region__name")
        )
        return public_pages(pages, hidden)

    def listing_filters(self, value: Any, root_path: str | None) -> dict:
        filters: dict[str, Any] = {}
        if value["theme"] is not None:
            filters["themes"] = value["theme"].pk
        if value["region"] is not None:
            filters["region_id"] = value["region"].pk
        return filters

    api_schema = GoodPracticesValue

    def api_representation(self, value: Any, context: dict | None) -> GoodPracticesValue:
        return {
            "heading": value["heading"] or "",
            "practices": [
                {
                    "id": practice.pk,
                    "title": practice.title,
                    "url": page_url(practice, context),
                    "intro": practice.intro,
                    "region": reference(practice.region),
                    "transferred_units": practice.transferred_units,
                }
                for practice in self.items(value, context)
            ],
        }
