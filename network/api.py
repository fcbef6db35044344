"""Tenant-safe images and documents endpoints on Wagtail's API v3.

Each request sees only the public media of one site: the site's ``Tenant.collection`` and
its descendants, minus collections behind a ``CollectionViewRestriction`` the request does
not pass. Wagtail's ``get_restricted_collection_ids`` answers a similar question for the
whole tree, but costs a query per group restriction anywhere in the network; here only the
restrictions on the tenant's own branch are read, with their groups prefetched.
"""

import logging
from collections.abc import Iterable
from io import BytesIO
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Router
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter
from wagtail.models import Collection, CollectionViewRestriction, Site

from headless.pagination import Pagination
from headless.params import site_from_parameter
from headless.routing import replace_operations
from network.models import Tenant
from network.schemas import (
    IMAGE_RENDITIONS,
    MediaFilterSchema,
    PublicDocumentSchema,
    PublicImageSchema,
)

logger = logging.getLogger(__name__)

# Public reads; a bearer token may pass group or login restrictions on the host's own site.
PUBLIC_AUTH = [BearerTokenAuth(), AllowAnonymous()]

# Auth is set on each operation, not the router: register_media_routers may move the
# operations onto Wagtail's routers, which have none of their own.
images_router = Router(tags=["images"])
documents_router = Router(tags=["documents"])


def public_collection_ids(request: HttpRequest, site: Site | None, *, strict: bool) -> list[int]:
    """Ids of the site's media collection and its descendants that the request may see.

    ``strict`` hides every restricted collection, whatever the request has passed: used when
    ``site=`` selects another site, whose restrictions this request has no business with.
    """
    tenant = Tenant.objects.select_related("collection").filter(site=site).first() if site else None
    if tenant is None:
        return []
    root = tenant.collection
    step = Collection.steplen
    ancestor_paths = [root.path[:end] for end in range(step, len(root.path), step)]
    restrictions = (
        CollectionViewRestriction.objects.filter(
            Q(collection__path__startswith=root.path) | Q(collection__path__in=ancestor_paths)
        )
        .select_related("collection")
        .prefetch_related("groups")
    )
    hidden = tuple(
        restriction.collection.path
        for restriction in restrictions
        if strict or not restriction.accept_request(request)
    )
    return [
        pk
        for pk, path in Collection.get_tree(root).values_list("pk", "path")
        if not (hidden and path.startswith(hidden))
    ]


def media_collection_ids(request: HttpRequest, filters: MediaFilterSchema) -> list[int]:
    """Collections whose media this request may list: its host's site, or ``site=``'s."""
    host_site = Site.find_for_request(request)
    if filters.site is None:
        return public_collection_ids(request, host_site, strict=False)
    site = site_from_parameter(filters.site)
    strict = host_site is None or site.pk != host_site.pk
    return public_collection_ids(request, site, strict=strict)


def images_queryset(request: HttpRequest, filters: MediaFilterSchema) -> QuerySet:
    return (
        get_image_model()
        .objects.filter(collection_id__in=media_collection_ids(request, filters))
        .select_related("collection")
        .prefetch_related("tags")
        .prefetch_renditions(*IMAGE_RENDITIONS.values())
        .order_by("-created_at", "-pk")
    )


def documents_queryset(request: HttpRequest, filters: MediaFilterSchema) -> QuerySet:
    return (
        get_document_model()
        .objects.filter(collection_id__in=media_collection_ids(request, filters))
        .select_related("collection")
        .prefetch_related("tags")
        .order_by("-created_at", "-pk")
    )


def ensure_renditions(images: Iterable[AbstractImage]) -> None:
    """Create the API's renditions that a page of images lacks, in one INSERT for the page.

    ``Image.get_renditions`` would look up and insert per image; the images here already
    carry their prefetched renditions, so only the missing ones are generated.
    """
    Rendition = get_image_model().get_rendition_model()
    missing = []
    for image in images:
        filters = [image.clean_filter_for_svg(Filter(spec)) for spec in IMAGE_RENDITIONS.values()]
        found = image.find_existing_renditions(*filters)
        needed = list(dict.fromkeys(f for f in filters if f not in found))
        if not needed:
            continue
        try:
            with image.open_file() as source:
                original = source.read()
            missing += [image.generate_rendition_instance(f, BytesIO(original)) for f in needed]
        except OSError:  # includes SourceImageIOError; the schema answers null
            logger.warning("Cannot make renditions of image %s", image.pk, exc_info=True)
    if missing:
        Rendition.objects.bulk_create(missing, ignore_conflicts=True)
        for rendition in missing:
            rendition.image._add_to_prefetched_renditions(rendition)


class ImagePagination(Pagination):
    """The API's pagination, making the page's missing renditions in bulk."""

    def represent(self, items: list[Any], request: HttpRequest) -> list[Any]:
        ensure_renditions(items)
        return items


@images_router.get(
    "/",
    response=list[PublicImageSchema],
    url_name="list_images",
    auth=PUBLIC_AUTH,
    summary="List the site's public images",
    operation_id="images_list",
)
@paginate(ImagePagination)
def list_images(request: HttpRequest, filters: Query[MediaFilterSchema]):
    return images_queryset(request, filters)


@images_router.get(
    "/{image_id}/",
    response=PublicImageSchema,
    url_name="detail_image",
    auth=PUBLIC_AUTH,
    summary="Image detail",
    operation_id="images_detail",
)
def get_image(request: HttpRequest, image_id: int, filters: Query[MediaFilterSchema]):
    # Media of other sites or private collections are a 404 too: no hint they exist.
    queryset = images_queryset(request, filters)
    image = get_object_or_404(queryset, pk=image_id)
    ensure_renditions([image])
    return image


@documents_router.get(
    "/",
    response=list[PublicDocumentSchema],
    url_name="list_documents",
    auth=PUBLIC_AUTH,
    summary="List the site's public documents",
    operation_id="documents_list",
)
@paginate(Pagination)
def list_documents(request: HttpRequest, filters: Query[MediaFilterSchema]):
    return documents_queryset(request, filters)


@documents_router.get(
    "/{document_id}/",
    response=PublicDocumentSchema,
    url_name="detail_document",
    auth=PUBLIC_AUTH,
    summary="Document detail",
    operation_id="documents_detail",
)
def get_document(
    request: HttpRequest,
    document_id: int,
    filters: Query[MediaFilterSchema],
):
    queryset = documents_queryset(request, filters)
    return get_object_or_404(queryset, pk=document_id)


def register_media_routers(api: NinjaAPI) -> None:
    """Serve the tenant-safe media reads on ``api``, once, however often this is called.

    Wagtail's images and documents apps mount their own routers at ``/images/`` and
    ``/documents/`` from ``ready()``. Their GETs list the public media of every site of the
    install, so ours take their place on those routers; Wagtail's POST, PATCH and DELETE,
    which check the user's collection permissions, stay. Without Wagtail's routers, ours
    are mounted on their own. Must run before ``api.urls`` is first read.
    """
    # Ninja has no public "what is mounted here" question; its registry of routers answers.
    mounted = dict(getattr(api, "_routers", []))
    for prefix, ours in (("/images/", images_router), ("/documents/", documents_router)):
        theirs = mounted.get(prefix)
        if theirs is None:
            api.add_router(prefix, ours)
        elif theirs is not ours:
            replace_operations(theirs, ours)
