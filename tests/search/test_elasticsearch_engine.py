"""The Elasticsearch engine: its indexes, requests and bulk actions as data, its fallback
against real unreachable and failing servers, and a live round trip when ELASTICSEARCH_URL
is set (``ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/pytest -m elasticsearch``)."""

from __future__ import annotations

import http.server
import json
import os
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from elasticsearch import BadRequestError

from search.documents import SearchDocument
from search.engines.base import FACETS, EngineUnavailable, Phrase, SearchQuery
from search.engines.elasticsearch import CLIENT_MAJOR, ElasticsearchEngine
from search.engines.es_mapping import build_index, text_analyzers
from search.engines.es_queries import (
    alias_swap,
    document_from_source,
    document_source,
    index_actions,
    read_results,
    search_body,
)

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
V1, V2, V3 = "20260101000000000000", "20260201000000000000", "20260301000000000000"


def doc(page_id: int = 1, **values) -> SearchDocument:
    defaults = {
        "site_id": 3,
        "site_name": "Center A",
        "locale": "sl",
        "content_type": "event",
        "title": "Večgeneracijski center",
        "url": "https://a.example/vecgeneracijski/",
        "summary": "Delavnice za <vse> generacije",
        "body": "Program za mlade družine in starejše.",
        "region": "notranjska",
        "theme": ("family", "ageing"),
        "starts_at": NOW,
        "ends_at": NOW + timedelta(days=2),
        "image_id": 7,
        "published_at": NOW - timedelta(days=30),
    }
    return SearchDocument(page_id=page_id, **{**defaults, **values})


def analysis(language: str) -> dict:
    return build_index(f"mreza_{language}_{V1}", language).to_dict()["settings"]["analysis"]


# Mappings and analysis


def test_czech_stems_then_folds():
    settings = analysis("cs")
    assert settings["analyzer"]["mreza_text"]["filter"] == [
        "lowercase",
        "czech_stem",
        "asciifolding",
    ]
    assert settings["filter"]["czech_stem"] == {"type": "stemmer", "language": "czech"}
    # The same chain at query time, so "skoly" and "školy" meet.
    query_time = settings["analyzer"]["mreza_text_search"]["filter"]
    assert query_time == ["lowercase", "czech_stem", "asciifolding"]


def test_english_stems_possessives_and_words_and_folds():
    settings = analysis("en")
    chain = settings["analyzer"]["mreza_text"]["filter"]
    assert chain == ["english_possessive", "lowercase", "english_stem", "asciifolding"]
    assert settings["filter"]["english_stem"]["language"] == "english"
    assert settings["filter"]["english_possessive"]["language"] == "possessive_english"


def test_slovenian_folds_and_indexes_word_beginnings_but_searches_whole_words():
    settings = analysis("sl")
    assert settings["analyzer"]["mreza_text"]["filter"] == [
        "lowercase",
        "asciifolding",
        "mreza_edge_ngrams",
    ]
    assert settings["analyzer"]["mreza_text_search"]["filter"] == ["lowercase", "asciifolding"]
    ngrams = settings["filter"]["mreza_edge_ngrams"]
    assert ngrams["type"] == "edge_ngram" and ngrams["preserve_original"] is True
    assert ngrams["min_gram"] == 4  # a word shorter than a stem matches only itself


def test_other_languages_only_fold():
    index_time, query_time = text_analyzers("de")
    assert index_time.get_definition()["filter"] == ["lowercase", "asciifolding"]
    assert query_time.get_definition()["filter"] == ["lowercase", "asciifolding"]


def test_mapping_types_and_stored_fields():
    mapping = build_index(f"mreza_sl_{V1}", "sl").to_dict()["mappings"]
    fields = mapping["properties"]
    assert mapping["dynamic"] == "strict"
    for facet in ("site_id", "region", "content_type", "locale", "target_group", "theme"):
        assert fields[facet] == {"type": "keyword"}, facet
    for text in ("title", "summary", "body"):
        assert fields[text]["type"] == "text"
        assert fields[text]["analyzer"] == "mreza_text"
        assert fields[text]["search_analyzer"] == "mreza_text_search"
    assert {fields[name]["type"] for name in ("starts_at", "ends_at", "published_at")} == {"date"}
    assert fields["is_public"] == {"type": "boolean"}
    assert fields["url"] == {"type": "keyword", "index": False}
    assert fields["image_id"]["index"] is False


def test_a_rebuild_index_is_built_without_refreshes_and_a_first_index_gets_its_alias():
    building = build_index(f"mreza_cs_{V1}", "cs", building=True).to_dict()
    assert building["settings"]["refresh_interval"] == "-1"
    assert "aliases" not in building
    first = build_index(f"mreza_cs_{V1}", "cs", aliases=["mreza_cs"]).to_dict()
    assert first["aliases"] == {"mreza_cs": {}}
    assert "refresh_interval" not in first["settings"]


# The search request


def must(body: dict) -> list[dict]:
    return body["query"]["bool"]["must"]


def words(query: str, kind: str = "best_fields") -> dict:
    fields = ["title^4", "summary^2", "body"]
    return {"multi_match": {"query": query, "fields": fields, "type": kind, "operator": "and"}}


def test_every_term_is_required_and_none_is_a_prefix_by_default():
    clauses = must(search_body(SearchQuery(terms=("dan", "center")), now=NOW))
    assert clauses == [words("dan"), words("center")]


def test_a_term_also_matches_by_its_stem_as_in_the_database_engine():
    # "cerknica" → "cerknic": Slovenian word beginnings then find "Cerknici".
    clause = must(search_body(SearchQuery(terms=("cerknica",)), now=NOW))[0]
    assert clause == {
        "bool": {"should": [words("cerknica"), words("cerknic")], "minimum_should_match": 1}
    }


def test_title_outweighs_summary_outweighs_body():
    clause = must(search_body(SearchQuery(terms=("center",)), now=NOW))[0]
    assert clause["multi_match"]["fields"] == ["title^4", "summary^2", "body"]


def test_typing_ahead_makes_only_the_last_term_a_prefix():
    query = SearchQuery(terms=("dan", "druz"), prefix_last=True)
    clauses = must(search_body(query, now=NOW))
    assert clauses == [words("dan"), words("druz", "bool_prefix")]


def test_phrases_match_words_in_order():
    query = SearchQuery(terms=("center",), phrases=(Phrase(("mlade", "druzine")),))
    phrase = must(search_body(query, now=NOW))[1]["multi_match"]
    assert phrase["type"] == "phrase" and phrase["query"] == "mlade druzine"


def test_scope_filters_apply_to_hits_and_every_count():
    after = NOW - timedelta(hours=1)
    query = SearchQuery(terms=("x",), site_ids=(3, 4), upcoming_after=after)
    filters = search_body(query, now=NOW)["query"]["bool"]["filter"]
    assert {"term": {"is_public": True}} in filters
    assert {"terms": {"site_id": ["3", "4"]}} in filters
    assert {"range": {"ends_at": {"gte": after.isoformat()}}} in filters


def test_only_public_documents_are_searched_even_without_filters():
    body = search_body(SearchQuery(terms=("x",)), now=NOW)
    assert body["query"]["bool"]["filter"] == [{"term": {"is_public": True}}]
    assert "post_filter" not in body


def test_each_facet_counts_with_every_filter_but_its_own():
    query = SearchQuery(
        terms=("x",), filters={"region": ("notranjska", "koroska"), "theme": ("family",)}
    )
    body = search_body(query, now=NOW)
    region = {"terms": {"region": ["notranjska", "koroska"]}}
    theme = {"terms": {"theme": ["family"]}}
    # OR within a facet (one terms filter), AND across (both in the post filter).
    assert body["post_filter"] == {"bool": {"filter": [region, theme]}}
    assert body["aggs"]["region"]["filter"] == {"bool": {"filter": [theme]}}
    assert body["aggs"]["theme"]["filter"] == {"bool": {"filter": [region]}}
    assert body["aggs"]["locale"]["filter"] == {"bool": {"filter": [region, theme]}}
    upcoming = body["aggs"]["upcoming"]["filter"]["bool"]["filter"]
    assert upcoming == [region, theme, {"range": {"ends_at": {"gte": NOW.isoformat()}}}]


def test_all_facets_in_one_request_with_the_asked_size():
    body = search_body(SearchQuery(terms=("x",), facet_size=75), now=NOW)
    assert set(body["aggs"]) == {*FACETS, "upcoming"}
    site = body["aggs"]["site"]
    assert site["filter"] == {"match_all": {}}
    assert site["aggs"]["values"]["terms"]["field"] == "site_id"
    assert site["aggs"]["values"]["terms"]["size"] == 75  # not Wagtail's cap of 10


def test_site_facet_values_are_filtered_as_strings():
    body = search_body(SearchQuery(terms=("x",), filters={"site": ("3",)}), now=NOW)
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"site_id": ["3"]}}]}}


def test_highlights_are_html_escaped_and_marked():
    highlight = search_body(SearchQuery(terms=("x",)), now=NOW)["highlight"]
    assert highlight["encoder"] == "html"
    assert (highlight["pre_tags"], highlight["post_tags"]) == (["<mark>"], ["</mark>"])
    assert set(highlight["fields"]) == {"title", "summary", "body"}


def test_pagination_counts_every_match():
    body = search_body(SearchQuery(terms=("x",), offset=20, limit=10), now=NOW)
    assert (body["from"], body["size"], body["track_total_hits"]) == (20, 10, True)
    assert body["sort"] == ["_score", {"page_id": "asc"}]


def test_a_page_past_the_result_window_is_empty_but_still_counted():
    body = search_body(SearchQuery(terms=("x",), offset=50_000), now=NOW)
    assert (body["from"], body["size"]) == (0, 0)
    assert "aggs" in body


@pytest.mark.parametrize(
    ("query", "named"),
    [
        (SearchQuery(terms=("x",), filters={"colour": ("red",)}), "filters"),
        (SearchQuery(terms=("x",), offset=-1), "offset"),
        (SearchQuery(terms=("x",), limit=-5), "limit"),
        (SearchQuery(terms=("x",), facet_size=0), "facet_size"),
    ],
)
def test_bad_queries_name_the_field(query, named):
    with pytest.raises(ValueError, match=named):
        search_body(query, now=NOW)


# Reading the response


def response(*documents: SearchDocument, highlight: dict | None = None) -> dict:
    return {
        "hits": {
            "total": {"value": 42, "relation": "eq"},
            "hits": [
                {"_id": str(d.page_id), "_score": 2.5, "_source": document_source(d)}
                | ({"highlight": highlight} if highlight else {})
                for d in documents
            ],
        },
        "aggregations": {
            "region": {"values": {"buckets": [{"key": "notranjska", "doc_count": 40}]}},
            "site": {"values": {"buckets": [{"key": "3", "doc_count": 30}]}},
            "theme": {"values": {"buckets": [{"key": "", "doc_count": 1}]}},
            "upcoming": {"doc_count": 12},
        },
    }


def test_results_rebuild_each_document_and_every_facet():
    document = doc()
    results = read_results(response(document), engine="elasticsearch")
    assert results.hits[0].document == document
    assert results.hits[0].score == 2.5
    assert results.total == 42 and results.upcoming == 12
    assert [(f.value, f.count) for f in results.facets["region"]] == [("notranjska", 40)]
    assert results.facets["theme"] == []  # an empty value is no choice
    assert results.facets["funder"] == []
    assert results.engine == "elasticsearch"


def test_the_excerpt_is_the_marked_fragment_or_the_escaped_summary():
    marked = {"body": ["za <mark>mlade</mark> družine"], "title": ["x"]}
    hit = read_results(response(doc(), highlight=marked)).hits[0]
    assert hit.highlight == "za <mark>mlade</mark> družine"
    plain = read_results(response(doc())).hits[0]
    assert plain.highlight == "Delavnice za &lt;vse&gt; generacije"


# Writing


def test_documents_go_to_their_language_alias_by_page_id():
    engine = ElasticsearchEngine("http://127.0.0.1:9", prefix="net")
    actions = list(
        index_actions([doc(1), doc(2, locale="cs"), doc(3, locale="en")], engine.alias_for)
    )
    assert [(a["_op_type"], a["_index"], a["_id"]) for a in actions] == [
        ("index", "net_sl", "1"),
        ("index", "net_cs", "2"),
        ("index", "net_en", "3"),
    ]
    assert document_from_source(actions[0]["_source"]) == doc(1)


def test_a_document_in_a_language_without_an_index_is_refused():
    engine = ElasticsearchEngine("http://127.0.0.1:9", languages=("sl", "cs"))
    with pytest.raises(ValueError, match="locale: 'de'"):
        list(index_actions([doc(locale="de")], engine.alias_for))


def test_the_source_is_plain_json():
    source = document_source(doc(extra={"venue": "Dom"}))
    assert json.loads(json.dumps(source)) == source
    assert source["starts_at"] == NOW.isoformat() and source["theme"] == ["family", "ageing"]


@pytest.mark.parametrize("value", ["", "Mreza", "mreza-x", "a b"])
def test_a_bad_prefix_is_refused(value):
    with pytest.raises(ValueError, match="prefix"):
        ElasticsearchEngine("http://127.0.0.1:9", prefix=value)


# Rebuilding


def test_first_install_swap_only_adds_aliases():
    actions, obsolete = alias_swap("mreza", ("sl", "cs"), V2, {})
    assert actions == [
        {"add": {"index": f"mreza_sl_{V2}", "alias": "mreza_sl"}},
        {"add": {"index": f"mreza_cs_{V2}", "alias": "mreza_cs"}},
    ]
    assert obsolete == []


def test_the_swap_moves_every_alias_at_once_and_drops_older_versions():
    existing = {
        f"mreza_sl_{V1}": {"mreza_sl": {}},  # live
        f"mreza_sl_{V2}": {},  # being swapped in
        f"mreza_cs_{V1}": {},  # an abandoned rebuild
        f"mreza_cs_{V3}": {},  # a newer rebuild still running: left alone
        "mreza_cs": {},  # written before any alias existed
        "mreza_cs_backup": {},  # not ours
    }
    actions, obsolete = alias_swap("mreza", ("sl", "cs"), V2, existing)
    assert actions == [
        {"remove": {"index": f"mreza_sl_{V1}", "alias": "mreza_sl"}},
        {"add": {"index": f"mreza_sl_{V2}", "alias": "mreza_sl"}},
        {"remove_index": {"index": "mreza_cs"}},
        {"add": {"index": f"mreza_cs_{V2}", "alias": "mreza_cs"}},
    ]
    assert obsolete == [f"mreza_sl_{V1}", f"mreza_cs_{V1}"]


def test_a_rebuild_target_must_be_one_this_engine_made():
    engine = ElasticsearchEngine("http://127.0.0.1:9")
    with pytest.raises(ValueError, match="target"):
        engine.finish_rebuild("../mreza_sl")
    with pytest.raises(ValueError, match="target"):
        engine.prepare_rebuild(resume="yesterday")


# Faults against real servers


def test_a_refused_connection_is_unavailable_not_an_error():
    engine = ElasticsearchEngine("http://127.0.0.1:9", timeout=1.0)
    started = time.monotonic()
    with pytest.raises(EngineUnavailable, match="search: ConnectionError"):
        engine.search(SearchQuery(terms=("center",)))
    assert time.monotonic() - started < 2  # the fallback is not kept waiting
    with pytest.raises(EngineUnavailable):
        engine.index([doc()])
    with pytest.raises(EngineUnavailable):
        engine.hide([1])


class _Canned(http.server.BaseHTTPRequestHandler):
    status = 503
    body = b'{"error": "unavailable"}'
    headers_out = {"Content-Type": "application/json"}
    received: list

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.received.append((self.command, self.path, self.rfile.read(length)))
        self.send_response(self.status)
        for name, value in self.headers_out.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(self.body)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def canned_server():
    """A real HTTP server on the loopback answering every request with one canned reply."""
    servers, received = [], []

    def start(status: int, body: dict, headers: dict | None = None) -> str:
        handler = type(
            "Handler",
            (_Canned,),
            {
                "status": status,
                "body": json.dumps(body).encode(),
                "headers_out": {"Content-Type": "application/json", **(headers or {})},
                "received": received,
            },
        )
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    start.received = received  # (method, path, body) of every request, in order
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_search_sends_one_request_over_every_language_and_reads_the_answer(canned_server):
    answer = response(doc()) | {"took": 3, "timed_out": False}
    url = canned_server(200, answer, {"X-Elastic-Product": "Elasticsearch"})
    query = SearchQuery(terms=("center",), filters={"region": ("notranjska",)})
    results = ElasticsearchEngine(url, prefix="net").search(query)
    [(method, path, sent)] = canned_server.received
    assert method == "POST" and path.startswith("/net_sl,net_cs,net_en/_search?")
    assert "ignore_unavailable=true" in path
    sent = json.loads(sent)
    assert sent["post_filter"] == search_body(query, now=NOW)["post_filter"]
    assert [hit.document for hit in results.hits] == [doc()]
    assert results.total == 42 and results.engine == "elasticsearch"


def test_a_503_from_the_cluster_is_unavailable(canned_server):
    engine = ElasticsearchEngine(canned_server(503, {"error": "no master"}))
    with pytest.raises(EngineUnavailable, match="search: the cluster answered 503"):
        engine.search(SearchQuery(terms=("center",)))
    with pytest.raises(EngineUnavailable, match="503"):
        engine.index([doc()])
    with pytest.raises(EngineUnavailable, match="503"):
        engine.delete([1])


def test_a_server_that_is_not_elasticsearch_is_unavailable(canned_server):
    engine = ElasticsearchEngine(canned_server(200, {"hits": {}}))  # no X-Elastic-Product
    with pytest.raises(EngineUnavailable, match="not Elasticsearch"):
        engine.search(SearchQuery(terms=("center",)))


def test_a_server_of_another_major_version_is_unavailable(canned_server):
    refusal = {
        "error": {
            "root_cause": [{"type": "media_type_header_exception", "reason": "Invalid"}],
            "type": "media_type_header_exception",
            "reason": "Accept version must be either version 8 or 7, but found 9",
        },
        "status": 400,
    }
    engine = ElasticsearchEngine(canned_server(400, refusal))
    with pytest.raises(EngineUnavailable, match=f"client version {CLIENT_MAJOR}"):
        engine.server_compatible()


def test_a_bad_request_of_ours_is_not_hidden(canned_server):
    error = {"error": {"root_cause": [{"type": "parsing_exception", "reason": "x"}]}}
    engine = ElasticsearchEngine(canned_server(400, error, {"X-Elastic-Product": "Elasticsearch"}))
    with pytest.raises(BadRequestError):
        engine.search(SearchQuery(terms=("center",)))


def test_the_server_version_is_checked_against_the_client(canned_server):
    info = {"version": {"number": f"{CLIENT_MAJOR}.2.1"}, "tagline": "You Know, for Search"}
    headers = {"X-Elastic-Product": "Elasticsearch"}
    assert ElasticsearchEngine(canned_server(200, info, headers)).server_compatible()
    old = {"version": {"number": f"{int(CLIENT_MAJOR) - 1}.19.0"}}
    assert not ElasticsearchEngine(canned_server(200, old, headers)).server_compatible()


# A live cluster


@pytest.fixture
def live_engine():
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("set ELASTICSEARCH_URL to run against a live cluster")
    engine = ElasticsearchEngine(url, prefix=f"mreza_test_{uuid.uuid4().hex[:8]}", timeout=30)
    yield engine
    # Deleting by wildcard is refused by default (action.destructive_requires_name).
    names = engine.client.indices.get_alias(index=f"{engine.prefix}_*").body
    if names:
        engine.client.indices.delete(index=",".join(names))


@pytest.mark.elasticsearch
def test_live_round_trip(live_engine):
    engine = live_engine
    assert engine.server_compatible()
    past, soon = datetime.now(UTC) - timedelta(days=1), datetime.now(UTC) + timedelta(days=2)
    documents = [
        doc(1, ends_at=past),
        doc(
            2,
            locale="cs",
            title="Rodinné centrum",
            body="Hodiny hry na xylofon",
            theme=(),
            ends_at=soon,
        ),
        doc(3, site_id=4, locale="en", title="Family centre", body="Programmes", ends_at=past),
    ]
    assert engine.index(documents) == 3
    engine.client.indices.refresh(index=",".join(engine.aliases))

    folded = engine.search(SearchQuery(terms=("vecgeneracijski",)))
    assert [hit.document for hit in folded.hits] == [documents[0]]
    marked = engine.search(SearchQuery(terms=("generacije",), filters={"locale": ("sl",)}))
    assert marked.hits[0].highlight == "Delavnice za &lt;vse&gt; <mark>generacije</mark>"
    stemmed = engine.search(SearchQuery(terms=("programme",)))
    assert [hit.document.page_id for hit in stemmed.hits] == [3]
    prefix = engine.search(SearchQuery(terms=("druz",), prefix_last=True))
    assert [hit.document.page_id for hit in prefix.hits] == [1]

    everyone = SearchQuery(terms=("cent",), prefix_last=True, filters={"locale": ("cs",)})
    results = engine.search(everyone)
    assert [hit.document.page_id for hit in results.hits] == [2]
    counts = {f.value: f.count for f in results.facets["locale"]}
    assert counts == {"sl": 1, "cs": 1, "en": 1}  # its own filter left out
    assert results.upcoming == 1

    engine.index([doc(4, title="Zastarela stran")])  # gone from its site since
    version = engine.prepare_rebuild()
    assert engine.write_rebuild(version, 3, "sl", [doc(1, title="Nov naslov")]) == 1
    assert engine.prepare_rebuild(resume=version) == version
    assert engine.write_rebuild(version, 3, "sl", [doc(1, title="Nov naslov")]) == 1
    assert engine.search(SearchQuery(terms=("naslov",))).total == 0  # not live yet
    engine.finish_rebuild(version)
    rebuilt = engine.search(SearchQuery(terms=("naslov",)))
    assert [hit.document.title for hit in rebuilt.hits] == ["Nov naslov"]
    assert engine.search(SearchQuery(terms=("zastarela",))).total == 0  # its part was rewritten
    assert engine.search(SearchQuery(terms=("xylofon",))).total == 1  # other parts kept
    assert len(engine.client.indices.get_alias(index=f"{engine.prefix}_*").body) == 3

    engine.hide([1])
    assert engine.search(SearchQuery(terms=("naslov",))).total == 0
    engine.delete([3])
    assert engine.search(SearchQuery(terms=("family",))).total == 0
