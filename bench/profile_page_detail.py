"""Time (and profile) the uncached API detail of the richest demo page in one process.

    .venv/bin/python -m bench.profile_page_detail [--requests 50] [--profile] [--db PATH]

The fast loop behind target (c) of ``bench.bench_api``: the same settings and demo network,
but requests go through Django's test client (the real WSGI handler and middleware) in
this process, with ``Cache-Control: no-cache`` so every one renders the page afresh. Prints
the median and minimum wall time, the CPU time per request and the SQL query count;
``--profile`` adds a pyinstrument profile of the timed requests. ``--db`` keeps the SQLite
database between runs (migrated and loaded once), which makes reruns start in seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_api import bench_environment, choose_pages
from bench.common import ROOT

NO_CACHE = {"HTTP_CACHE_CONTROL": "no-cache"}


def prepare(database: Path) -> None:
    """Migrate and load the demo network into ``database`` unless it is there already."""
    from io import StringIO

    import django
    from django.core.management import call_command

    fresh = not database.exists()
    django.setup()
    if fresh:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo_network", port=80, force=True, stdout=StringIO())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file kept between runs")
    parser.add_argument("--dump", type=Path, default=None, help="write the response body here")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    tmp = Path(tempfile.mkdtemp(prefix="mreza-profile-"))
    database = args.db or tmp / "bench.sqlite3"
    env, _note = bench_environment(tmp, f"sqlite:///{database}", "locmem://")
    os.environ.update(env)
    prepare(database)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pages = choose_pages()
    path = f"/api/v3/pages/{pages.page_id}/"
    client = Client(HTTP_HOST=pages.page_host)

    def one() -> None:
        response = client.get(path, **NO_CACHE)
        assert response.status_code == 200, response.content[:500]

    for _ in range(5):
        one()
    if args.dump is not None:
        args.dump.write_bytes(client.get(path, **NO_CACHE).content)
    with CaptureQueriesContext(connection) as queries:
        one()
    print(f"{path} on {pages.page_host} ({pages.blocks} blocks): {len(queries)} queries")

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    walls, cpus = [], []
    for _ in range(args.requests):
        wall, cpu = time.perf_counter(), time.process_time()
        one()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    if profiler is not None:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(
        f"median {statistics.median(walls) * 1000:.2f} ms, min {min(walls) * 1000:.2f} ms, "
        f"CPU median {statistics.median(cpus) * 1000:.2f} ms over {args.requests} requests"
    )


if __name__ == "__main__":
    main()
