"""Which sites a change concerns: the page's own site, or every site that shows a snippet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from wagtail.models import Page, ReferenceIndex, Site

from network.permissions import OWNER_PATHS


def site_root_urls() -> dict[int, str]:
    """Each site's root URL, from Wagtail's cached site root paths (no query once cached)."""
    return {root.site_id: root.root_url for root in Site.get_site_root_paths()}


def sites_of_paths(url_paths: Iterable[str]) -> set[int]:
    """The sites whose trees hold these url_paths (the deepest site root wins, as Wagtail's)."""
    roots = Site.get_site_root_paths()  # most specific first
    found = set()
    for url_path in url_paths:
        for root in roots:
            if url_path.startswith(root.root_path):
                found.add(root.site_id)
                break
    return found


def sites_showing(instance: Model) -> set[int]:
    """Sites with a live page that references ``instance``, directly or through other shared
    content (a page shows a project, the project lists its funder)."""
    page_ids = pages_showing(instance)
    if not page_ids:
        return set()
    paths = Page.objects.filter(pk__in=page_ids, live=True).values_list("url_path", flat=True)
    return sites_of_paths(paths)


def pages_showing(instance: Model) -> set[int]:
    """Ids of the pages that reference ``instance``, directly or through other shared content.

    Reads Wagtail's ReferenceIndex: two queries, whatever the number of references.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids: set[int] = set()
    via: dict[int, set[str]] = defaultdict(set)
    for source_type, object_id in ReferenceIndex.get_references_to(instance).values_list(
        "base_content_type_id", "object_id"
    ):
        if source_type == page_type.pk:
            page_ids.add(int(object_id))
        else:
            via[source_type].add(object_id)
    network_types = [
        source_type
        for source_type in via
        if ContentType.objects.get_for_id(source_type).app_label == "network"
    ]
    hop = Q()
    for source_type in network_types:
        hop |= Q(to_content_type_id=source_type, to_object_id__in=via[source_type])
    if hop:
        page_ids.update(
            int(object_id)
            for object_id in ReferenceIndex.objects.filter(
                hop, base_content_type=page_type
            ).values_list("object_id", flat=True)
        )
    return page_ids


def owner_site_ids(instance: Model) -> list[int]:
    """The sites run by the organisation that owns ``instance`` (any of its translations)."""
    from network.models import Organisation

    owner_path = OWNER_PATHS.get(instance._meta.label)
    if owner_path is None:
        return []
    key = f"{owner_path}__translation_key" if owner_path else "translation_key"
    keys = type(instance)._default_manager.filter(pk=instance.pk).values(key)
    return list(
        Organisation.objects.filter(translation_key__in=keys, site__isnull=False)
        .order_by("pk")
        .values_list("site_id", flat=True)
    )
