"""Keep each page's occurrences (and its waitlist) in step with what the public sees of it."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from sites import occurrences, registrations


def on_published(sender, instance, **kwargs) -> None:
    occurrences.sync_page(instance)
    # Any publish path (editor, workflow, schedule) may have raised the capacity.
    page = instance.specific
    if registrations.takes_registrations(page):
        registrations.promote_waitlist(page)


def on_unpublished(sender, instance, **kwargs) -> None:
    occurrences.unlist_page(instance)


def on_moved(sender, instance, **kwargs) -> None:
    # A move can change the site, and the view restrictions inherited from above.
    occurrences.sync_subtree(instance)


def on_restriction_changed(sender, instance, **kwargs) -> None:
    occurrences.sync_subtree(instance.page)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="mreza_occurrences_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="mreza_occurrences_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="mreza_occurrences_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"mreza_occurrences_restriction_{signal is post_save}",
        )
