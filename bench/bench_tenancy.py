"""Cost of tenancy as the network grows: provisioning, page rendering and scoped admin lists.

    .venv/bin/python -m bench.bench_tenancy --sites 60 --snippets 20

Baselines, measured in the same run: a minimal Django view for page rendering, and the
superuser's unfiltered snippet listing for the editor's owner-scoped listing.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.common import median_seconds, report, setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument("--snippets", type=int, default=20, help="locations per organisation")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    setup_django(args.database_url)

    from django.conf import settings
    from django.test import Client

    from network.models import Location
    from network.provisioning import provision_site
    from sites.models import StandardPage
    from tests.factories import LocationFactory, OrganisationFactory, UserFactory

    provision_times = []
    tenants = []
    for number in range(args.sites):
        organisation = OrganisationFactory(slug=f"centre-{number}", name=f"Centre {number}")
        started = time.perf_counter()
        tenants.append(
            provision_site(
                name=f"Centre {number}",
                hostname=f"centre-{number}.localhost",
                organisation=organisation,
            ).tenant
        )
        provision_times.append(time.perf_counter() - started)
        LocationFactory.create_batch(args.snippets, organisation=organisation)
    first_ten = statistics.median(provision_times[:10])
    last_ten = statistics.median(provision_times[-10:])
    print(f"{args.sites} sites, {Location.objects.count()} locations")
    print(
        f"provision_site median: first 10 sites {first_ten * 1000:.1f} ms, "
        f"last 10 sites {last_ten * 1000:.1f} ms (ratio {last_ten / first_ten:.2f})"
    )

    settings.ROOT_URLCONF = "bench.urls"
    client = Client()
    host = tenants[-1].site.hostname
    standard = tenants[-1].site.root_page.add_child(
        instance=StandardPage(title="Standard", slug="standard", intro="Plain page")
    )
    standard.save_revision().publish()

    def get(path: str, **extra) -> None:
        assert client.get(path, HTTP_HOST=host, **extra).status_code == 200

    rows = [
        ("minimal Django view (baseline)", median_seconds(lambda: get("/bench-minimal/"))),
        (
            "standard page (plain Wagtail page + base template)",
            median_seconds(lambda: get("/standard/")),
        ),
        (
            f"centre home page with {args.snippets} locations and hours",
            median_seconds(lambda: get("/")),
        ),
    ]

    superuser = UserFactory(is_superuser=True)
    editor = UserFactory(groups=[tenants[-1].editors])
    admin_client, editor_client = Client(), Client()
    admin_client.force_login(superuser)
    editor_client.force_login(editor)
    url = "/admin/snippets/network/location/"
    report(rows)
    print()
    report(
        [
            (
                "snippet list, superuser, unscoped (baseline)",
                median_seconds(lambda: admin_client.get(url), repeat=15),
            ),
            (
                "snippet list, editor, owner-scoped",
                median_seconds(lambda: editor_client.get(url), repeat=15),
            ),
        ]
    )


if __name__ == "__main__":
    main()
