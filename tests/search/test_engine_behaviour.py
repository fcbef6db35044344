"""What a visitor notices of any engine: diacritics, AND, phrases, facets, scope, pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from search.engines.base import SearchQuery
from search.query import parse

pytestmark = pytest.mark.django_db


def ask(engine, text: str, **options):
    terms, phrases = parse(text)
    return engine.search(SearchQuery(terms=terms, phrases=phrases, **options))


def titles(results) -> set[str]:
    return {hit.document.title for hit in results.hits}


def test_words_match_without_diacritics_and_in_any_case(engine, world):
    assert "Večgeneracijski center Cerknica" in titles(ask(engine, "vecgeneracijski"))
    assert "Večgeneracijski center Cerknica" in titles(ask(engine, "CERKNICA"))
    assert "Večgeneracijski center Cerknica" in titles(ask(engine, "Večgeneracijski"))


def test_an_inflected_form_is_found(engine, world):
    # "Delavnice potekajo v Cerknici": the locative of Cerknica.
    assert "Delavnice" in titles(ask(engine, "cerknica"))


def test_every_word_must_match(engine, world):
    found = titles(ask(engine, "center cerknica"))
    assert "Večgeneracijski center Cerknica" in found
    assert "Dnevni center za otroke" not in found  # has "center" but not "Cerknica"


def test_a_quoted_phrase_needs_its_words_together(engine, world):
    found = titles(ask(engine, '„dnevni center"'))
    assert found == {"Dnevni center za otroke", "Delavnice"}
    assert ask(engine, '"center dnevni"').total == 0


def test_results_name_their_own_site_and_hostname(engine, world):
    results = ask(engine, "dnevni center")
    by_title = {hit.document.title: hit.document for hit in results.hits}
    day_centre = by_title["Dnevni center za otroke"]
    assert day_centre.site_id == world.site_b.pk
    assert day_centre.url == world.day_centre.get_full_url()
    assert "b.localhost" in day_centre.url
    assert by_title["Delavnice"].site_id == world.site_a.pk


def test_facet_counts_add_up_to_the_total(engine, world):
    results = ask(engine, "center")
    assert results.total == 3
    for facet in ("site", "content_type", "locale"):
        assert sum(count.count for count in results.facets[facet]) == results.total, facet
    sites = {count.value: count.count for count in results.facets["site"]}
    assert sites[str(world.site_a.pk)] == sum(
        1 for hit in ask(engine, "center", limit=50).hits if hit.document.site_id == world.site_a.pk
    )


def test_a_facet_filter_narrows_and_keeps_its_own_options(engine, world):
    results = ask(engine, "centru OR center", filters={"theme": ("znanje",)})
    everything = ask(engine, "center")
    narrowed = ask(engine, "center", filters={"site": (str(world.site_a.pk),)})
    assert {hit.document.site_id for hit in narrowed.hits} == {world.site_a.pk}
    assert narrowed.total < everything.total
    # The site facet still offers centre B, with the count choosing it would give.
    offered = {count.value: count.count for count in narrowed.facets["site"]}
    assert offered[str(world.site_b.pk)] == everything.total - narrowed.total
    assert results.total == 0  # "OR" is a word like any other, and no page has it


def test_theme_and_region_facets_come_from_the_page_and_its_site(engine, world):
    results = ask(engine, "znanje")
    assert [hit.document.title for hit in results.hits] == ["Novo znanje za starejše"]
    assert {c.value: c.count for c in results.facets["theme"]} == {"znanje": 1}
    assert {c.value: c.count for c in results.facets["region"]} == {"primorsko-notranjska": 1}
    assert ask(engine, "center", filters={"region": ("primorsko-notranjska",)}).total == 2


def test_scope_keeps_to_one_site(engine, world):
    results = ask(engine, "center", site_ids=(world.site_b.pk,))
    assert results.total >= 1
    assert {hit.document.site_id for hit in results.hits} == {world.site_b.pk}


def test_upcoming_keeps_what_is_still_to_come(engine, world):
    everything = ask(engine, "centra")
    assert {"Dan odprtih vrat centra", "Lanski piknik centra"} <= titles(everything)
    upcoming = ask(engine, "centra", upcoming_after=timezone.now())
    assert titles(upcoming) == {"Dan odprtih vrat centra"}
    assert everything.upcoming == 1
    next_week = upcoming.hits[0].document.starts_at
    assert timezone.now() < next_week < timezone.now() + timedelta(days=8)


def test_pages_of_results_and_past_the_end(engine, world):
    first = ask(engine, "center", limit=2)
    second = ask(engine, "center", limit=2, offset=2)
    assert len(first.hits) == 2
    assert not titles(first) & titles(second)
    beyond = ask(engine, "center", limit=2, offset=500)
    assert beyond.hits == []
    assert beyond.total == first.total


def test_the_excerpt_marks_the_words_and_escapes_the_text(engine, world):
    results = ask(engine, "pravila")
    highlight = next(
        hit.highlight for hit in results.hits if hit.document.title == "Dnevni center za otroke"
    )
    assert "<mark>Pravila</mark>" in highlight
    assert "ni dovoljen" in highlight
    assert "<script>" not in highlight  # escaped (SQLite, Elasticsearch) or left out (PostgreSQL)


def test_an_empty_query_finds_nothing(engine, world):
    assert ask(engine, "").total == 0
