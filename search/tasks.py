"""Background indexing (django-tasks, as Wagtail uses): changes are indexed after they commit."""

from __future__ import annotations

from django_tasks import task

from search.indexing import index_pages, site_page_ids


@task()
def update_search_index(page_ids: list[int]) -> int:
    """Index these pages as they are now (or remove them); returns documents written."""
    return index_pages(page_ids)


@task()
def reindex_site(site_id: int) -> int:
    """Index every page of a site again (its name, hostname or organisation changed)."""
    from wagtail.models import Site

    site = Site.objects.filter(pk=site_id).first()
    return index_pages(site_page_ids(site)) if site is not None else 0
