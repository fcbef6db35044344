"""Send every due webhook delivery once, or keep doing so with --loop (a simple worker)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from webhooks.delivery import deliver_due


class Command(BaseCommand):
    help = (
        "Sends due publish-webhook deliveries in order, with retries. Run it every minute (or "
        "with --loop) when tasks run in-process; with the database task backend it is a "
        "safety net."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running.")
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Seconds between passes with --loop."
        )

    def handle(self, *args, loop: bool, interval: float, **options) -> None:
        while True:
            if loop:
                # A long-running worker drops stale database connections, as requests do.
                close_old_connections()
            totals = deliver_due()
            if totals["queues"] or not loop:
                self.stdout.write(
                    "{queues} queue(s): {delivered} delivered, {failed_attempts} failed "
                    "attempt(s), {gave_up} given up.".format(**totals)
                )
            if not loop:
                return
            time.sleep(interval)
