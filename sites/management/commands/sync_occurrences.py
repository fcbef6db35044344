"""manage.py sync_occurrences: rebuild the Occurrence table and roll its horizon forward.

Run it daily (cron, systemd timer): publishing keeps pages in step, but only this
extends repeating schedules as the horizon moves.
"""

from django.core.management.base import BaseCommand

from sites.occurrences import materialised_window, sync_all


class Command(BaseCommand):
    help = "Rebuild every live, public schedule's occurrences up to the rolling horizon."

    def handle(self, *args, **options):
        result = sync_all()
        start, end = materialised_window()
        self.stdout.write(
            f"Synced {result.occurrences} occurrence(s) of {result.pages} page(s) "
            f"from {start:%Y-%m-%d} to {end:%Y-%m-%d}."
        )
