"""Raw values of the body blocks (blocks.streams.BodyBlock), with rows given as model rows."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model

from network.demo.pages import PageRef


def _pk(row: Model | None) -> int | None:
    return row.pk if row is not None else None


def quote(text: str, attribution: str = "", role: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution, "role": role}}


def call_to_action(
    heading: str, text: str, button_text: str, *, page: PageRef | None = None, url: str = ""
) -> dict:
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": text,
            "button_text": button_text,
            "page": page,
            "url": url,
        },
    }


def faq(heading: str, items: Iterable[tuple[str, str]]) -> dict:
    return {
        "type": "faq",
        "value": {
            "heading": heading,
            "items": [{"question": question, "answer": answer} for question, answer in items],
        },
    }


def figure(image: Model, alt_text: str, caption: str = "") -> dict:
    return {
        "type": "figure",
        "value": {
            "image": {"image": image.pk, "alt_text": alt_text, "decorative": False},
            "caption": caption,
        },
    }


def document_list(heading: str, documents: Iterable[Model]) -> dict:
    return {
        "type": "document_list",
        "value": {"heading": heading, "documents": [document.pk for document in documents]},
    }


def project_summary(project: Model) -> dict:
    return {
        "type": "project_summary",
        "value": {"project": project.pk, "show_funding": True, "show_partners": True},
    }


def eu_acknowledgement(project: Model, other_logos: Iterable[Model] = (), height: int = 60) -> dict:
    """The EU emblem at ``height`` px; other funders' logos are never taller than it."""
    return {
        "type": "eu_acknowledgement",
        "value": {
            "project": project.pk,
            "emblem_height": height,
            "typeface": "arial",
            "colour": "reflex_blue",
            "other_logos": [
                {"funder": funder.pk, "height": min(height, 50)} for funder in other_logos
            ],
        },
    }


def funders(heading: str, project: Model | None = None, others: Iterable[Model] = ()) -> dict:
    return {
        "type": "funders",
        "value": {
            "heading": heading,
            "project": _pk(project),
            "funders": [funder.pk for funder in others],
        },
    }


def partners(
    heading: str, project: Model | None = None, organisations: Iterable[Model] = ()
) -> dict:
    return {
        "type": "partners",
        "value": {
            "heading": heading,
            "project": _pk(project),
            "organisations": [organisation.pk for organisation in organisations],
        },
    }


def indicators(heading: str, project: Model) -> dict:
    return {"type": "indicators", "value": {"heading": heading, "project": project.pk, "kind": ""}}


def contacts(heading: str, people: Iterable[Model]) -> dict:
    return {
        "type": "contacts",
        "value": {"heading": heading, "people": [person.pk for person in people]},
    }


def quick_contact(heading: str, location: Model) -> dict:
    return {"type": "quick_contact", "value": {"heading": heading, "location": location.pk}}


def opening_hours(heading: str, location: Model) -> dict:
    return {
        "type": "opening_hours",
        "value": {"heading": heading, "location": location.pk, "show_exceptions": True},
    }


def municipalities(
    heading: str, organisation: Model | None = None, others: Iterable[Model] = ()
) -> dict:
    return {
        "type": "municipalities",
        "value": {
            "heading": heading,
            "organisation": _pk(organisation),
            "municipalities": [municipality.pk for municipality in others],
        },
    }


def upcoming_events(heading: str, scope: str = "site", limit: int = 3) -> dict:
    return {
        "type": "upcoming_events",
        "value": {
            "heading": heading,
            "scope": scope,
            "location": None,
            "programme": None,
            "target_group": None,
            "limit": limit,
        },
    }


def programme_list(heading: str, limit: int = 10) -> dict:
    return {
        "type": "programme_list",
        "value": {"heading": heading, "target_group": None, "theme": None, "limit": limit},
    }


def good_practices(heading: str, limit: int = 3) -> dict:
    return {
        "type": "good_practices",
        "value": {"heading": heading, "theme": None, "region": None, "limit": limit},
    }


def media_embed(url: str, title: str, caption: str = "") -> dict:
    return {"type": "embed", "value": {"url": url, "title": title, "caption": caption}}


def ensure_stored_embed(url: str, *, title: str, provider_name: str) -> None:
    """Store a link-type oEmbed result, so the demo loads offline without asking the provider.

    A "link" embed has no HTML: the block shows it as a link with its title.
    """
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    Embed.objects.get_or_create(
        hash=get_embed_hash(url, None, None),
        defaults={
            "url": url,
            "type": "link",
            "html": "",
            "title": title,
            "provider_name": provider_name,
            "thumbnail_url": "",
        },
    )
