"""Shapes of the objects blocks and page fields both show: the same shape wherever they appear.

TypedDicts: pydantic validates and documents them in the OpenAPI document, while blocks and
serializers keep building plain dicts.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

# Strings with a meaning; documented (not converted) so responses stay exactly as built.
DecimalString = Annotated[
    str, Field(description="A decimal number with two decimals, as a string (never a float).")
]
Percentage = Annotated[
    str | None, Field(description="A percentage with two decimals, as a string; null if unknown.")
]
IsoDate = Annotated[str, Field(json_schema_extra={"format": "date"})]
IsoDateTime = Annotated[str, Field(json_schema_extra={"format": "date-time"})]
Url = Annotated[str, Field(description="Relative on the request's own site, else absolute.")]
Heading = Annotated[str, Field(description="The block's heading; empty when not given.")]


class Reference(TypedDict):
    """A term, region, municipality, location or organisation, by id and name."""

    id: int
    name: str


class TitledReference(TypedDict):
    """A project or a programme page, by id and title."""

    id: int
    title: str


class PageLink(TypedDict):
    """A page with its URL (null when the page has no route on any site)."""

    id: int
    title: str
    url: Url | None


class ImageData(TypedDict):
    """A rendition of an image (never the original file), with its alternative text."""

    url: str
    width: int
    height: int
    alt: Annotated[str, Field(description="Empty when the image is decorative.")]


class DocumentData(TypedDict):
    """A downloadable document."""

    id: int
    title: str
    url: str
    file_extension: str
    file_size: int | None


class FunderData(TypedDict):
    """A funder or co-financer, with the acknowledgement it asks for."""

    id: int
    name: str
    kind: str
    website: str
    acknowledgement: str
    logo: ImageData | None


class OrganisationData(TypedDict):
    """An organisation of the network or a partner from outside it."""

    id: int
    name: str
    short_name: str
    kind: str
    website: str
    logo: ImageData | None


class ProgrammeData(TypedDict):
    """A funding programme (e.g. an operational programme) and its programming period."""

    id: int
    name: str
    code: str
    period: str
    fund: str


class FundingLineData(TypedDict):
    """What one funder contributes to a project."""

    funder: FunderData
    amount: DecimalString
    share: Percentage


class ParticipationData(TypedDict):
    """An organisation taking part in a project, in a role."""

    organisation: OrganisationData
    role: str
    role_label: str


class PersonData(TypedDict):
    """A contact person who agreed to be published."""

    id: int
    name: str
    role: str
    phone: str
    email: str
    organisation: Reference
    photo: ImageData | None


class AddressData(TypedDict):
    """A postal address."""

    street_address: str
    postcode: str
    municipality: Reference | None


class RichTextValue(TypedDict):
    """Rich text as front-end HTML, internal links expanded."""

    html: str
