"""What wagtail-localize offers translators on each network snippet, and what it copies.

Prose (names, descriptions, acknowledgements, notes on opening hours) is offered for
translation; identifiers and data (slugs, phones, e-mails, URLs, codes, postcodes,
coordinates, amounts, dates) are not, and every sync copies the source's current value.
"""

from __future__ import annotations

import importlib
import uuid
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from tests.factories import (
    ContactPersonFactory,
    FunderFactory,
    FundingProgrammeFactory,
    LocationFactory,
    LocationPageFactory,
    MunicipalityFactory,
    OpeningHoursExceptionFactory,
    OrganisationFactory,
    ProjectFactory,
    RegionFactory,
    TargetGroupFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

PHONE = "+386 5 700 01 00"


def english() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def build_location():
    location = LocationFactory(
        name="Točka Postojna",
        slug="tocka-postojna",
        street_address="Tržaška cesta 2",
        postcode="6230",
        latitude=Decimal("45.775"),
        longitude=Decimal("14.213"),
        phone=PHONE,
        email="postojna@example.org",
        accessibility_note="Dostop brez stopnic.",
        hours_note="Ob praznikih zaprto.",
    )
    OpeningHoursExceptionFactory(location=location, note="Zaprto med prazniki")
    return location


# name: (builder, prose offered for translation, identifiers and data never offered)
SNIPPETS = {
    "region": (
        lambda: RegionFactory(name="Primorsko-notranjska", slug="primorsko-notranjska"),
        {"name"},
        {"slug", "country"},
    ),
    "municipality": (
        lambda: MunicipalityFactory(name="Pivka", slug="pivka"),
        {"name"},
        {"slug"},
    ),
    "organisation": (
        lambda: OrganisationFactory(
            name="Zavod Socio",
            short_name="Socio",
            slug="socio",
            description="Večgeneracijski center.",
            phone=PHONE,
            email="info@socio.example.org",
            website="https://socio.example.org/",
        ),
        {"name", "short_name", "description"},
        {"slug", "phone", "email", "website", "kind"},
    ),
    "location": (
        build_location,
        {"name", "street_address", "accessibility_note", "hours_note", "hours_exceptions"},
        {"slug", "phone", "email", "postcode", "latitude", "longitude", "time_zone"},
    ),
    "contact person": (
        lambda: ContactPersonFactory(
            name="Ana Novak", role="koordinatorka", phone=PHONE, email="ana@example.org"
        ),
        {"name", "role"},
        {"phone", "email"},
    ),
    "funder": (
        lambda: FunderFactory(
            name="Evropski socialni sklad",
            slug="esf",
            website="https://ec.europa.eu/esf/",
            acknowledgement="Projekt sofinancira Evropska unija.",
        ),
        {"name", "acknowledgement"},
        {"slug", "website", "kind"},
    ),
    "funding programme": (
        lambda: FundingProgrammeFactory(
            name="Operativni program za izvajanje evropske kohezijske politike",
            code="2014SI16MAOP001",
        ),
        {"name"},
        {"code", "period", "fund"},
    ),
    "project": (
        lambda: ProjectFactory(
            title="Točke moči",
            acronym="TM",
            slug="tocke-moci",
            registration_code="CZ.03.2.65/0.0/0.0/16_047/0010190",
            summary="Šest večgeneracijskih centrov.",
            aims="Vključevanje ranljivih skupin.",
            expected_results="Več aktivnih starejših.",
            achieved_results="12 enot.",
        ),
        {"title", "acronym", "summary", "aims", "expected_results", "achieved_results"},
        {"slug", "registration_code", "total_value", "currency", "planned_start"},
    ),
    "target group": (
        lambda: TargetGroupFactory(name="Starejši", slug="starejsi", description="Nad 65 let."),
        {"name", "description"},
        {"slug"},
    ),
    "theme": (
        lambda: ThemeFactory(name="Aktivacija", slug="aktivacija", description="Vrnitev."),
        {"name", "description"},
        {"slug"},
    ),
}


def offered(source: TranslationSource) -> set[str]:
    """The top-level fields the translation editor shows: strings and overridable values."""
    paths = [s.context.path for s in StringSegment.objects.filter(source=source)]
    paths += [s.context.path for s in OverridableSegment.objects.filter(source=source)]
    return {path.split(".")[0] for path in paths}


@pytest.mark.parametrize("name", SNIPPETS)
def test_translators_are_offered_the_prose_and_never_the_identifiers(name):
    build, prose, identifiers = SNIPPETS[name]
    source, _created = TranslationSource.get_or_create_from_instance(build())

    fields = offered(source)

    assert prose <= fields
    assert not fields & identifiers


NETWORK_MODELS = [
    model
    for model in apps.get_app_config("network").get_models()
    if hasattr(model, "translatable_fields")
]


@pytest.mark.parametrize("model", NETWORK_MODELS, ids=lambda model: model.__name__)
def test_every_field_wagtail_localize_handles_is_decided(model, monkeypatch):
    """A field added later must be listed too: wagtail-localize ignores an unlisted one."""
    decided = {field.field_name for field in get_translatable_fields(model)}
    for cls in model.__mro__:
        if "translatable_fields" in cls.__dict__:
            monkeypatch.delattr(cls, "translatable_fields")

    assert decided == {field.field_name for field in get_translatable_fields(model)}


def test_every_translatable_network_model_lists_its_fields():
    models = apps.get_app_config("network").get_models()
    assert {m for m in models if issubclass(m, TranslatableMixin)} <= set(NETWORK_MODELS)


# Sync


def translate(instance, english_text: dict[str, str]) -> Translation:
    """Translate through a PO file, as a translator does, and save the English version."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=english())
    po = translation.export_po()
    for entry in po:
        entry.msgstr = english_text.get(entry.msgctxt, "")
    translation.import_po(po)
    translation.save_target(publish=True)
    return translation


def sync(translation: Translation) -> None:
    """*Sync translated snippets*: read the source again and update the translation."""
    translation.source.update_from_db()
    translation.save_target(publish=True)


# name: (builder, the translated name field and its English, identifiers changed in the source)
CHANGES = {
    "organisation": (
        lambda: SNIPPETS["organisation"][0](),
        ("name", "Socio Institute"),
        {"phone": "+386 3 490 00 00", "slug": "zavod-socio", "website": "https://socio.si/"},
    ),
    "location": (
        build_location,
        ("name", "Postojna point"),
        {"phone": "+386 5 700 02 00", "postcode": "6231", "email": "tocka@example.org"},
    ),
    "contact person": (
        lambda: SNIPPETS["contact person"][0](),
        ("role", "coordinator"),
        {"phone": "+386 41 123 456", "email": "ana.novak@example.org"},
    ),
    "funder": (
        lambda: SNIPPETS["funder"][0](),
        ("acknowledgement", "Co-financed by the European Union."),
        {"slug": "esf-plus", "website": "https://european-social-fund-plus.ec.europa.eu/"},
    ),
    "funding programme": (
        lambda: SNIPPETS["funding programme"][0](),
        ("name", "Operational Programme for Cohesion Policy"),
        {"code": "2021SI16FFPR001"},
    ),
    "project": (
        lambda: SNIPPETS["project"][0](),
        ("title", "Points of Strength"),
        {"registration_code": "OP20.00123", "slug": "tocke-moci-2", "total_value": 575000},
    ),
    "region": (
        lambda: SNIPPETS["region"][0](),
        ("name", "Littoral–Inner Carniola"),
        {"slug": "primorska"},
    ),
    "theme": (lambda: SNIPPETS["theme"][0](), ("name", "Activation"), {"slug": "aktiviranje"}),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_sync_copies_changed_identifiers_and_keeps_the_translation(name):
    build, (prose, english_text), changes = CHANGES[name]
    instance = build()
    translation = translate(instance, {prose: english_text})

    for field, value in changes.items():
        setattr(instance, field, value)
    instance.save()
    sync(translation)

    translated = instance.get_translation(english())
    assert getattr(translated, prose) == english_text
    for field, value in changes.items():
        assert getattr(translated, field) == value, field


# The note of an opening-hours exception


@pytest.fixture
def holiday_location(tenants):
    location = LocationFactory(organisation=tenants.organisation_a, name="Točka Postojna")
    soon = timezone.localdate() + timedelta(days=10)
    exception = OpeningHoursExceptionFactory(
        location=location, date=soon, note="Zaprto za praznike"
    )
    return location, exception


def note_context(exception) -> str:
    return f"hours_exceptions.{exception.translation_key}.note"


def test_the_note_of_an_exception_is_translated_and_its_date_synced(holiday_location):
    location, exception = holiday_location
    source, _created = TranslationSource.get_or_create_from_instance(location)
    notes = StringSegment.objects.filter(source=source, context__path=note_context(exception))
    assert [segment.string.data for segment in notes] == ["Zaprto za praznike"]

    translation = translate(location, {note_context(exception): "Closed for the holidays"})
    exception.date += timedelta(days=1)
    exception.closed, exception.opens, exception.closes = False, time(9), time(12)
    exception.save()
    sync(translation)

    [translated] = location.get_translation(english()).hours_exceptions.all()
    assert (translated.note, translated.locale, translated.date) == (
        "Closed for the holidays",
        english(),
        exception.date,
    )
    assert (translated.closed, translated.opens, translated.closes) == (False, time(9), time(12))
    # The source keeps its own note.
    assert location.hours_exceptions.get().note == "Zaprto za praznike"


def test_the_translated_note_is_in_the_api_and_on_the_english_location_page(
    client, tenants, holiday_location
):
    location, exception = holiday_location
    translate(
        location, {"name": "Postojna point", note_context(exception): "Closed for the holidays"}
    )
    tenants.a.languages, tenants.a.default_language = ["sl", "en"], "sl"
    tenants.a.save()
    page = LocationPageFactory(parent=tenants.a.site.root_page, location=location, slug="postojna")
    page_source, _created = TranslationSource.get_or_create_from_instance(page)
    page_source.create_or_update_translation(english(), copy_parent_pages=True, fallback=True)
    english_page = page.get_translation(english())
    english_page.get_latest_revision().publish()

    def notes(locale: str) -> list[str]:
        response = client.get(
            f"/api/v3/network/locations/{location.pk}/",
            {"locale": locale},
            HTTP_HOST="a.localhost",
            HTTP_CACHE_CONTROL="no-cache",
        )
        assert response.status_code == 200, response.content
        return [row["note"] for row in response.json()["opening_hours"]["exceptions"]]

    assert notes("en") == ["Closed for the holidays"]
    assert notes("sl") == ["Zaprto za praznike"]
    html = client.get(english_page.url, HTTP_HOST="a.localhost").content.decode()
    assert "Postojna point" in html and "Closed for the holidays" in html
    assert "Zaprto za praznike" not in html


def test_the_migration_pairs_a_translations_copied_exceptions_with_the_sources(
    holiday_location,
):
    location, exception = holiday_location
    translate(location, {})
    copy = location.get_translation(english()).hours_exceptions.get()
    copy.translation_key = uuid.uuid4()  # unrelated, as any key before the migration
    copy.save()
    migration = importlib.import_module(
        "network.migrations.0005_opening_hours_exception_translatable"
    )

    migration.set_locale_and_key(apps, None)

    exception.refresh_from_db()
    copy.refresh_from_db()
    assert exception.translation_key == copy.translation_key
    assert (exception.locale.language_code, copy.locale.language_code) == ("sl", "en")
