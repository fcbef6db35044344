"""Listing blocks of a centre's activities: upcoming events and programmes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blocks.batching import SharedPageChooserBlock, SharedSnippetChooserBlock
from blocks.content import PREVIEW_TEMPLATE
from blocks.context import page_url
from blocks.listings import ListingBlock, public_pages
from blocks.schemas.values import ProgrammeListValue, UpcomingEventsValue
from blocks.serializers import iso, reference, titled_reference

SCOPES = [("site", _("This site")), ("network", _("The whole network"))]


def limit_block(default: int = 5) -> blocks.IntegerBlock:
    return blocks.IntegerBlock(
        label=_("How many at most"), min_value=1, max_value=20, default=default
    )


class UpcomingEventsBlock(ListingBlock):
    """The next events, of this site or the whole network, optionally narrowed down."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    scope = blocks.ChoiceBlock(
        label=_("Events of"), choices=SCOPES, default="site", search_index=False
    )
    location = SharedSnippetChooserBlock("network.Location", label=_("Location"), required=False)
    programme = SharedPageChooserBlock(
        label=_("Programme"), page_type="centre_sites.ProgrammePage", required=False
    )
    target_group = SharedSnippetChooserBlock(
        "network.TargetGroup", label=_("Target group"), required=False
    )
    limit = limit_block()

    ordering = ("start", "end", "pk")

    class Meta:
        icon = "date"
        template = "blocks/upcoming_events.html"
        label = _("Upcoming events")
        description = _("The next events, by site, location, programme or target group")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"heading": "Prihajajoči dogodki", "scope": "site", "limit": 3}

    def listed_rows(self, now: datetime, hidden: list[str] | None) -> QuerySet:
        # Occurrences of live, public events and programmes (the materialised calendar).
        # Imported late: the page models import the stream that holds this block.
        occurrence = apps.get_model("centre_sites", "Occurrence")
        # Only the columns the representation and the template show: the pages' other
        # columns would be most of the query's cost.
        return (
            occurrence.objects.filter(end__gt=now)
            .select_related("entry", "entry__page", "entry__location", "entry__programme")
            .only(
                "start",
                "end",
                "status",
                "original_start",
                "note",
                "entry__time_zone",
                "entry__page__title",
                "entry__page__url_path",
                "entry__location__name",
                "entry__programme__title",
            )
        )

    def listing_filters(self, value: Any, root_path: str | None) -> dict | None:
        filters: dict[str, Any] = {}
        if value["scope"] != "network":
            if root_path is None:
                return None
            filters["entry__page__url_path__startswith"] = root_path
        if value["location"] is not None:
            filters["entry__location_id"] = value["location"].pk
        if value["programme"] is not None:
            filters["entry__programme_id"] = value["programme"].pk
        if value["target_group"] is not None:
            filters["entry__target_groups"] = value["target_group"].pk
        return filters

    api_schema = UpcomingEventsValue

    def api_representation(self, value: Any, context: dict | None) -> UpcomingEventsValue:
        return {
            "heading": value["heading"] or "",
            "events": [
                {
                    "id": occurrence.entry.page_id,
                    "title": occurrence.entry.page.title,
                    "url": page_url(occurrence.entry.page, context),
                    "starts_at": iso(occurrence.start),
                    "ends_at": iso(occurrence.end),
                    "status": occurrence.status,
                    "note": occurrence.note,
                    "location": reference(occurrence.entry.location),
                    "programme": titled_reference(occurrence.entry.programme),
                }
                for occurrence in self.items(value, context)
            ],
        }


class ProgrammeListBlock(ListingBlock):
    """The site's programmes, optionally for one target group or about one theme."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    target_group = SharedSnippetChooserBlock(
        "network.TargetGroup", label=_("Target group"), required=False
    )
    theme = SharedSnippetChooserBlock("network.Theme", label=_("Theme"), required=False)
    limit = limit_block(default=10)

    ordering = ("title", "pk")

    class Meta:
        icon = "list-ul"
        template = "blocks/programme_list.html"
        label = _("Programmes")
        description = _("The site's programmes, by target group or theme")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"heading": "Naši programi", "limit": 5}

    def listed_rows(self, now: datetime, hidden: list[str] | None) -> QuerySet:
        programme_page = apps.get_model("centre_sites", "ProgrammePage")
        pages = (
            programme_page.objects.live()
            .select_related("location")
            .only("title", "url_path", "intro", "kind", "location__name")
        )
        return public_pages(pages, hidden)

    def listing_filters(self, value: Any, root_path: str | None) -> dict | None:
        if root_path is None:
            return None
        filters: dict[str, Any] = {"url_path__startswith": root_path}
        if value["target_group"] is not None:
            filters["target_groups"] = value["target_group"].pk
        if value["theme"] is not None:
            filters["themes"] = value["theme"].pk
        return filters

    api_schema = ProgrammeListValue

    def api_representation(self, value: Any, context: dict | None) -> ProgrammeListValue:
        return {
            "heading": value["heading"] or "",
            "programmes": [
                {
                    "id": programme.pk,
                    "title": programme.title,
                    "url": page_url(programme, context),
                    "intro": programme.intro,
                    "kind": programme.kind,
                    "location": reference(programme.location),
                }
                for programme in self.items(value, context)
            ],
        }
