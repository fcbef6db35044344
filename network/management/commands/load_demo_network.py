"""manage.py load_demo_network: load (or refresh) the demo network; safe to run again."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from network.demo.accounts import DEMO_PASSWORD
from network.demo.loader import load_demo_network
from network.demo.upsert import CREATED, UNCHANGED, UPDATED, DemoDataError


def default_port() -> int:
    """The port `make run` serves on: $PORT, else 8000."""
    raw = os.environ.get("PORT", "8000")
    try:
        return int(raw)
    except ValueError:
        raise CommandError(f"PORT must be a number; got {raw!r}.") from None


class Command(BaseCommand):
    help = (
        "Load the demo network: a hub on localhost, six centre sites, their organisations, "
        "projects and demo users (see docs/demo-network.md). Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=None,
            help="Port the sites are served on, for links between them (default: $PORT or 8000).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off. The demo users share a published password.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like a production database. The demo creates a "
                "superuser with a published password; pass --force if you really mean it."
            )
        port = options["port"] if options["port"] is not None else default_port()
        try:
            summary = load_demo_network(port=port)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        tally = summary.tally
        if summary.removed_welcome_page:
            self.stdout.write("Removed Wagtail's initial welcome page and its localhost site.")
        for site in summary.sites:
            role = "hub, default site" if site.kind == "hub" else "centre"
            self.stdout.write(f"  {site.url:<40} {site.name} ({role})")
        self.stdout.write(
            f"Rows: {tally.total(CREATED)} created, {tally.total(UPDATED)} updated, "
            f"{tally.total(UNCHANGED)} unchanged."
        )
        usernames = ", ".join(user.username for user in summary.users)
        self.stdout.write(f"Demo users ({usernames}) log in with the password {DEMO_PASSWORD!r}.")
        verb = "Demo network loaded" if summary.changed else "Demo network already up to date"
        self.stdout.write(self.style.SUCCESS(f"{verb} on port {port}."))
