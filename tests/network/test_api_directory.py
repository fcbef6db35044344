"""The network directory in API v3: what each site lists, where items are shown, what never
leaks, the filters, and languages."""

from __future__ import annotations

import pytest

from network.provisioning import provision_site
from tests.factories import (
    ContactPageFactory,
    LocationPageFactory,
    OrganisationFactory,
    ProjectFactory,
    RegionFactory,
    locale,
)
from tests.network.directory_world import (  # noqa: F401
    A,
    B,
    directory_network,
    fresh,
    get,
    items,
    names,
    network_fixture,
)

pytestmark = pytest.mark.django_db

RESOURCES = ["organisations", "funders", "projects", "locations", "contacts", "regions"]

# What each site lists by default: its own organisation's content, what its public pages
# show, and the funders, partners and regions of the projects it shows.
BY_SITE = {
    "projects": {A: {"Točke moči"}, B: {"Socio", "Točke moči"}},
    "funders": {
        A: {"Evropski socialni sklad"},
        B: {"Evropski socialni sklad", "Ministrstvo za delo"},
    },
    "organisations": {A: {"Organisation A", "Občina Pivka"}, B: {"Organisation B", "Občina Pivka"}},
    "locations": {A: {"Točka Postojna"}, B: {"Socio Celje"}},
    "contacts": {A: {"Ana Novak"}, B: {"Bojan Kos"}},
    "regions": {A: {"Primorsko-notranjska"}, B: {"Primorsko-notranjska", "Savinjska"}},
}


@pytest.mark.parametrize("resource", RESOURCES)
def test_each_host_lists_the_content_relevant_to_its_own_site(client, network, resource):
    for host, expected in BY_SITE[resource].items():
        assert names(get(client, f"{resource}/", host)) == expected, host


@pytest.mark.parametrize("resource", RESOURCES)
def test_site_parameter_selects_another_site_by_hostname_or_id(client, network, resource):
    expected = BY_SITE[resource][B]

    assert names(get(client, f"{resource}/", A, site=B)) == expected
    assert names(get(client, f"{resource}/", A, site=f"{B}:80")) == expected
    assert names(get(client, f"{resource}/", A, site=str(network.tenants.b.site_id))) == expected


@pytest.mark.parametrize("resource", RESOURCES)
def test_an_item_is_listed_for_a_site_exactly_when_it_names_that_site(client, network, resource):
    everything = items(get(client, f"{resource}/", A, site="all"))
    for host in (A, B):
        listed = {item["id"] for item in items(get(client, f"{resource}/", host))}
        naming = {item["id"] for item in everything if host in hostnames(item)}
        assert listed == naming, host


def hostnames(item: dict) -> set[str]:
    return {site["hostname"] for site in item["sites"]}


def test_site_all_lists_every_public_item_of_the_network(client, network):
    assert names(get(client, "projects/", A, site="all")) == {"Točke moči", "Socio"}
    assert names(get(client, "contacts/", B, site="all")) == {"Ana Novak", "Bojan Kos"}
    assert len(items(get(client, "regions/", A, site="all"))) == 3


def test_items_name_their_sites_with_public_urls_on_each_sites_own_hostname(client, network):
    [tocke] = [p for p in items(get(client, "projects/", B)) if p["title"] == "Točke moči"]

    assert [(s["hostname"], s["owner"], s["url"]) for s in tocke["sites"]] == [
        (A, True, "http://a.localhost/projekti/tocke-moci/"),
        (B, False, "http://b.localhost/projekti/tocke-moci/"),
    ]
    # The top-level URL prefers the requested site's page, else the owner's.
    assert tocke["url"] == "http://b.localhost/projekti/tocke-moci/"
    [on_a] = items(get(client, "projects/", A))
    assert on_a["url"] == "http://a.localhost/projekti/tocke-moci/"
    organisation = get(client, f"organisations/{network.org_a.pk}/", B).json()
    assert organisation["url"] == "http://a.localhost/"
    assert organisation["sites"][0] | {"url": None} == {
        "id": network.tenants.a.site_id,
        "hostname": A,
        "name": "Centre A",
        "root_url": "http://a.localhost",
        "owner": True,
        "url": None,
    }


def test_items_without_a_page_of_their_own_have_no_url(client, network):
    for resource in ("funders", "contacts", "locations", "regions"):
        for item in items(get(client, f"{resource}/", B)):
            assert item["url"] is None, resource
            assert all(site["url"] is None for site in item["sites"]), resource


def test_an_office_links_to_its_location_page_on_the_site_showing_it(client, network):
    home_b = fresh(network.tenants.b.site.root_page)
    LocationPageFactory(parent=home_b, location=network.office_a, slug="postojna")

    [office] = [o for o in items(get(client, "locations/", B)) if o["name"] == "Točka Postojna"]
    assert [(s["hostname"], s["owner"], s["url"]) for s in office["sites"]] == [
        (A, True, None),
        (B, False, "http://b.localhost/postojna/"),
    ]
    assert office["url"] == "http://b.localhost/postojna/"


def test_people_chosen_on_a_contact_page_are_shown_on_its_site(client, network):
    page = ContactPageFactory(parent=fresh(network.tenants.b.site.root_page))
    page.contacts.add(network.ana, network.hidden)
    page.save()

    assert names(get(client, "contacts/", B)) == {"Bojan Kos", "Ana Novak"}


def test_private_and_unpublished_pages_show_nothing(client, network):
    # A's password-protected and unpublished pages both refer to B's project "Socio".
    [socio] = [p for p in items(get(client, "projects/", A, site="all")) if p["title"] == "Socio"]

    assert hostnames(socio) == {B}
    assert socio["url"] == "http://b.localhost/projekti/socio/"
    assert "Socio" not in names(get(client, "projects/", A))


def test_unpublished_projects_are_never_listed_shown_or_found(client, network):
    draft = network.draft
    for host, site in [(A, None), (A, "all"), (B, None)]:
        params = {"site": site} if site else {}
        assert "Skrivni osnutek" not in names(get(client, "projects/", host, **params))
    assert get(client, f"projects/{draft.pk}/").status_code == 404
    assert get(client, "organisations/", site="all", project="osnutek").status_code == 400
    # Its funder is part of the network, but no site shows it through the draft.
    assert "Sklad osnutka" not in names(get(client, "funders/", A))


def test_a_published_project_shows_its_published_data_never_its_draft(client, network):
    tocke = fresh(network.tocke)
    tocke.title = "Naslov v osnutku"
    tocke.summary = "Še ni objavljeno."
    tocke.save_revision()

    [listed] = items(get(client, "projects/", A))
    detail = get(client, f"projects/{tocke.pk}/").json()
    assert listed["title"] == detail["title"] == "Točke moči"
    assert "Še ni objavljeno." not in (listed["summary"], detail["summary"])


def test_people_who_did_not_consent_are_never_listed_or_found(client, network):
    for site in (None, "all"):
        params = {"site": site} if site else {}
        assert "Skrita Oseba" not in names(get(client, "contacts/", A, **params))
    assert get(client, f"contacts/{network.hidden.pk}/").status_code == 404
    assert get(client, f"contacts/{network.ana.pk}/").json()["name"] == "Ana Novak"


FILTERS = [
    ("organisations", {"region": "primorsko-notranjska"}, {"Organisation A", "Občina Pivka"}),
    ("organisations", {"kind": "municipality"}, {"Občina Pivka"}),
    ("organisations", {"project": "tocke-moci"}, {"Organisation A", "Občina Pivka"}),
    ("funders", {"kind": "eu"}, {"Evropski socialni sklad"}),
    ("funders", {"project": "socio"}, {"Ministrstvo za delo"}),
    ("projects", {"region": "savinjska"}, {"Socio"}),
    ("projects", {"funder": "ess"}, {"Točke moči"}),
    ("projects", {"target_group": "starejsi"}, {"Točke moči"}),
    ("projects", {"theme": "vkljucenost"}, {"Točke moči"}),
    ("projects", {"organisation": "pivka"}, {"Točke moči"}),
    ("projects", {"organisation": "organisation-b"}, {"Socio"}),
    ("locations", {"organisation": "organisation-b"}, {"Socio Celje"}),
    ("locations", {"region": "primorsko-notranjska"}, {"Točka Postojna"}),
    ("contacts", {"organisation": "organisation-b"}, {"Bojan Kos"}),
    ("contacts", {"location": "postojna"}, {"Ana Novak"}),
    ("contacts", {"region": "savinjska"}, {"Bojan Kos"}),
    ("regions", {"country": "CZ"}, {"Haná"}),
]


@pytest.mark.parametrize(("resource", "params", "expected"), FILTERS)
def test_filters_narrow_the_network_wide_list(client, network, resource, params, expected):
    assert names(get(client, f"{resource}/", A, site="all", **params)) == expected


def test_filters_take_ids_as_well_as_slugs_and_combine_with_the_site(client, network):
    by_id = get(client, "projects/", A, site="all", funder=str(network.ministry.pk))
    assert names(by_id) == {"Socio"}
    # B lists both projects; the region narrows them to the one kept in Primorska.
    on_b = get(client, "projects/", B, region=str(network.primorska.pk))
    assert names(on_b) == {"Točke moči"}


def test_items_come_in_the_asked_language_falling_back_to_the_default(client, network):
    english = locale("en")
    tocke = network.tocke
    ProjectFactory(
        locale=english,
        translation_key=tocke.translation_key,
        owner=tocke.owner,
        title="Points of Strength",
        slug="points-of-strength",
    )

    listed = {p["title"]: p for p in items(get(client, "projects/", B, locale="en"))}
    assert set(listed) == {"Points of Strength", "Socio"}
    assert (listed["Points of Strength"]["locale"], listed["Points of Strength"]["fallback"]) == (
        "en",
        False,
    )
    assert (listed["Socio"]["locale"], listed["Socio"]["fallback"]) == ("sl", True)
    # Without locale= a Slovenian site answers in Slovenian, whatever exists in English.
    assert names(get(client, "projects/", B)) == {"Točke moči", "Socio"}
    # A detail answers the translation of the item with the id it was asked for.
    detail = get(client, f"projects/{tocke.pk}/", locale="en").json()
    assert (detail["title"], detail["translation_key"]) == (
        "Points of Strength",
        str(tocke.translation_key),
    )
    # The sites of an item are those of all its translations.
    assert hostnames(listed["Points of Strength"]) == {A, B}


def test_an_unpublished_translation_never_replaces_the_published_original(client, network):
    ProjectFactory(
        locale=locale("en"),
        translation_key=network.tocke.translation_key,
        owner=network.org_a,
        title="Draft translation",
        slug="draft-translation",
        live=False,
    )

    [tocke] = items(get(client, "projects/", A, locale="en"))
    assert (tocke["title"], tocke["fallback"]) == ("Točke moči", True)


def test_a_czech_site_answers_in_czech_by_default(client, network):
    czech = locale("cs")
    organisation = OrganisationFactory(name="Komunitní centrum", slug="kc-hana", locale=czech)
    provision_site(name="Haná", hostname="c.localhost", organisation=organisation, locale="cs")
    region = RegionFactory(
        locale=czech, translation_key=network.hana.translation_key, name="Region Haná", slug="hana"
    )
    organisation.region = region
    organisation.save()

    [listed] = items(get(client, "regions/", "c.localhost"))
    assert (listed["name"], listed["locale"], listed["fallback"]) == ("Region Haná", "cs", False)
    [kind] = {item["kind_label"] for item in items(get(client, "organisations/", "c.localhost"))}
    assert kind == "Nestátní nezisková organizace"
