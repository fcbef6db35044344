"""manage.py purge_registrations: delete registrations kept past their retention period.

Run it daily (cron, systemd timer), after sync_occurrences: a page's registrations go
``settings.MREZA["REGISTRATION_RETENTION_DAYS"]`` days after its last occurrence ends.
"""

from django.core.management.base import BaseCommand

from sites.registrations import purge_expired, retention_days


class Command(BaseCommand):
    help = "Delete the registrations of activities that ended over the retention period ago."

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(
            f"Deleted {deleted} registration(s) of activities that ended more than "
            f"{retention_days()} day(s) ago."
        )
