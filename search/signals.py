"""What changes the network index: publishing, unpublishing, moving and deleting pages, view
restrictions, sites, and shared content that pages show.

Changes are collected per transaction and indexed by one background task after it commits
(a subtree deleted or moved is one task, not one per page). A page made private is hidden
from results at once, in the same transaction, before the task removes it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from network.directory.presence import page_many_to_many
from webhooks.routing import pages_showing

_pending = threading.local()


def schedule(page_ids: Iterable[int], *, translation_keys: Iterable[UUID] = ()) -> None:
    """Index these pages (and the pages with these translation keys) once the current
    transaction commits.

    Every call registers a flush, and the first flush after a commit takes every pending
    id: a transaction that rolled back (its callbacks dropped) cannot stall indexing, and
    its ids are merely indexed again with the next change.
    """
    ids = getattr(_pending, "ids", None)
    if ids is None:
        ids = _pending.ids = set()
    keys = getattr(_pending, "keys", None)
    if keys is None:
        keys = _pending.keys = set()
    ids.update(int(page_id) for page_id in page_ids)
    keys.update(translation_keys)
    transaction.on_commit(_flush)


def _flush() -> None:
    from search.indexing import translation_ids
    from search.tasks import update_search_index

    ids = getattr(_pending, "ids", None) or set()
    keys = getattr(_pending, "keys", None)
    _pending.ids = _pending.keys = None
    if keys:
        # A deleted page's translations: they no longer list its language.
        ids |= set(translation_ids((), keys))
    if ids:
        update_search_index.enqueue(sorted(ids))


def _site_changed(site_id: int) -> None:
    from search.tasks import reindex_site

    transaction.on_commit(lambda: reindex_site.enqueue(site_id))


def page_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    schedule([instance.pk])


def page_deleted(sender: Any, instance: Page, **kwargs: Any) -> None:
    # Indexing finds a page's translations through the page, which is gone by then.
    schedule([instance.pk], translation_keys=[instance.translation_key])


def page_moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    from search.indexing import subtree_ids

    schedule(subtree_ids([instance.pk]))


def restriction_changed(sender: Any, instance: PageViewRestriction, **kwargs: Any) -> None:
    from search.indexing import hide_pages, subtree_ids

    if kwargs.get("raw"):
        return
    pages = subtree_ids([instance.page_id])
    if kwargs.get("signal") is post_save:
        hide_pages(pages)
    schedule(pages)


def site_changed(sender: Any, instance: Site, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        _site_changed(instance.pk)


def shared_content_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A snippet (organisation, project, funder, theme…) changed: reindex the pages that show
    it. A new row is shown nowhere yet."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label != "network" or kwargs.get("raw"):
        return
    if kwargs.get("created"):
        return
    from network.models import Organisation

    if isinstance(instance, Organisation) and instance.site_id:
        _site_changed(instance.site_id)  # its region and slug are on every page of its site
    showing = pages_showing(instance)
    for field in page_many_to_many(sender):
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        showing.update(
            through.objects.filter(**{f"{target}_id": instance.pk}).values_list(
                f"{source}_id", flat=True
            )
        )
    if showing:
        schedule(showing)


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="search-page-unpublished")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="search-page-deleted")
    post_page_move.connect(page_moved, dispatch_uid="search-page-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{id(signal)}",
        )
        signal.connect(shared_content_changed, dispatch_uid=f"search-shared-{id(signal)}")
    post_save.connect(site_changed, sender=Site, dispatch_uid="search-site-saved")
    m2m_changed.connect(_m2m_changed, dispatch_uid="search-shared-m2m")


def _m2m_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and not isinstance(instance, Page):
        shared_content_changed(type(instance), instance)
