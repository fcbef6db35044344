"""The Slovenian and Czech catalogues are complete and keep every placeholder.

Slovenian is the network's default language and Czech that of the Haná centres: an entry left
empty or fuzzy shows English on a public page or in the admin, and a placeholder lost in
translation makes gettext's ``%`` formatting raise (or silently drop the value).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import translation

from sites.models import EventPage

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["sl", "cs"]
DOMAINS = ["django", "djangojs"]
PLURAL_FORMS = {
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
}
# %(name)s, %(ratio).1f, %s, %d … but not the escaped %%.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdif]")
# A date format such as "%Y-%m-%d" (the recurrence widget's): its directives are the translation.
DATE_FORMAT = re.compile(r"(?:%[A-Za-z]|[^A-Za-z%])+")
CATALOGUES = [(language, domain) for language in LANGUAGES for domain in DOMAINS]


def catalogue(language: str, domain: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text.replace("%%", "")))


def label(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


@pytest.fixture(scope="module", autouse=True)
def _compiled_translations():
    """Build the .mo files that are older than their .po, then drop Django's cached catalogues."""
    call_command("compile_translations", stdout=io.StringIO())
    with override_settings(LOCALE_PATHS=settings.LOCALE_PATHS):
        pass  # entering and leaving makes Django forget the catalogues it has loaded


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_catalogue_loads_with_its_plural_forms(language, domain):
    po = catalogue(language, domain)
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert len([entry for entry in po if not entry.obsolete]) > (400 if domain == "django" else 100)


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_every_entry_is_translated(language, domain):
    po = catalogue(language, domain)
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(index, "") for index in range(nplurals)]
            complete = all(forms) and len(entry.msgstr_plural) == nplurals
        else:
            complete = bool(entry.msgstr)
        if not complete or entry.fuzzy:
            missing.append(label(entry))
    assert not missing, f"{language}/{domain}.po has untranslated or fuzzy entries: {missing}"


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_translations_keep_their_placeholders(language, domain):
    wrong = []
    for entry in catalogue(language, domain):
        if entry.obsolete or DATE_FORMAT.fullmatch(entry.msgid):
            continue
        if entry.msgid_plural:
            # A form may follow either English form (Slovenian's "one" form also serves 101).
            allowed = [placeholders(entry.msgid), placeholders(entry.msgid_plural)]
            texts = [text for text in entry.msgstr_plural.values() if text]
        else:
            allowed = [placeholders(entry.msgid)]
            texts = [entry.msgstr] if entry.msgstr else []
        wrong += [(label(entry), text) for text in texts if placeholders(text) not in allowed]
    assert not wrong, f"{language}/{domain}.po changes placeholders: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_django_recurrence_block_stays_active(language):
    # Its strings are not in our sources, so makemessages would mark them obsolete.
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalogue(language, "django")}
    for key in [(None, "annually"), (None, "occuring %(number)s times"), ("month name", "May")]:
        assert key in entries and not entries[key].obsolete, key


RENDERED = {
    "sl": {"public": "Prihajajoči termini", "admin": "stran dogodka"},
    "cs": {"public": "Nadcházející termíny", "admin": "stránka akce"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_string_and_admin_label_are_translated(language):
    with translation.override(language):
        assert translation.gettext("Upcoming dates") == RENDERED[language]["public"]
        assert str(EventPage._meta.verbose_name) == RENDERED[language]["admin"]
        places = translation.ngettext("%(counter)s place left.", "%(counter)s places left.", 3)
        assert places % {"counter": 3} != "3 places left."
    with translation.override("en"):
        assert str(EventPage._meta.verbose_name) == "event page"
