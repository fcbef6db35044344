"""Network search at scale: the network index vs Wagtail's own search on the same pages.

    .venv/bin/python -m bench.bench_search --sites 100 --pages 1000
    .venv/bin/python -m bench.bench_search --sites 100 --pages 1000 --postgres

Provisions ``--sites`` centres (half Slovenian, half Czech, each with an English tree of
translations) and bulk-inserts ``--pages`` live pages per site across the page types of
``sites.models`` (news, programmes, social activation programmes, events, standard pages,
good practices, project pages), with seeded Slovenian, Czech and English titles and
StreamField bodies (``bench.search_corpus``). It then builds both indexes on the same data,
Wagtail's (``update_index``) and the network's (``search.indexing.rebuild``), and times
two-word queries (drawn from the generated text, some typed without diacritics) through
``search.service.run_search`` with facets, and through Wagtail's plain
``Page.objects.live().search()``. Wagtail's SQLite query takes minutes at 100,000 pages, so
it runs for ``--baseline-queries`` queries only.

Temporary SQLite by default; ``--database-url`` uses the given (empty) database;
``--postgres`` creates a fresh database on 127.0.0.1:5432 (or ``--postgres-url``) and
drops it afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import shutil
import statistics
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from bench.bench_occurrences import fresh_postgres_database
from bench.common import report, setup_django
from bench.search_corpus import LANGUAGES, Text, Writer, without_diacritics, words

# Share of each site's pages per page type: (kind, model name, section it lives in).
PAGE_MIX = (
    ("news", "NewsArticlePage", "news", 0.30),
    ("programme", "ProgrammePage", "programmes", 0.15),
    ("social_activation", "SocialActivationProgrammePage", "programmes", 0.03),
    ("event", "EventPage", "events", 0.20),
    ("standard", "StandardPage", "home", 0.14),
    ("good_practice", "GoodPracticePage", "practices", 0.15),
    ("project", "ProjectPage", "projects", 0.03),
)
SECTIONS = {
    "news": ("NewsIndexPage", {"sl": "Novice", "cs": "Aktuality", "en": "News"}),
    "programmes": ("ProgrammeIndexPage", {"sl": "Programi", "cs": "Programy", "en": "Programmes"}),
    "events": ("EventIndexPage", {"sl": "Dogodki", "cs": "Akce", "en": "Events"}),
    "practices": (
        "GoodPracticeIndexPage",
        {"sl": "Dobre prakse", "cs": "Dobrá praxe", "en": "Good practices"},
    ),
    "projects": ("ProjectIndexPage", {"sl": "Projekti", "cs": "Projekty", "en": "Projects"}),
}
ENGLISH_SHARE = 0.10  # of each site's pages: English translations of its other pages
REGIONS = {
    "sl": ["Primorsko-notranjska", "Savinjska", "Zasavska", "Podravska", "Posavska", "Gorenjska"],
    "cs": ["Olomoucký kraj", "Region Haná", "Zlínský kraj"],
}
TARGET_P95_MS = {"postgresql": 150, "sqlite": 300}
TARGET_RATIO = 6
TARGET_REBUILD_PER_S = 1000
BATCH = 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sites", type=positive, default=100)
    parser.add_argument("--pages", type=positive, default=1000, help="pages per site")
    parser.add_argument("--queries", type=positive, default=30)
    parser.add_argument("--repeat", type=positive, default=3, help="timed passes over the queries")
    parser.add_argument(
        "--baseline-queries",
        type=int,
        default=3,
        help="queries timed through Wagtail's search (each once; minutes each on SQLite at "
        "100,000 pages); 0 skips the baseline",
    )
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--database-url", default=None, help="an existing, empty database")
    parser.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database")
    parser.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--keep-database",
        action="store_true",
        help="keep the temporary SQLite database (its path is printed) for inspection",
    )
    parser.add_argument(
        "--skip-wagtail-index", action="store_true", help="no update_index (and no baseline)"
    )
    parser.add_argument(
        "--profile-rebuild",
        action="store_true",
        help="run the network rebuild under cProfile and print where its time goes",
    )
    parser.add_argument(
        "--sync-occurrences",
        action="store_true",
        help="materialise event and programme dates (sync_all) before indexing",
    )
    args = parser.parse_args()
    if args.postgres and args.database_url:
        parser.error("--postgres and --database-url exclude each other")

    drop = None
    database_url = args.database_url
    if args.postgres:
        database_url, drop = fresh_postgres_database(args.postgres_url)
    try:
        started = time.perf_counter()
        setup_django(database_url)
        print(f"migrate: {time.perf_counter() - started:.1f} s")
        run(args)
    finally:
        from django.db import connections

        temporary = database_url is None and not args.keep_database
        name = str(connections["default"].settings_dict["NAME"]) if temporary else ""
        connections.close_all()
        if drop is not None:
            drop()
        if temporary and name.endswith("bench.sqlite3"):
            # The temporary SQLite file of setup_django: about 2 GB at full scale.
            shutil.rmtree(Path(name).parent, ignore_errors=True)
            print(f"removed {name}")


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


def run(args: argparse.Namespace) -> None:
    from django.db import connection
    from django.urls import get_resolver

    # The URLconf now rather than in the middle of the rebuild (page URLs need it): an
    # import error shows at once.
    assert get_resolver().url_patterns
    vendor = connection.vendor
    if args.keep_database:
        print(f"database file: {connection.settings_dict['NAME']}")
    print(f"database: {vendor}; {args.sites} sites × {args.pages} pages; seed {args.seed}")
    rng = random.Random(args.seed)

    started = time.perf_counter()
    network = provision(args.sites)
    provisioned = time.perf_counter() - started
    started = time.perf_counter()
    corpus = generate_pages(network, args.pages, rng)
    generated = time.perf_counter() - started
    print(
        f"generation: {args.sites} sites provisioned in {provisioned:.1f} s; "
        f"{corpus.count} pages ({corpus.by_locale_text()}) created in {generated:.1f} s "
        f"({corpus.count / generated:,.0f} pages/s)"
    )
    if args.sync_occurrences:
        from sites.occurrences import sync_all

        started = time.perf_counter()
        result = sync_all()
        print(f"sync_all: {result.pages} pages in {time.perf_counter() - started:.1f} s")
    analyse(vendor)

    wagtail_seconds = None
    if not args.skip_wagtail_index:
        wagtail_seconds = build_wagtail_index()
        print(f"Wagtail update_index: {wagtail_seconds:.1f} s")
    rebuild_seconds, documents = build_network_index(profile=args.profile_rebuild)
    analyse(vendor)
    print(
        f"network rebuild: {documents} documents in {rebuild_seconds:.1f} s "
        f"({documents / rebuild_seconds:,.0f} pages/s)"
        + (f"; Wagtail update_index: {wagtail_seconds:.1f} s" if wagtail_seconds else "")
    )
    print()

    queries = draw_queries(corpus, args.queries, rng)
    network_samples, totals = time_network(queries, args.repeat)
    check_totals(corpus, queries, totals)
    baseline_samples = []
    if args.baseline_queries and not args.skip_wagtail_index:
        baseline_samples = time_wagtail(queries[: args.baseline_queries])
    print_figures(vendor, queries, network_samples, baseline_samples, totals)
    print_figures_rebuild(documents, rebuild_seconds, wagtail_seconds)
    slowest_query = max(range(len(queries)), key=lambda i: network_samples[i])
    explain_slowest(queries[slowest_query])


# -- network and pages -----------------------------------------------------------------------


@dataclass
class Centre:
    tenant: object
    number: int
    language: str
    place: str
    sections: dict[tuple[str, str], object] = field(default_factory=dict)  # (lang, key) → page
    project: object = None
    location: object = None
    region: object = None
    organisation: object = None


@dataclass
class Network:
    centres: list[Centre]
    locales: dict[str, object]
    target_groups: dict[str, list]  # by language
    themes: dict[str, list]
    now: datetime


def provision(count: int) -> Network:
    """Sites with their sections, in sl or cs, each with an English tree of translations."""
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from bench.search_corpus import CS, SL
    from network.demo.funding import TARGET_GROUPS, THEMES
    from network.models import Region, TargetGroup, Theme
    from network.provisioning import provision_site
    from sites import models as site_models
    from tests.factories import (
        FunderFactory,
        FundingLineFactory,
        LocationFactory,
        OrganisationFactory,
        ProjectFactory,
    )

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    regions = {
        language: [
            Region.objects.create(
                name=name,
                slug=slug(name),
                country="SI" if language == "sl" else "CZ",
                locale=locales[language],
            )
            for name in names
        ]
        for language, names in REGIONS.items()
    }
    terms: dict[type, dict[str, list]] = {}
    for model, data in ((TargetGroup, TARGET_GROUPS), (Theme, THEMES)):
        terms[model] = {language: [] for language in LANGUAGES}
        for term in data:
            key = uuid.uuid4()
            for language in LANGUAGES:
                terms[model][language].append(
                    model.objects.create(
                        name=term.name,
                        slug=term.slug,
                        description=term.description,
                        locale=locales[language],
                        translation_key=key,
                    )
                )
    funders = [FunderFactory(locale=locales["sl"]) for _ in range(4)]
    root = Page.get_first_root_node()
    centres = []
    for number in range(count):
        language = "sl" if number % 2 == 0 else "cs"
        places = (SL if language == "sl" else CS).places
        place = places[number // 2 % len(places)]
        region = regions[language][number // 2 % len(regions[language])]
        organisation = OrganisationFactory(
            slug=f"centre-{number}",
            name=f"Centre {number} {place}",
            region=region,
            locale=locales[language],
        )
        tenant = provision_site(
            name=f"Centre {number} {place}",
            hostname=f"centre-{number}.localhost",
            organisation=organisation,
            locale=language,
            time_zone="Europe/Ljubljana" if language == "sl" else "Europe/Prague",
        ).tenant
        centre = Centre(
            tenant=tenant,
            number=number,
            language=language,
            place=place,
            region=region,
            organisation=organisation,
        )
        home = tenant.site.root_page.specific
        english_home = root.add_child(
            instance=type(home)(
                title=f"Centre {number} {place}",
                slug=f"centre-{number}-en",
                locale=locales["en"],
                translation_key=home.translation_key,
            )
        )
        for lang, parent in ((language, home), ("en", english_home)):
            centre.sections[(lang, "home")] = parent
            for key, (model_name, titles) in SECTIONS.items():
                model = getattr(site_models, model_name)
                centre.sections[(lang, key)] = parent.add_child(
                    instance=model(
                        title=titles[lang], slug=slug(titles[lang]), locale=locales[lang]
                    )
                )
        centre.project = ProjectFactory(
            owner=organisation,
            title=f"Večgeneracijski center {place}"
            if language == "sl"
            else f"Komunitní centrum {place}",
            slug=f"projekt-{number}",
            locale=locales[language],
        )
        FundingLineFactory(project=centre.project, funder=funders[number % len(funders)])
        centre.location = LocationFactory(organisation=organisation, locale=locales[language])
        centres.append(centre)
    return Network(
        centres=centres,
        locales=locales,
        target_groups=terms[TargetGroup],
        themes=terms[Theme],
        now=timezone.now(),
    )


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", without_diacritics(text).lower()).strip("-")


@dataclass
class GeneratedPage:
    page: object
    kind: str
    language: str
    centre: int
    text: Text


@dataclass
class Corpus:
    pages: list[GeneratedPage]
    # For checking the network search's answers: folded word sets of the first sites' pages.
    checked_sites: set[int]
    tokens: dict[int, set[str]]  # page id → folded words
    site_ids: dict[int, int]  # centre number → Site id

    @property
    def count(self) -> int:
        return len(self.pages)

    def by_locale_text(self) -> str:
        counts: dict[str, int] = {}
        for generated in self.pages:
            counts[generated.language] = counts.get(generated.language, 0) + 1
        return ", ".join(f"{language} {counts.get(language, 0)}" for language in LANGUAGES)


def html(paragraph: str) -> str:
    return f"<p>{paragraph}</p>"


def body_value(text: Text) -> list[dict]:
    """Raw StreamField data of ``BodyBlock``: a heading and paragraphs per section."""
    blocks = []
    for heading, paragraphs in text.sections:
        blocks.append(
            {"type": "heading", "value": {"text": heading, "level": "h2"}, "id": str(uuid.uuid4())}
        )
        blocks.extend(
            {"type": "paragraph", "value": html(paragraph), "id": str(uuid.uuid4())}
            for paragraph in paragraphs
        )
    return blocks


def plain_text(text: Text) -> str:
    parts = [text.title, text.intro]
    for heading, paragraphs in text.sections:
        parts.append(heading)
        parts.extend(paragraphs)
    return " ".join(parts)


def generate_pages(network: Network, per_site: int, rng: random.Random) -> Corpus:
    """Bulk-insert live pages (tree paths computed here), their specific rows and relations."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from recurrence import FR, MO, TH, TU, WE, WEEKLY, Recurrence, Rule
    from wagtail.models import Page

    from sites import models as site_models
    from sites.models.programmes import ProgrammeKind

    writer = Writer(rng)
    models = {kind: getattr(site_models, name) for kind, name, _section, _share in PAGE_MIX}
    content_types = ContentType.objects.get_for_models(*models.values())
    weekdays = [MO, TU, WE, TH, FR]
    today = network.now.date()
    kinds = [kind for kind, *_rest in PAGE_MIX]
    shares = [share for *_rest, share in PAGE_MIX]
    sections = {kind: section for kind, _name, section, _share in PAGE_MIX}
    programme_kinds = [choice for choice, _label in ProgrammeKind.choices]

    generated: list[GeneratedPage] = []
    m2m: list[tuple[object, str, list]] = []  # (page, field name, related rows)
    steps: dict[int, int] = {}  # parent page id → children so far
    parents: dict[int, object] = {}
    checked_sites = set(range(min(3, len(network.centres))))

    for centre in network.centres:
        own = centre.language
        english = int(per_site * ENGLISH_SHARE)
        originals: list[GeneratedPage] = []
        for index in range(per_site):
            if index >= per_site - english and originals:
                source = originals[index - (per_site - english)]
                kind, language, key = source.kind, "en", source.page.translation_key
            else:
                kind, language, key = rng.choices(kinds, shares)[0], own, uuid.uuid4()
            model = models[kind]
            text = writer.page(language, kind, centre.place)
            published = network.now - timedelta(days=rng.randint(0, 1200), minutes=index)
            page = model(
                title=text.title[:255],
                draft_title=text.title[:255],
                slug=f"{slug(text.title)[:60]}-{index}",
                content_type=content_types[model],
                locale_id=network.locales[language].pk,
                translation_key=key,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                intro=text.intro,
                body=body_value(text),
            )
            fill_specific(page, kind, centre, rng, text)
            if kind in ("programme", "social_activation", "event"):
                page.start_time = dtime(rng.randint(8, 18), rng.choice([0, 30]))
                page.end_time = dtime(min(page.start_time.hour + 2, 23), page.start_time.minute)
                if kind == "event":
                    page.start_date = today + timedelta(days=rng.randint(-200, 200))
                    page.recurrence = ""
                else:
                    page.start_date = today - timedelta(days=rng.randint(0, 400))
                    page.recurrence = Recurrence(
                        rrules=[Rule(WEEKLY, byday=[rng.choice(weekdays)])]
                    )
                if kind == "programme":
                    page.kind = rng.choice(programme_kinds)
            terms_language = network.target_groups[language]
            if kind in ("programme", "social_activation", "event", "good_practice"):
                m2m.append((page, "target_groups", rng.sample(terms_language, rng.randint(1, 3))))
            if kind in ("programme", "social_activation", "event", "good_practice", "news"):
                m2m.append(
                    (page, "themes", rng.sample(network.themes[language], rng.randint(1, 2)))
                )
            if kind == "good_practice":
                m2m.append((page, "organisations", [centre.organisation]))
            parent = centre.sections[(language, sections[kind])]
            parents[parent.pk] = parent
            step = steps[parent.pk] = steps.get(parent.pk, parent.numchild) + 1
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, step)
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            item = GeneratedPage(page, kind, language, centre.number, text)
            generated.append(item)
            if language == own:
                originals.append(item)

    with transaction.atomic():
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        for batch in range(0, len(generated), BATCH):
            chunk = [item.page for item in generated[batch : batch + BATCH]]
            bases = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in chunk]
            )
            for page, base in zip(chunk, bases, strict=True):
                page.id = page.page_ptr_id = base.pk
            by_model: dict[type, list] = {}
            for page in chunk:
                by_model.setdefault(type(page), []).append(page)
            for model, pages in by_model.items():
                model.objects._insert(pages, fields=model._meta.local_concrete_fields)
        for parent_id, children in steps.items():
            Page.objects.filter(pk=parent_id).update(numchild=children)
        through_rows: dict[type, list] = {}
        for page, name, related in m2m:
            relation = type(page)._meta.get_field(name)
            through = relation.remote_field.through
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            through_rows.setdefault(through, []).extend(
                through(**{f"{source}_id": page.pk, f"{target}_id": row.pk}) for row in related
            )
        for through, rows in through_rows.items():
            through.objects.bulk_create(rows, batch_size=BATCH)

    problems = Page.find_problems(parent=network.centres[-1].sections[("en", "home")])
    assert not any(problems), f"tree problems after bulk insert: {problems}"
    problems = Page.find_problems(parent=network.centres[-1].tenant.site.root_page)
    assert not any(problems), f"tree problems after bulk insert: {problems}"
    assert Page.objects.live().filter(pk__in=[generated[-1].page.pk]).exists()

    tokens = {}
    for item in generated:
        if item.centre in checked_sites:
            tokens[item.page.pk] = set(folded_words(page_text(item)))
    site_ids = {centre.number: centre.tenant.site_id for centre in network.centres}
    check_site_roots(network, generated)
    return Corpus(generated, checked_sites, tokens, site_ids)


def fill_specific(page, kind: str, centre: Centre, rng: random.Random, text: Text) -> None:
    """Required fields and foreign keys of each page type."""
    if kind == "news":
        page.date = page.first_published_at.date()
    elif kind in ("programme", "event"):
        page.location_id = centre.location.pk
    elif kind == "social_activation":
        page.duration_months = rng.choice([6, 12, 18])
    elif kind == "good_practice":
        paragraphs = [p for _heading, ps in text.sections for p in ps]
        page.problem = html(paragraphs[0])
        page.approach = html(paragraphs[-1])
        page.results = html(text.intro)
        page.region_id = centre.region.pk
    elif kind == "project":
        page.project_id = centre.project.pk


def page_text(item: GeneratedPage) -> str:
    """Everything of a generated page a search may match (the good practice's fields are
    paragraphs of its body, the results its introduction)."""
    return plain_text(item.text)


def folded_words(text: str) -> list[str]:
    return [without_diacritics(word).lower() for word in re.findall(r"\w+", text)]


def check_site_roots(network: Network, generated: list[GeneratedPage]) -> None:
    """Wagtail maps every generated page, English ones too, to its centre's site."""
    from wagtail.models import Site

    roots = Site.get_site_root_paths()
    for item in (generated[0], generated[-1]):
        site_id = next(
            root.site_id for root in roots if item.page.url_path.startswith(root.root_path)
        )
        expected = network.centres[item.centre].tenant.site_id
        assert site_id == expected, (item.page.url_path, site_id, expected)


def analyse(vendor: str) -> None:
    """What autovacuum or a periodic ANALYZE does after a bulk load: planner statistics."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vendor == "postgresql" else "ANALYZE")


# -- indexes ---------------------------------------------------------------------------------


def build_wagtail_index() -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    return time.perf_counter() - started


def build_network_index(*, profile: bool = False) -> tuple[float, int]:
    from search.indexing import rebuild

    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    documents = profiler.runcall(rebuild) if profiler else rebuild()
    seconds = time.perf_counter() - started
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(20)
        stats.sort_stats("cumulative").print_stats(30)
        print("network rebuild under cProfile (slower than without):")
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))
    return seconds, documents


# -- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    words: tuple[str, str]
    language: str
    folded: bool
    scope: str  # "network", "site" or "filtered"
    site_id: int | None = None
    centre: int | None = None
    content_type: str = ""

    def label(self) -> str:
        where = {"network": "network", "site": f"site {self.site_id}"}.get(
            self.scope, f"type={self.content_type}"
        )
        folded = ", folded" if self.folded else ""
        return f"{' '.join(self.words)!r} ({self.language}{folded}, {where})"


def draw_queries(corpus: Corpus, count: int, rng: random.Random) -> list[Query]:
    """Two words of one generated page per query, over the three languages; every third
    without diacritics; a third over the whole network, a third in one (checked) site, a
    third filtered by page type."""
    from search.extraction import content_type_key

    by_language: dict[str, list[GeneratedPage]] = {language: [] for language in LANGUAGES}
    for item in corpus.pages:
        by_language[item.language].append(item)
    checked = [item for item in corpus.pages if item.centre in corpus.checked_sites]
    queries = []
    for number in range(count):
        language = LANGUAGES[number % 3]
        scope = ("network", "site", "filtered")[number // 3 % 3]
        pool = [i for i in checked if i.language == language] if scope == "site" else None
        item = rng.choice(pool or by_language[language])
        candidates = sorted(set(words(page_text(item), language)))
        first, second = rng.sample(candidates, 2)
        folded = number % 4 == 1
        if folded:
            first, second = without_diacritics(first), without_diacritics(second)
        queries.append(
            Query(
                words=(first, second),
                language=language,
                folded=folded,
                scope=scope,
                site_id=corpus.site_ids[item.centre] if scope == "site" else None,
                centre=item.centre,
                content_type=content_type_key(type(item.page)) if scope == "filtered" else "",
            )
        )
    return queries


def search_query(query: Query):
    from search.engines.base import SearchQuery

    filters = {"content_type": (query.content_type,)} if query.content_type else {}
    return SearchQuery(
        terms=query.words,
        limit=10,
        filters=filters,
        site_ids=(query.site_id,) if query.site_id else None,
    )


def time_network(queries: list[Query], repeat: int) -> tuple[list[float], list[int]]:
    """Per query, the median over ``repeat`` passes (after one warm-up pass), and its total."""
    from search.service import run_search

    totals = []
    for query in queries:  # warm-up: caches of the database and of Python imports
        results = run_search(search_query(query))
        # No query filters by locale: that facet's counts add up to the total.
        locales = sum(count.count for count in results.facets["locale"])
        assert locales == results.total, (query.label(), locales, results.total)
        totals.append(results.total)
    samples: list[list[float]] = [[] for _ in queries]
    for _ in range(repeat):
        for index, query in enumerate(queries):
            started = time.perf_counter()
            run_search(search_query(query))
            samples[index].append(time.perf_counter() - started)
    return [statistics.median(times) for times in samples], totals


def check_totals(corpus: Corpus, queries: list[Query], totals: list[int]) -> None:
    """Every query finds its page; site-scoped ones find as many pages as hold both words
    in the generated text, matched as the engine matches (folded, by the stem's prefix)."""
    from search.query import fold, stem

    exact = checked = 0
    for query, total in zip(queries, totals, strict=True):
        if total < 1:
            print(f"  ! no results for {query.label()}")
        if query.scope != "site":
            continue
        prefixes = [stem(fold(word)) or fold(word) for word in query.words]
        expected = sum(
            1
            for item in corpus.pages
            if item.centre == query.centre
            and all(
                any(token.startswith(prefix) for token in corpus.tokens[item.page.pk])
                for prefix in prefixes
            )
        )
        checked += 1
        if expected == total:
            exact += 1
        else:
            print(f"  ! {query.label()}: {total} results, the generated text has {expected}")
    print(
        f"site-scoped totals equal to the generated pages holding both words: {exact} of {checked}"
    )


def time_wagtail(queries: list[Query]) -> list[float]:
    from wagtail.models import Page

    samples = []
    for query in queries:
        started = time.perf_counter()
        list(Page.objects.live().search(" ".join(query.words))[:10])
        samples.append(time.perf_counter() - started)
        print(f"  Wagtail search {query.label()}: {samples[-1]:.2f} s")
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def print_figures(
    vendor: str,
    queries: list[Query],
    network: list[float],
    baseline: list[float],
    totals: list[int],
) -> None:
    print()
    print(f"{'query':64} {'network ms':>10} {'results':>8}")
    for query, seconds, total in zip(queries, network, totals, strict=True):
        print(f"{query.label():64} {seconds * 1000:10.1f} {total:8}")
    print()
    for scope in ("network", "site", "filtered"):
        chosen = [s for q, s in zip(queries, network, strict=True) if q.scope == scope]
        if chosen:
            print(
                f"network search, {scope:8} scope: "
                f"median {statistics.median(chosen) * 1000:.1f} ms, "
                f"p95 {p95(chosen) * 1000:.1f} ms ({len(chosen)} queries)"
            )
    median, high = statistics.median(network), p95(network)
    # Other work on the machine inflates every figure: say how busy it was.
    print(
        f"load average (1 min) after the queries: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(
        f"network search, all queries with facets: "
        f"median {median * 1000:.1f} ms, p95 {high * 1000:.1f} ms"
    )
    target = TARGET_P95_MS.get(vendor)
    if target:
        print(
            f"  target p95 < {target} ms on {vendor}: "
            + ("met" if high * 1000 < target else f"MISSED by {high * 1000 - target:.0f} ms")
        )
    if baseline:
        same = network[: len(baseline)]
        print()
        print(
            f"Wagtail plain search on the first {len(baseline)} queries (each once): "
            f"median {statistics.median(baseline):.2f} s, max {max(baseline):.2f} s"
        )
        report(
            [
                (
                    f"Wagtail Page.objects.live().search() [:10], {len(baseline)} queries",
                    statistics.median(baseline),
                ),
                (f"network run_search, same {len(same)} queries", statistics.median(same)),
                (f"network run_search, all {len(network)} queries", median),
            ]
        )
        ratio = statistics.median(baseline) / statistics.median(same)
        print(
            f"ratio Wagtail / network (medians, same queries): {ratio:,.0f}× "
            f"(target ≥ {TARGET_RATIO}×: {'met' if ratio >= TARGET_RATIO else 'MISSED'})"
        )


def print_figures_rebuild(documents: int, seconds: float, wagtail_seconds: float | None) -> None:
    rate = documents / seconds
    print(
        f"network rebuild: {rate:,.0f} pages/s (target ≥ {TARGET_REBUILD_PER_S:,}: "
        + (
            "met"
            if rate >= TARGET_REBUILD_PER_S
            else f"MISSED by {TARGET_REBUILD_PER_S - rate:,.0f}"
        )
        + ")"
        + (
            f"; Wagtail update_index {documents / wagtail_seconds:,.0f} pages/s"
            if wagtail_seconds
            else ""
        )
    )


def explain_slowest(query: Query) -> None:
    """Where the slowest network query spends its time: statements, plans, Python."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.service import run_search

    print()
    print(f"slowest network query: {query.label()}")
    with CaptureQueriesContext(connection) as captured:
        run_search(search_query(query))
    for statement in captured.captured_queries:
        print(f"  {float(statement['time']) * 1000:8.1f} ms  {statement['sql'][:150]}")
    slowest = max(captured.captured_queries, key=lambda statement: float(statement["time"]))
    prefix = (
        "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    )
    print("  plan of its slowest statement:")
    with connection.cursor() as cursor:
        cursor.execute(prefix + slowest["sql"])
        for row in cursor.fetchall()[:60]:
            print("    ", " | ".join(str(value) for value in row))
    profile = cProfile.Profile()
    profile.runcall(lambda: run_search(search_query(query)))
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(12)
    print("\n".join(line for line in out.getvalue().splitlines()[:40] if line.strip()))


if __name__ == "__main__":
    main()
