"""manage.py provision_site: create a centre's site, groups, collection and settings at once."""

from django.core.management.base import BaseCommand, CommandError

from network.provisioning import ProvisioningError, provision_site


class Command(BaseCommand):
    help = (
        "Provision a centre site: Site, home page, Editors/Moderators groups, collection, settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--hostname", required=True)
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")
        parser.add_argument("--locale", default="sl")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--kind", default="centre", choices=["centre", "hub"])
        parser.add_argument("--time-zone", default="Europe/Ljubljana")
        parser.add_argument("--default", action="store_true", help="Make it the default site.")

    def handle(self, *args, **options):
        try:
            result = provision_site(
                name=options["name"],
                hostname=options["hostname"],
                organisation=options["organisation"],
                locale=options["locale"],
                port=options["port"],
                kind=options["kind"],
                time_zone=options["time_zone"],
                is_default_site=options["default"],
            )
        except ProvisioningError as error:
            raise CommandError(f"--{error.field.replace('_', '-')}: {error.message}") from error
        site = result.tenant.site
        verb = "Provisioned" if result.created else "Already provisioned (permissions checked)"
        self.stdout.write(
            self.style.SUCCESS(f"{verb}: {site.site_name} on {site.hostname}:{site.port}")
        )
