"""Delete delivered webhook log rows older than MREZA["WEBHOOKS"]["LOG_RETENTION_DAYS"]."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from webhooks.retention import purge_log


class Command(BaseCommand):
    help = "Deletes delivered webhook deliveries (and their events) past the log's retention."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days", type=int, default=None, help="Keep this many days instead of the setting."
        )

    def handle(self, *args, days: int | None, **options) -> None:
        purged = purge_log(days=days)
        self.stdout.write(
            "Deleted {deliveries} delivered deliveries and {events} events.".format(**purged)
        )
