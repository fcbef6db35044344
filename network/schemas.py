"""Typed API v3 representations of a site's public images and documents.

They extend the read schemas Wagtail registers for its own image and document endpoints, so
a ``GET`` answers the same shape as Wagtail's ``POST``/``PATCH`` on the same resources
(``meta.type``, ``meta.detail_url``, ``meta.tags``, ``meta.download_url``…), plus what a
frontend needs without a second request: renditions, the collection's name, file details.
Import only once apps are ready: the bases come from Wagtail's v3 schema registry.
"""

from typing import cast

from django.http import HttpRequest
from ninja import Field, Schema
from wagtail.api.v3.registry import registry
from wagtail.api.v3.schemas import read_generator
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Collection

# Renditions every image in the API carries; fixed so a client cannot make the server
# generate arbitrary sizes. Keys are the field names of ``ImageRenditionsSchema``.
IMAGE_RENDITIONS = {"thumbnail": "fill-400x300", "large": "width-800"}

WagtailImageSchema = cast(type[Schema], registry.get(get_image_model()._meta.label).read_schema)
WagtailDocumentSchema = cast(
    type[Schema], registry.get(get_document_model()._meta.label).read_schema
)
CollectionForeignKeySchema = read_generator.get_foreign_key_schema(Collection)


def _absolute(context: dict, url: str) -> str:
    request: HttpRequest | None = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


class MediaFilterSchema(Schema):
    """Query parameters shared by the media endpoints."""

    site: str | None = Field(
        None,
        max_length=255,
        description=(
            "Another site of the network, by hostname (optionally `hostname:port`) or id; "
            "only its public media are listed. Defaults to the site of the request's host."
        ),
    )


class NamedCollectionSchema(CollectionForeignKeySchema):
    """Wagtail's collection reference, with the collection's name."""

    name: str


class ImageRenditionSchema(Schema):
    """One generated size of an image."""

    spec: str = Field(..., description="Wagtail filter spec, e.g. `fill-400x300`.")
    url: str = Field(..., description="Absolute URL of the rendition file.")
    width: int
    height: int

    @staticmethod
    def resolve_spec(rendition) -> str:
        return rendition.filter_spec

    @staticmethod
    def resolve_url(rendition, context: dict) -> str:
        return _absolute(context, rendition.url)


class ImageRenditionsSchema(Schema):
    """The image's fixed renditions; null when the source file cannot be read."""

    thumbnail: ImageRenditionSchema | None = Field(None, description="`fill-400x300` crop.")
    large: ImageRenditionSchema | None = Field(None, description="`width-800` resize.")


class PublicImageSchema(WagtailImageSchema):
    """A public image of a site's media collection."""

    collection: NamedCollectionSchema
    renditions: ImageRenditionsSchema

    @staticmethod
    def resolve_renditions(image) -> dict:
        # Reads only the prefetched renditions (network.api makes missing ones beforehand
        # for the whole page), so serialising never queries per image.
        filters = {
            name: image.clean_filter_for_svg(Filter(spec))
            for name, spec in IMAGE_RENDITIONS.items()
        }
        found = image.find_existing_renditions(*filters.values())
        return {name: found.get(image_filter) for name, image_filter in filters.items()}


class PublicDocumentSchema(WagtailDocumentSchema):
    """A public document of a site's media collection; ``meta.download_url`` fetches it."""

    collection: NamedCollectionSchema
    filename: str
    file_extension: str = Field(..., description="Lower-case extension, without the dot.")
    content_type: str
    file_size: int | None = Field(None, description="Bytes; null when never measured.")

    @staticmethod
    def resolve_file_extension(document) -> str:
        return document.file_extension.lower()
