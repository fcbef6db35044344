"""What wagtail-localize translates on the network's snippets and what it copies.

Each translatable model lists its fields in ``translatable_fields`` (wagtail-localize reads
that instead of guessing by field type): prose is translated; identifiers and data —
slugs, phone numbers, e-mails, URLs, codes, postcodes, coordinates, amounts, dates,
choices — are copied from the source on every sync and never shown to translators.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField


def translated(*names: str) -> list[TranslatableField]:
    """Prose offered in the translation editor; a foreign key to a translatable snippet
    points to that snippet's translation."""
    return [TranslatableField(name) for name in names]


def copied(*names: str) -> list[SynchronizedField]:
    """Identifiers and data: the source's value on every sync, not offered to translators."""
    return [SynchronizedField(name, overridable=False) for name in names]


def overridable(*names: str) -> list[SynchronizedField]:
    """Copied from the source unless a translator picks another, e.g. a logo whose text is
    in the source language."""
    return [SynchronizedField(name) for name in names]
