"""Signal handlers that turn publishing activity into outbox events; connected from ready()."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from webhooks import events
from webhooks.models import EventType

# The network's shared content (snippets every site may show); tests check this list against
# the registered snippets of the network app.
SHARED_SNIPPETS = (
    "network.Organisation",
    "network.Location",
    "network.ContactPerson",
    "network.Funder",
    "network.FundingProgramme",
    "network.Project",
    "network.IndicatorValue",
    "network.Region",
    "network.Municipality",
    "network.TargetGroup",
    "network.Theme",
)

_PENDING = "_mreza_webhook_deletion"


def on_page_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    events.page_changed(EventType.PAGE_PUBLISHED, instance)


def on_page_unpublished(sender: Any, instance: Page, **kwargs: Any) -> None:
    # Deleting a live page first unpublishes it in memory only (Wagtail's pre_delete handler,
    # commit=False); the page.deleted event that follows says it all.
    if Page.objects.filter(pk=instance.pk, live=True).exists():
        return
    events.page_changed(EventType.PAGE_UNPUBLISHED, instance)


def on_page_moved(sender: Any, instance: Page, url_path_before: str, **kwargs: Any) -> None:
    events.page_moved(instance, url_path_before=url_path_before)


def on_page_deleting(sender: Any, instance: Page, **kwargs: Any) -> None:
    setattr(instance, _PENDING, events.page_deleting(instance))


def on_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    pending = getattr(instance, _PENDING, None)
    if pending is not None:
        pending.record()


def on_snippet_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # Content with drafts changes in public only when published (see on_snippet_published);
    # fixtures are not changes.
    if raw or isinstance(instance, DraftStateMixin):
        return
    events.snippet_changed(EventType.SNIPPET_SAVED, instance)


def on_snippet_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    events.snippet_changed(EventType.SNIPPET_PUBLISHED, instance)


def on_snippet_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    events.snippet_changed(EventType.SNIPPET_UNPUBLISHED, instance)


def on_snippet_deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
    setattr(instance, _PENDING, events.snippet_deleting(instance))


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="webhooks_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="webhooks_page_moved")
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="webhooks_page_deleting")
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="webhooks_page_deleted")
    for label in SHARED_SNIPPETS:
        model = apps.get_model(label)
        uid = f"webhooks_{model._meta.label_lower}"
        post_save.connect(on_snippet_saved, sender=model, dispatch_uid=f"{uid}_saved")
        pre_delete.connect(on_snippet_deleting, sender=model, dispatch_uid=f"{uid}_deleting")
        post_delete.connect(on_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
        if issubclass(model, DraftStateMixin):
            published.connect(on_snippet_published, sender=model, dispatch_uid=f"{uid}_pub")
            unpublished.connect(on_snippet_unpublished, sender=model, dispatch_uid=f"{uid}_unpub")
