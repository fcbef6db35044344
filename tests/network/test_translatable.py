"""Network content is translatable with wagtail-localize from the first migration on."""

import pytest
from django.apps import apps
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import TranslationSource

from tests.factories import FunderFactory, LocationFactory

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    "Region",
    "Municipality",
    "Organisation",
    "Location",
    "ContactPerson",
    "Funder",
    "FundingProgramme",
    "Project",
    "TargetGroup",
    "Theme",
]


def test_network_locales_exist_after_migrating():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"sl", "cs", "en"}


@pytest.mark.parametrize("name", CONTENT_MODELS)
def test_content_model_is_translatable(name):
    assert issubclass(apps.get_model("network", name), TranslatableMixin)


def test_funder_acknowledgement_is_translated_per_language():
    funder = FunderFactory(
        name="Evropski socialni sklad",
        acknowledgement="Projekt sofinancirata Republika Slovenija in Evropska unija.",
    )
    source, _created = TranslationSource.get_or_create_from_instance(funder)
    english = Locale.objects.get(language_code="en")

    translated, created = source.create_or_update_translation(english, fallback=True)

    assert created
    assert translated.locale == english
    assert translated.translation_key == funder.translation_key
    assert funder.get_translation(english) == translated


def test_location_translation_keeps_its_organisation_and_hours():
    location = LocationFactory(hours_note="Ob praznikih zaprto")
    source, _created = TranslationSource.get_or_create_from_instance(location)
    czech = Locale.objects.get(language_code="cs")

    translated, _created = source.create_or_update_translation(czech, fallback=True)

    assert translated.organisation_id == location.organisation_id
    assert translated.locale == czech
