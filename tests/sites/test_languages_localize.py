"""Translating with wagtail-localize, as editors and translators do it in the admin.

A page and every translatable network snippet are translated, kept in sync when their
source changes, and round-tripped through PO files (download, translate, upload).
"""

from __future__ import annotations

from datetime import time
from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from tests.factories import (
    FunderFactory,
    LocationFactory,
    OpeningHoursExceptionFactory,
    OpeningHoursRangeFactory,
    ProjectFactory,
    StandardPageFactory,
    TargetGroupFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def english() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def submit(client, instance) -> Translation:
    """Press "Translate" → English, as the admin does, and return the translation record."""
    meta = instance._meta
    if hasattr(instance, "get_parent"):
        url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    else:
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, instance.pk],
        )
    response = client.post(url, {"locales": [english().pk]})
    assert response.status_code == 302, response.content.decode()[:500]
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=english()
    )


def translate_string(client, translation: Translation, field: str, text: str) -> None:
    """Type a translation into wagtail-localize's editor (its string endpoint)."""
    segment = StringSegment.objects.get(
        source=translation.source, context__path=field, context__object=translation.source.object
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Save and publish a translation: wagtail-localize publishes pages once the transaction
    commits, which a test's transaction never does, so its callbacks are run here."""

    def run(translation: Translation, user=None) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(user=user, publish=True)

    return run


@pytest.fixture
def editor(client, tenants):
    tenants.a.languages, tenants.a.default_language = ["sl", "en"], "sl"
    tenants.a.save()
    client.force_login(tenants.users["editor_a"])
    return tenants.users["editor_a"]


@pytest.fixture
def about(tenants):
    home = tenants.a.site.root_page
    return StandardPageFactory(parent=home, title="O nas", slug="o-nas", intro="Kdo smo.")


def english_page(client, page):
    translated = page.get_translation(english())
    response = client.get(translated.url, HTTP_HOST="a.localhost")
    assert response.status_code == 200
    return translated.specific, response.content.decode()


# A page


def test_an_editor_translates_a_page_and_publishes_it(client, tenants, editor, about, publish):
    publish(submit(client, tenants.a.site.root_page))
    translation = submit(client, about)

    translate_string(client, translation, "title", "About us")
    translate_string(client, translation, "slug", "about-us")
    translate_string(client, translation, "intro", "Who we are.")
    publish(translation, editor)

    page, html = english_page(client, about)
    assert (page.title, page.intro, page.locale.language_code) == ("About us", "Who we are.", "en")
    assert "About us" in html and '<html lang="en">' in html
    assert translation.get_status_display() == "Up to date"


def test_a_source_change_is_synced_and_waits_for_its_translation(
    client, tenants, editor, about, publish, django_capture_on_commit_callbacks
):
    publish(submit(client, tenants.a.site.root_page))
    translation = submit(client, about)
    translate_string(client, translation, "title", "About us")
    translate_string(client, translation, "slug", "about-us")
    translate_string(client, translation, "intro", "Who we are.")
    publish(translation, editor)

    about.intro = "Kdo smo in kaj delamo."
    about.save_revision().publish()
    sync = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync, {"publish_translations": "on"})

    assert response.status_code == 302
    page, _html = english_page(client, about)
    # The new sentence shows in Slovenian until it is translated; the title keeps its English.
    assert (page.title, page.intro) == ("About us", "Kdo smo in kaj delamo.")
    translation.refresh_from_db()
    assert translation.get_progress() == (3, 2)  # title, slug, intro

    translate_string(client, translation, "intro", "Who we are and what we do.")
    publish(translation, editor)
    assert english_page(client, about)[0].intro == "Who we are and what we do."


def test_a_po_file_round_trip_translates_the_page(client, tenants, editor, about, publish):
    publish(submit(client, tenants.a.site.root_page))
    translation = submit(client, about)
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])

    response = client.get(download)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    po = polib.pofile(response.content.decode())
    source_text = {"title": "O nas", "slug": "o-nas", "intro": "Kdo smo."}
    assert {entry.msgctxt: entry.msgid for entry in po} == source_text
    english_text = {"title": "About us", "slug": "about-us", "intro": "Who we are."}
    for entry in po:
        entry.msgstr = english_text[entry.msgctxt]
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = client.post(
        f"{upload}?next=/admin/",
        {"file": SimpleUploadedFile("about-en.po", str(po).encode(), "text/x-gettext-translation")},
    )

    assert response.status_code == 302
    publish(translation, editor)
    page, _html = english_page(client, about)
    assert (page.title, page.intro, page.url) == (
        "About us",
        "Who we are.",
        "http://a.localhost/en/about-us/",
    )
    exported = {entry.msgctxt: entry.msgstr for entry in polib.pofile(str(translation.export_po()))}
    assert exported == english_text


def test_a_po_file_of_another_translation_is_refused(client, tenants, editor, about, publish):
    publish(submit(client, tenants.a.site.root_page))
    home_translation = Translation.objects.get(
        source__object_id=tenants.a.site.root_page.translation_key
    )
    translation = submit(client, about)
    po = home_translation.export_po()
    for entry in po:
        entry.msgstr = "Wrong"
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])

    client.post(upload, {"file": SimpleUploadedFile("home.po", str(po).encode())})

    assert translation.get_progress() == (3, 0)


# Every translatable snippet

SNIPPETS = {
    "organisation": (
        lambda tenants: tenants.organisation_a,
        {"name": "Organisation A", "description": "A multigenerational centre."},
    ),
    "location": (
        lambda tenants: LocationFactory(
            organisation=tenants.organisation_a,
            name="Pisarna Postojna",
            accessibility_note="Dostop brez stopnic.",
            hours_note="Ob praznikih zaprto.",
        ),
        {
            "name": "Postojna office",
            "accessibility_note": "Step-free access.",
            "hours_note": "Closed on public holidays.",
        },
    ),
    "funder": (
        lambda tenants: FunderFactory(
            name="Evropski socialni sklad",
            acknowledgement="Projekt sofinancira Evropska unija iz Evropskega socialnega sklada.",
        ),
        {
            "name": "European Social Fund",
            "acknowledgement": "The project is co-financed by the European Union (ESF).",
        },
    ),
    "project": (
        lambda tenants: ProjectFactory(
            owner=tenants.organisation_a,
            title="Točke moči",
            summary="Šest večgeneracijskih centrov.",
            aims="Vključevanje ranljivih skupin.",
        ),
        {
            "title": "Points of Strength",
            "summary": "Six multigenerational centres.",
            "aims": "Including vulnerable groups.",
        },
    ),
    "targetgroup": (
        lambda tenants: TargetGroupFactory(name="Starejši", description="Ljudje nad 65 let."),
        {"name": "Older people", "description": "People over 65."},
    ),
    "theme": (
        lambda tenants: ThemeFactory(name="Aktivacija", description="Vrnitev v aktivno življenje."),
        {"name": "Activation", "description": "Back to an active life."},
    ),
}


@pytest.mark.parametrize("name", SNIPPETS)
def test_every_network_snippet_is_translated_through_a_po_file(client, tenants, name, publish):
    build, english_text = SNIPPETS[name]
    instance = build(tenants)
    if name == "organisation":
        instance.description = "Večgeneracijski center."
        instance.save()
    client.force_login(tenants.users["coordinator"])
    translation = submit(client, instance)

    po = translation.export_po()
    assert set(english_text) <= {entry.msgctxt for entry in po}
    for entry in po:
        entry.msgstr = english_text.get(entry.msgctxt, "")
    translation.import_po(po)
    publish(translation)

    translated = instance.get_translation(english())
    assert {field: getattr(translated, field) for field in english_text} == english_text
    # Identifiers are not re-typed by translators: an untranslated slug stays the source's.
    if hasattr(instance, "slug"):
        assert translated.slug == instance.slug


def test_a_translated_location_keeps_its_opening_hours_and_gets_its_organisations_translation(
    client, tenants, publish
):
    location = LocationFactory(
        organisation=tenants.organisation_a, hours_note="Ob praznikih zaprto."
    )
    OpeningHoursRangeFactory(location=location, weekday=0, opens=time(7), closes=time(18))
    OpeningHoursExceptionFactory(location=location)
    client.force_login(tenants.users["coordinator"])

    publish(submit(client, location))

    translated = location.get_translation(english())
    assert [(row.weekday, row.opens, row.closes) for row in translated.weekly_hours.all()] == [
        (0, time(7), time(18))
    ]
    assert translated.hours_exceptions.count() == 1
    assert translated.organisation == tenants.organisation_a.get_translation(english())
