"""Load test of the headless API: gunicorn (2 workers) on loopback, loaded by wrk.

    .venv/bin/python -m bench.bench_api --seconds 10

Migrates a fresh database (a temporary SQLite file; ``--database postgres`` creates and drops
a PostgreSQL one, ``--database-url`` uses the given one), loads the demo network, serves it
with gunicorn (``config.wsgi``, production settings plus the bench URLs, DEBUG off, a cache
both workers share: Redis when it answers on 127.0.0.1:6379, else a file-based cache) and
loads it with ``wrk`` from a second process, 8 connections on 2 threads, for:

    (a) a minimal Django JSON view through the same middleware: the ceiling;
    (b) a page detail answered from the API's server-side cache (the same URL repeated);
    (c) the same page detail, uncached: the richest demo page (about 20 blocks);
    (d) a 20-item page listing, uncached;
    (e) the same listing, cached (for comparison).

"Uncached" defeats the server cache on every request: by default each request sends
``Cache-Control: no-cache``, which the API cache honours (it renders and stores afresh);
``--no-cache setting`` instead serves (c) and (d) from a second server started with
``MREZA_API_CACHE_SECONDS=0`` (the representation cache off). Rate limits stay on, set far
above what wrk sends, so their cost is in every figure.

The scenarios run in interleaved rounds (``--rounds``, default 3), so that other load on the
machine falls on all of them alike. Prints, as medians of the rounds, requests/s (with
their range), median and p95 latency, the ratio of each throughput to (a), the workers' CPU
time per request and whether the targets are met: (b) at least 0.5x the ceiling; (c) and
(d) p95 under 50 ms. The exit status is 0 even when a target is missed. Needs wrk:
``apt-get install -y wrk``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from io import StringIO
from pathlib import Path
from statistics import median
from subprocess import Popen

from bench.common import ROOT
from bench.http_load import (
    WrkResult,
    children_cpu_seconds,
    free_port,
    gunicorn,
    request,
    run_wrk,
)

REDIS = ("127.0.0.1", 6379)
REDIS_URL = "redis://127.0.0.1:6379/11"
LISTING_SIZE = 20
TARGET_CACHED_RATIO = 0.5
TARGET_P95_MS = 50.0
NO_CACHE = {"Cache-Control": "no-cache"}
# Far above what wrk can send, so limits are checked (and cost) but never answer 429.
UNREACHED_RATE = "1000000/second"


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    host: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    uncached: bool = False


@dataclass(frozen=True)
class BenchPages:
    """The page detail and the listing the scenarios load."""

    page_id: int
    page_title: str
    blocks: int
    page_host: str
    listing_host: str
    listing_pages: int


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--warmup", type=int, default=2, help="wrk warm-up seconds, not counted")
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds; the medians are reported"
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", default=None, help="use this database as it is")
    parser.add_argument("--cache-url", default=None, help="default: Redis if it answers")
    parser.add_argument(
        "--no-cache",
        choices=["header", "setting"],
        default="header",
        help="how (c) and (d) defeat the server cache: a Cache-Control: no-cache request "
        "header (default), or a second server with MREZA_API_CACHE_SECONDS=0",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk (Debian's package).")

    tmp = Path(tempfile.mkdtemp(prefix="mreza-bench-api-"))
    database_url, drop = args.database_url, None
    if database_url is None and args.database == "postgres":
        from bench.bench_occurrences import fresh_postgres_database, postgres_server_url

        database_url, drop = fresh_postgres_database(postgres_server_url())
    try:
        run(args, tmp, database_url or f"sqlite:///{tmp / 'bench.sqlite3'}")
    finally:
        if drop is not None:
            from django.db import connections

            connections.close_all()
            drop()
    shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, tmp: Path, database_url: str) -> None:
    port = free_port()
    env, cache_note = bench_environment(tmp, database_url, args.cache_url)
    os.environ.update(env)
    started = time.perf_counter()
    pages = prepare(port)
    print(f"prepared in {time.perf_counter() - started:.0f} s: {describe_setup(args, cache_note)}")
    print(
        f"page: “{pages.page_title}” (id {pages.page_id}, {pages.blocks} blocks) on "
        f"{pages.page_host}; listing: {LISTING_SIZE} of {pages.listing_pages} live pages "
        f"on {pages.listing_host}"
    )

    scenarios = build_scenarios(pages, args.no_cache)
    results: dict[str, list[WrkResult]] = {scenario.key: [] for scenario in scenarios}
    servers = [(env, scenarios)]
    if args.no_cache == "setting":
        servers = [
            (env, [s for s in scenarios if not s.uncached]),
            ({**env, "MREZA_API_CACHE_SECONDS": "0"}, [s for s in scenarios if s.uncached]),
        ]
    load_before = os.getloadavg()[0]
    for server_env, group in servers:
        with gunicorn(server_env, port, args.workers, tmp / "gunicorn.log") as server:
            for scenario in group:
                print(check(port, scenario))
                load(port, server, scenario, args, seconds=args.warmup)
            # Rounds interleave the scenarios, so the machine's other load falls on all alike.
            for _ in range(args.rounds):
                for scenario in group:
                    results[scenario.key].append(
                        load(port, server, scenario, args, seconds=args.seconds)
                    )
    print(f"load average (1 min): {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print()
    report(scenarios, results)


def build_scenarios(pages: BenchPages, no_cache: str) -> list[Scenario]:
    detail = f"/api/v3/pages/{pages.page_id}/"
    listing = f"/api/v3/pages/?limit={LISTING_SIZE}"
    bypass = NO_CACHE if no_cache == "header" else {}
    return [
        Scenario("a", "(a) minimal Django JSON view (ceiling)", pages.page_host,
                 "/bench-minimal-json/"),
        Scenario("b", "(b) page detail, cached", pages.page_host, detail),
        Scenario("c", f"(c) page detail, uncached ({pages.blocks} blocks)", pages.page_host,
                 detail, bypass, uncached=True),
        Scenario("d", f"(d) page listing of {LISTING_SIZE}, uncached", pages.listing_host,
                 listing, bypass, uncached=True),
        Scenario("e", f"(e) page listing of {LISTING_SIZE}, cached", pages.listing_host,
                 listing),
    ]  # fmt: skip


# -- setup -----------------------------------------------------------------------------------


def redis_answers() -> bool:
    try:
        import redis  # noqa: F401  (Django's Redis cache backend needs the client)
    except ImportError:
        return False
    try:
        with socket.create_connection(REDIS, timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def bench_environment(
    tmp: Path, database_url: str, cache_url: str | None
) -> tuple[dict[str, str], str]:
    """The environment of the bench's Django and gunicorn, and a note on the cache chosen."""
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "MREZA_API_RATE_LISTING": UNREACHED_RATE,
        "MREZA_API_RATE_SEARCH": UNREACHED_RATE,
    }
    (tmp / "static").mkdir(exist_ok=True)
    if cache_url:
        return {**env, "CACHE_URL": cache_url}, cache_url
    if redis_answers():
        return {**env, "CACHE_URL": REDIS_URL}, REDIS_URL
    # Each worker's own locmem cache would serve what the other has invalidated.
    cache_dir = tmp / "cache"
    note = (
        f"file-based cache in {cache_dir} (no Redis on 127.0.0.1:6379: start one for the "
        "figures of a production setup)"
    )
    return {**env, "CACHE_URL": "locmem://", "MREZA_BENCH_FILE_CACHE": str(cache_dir)}, note


def prepare(port: int) -> BenchPages:
    """Migrate, load the demo network and choose the page and the listing to load."""
    import django
    from django.core.management import call_command
    from django.db import connections

    sys.path.insert(0, str(ROOT))
    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    # --force: DEBUG is off here on purpose (a throwaway database).
    call_command("load_demo_network", port=port, force=True, stdout=StringIO())
    pages = choose_pages()
    connections.close_all()  # gunicorn's workers open their own
    return pages


def choose_pages() -> BenchPages:
    """The demo page with the most body blocks, and the site with the most live pages."""
    from wagtail.models import Page, Site

    from sites.models import StandardPage

    pages = [page for page in Page.objects.live().public().specific() if hasattr(page, "body")]
    richest = max(pages, key=lambda page: (len(page.body), -page.pk))
    counts = {
        site: site.root_page.get_descendants(inclusive=True).live().public().count()
        for site in Site.objects.select_related("root_page")
    }
    site = max(counts, key=lambda site: (counts[site], -site.pk))
    home = site.root_page.specific
    # The demo has enough pages today; more keeps the listing full if it shrinks.
    for number in range(counts[site], LISTING_SIZE):
        page = home.add_child(
            instance=StandardPage(title=f"Bench page {number}", slug=f"bench-page-{number}")
        )
        page.save_revision().publish()
    return BenchPages(
        page_id=richest.pk,
        page_title=richest.title,
        blocks=len(richest.body),
        page_host=richest.get_site().hostname,
        listing_host=site.hostname,
        listing_pages=max(counts[site], LISTING_SIZE),
    )


def describe_setup(args: argparse.Namespace, cache_note: str) -> str:
    from django.db import connection

    def output(*command: str) -> str:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = output("git", "rev-parse", "--short", "HEAD") or "?"
    if output("git", "status", "--porcelain", "--untracked-files=no"):
        commit += " + uncommitted changes"
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    cpu = models[0] if models else platform.machine()
    bypass = "Cache-Control: no-cache" if args.no_cache == "header" else "CACHE_SECONDS=0"
    return (
        f"{connection.vendor}; cache {cache_note}; gunicorn {args.workers} sync workers; "
        f"{output('wrk', '--version').split(' ')[1]} -t{args.threads} -c{args.connections} "
        f"-d{args.seconds}s x {args.rounds} rounds after {args.warmup} s warm-up; uncached by "
        f"{bypass}; {os.cpu_count()} × {cpu}, Python {platform.python_version()}; "
        f"commit {commit}"
    )


# -- loading ---------------------------------------------------------------------------------


def check(port: int, scenario: Scenario) -> str:
    """Request the scenario twice; refuse to measure errors; say what the server cache did."""
    for _ in range(2):
        status, headers, body = request(port, scenario.host, scenario.path, scenario.headers)
    if status != 200:
        sys.exit(f"{scenario.label}: {scenario.path} answered {status}: {body[:500]!r}")
    note = f"{len(body):,} bytes"
    if scenario.path.startswith("/api/"):
        if "items" in (data := json.loads(body)) and len(data["items"]) != LISTING_SIZE:
            sys.exit(f"{scenario.label}: {len(data['items'])} items, not {LISTING_SIZE}")
        cache = headers.get("X-Cache")
        expected = "MISS" if scenario.uncached else "HIT"
        if cache is None:
            note += "; no server cache answered" if not scenario.uncached else ""
        elif cache != expected:
            note += f"; WARNING: X-Cache {cache} on repeat, expected {expected}"
        else:
            note += f"; X-Cache {cache} on repeat"
    return f"  {scenario.label}: {scenario.host}{scenario.path} — {note}"


def load(
    port: int, server: Popen, scenario: Scenario, args: argparse.Namespace, *, seconds: int
) -> WrkResult:
    cpu_before = children_cpu_seconds(server.pid)
    result = run_wrk(
        f"http://127.0.0.1:{port}{scenario.path}",
        {"Host": scenario.host, **scenario.headers},
        threads=args.threads,
        connections=args.connections,
        seconds=seconds,
    )
    cpu = children_cpu_seconds(server.pid) - cpu_before
    return replace(result, cpu_ms=cpu * 1000 / max(result.requests, 1))


# -- report ----------------------------------------------------------------------------------


def report(scenarios: list[Scenario], runs: dict[str, list[WrkResult]]) -> None:
    """Medians over the rounds: requests/s (with the range), p50, p95, and × the ceiling."""
    rate = {key: median(run.per_second for run in results) for key, results in runs.items()}
    p95 = {key: median(run.p95_ms for run in results) for key, results in runs.items()}
    print(
        f"{'measurement (median of rounds)':46} {'req/s':>7} {'range':>11} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'× (a)':>6} {'CPU ms/req':>11}"
    )
    for scenario in scenarios:
        results = runs[scenario.key]
        spread = (
            f"{min(r.per_second for r in results):.0f}–{max(r.per_second for r in results):.0f}"
        )
        failed = sum(result.failed for result in results)
        print(
            f"{scenario.label:46} {rate[scenario.key]:7.0f} {spread:>11} "
            f"{median(r.p50_ms for r in results):7.1f} {p95[scenario.key]:7.1f} "
            f"{rate[scenario.key] / rate['a']:6.2f} {median(r.cpu_ms for r in results):11.2f}"
            + (f"  {failed} FAILED requests" if failed else "")
        )
    print(
        "CPU ms/req: user + system CPU of the gunicorn workers per request (not wrk's, Redis'\n"
        "or PostgreSQL's); other load on the machine changes it far less than wall time."
    )
    print()
    ratio = rate["b"] / rate["a"]
    print(
        f"(b) cached page detail: {ratio:.2f}× the ceiling "
        f"(target ≥ {TARGET_CACHED_RATIO}×: {verdict(ratio >= TARGET_CACHED_RATIO)})"
    )
    for key, name in (("c", "(c) uncached page detail"), ("d", "(d) uncached listing")):
        met = verdict(p95[key] < TARGET_P95_MS)
        print(f"{name}: p95 {p95[key]:.1f} ms (target < {TARGET_P95_MS:.0f} ms: {met})")


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


if __name__ == "__main__":
    main()
