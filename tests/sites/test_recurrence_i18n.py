"""django-recurrence speaks Slovenian and Czech: its JS catalogue, Rule.to_text(), the widget.

django-recurrence ships no sl or cs catalogue; ours are locale/*/LC_MESSAGES/djangojs.po (the
widget) and the "django-recurrence" block of locale/*/LC_MESSAGES/django.po (server side).
The msgids come from the package itself — its catalogues and its sources — so a string a new
release adds fails here instead of staying English.
"""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import polib
import pytest
import recurrence
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.templatetags.static import static
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation
from recurrence import Rule
from recurrence.choices import FREQUENCY_CHOICES
from recurrence.forms import RecurrenceField
from wagtail.users.models import UserProfile

from sites.widgets import ScheduleRecurrenceWidget
from tests.sites.conftest import CENTRE_HOST

PACKAGE = Path(recurrence.__file__).parent
PROJECT_LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["sl", "cs"]
PLURAL_FORMS = {
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
}
PLACEHOLDER = re.compile(r"%\(\w+\)s")
JS_CALL = re.compile(r"\b(gettext|pgettext)\(\s*'((?:[^'\\]|\\.)*)'(?:\s*,\s*'((?:[^'\\]|\\.)*)')?")
PY_GETTEXT = {"_", "gettext", "gettext_lazy"}
PY_PGETTEXT = {"_p", "pgettext", "pgettext_lazy"}
# Translations that are rightly the same as the English.
SAME_AS_ENGLISH = {", "}

Key = tuple[str | None, str]  # (msgctxt, msgid)


def compile_translations() -> None:
    """Build the .mo files (generated, never committed) that are older than their .po."""
    output = io.StringIO()
    call_command("compile_translations", stdout=output)
    if not output.getvalue().startswith("Compiled 0 "):
        with override_settings(LOCALE_PATHS=settings.LOCALE_PATHS):
            pass  # entering and leaving makes Django drop its cached catalogues


@pytest.fixture(scope="module", autouse=True)
def _compiled_translations():
    compile_translations()


def catalogue_keys(domain: str) -> set[Key]:
    """Every msgid of the package's own catalogues of ``domain``, in any language."""
    keys: set[Key] = set()
    for po_path in PACKAGE.glob(f"locale/*/LC_MESSAGES/{domain}.po"):
        keys |= {(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if not e.obsolete}
    return keys


def js_keys() -> set[Key]:
    """The widget's strings: its djangojs catalogues plus every literal its scripts translate."""
    keys = catalogue_keys("djangojs")
    for script in PACKAGE.glob("static/recurrence/js/*.js"):
        for function, first, second in JS_CALL.findall(script.read_text()):
            keys.add((first, second) if function == "pgettext" else (None, first))
    return keys


def python_keys() -> set[Key]:
    """The server side's strings: its django catalogues plus every literal its modules translate.

    The sources matter: base.py asks for pgettext("month name", "May"), which no catalogue of
    the package has.
    """
    keys = catalogue_keys("django")
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            literals = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
            if node.func.id in PY_PGETTEXT and len(literals) == 2:
                keys.add((literals[0], literals[1]))
            elif node.func.id in PY_GETTEXT and literals:
                keys.add((None, literals[0]))
    return keys


def served_catalogue(content: str) -> dict[str, str | list[str]]:
    match = re.search(r"const newcatalog = (\{.*?\});\n", content, re.DOTALL)
    return json.loads(match.group(1)) if match else {}


def js_key(key: Key) -> str:
    context, msgid = key
    return f"{context}\x04{msgid}" if context else msgid


def test_the_package_strings_are_found():
    # Guards the scans above: if they came back empty every check below would pass.
    assert len(js_keys()) >= 120
    assert (None, "Add rule") in js_keys()
    assert ("Monday first letter", "M") in js_keys()
    assert len(python_keys()) >= 90
    assert ("month name", "May") in python_keys()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_widget_string_has_a_translation(language):
    po = polib.pofile(str(PROJECT_LOCALE / language / "LC_MESSAGES" / "djangojs.po"))
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert po.metadata["Language"] == language
    entries = {(entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete}
    untranslated = sorted(
        js_key(key)
        for key in js_keys()
        if key not in entries or not entries[key].msgstr or entries[key].fuzzy
    )
    assert not untranslated, f"{language}/djangojs.po lacks: {untranslated}"
    for key in js_keys():
        assert set(PLACEHOLDER.findall(entries[key].msgstr)) == set(PLACEHOLDER.findall(key[1])), (
            f"{language}: {key} keeps its placeholders"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_server_side_string_has_a_translation(language):
    """From our django.po block or, for weekday and month names, Django's own catalogue."""
    untranslated = []
    with translation.override(language):
        for context, msgid in python_keys():
            text = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            if not text or (text == msgid and msgid not in SAME_AS_ENGLISH):
                untranslated.append(js_key((context, msgid)))
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(msgid)), msgid
    assert not untranslated, f"{language}: untranslated server-side strings: {untranslated}"
    po = polib.pofile(str(PROJECT_LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]


EXPECTED_CATALOGUE = {
    "sl": {
        "weekly": "tedensko",
        "Tuesday": "torek",
        "Add rule": "Dodaj pravilo",
        "month name\x04May": "maj",
        "Tuesday first letter\x04T": "T",
    },
    "cs": {
        "weekly": "týdně",
        "Tuesday": "úterý",
        "Add rule": "Přidat pravidlo",
        "month name\x04May": "květen",
        "Tuesday first letter\x04T": "Ú",
    },
}


def editor_client(client, language: str):
    user = get_user_model().objects.create_user("editor", password="x")  # noqa: S106
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_url_speaks_the_editor_language(db, client, language):
    response = editor_client(client, language).get(reverse("recurrence-jsi18n"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    content = response.content.decode()
    catalogue = served_catalogue(content)
    for msgid, translated in EXPECTED_CATALOGUE[language].items():
        assert catalogue.get(msgid) == translated, msgid
    missing = sorted(js_key(key) for key in js_keys() if not catalogue.get(js_key(key)))
    assert not missing, f"the served {language} catalogue lacks {missing}"
    plural = PLURAL_FORMS[language].split("plural=", 1)[1].rstrip(";")
    assert f"const v = {plural};" in content


def test_catalogue_url_follows_the_editor_not_the_site_language(db, client):
    # Outside i18n_patterns every request is in LANGUAGE_CODE (sl); the view must still
    # answer an English-speaking editor in English, as Wagtail's own admin catalogue does.
    response = editor_client(client, "en").get(reverse("recurrence-jsi18n"))

    catalogue = served_catalogue(response.content.decode())
    assert catalogue.get("weekly", "weekly") == "weekly"
    assert catalogue.get("Add rule", "Add rule") == "Add rule"


TO_TEXT = [
    (
        Rule(recurrence.WEEKLY, byday=[recurrence.TU]),
        {"sl": "tedensko, torek", "cs": "týdně, úterý"},
    ),
    (
        Rule(recurrence.WEEKLY, interval=2, byday=[recurrence.MO, recurrence.WE], count=5),
        {
            "sl": "v razmiku 2 tednov, ponedeljek, sreda, skupaj 5-krat",
            "cs": "v intervalu 2 týdnů, pondělí, středa, celkem 5krát",
        },
    ),
    (
        Rule(recurrence.MONTHLY, byday=[recurrence.FR(-1)]),
        {"sl": "mesečno, zadnji petek", "cs": "měsíčně, poslední pátek"},
    ),
    (
        Rule(recurrence.MONTHLY, byday=[recurrence.MO(1)], count=1),
        {"sl": "mesečno, 1. ponedeljek, samo enkrat", "cs": "měsíčně, 1. pondělí, pouze jednou"},
    ),
    (Rule(recurrence.YEARLY, bymonth=[5]), {"sl": "letno, maj", "cs": "ročně, květen"}),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("rule", "expected"), TO_TEXT)
def test_rule_to_text_is_translated(language, rule, expected):
    with translation.override(language):
        assert rule.to_text() == expected[language]


@pytest.mark.parametrize(
    ("language", "weekly", "required"),
    [
        ("sl", "Tedensko", "To polje je obvezno. Nastavite pravilo ponavljanja ali datum."),
        ("cs", "Týdně", "Toto pole je povinné. Nastavte pravidlo opakování nebo datum."),
    ],
)
def test_choices_and_form_errors_are_translated(language, weekly, required):
    with translation.override(language):
        assert str(dict(FREQUENCY_CHOICES)[recurrence.WEEKLY]) == weekly
        with pytest.raises(ValidationError) as error:
            RecurrenceField(required=True).clean("")
        assert error.value.messages == [required]


SCRIPT_SRC = re.compile(r'<script src="([^"]+)"')


def test_widget_loads_the_catalogue_first_and_keeps_window_django():
    media = str(ScheduleRecurrenceWidget().media)
    scripts = SCRIPT_SRC.findall(media)

    assert scripts == [
        reverse("recurrence-jsi18n"),
        static("sites/js/recurrence-jquery.js"),
        static("recurrence/js/recurrence.js"),
        static("recurrence/js/recurrence-widget.js"),
        static("recurrence/js/recurrence-widget.init.js"),
    ]
    # Django admin's jquery.init.js replaces window.django, and with it the gettext
    # catalogue Wagtail's admin scripts read.
    assert "jquery.init.js" not in media
    assert static("recurrence/css/recurrence.css") in media
    for path in (
        "sites/js/recurrence-jquery.js",
        "recurrence/js/recurrence.js",
        "recurrence/js/recurrence-widget.js",
        "recurrence/js/recurrence-widget.init.js",
        "recurrence/css/recurrence.css",
    ):
        assert finders.find(path), f"{path} is not served"


def test_widget_renders_the_textarea_its_script_replaces():
    html = ScheduleRecurrenceWidget().render("recurrence", "RRULE:FREQ=WEEKLY;BYDAY=TU")
    assert 'class="recurrence-widget"' in html
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU" in html


@pytest.mark.parametrize(
    "page_type", ["programme_page", "social_activation_programme_page", "event_page"]
)
def test_page_editor_uses_the_widget(client, network, page_type):
    page = network.pages[page_type]
    client.force_login(get_user_model().objects.create_superuser("root", password="x"))  # noqa: S106

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), HTTP_HOST=CENTRE_HOST)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="recurrence"' in html and 'class="recurrence-widget"' in html
    scripts = SCRIPT_SRC.findall(html)
    catalogue = scripts.index(reverse("recurrence-jsi18n"))
    assert catalogue < scripts.index(static("recurrence/js/recurrence.js"))
    assert not any(src.endswith("admin/js/jquery.init.js") for src in scripts)
