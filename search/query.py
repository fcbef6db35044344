"""Turning what a visitor typed into terms and phrases every engine understands.

Words are runs of letters and digits (any script); everything else separates them, so no
input can inject an engine's query syntax. Text in double quotes, straight or typographic
(„…“ in Slovenian and Czech, “…” in English), is a phrase.
"""

from __future__ import annotations

import re
import unicodedata

from search.engines.base import Phrase

MAX_QUERY_LENGTH = 200
MAX_WORDS = 16

_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "»": '"', "«": '"'})
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)


class QueryError(ValueError):
    """The query cannot be searched; the message says why, for the visitor."""


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (underscores count as separators)."""
    return [word for word in _WORD.findall(text.lower().replace("_", " ")) if word]


def parse(text: str) -> tuple[tuple[str, ...], tuple[Phrase, ...]]:
    """Split ``text`` into plain terms and quoted phrases; raises QueryError when too long.

    A one-word "phrase" is a plain term; an unclosed quote quotes nothing.
    """
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"at most {MAX_QUERY_LENGTH} characters (got {len(text)})")
    text = text.translate(_QUOTES)
    terms: list[str] = []
    phrases: list[Phrase] = []
    for phrase_text in _PHRASE.findall(text):
        phrase_words = words(phrase_text)
        if len(phrase_words) > 1:
            phrases.append(Phrase(tuple(phrase_words)))
        else:
            terms.extend(phrase_words)
    terms.extend(words(_PHRASE.sub(" ", text)))
    # Repeated words add nothing under AND semantics.
    terms = list(dict.fromkeys(terms))
    if len(terms) + sum(len(p.words) for p in phrases) > MAX_WORDS:
        raise QueryError(f"at most {MAX_WORDS} words")
    return tuple(terms), tuple(dict.fromkeys(phrases))


def fold(text: str) -> str:
    """Lower case without diacritics: what every engine compares (večgeneracijski →
    vecgeneracijski). Letters that do not decompose (đ, ł, ø) are mapped by hand."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.translate(_UNDECOMPOSABLE)


_UNDECOMPOSABLE = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


_ENDING = re.compile(r"[aeiouyáéíóúůýěäëïöü]{1,2}$")
MIN_STEM = 4


def stem(term: str) -> str | None:
    """A prefix that also finds the word's inflected forms, or None to match it exactly.

    Slovenian has no stemmer (Czech and English do, in Elasticsearch), and both Slavic
    languages inflect by changing the ending: dropping a final vowel or two lets "cerknica"
    find "Cerknici" and "večgeneracijski" find "večgeneracijskega". Short words match
    exactly, so a prefix never expands to half the dictionary.
    """
    if len(term) < MIN_STEM or not term.isalpha():
        return None
    base = _ENDING.sub("", term)
    return base if len(base) >= MIN_STEM else term
