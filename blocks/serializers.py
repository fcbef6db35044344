"""Plain-data shapes of the objects blocks refer to, shared by every block's API representation."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from blocks.batching import LOGO_RENDITION
from blocks.context import page_url
from blocks.schemas.shared import (
    DocumentData,
    FunderData,
    ImageData,
    OrganisationData,
    PageLink,
    ProgrammeData,
    Reference,
    TitledReference,
)

CENT = Decimal("0.01")


def decimal_string(value: Decimal | int | None) -> str | None:
    """A money amount or a figure as a string with two decimals (never a float)."""
    if value is None:
        return None
    return str(Decimal(value).quantize(CENT))


def percentage(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """``part`` as a percentage of ``whole``, two decimals; None when there is no whole."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT)


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def image_alt(image: Any) -> str:
    """The block's own alt text (ImageBlock), else the image's default; empty if decorative."""
    if getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or image.default_alt_text


def image_data(image: Any, spec: str = LOGO_RENDITION) -> ImageData | None:
    """``{url, width, height, alt}`` of a rendition, never the original file."""
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image_alt(image),
    }


def document_data(document: Any) -> DocumentData:
    return {
        "id": document.pk,
        "title": document.title,
        "url": document.url,
        "file_extension": document.file_extension,
        "file_size": document.file_size,
    }


def funder_data(funder: Any) -> FunderData:
    return {
        "id": funder.pk,
        "name": funder.name,
        "kind": funder.kind,
        "website": funder.website,
        "acknowledgement": funder.acknowledgement,
        "logo": image_data(funder.logo),
    }


def organisation_data(organisation: Any) -> OrganisationData:
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "website": organisation.website,
        "logo": image_data(organisation.logo),
    }


def reference(obj: Any) -> Reference | None:
    """``{id, name}`` of a taxonomy term, region, location or similar."""
    if obj is None:
        return None
    return {"id": obj.pk, "name": obj.name}


def titled_reference(obj: Any) -> TitledReference | None:
    """``{id, title}`` of a project or a page."""
    if obj is None:
        return None
    return {"id": obj.pk, "title": obj.title}


def page_data(page: Any, context: dict | None) -> PageLink | None:
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "url": page_url(page, context)}


def programme_data(programme: Any) -> ProgrammeData | None:
    if programme is None:
        return None
    return {
        "id": programme.pk,
        "name": programme.name,
        "code": programme.code,
        "period": programme.period,
        "fund": programme.fund,
    }
