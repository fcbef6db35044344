"""manage.py provision_site: create a centre's site, groups, collection and settings at once."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from network.provisioning import ProvisioningError, provision_site


class Command(BaseCommand):
    help = (
        "Provision a centre site: Site, home page, Editors/Moderators groups, collection, settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--hostname", required=True)
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")
        parser.add_argument(
            "--languages",
            help="The languages the site publishes in, comma-separated (e.g. sl,en); default: "
            "every language of the network. On a re-run they replace the site's languages.",
        )
        parser.add_argument(
            "--locale",
            help="The default language (of the home page); one of --languages, by default the "
            "first of them, else sl.",
        )
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--kind", default="centre", choices=["centre", "hub"])
        parser.add_argument("--time-zone", default="Europe/Ljubljana")
        parser.add_argument("--default", action="store_true", help="Make it the default site.")

    def handle(self, *args, **options):
        languages = None
        if options["languages"] is not None:
            languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
            if not languages:
                raise CommandError(
                    f"--languages: {_('Give at least one language code, e.g. sl,en.')}"
                )
        locale = options["locale"] or (languages[0] if languages else "sl")
        if languages is not None and locale not in languages:
            message = _("The default language must be one of the site's languages.")
            raise CommandError(f"--locale: {message} (--languages {','.join(languages)})")
        try:
            result = provision_site(
                name=options["name"],
                hostname=options["hostname"],
                organisation=options["organisation"],
                locale=locale,
                languages=languages,
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
