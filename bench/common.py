"""Shared helpers for benchmarks: a throwaway database, timing and reporting."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str | None = None) -> None:
    """Configure Django on a fresh database (a temporary SQLite file unless given) and migrate."""
    sys.path.insert(0, str(ROOT))
    if database_url is None:
        database_url = f"sqlite:///{tempfile.mkdtemp(prefix='mreza-bench-')}/bench.sqlite3"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def median_seconds(work: Callable[[], object], *, repeat: int = 30, warmup: int = 3) -> float:
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def report(rows: list[tuple[str, float]]) -> None:
    """Print name, median in ms, and ratio against the baseline row (the first)."""
    baseline = rows[0][1]
    print(f"{'measurement':58} {'median ms':>10} {'× baseline':>11}")
    for name, seconds in rows:
        print(f"{name:58} {seconds * 1000:10.2f} {seconds / baseline:11.2f}")
