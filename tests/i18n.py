"""The text people read, in the language they get: expected messages computed with gettext.

Tests name a message by its msgid (as written in the code or template) and format it the way
the code does, so they keep checking the message itself whatever language it is shown in.
Public pages speak their page's language, the admin its user's (by default the network's
default language), management commands and code run outside a request the default language.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def translated(message: str, /, *, language: str | None = None, **params) -> str:
    """``message`` in ``language`` (default: ``LANGUAGE_CODE``), ``%``-formatted with ``params``."""
    with translation.override(language or settings.LANGUAGE_CODE):
        text = translation.gettext(message)
    return text % params if params else text


def translated_plural(
    singular: str, plural: str, number: int, /, *, language: str | None = None, **params
) -> str:
    """The form of ``singular``/``plural`` for ``number`` in ``language``, formatted as above.

    Templates' ``{% blocktranslate count counter=… %}`` pass the number as ``counter``.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        text = translation.ngettext(singular, plural, number)
    return text % params if params else text
