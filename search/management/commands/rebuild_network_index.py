"""``manage.py rebuild_network_index``: index every public page of the network again."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Site

from search.engines import configured_engine, database_engine
from search.engines.base import EngineUnavailable
from search.indexing import RebuildPlan, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the network search index (the database index, and Elasticsearch when "
        "configured). A rebuild that failed half-way carries on with --resume."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--site",
            action="append",
            dest="sites",
            metavar="HOSTNAME_OR_ID",
            help="Only this site (repeatable).",
        )
        parser.add_argument(
            "--locale",
            action="append",
            dest="locales",
            metavar="CODE",
            help="Only this language (repeatable), e.g. sl.",
        )
        parser.add_argument(
            "--engine",
            choices=["database", "configured"],
            help="Only this engine (default: every engine the network writes to).",
        )
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Continue the last unfinished rebuild, skipping the sites and languages done.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, sites=None, locales=None, engine=None, resume=False, **options):
        site_ids = [self._site(value).pk for value in sites] if sites else None
        total = RebuildPlan.build(sites=site_ids, locales=locales).total
        chosen = {"database": database_engine, "configured": configured_engine}.get(engine)
        engines = [chosen()] if chosen else None
        started = time.perf_counter()
        with tqdm(
            total=total * (len(engines) if engines else self._engine_count()),
            unit="page",
            disable=options["no_progress"] or options["verbosity"] == 0,
            file=self.stderr,
        ) as bar:
            try:
                written = 0
                for each in engines or [None]:
                    written += rebuild(
                        engine=each,
                        sites=site_ids,
                        locales=locales,
                        resume=resume,
                        progress=bar.update,
                    )
            except EngineUnavailable as error:
                raise CommandError(
                    f"The search engine cannot be reached ({error}). Run the command again "
                    "with --resume once it is back: the finished sites are kept."
                ) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Indexed {written} documents from {total} pages in {seconds:.1f} s "
            f"({written / seconds if seconds else 0:.0f} documents/s)."
        )

    def _site(self, value: str) -> Site:
        query = {"pk": int(value)} if value.isdigit() else {"hostname": value}
        site = Site.objects.filter(**query).first()
        if site is None:
            raise CommandError(f"--site: no site matches “{value}”.")
        return site

    def _engine_count(self) -> int:
        return 1 if configured_engine().name == "database" else 2
