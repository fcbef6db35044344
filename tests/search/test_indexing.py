"""Keeping the index in step: publish, drafts, privacy, unpublish, move, delete, snippets,
and the full rebuild (resumable, with its command)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.extraction import Extraction
from search.indexing import index_pages, rebuild
from search.models import IndexedPage, RebuildPart
from tests.factories import (
    NewsArticlePageFactory,
    ProjectFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def found(*terms: str) -> set[str]:
    results = DatabaseEngine().search(SearchQuery(terms=terms, limit=50))
    return {hit.document.title for hit in results.hits}


def publish(page: Page, capture) -> None:
    with capture(execute=True):
        page.save_revision().publish()


def test_publishing_indexes_the_live_content_never_the_draft(
    indexed, django_capture_on_commit_callbacks
):
    page = indexed.cerknica
    page.title = "Točka moči Cerknica"
    publish(page, django_capture_on_commit_callbacks)
    assert "Točka moči Cerknica" in found("tocka")
    page.title = "Skrivni osnutek"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()  # a draft: nothing public changes
    assert found("skrivni") == set()
    assert "Točka moči Cerknica" in found("tocka")


def test_a_page_made_private_disappears_at_once(indexed, django_capture_on_commit_callbacks):
    assert "Večgeneracijski center Cerknica" in found("cerknica")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        PageViewRestriction.objects.create(
            page=indexed.cerknica, restriction_type="password", password="x"
        )
        # Before the change commits and the task runs, the page is out of results.
        assert "Večgeneracijski center Cerknica" not in found("cerknica")
    for callback in callbacks:
        callback()
    assert not IndexedPage.objects.filter(page=indexed.cerknica).exists()


def test_a_private_subtree_is_never_indexed_and_returns_when_public(
    indexed, django_capture_on_commit_callbacks
):
    news_index = indexed.news.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    rebuild()
    assert "Novo znanje za starejše" not in found("znanje")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Novo znanje za starejše" in found("znanje")


def test_unpublishing_and_deleting_remove_pages(indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indexed.cerknica.unpublish()
    assert "Večgeneracijski center Cerknica" not in found("cerknica")
    with django_capture_on_commit_callbacks(execute=True):
        indexed.day_centre.delete()
    assert "Dnevni center za otroke" not in found("otroke")


def test_moving_a_page_to_another_site_changes_its_site_and_url(
    indexed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        indexed.workshops.move(indexed.site_b.root_page, pos="last-child")
    document = IndexedPage.objects.get(page=indexed.workshops)
    assert document.site_id == indexed.site_b.pk
    assert document.url.startswith("http://b.localhost")


def test_changing_a_project_reindexes_the_pages_that_show_it(
    tenants, django_capture_on_commit_callbacks
):
    project = ProjectFactory(title="Točke moči", owner=tenants.organisation_a)
    page = ProjectPageFactory(
        parent=ProjectIndexPageFactory(parent=tenants.a.site.root_page),
        title="Naš projekt",
        project=project,
    )
    rebuild()
    assert "Naš projekt" in found("tocke")
    project.summary = "Mreža šestih lokalnih točk za ranljive skupine."
    with django_capture_on_commit_callbacks(execute=True):
        project.save()
    assert "Naš projekt" in found("ranljive")
    assert page.pk in set(IndexedPage.objects.values_list("page_id", flat=True))


def test_extraction_queries_do_not_grow_with_the_pages(indexed):
    def queries_for_every_page() -> tuple[int, int]:
        ids = list(Page.objects.filter(depth__gt=1).values_list("pk", flat=True))
        Extraction().root_paths  # noqa: B018  (Wagtail caches the site roots)
        with CaptureQueriesContext(connection) as queries:
            documents = list(Extraction().documents(ids))
        return len(queries), len(documents)

    before, documents_before = queries_for_every_page()
    news_index = indexed.news.get_parent()
    for number in range(10):
        StandardPageFactory(parent=indexed.site_a.root_page, title=f"Stran {number}")
        article = NewsArticlePageFactory(parent=news_index, title=f"Novica {number}")
        article.themes.add(indexed.knowledge)
        article.save()
    after, documents_after = queries_for_every_page()
    assert documents_after == documents_before + 20
    assert after == before


def test_index_pages_removes_what_may_no_longer_be_indexed(indexed):
    Page.objects.filter(pk=indexed.news.pk).update(live=False)
    index_pages([indexed.news.pk])
    assert not IndexedPage.objects.filter(page=indexed.news).exists()


def test_the_rebuild_command_indexes_everything_and_removes_stale_documents(indexed):
    Page.objects.filter(pk=indexed.day_centre.pk).update(live=False)
    out = StringIO()
    call_command("rebuild_network_index", "--no-progress", stdout=out)
    assert "Indexed" in out.getvalue()
    assert "Dnevni center za otroke" not in found("otroke")
    assert "Večgeneracijski center Cerknica" in found("cerknica")
    assert not RebuildPart.objects.exists()  # a finished rebuild leaves nothing to resume


def test_a_failed_rebuild_resumes_after_the_parts_it_finished(world):
    class Failing(DatabaseEngine):
        """Fails on the second (site, locale) part, as a lost connection would."""

        parts = 0

        def write_rebuild(self, target, site_id, locale, documents):
            Failing.parts += 1
            if Failing.parts == 2:
                raise ConnectionError("lost the database")
            return super().write_rebuild(target, site_id, locale, documents)

    with pytest.raises(ConnectionError):
        rebuild(engine=Failing())
    done = list(RebuildPart.objects.values_list("site_id", flat=True))
    assert len(done) == 1
    written = []

    class Recording(DatabaseEngine):
        def write_rebuild(self, target, site_id, locale, documents):
            written.append(site_id)
            return super().write_rebuild(target, site_id, locale, documents)

    rebuild(engine=Recording(), resume=True)
    assert done[0] not in written  # the finished part was skipped
    assert "Dnevni center za otroke" in found("otroke")
    assert "Večgeneracijski center Cerknica" in found("cerknica")


def test_the_rebuild_command_names_an_unknown_site(world):
    with pytest.raises(CommandError, match="--site: no site matches “nowhere.example”"):
        call_command("rebuild_network_index", "--site", "nowhere.example", "--no-progress")


def test_renaming_a_site_reindexes_its_pages(indexed, django_capture_on_commit_callbacks):
    site = indexed.site_a
    site.site_name = "Točke moči"
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    names = set(IndexedPage.objects.filter(site=site).values_list("site_name", flat=True))
    assert names == {"Točke moči"}
