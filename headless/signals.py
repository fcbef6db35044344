"""Start a new API content version whenever something the API shows changes.

Pages count when they are published, unpublished, moved or deleted (a draft saved changes
nothing public); shared content, media, sites, locales, collections and view restrictions
count on every save or delete. A new version starts at once and again when the transaction
commits: a request racing the change may cache the old content under the first, never under
the second.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.signals import task_finished
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from headless.caching import new_content_version

# Whole apps whose rows the API shows (shared snippets, media, embeds, tags, site settings).
WATCHED_APPS = {"network", "wagtailimages", "wagtaildocs", "wagtailembeds", "taggit"}
# Single models of other apps that change what is public.
WATCHED_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.collection",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.groupcollectionpermission",
}


def content_changed(**kwargs: Any) -> None:
    new_content_version()
    transaction.on_commit(new_content_version)


def _watched(sender: Any) -> bool:
    meta = getattr(sender, "_meta", None)
    if meta is None or issubclass(sender, Page):
        return False
    return meta.app_label in WATCHED_APPS or meta.label_lower in WATCHED_MODELS


def row_changed(sender: Any, **kwargs: Any) -> None:
    if _watched(sender):
        content_changed()


def references_indexed(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """A background task backend updates Wagtail's ReferenceIndex after the change has
    committed; which sites "show" a snippet (network/directory) is read from that index."""
    if task_result.task.module_path != "wagtail.tasks.update_reference_index_task":
        return
    if isinstance(task_backends[task_result.backend], ImmediateBackend):
        return  # indexed within the change itself, whose own signal started a new version
    app_label, model_name, pk = task_result.args
    model = apps.get_model(app_label, model_name)
    if (
        issubclass(model, Page)
        and not Page.objects.filter(pk=pk, live=True, has_unpublished_changes=False).exists()
    ):
        return  # a draft was saved: nothing public changed
    new_content_version()


def connect() -> None:
    task_finished.connect(references_indexed, dispatch_uid="headless-references-indexed")
    page_published.connect(content_changed, dispatch_uid="headless-page-published")
    page_unpublished.connect(content_changed, dispatch_uid="headless-page-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="headless-page-moved")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="headless-page-deleted")
    post_save.connect(row_changed, dispatch_uid="headless-row-saved")
    post_delete.connect(row_changed, dispatch_uid="headless-row-deleted")
    m2m_changed.connect(row_changed, dispatch_uid="headless-m2m-changed")
