"""The one document shape of the network search, whatever the engine.

Everything searchable across the network is a page: the shared snippets that have public
pages (projects, locations) are searched through those pages, whose documents carry the
snippet's text and facets. ``search.extraction`` builds documents from pages in batches.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime


@dataclass(frozen=True)
class SearchDocument:
    page_id: int
    site_id: int
    site_name: str
    locale: str
    # The page type's short key, e.g. "event", "programme", "good_practice".
    content_type: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    region: str = ""  # slug of the site's (or, for a good practice, the practice's) region
    target_group: tuple[str, ...] = ()  # slugs
    theme: tuple[str, ...] = ()
    funder: tuple[str, ...] = ()
    organisation: tuple[str, ...] = ()
    # Events and programmes: the next occurrence's start, and when the last one ends (the
    # "upcoming" filter keeps documents whose activity ends in the future).
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    image_id: int | None = None
    published_at: datetime | None = None
    # Stored, not derived at query time: filtering on Wagtail's .public() builds one clause
    # per restricted page. Private pages are never indexed; the flag hides a page made
    # private at once, before indexing removes it.
    is_public: bool = True
    # The languages the page is available in (its own and its indexed translations'), and
    # whether this is its default version: the one in its site's default language (else in
    # the first of the site's languages it has), which a search in another language the page
    # lacks shows instead. The defaults show a document in every language.
    translations: tuple[str, ...] = ()
    is_default_version: bool = True
    extra: dict = field(default_factory=dict, compare=False)

    def facet_values(self, facet: str) -> tuple[str, ...]:
        """A facet's values as strings (empty when the document has none)."""
        if facet == "site":
            return (str(self.site_id),)
        value = getattr(self, facet)
        if isinstance(value, tuple):
            return value
        return (value,) if value else ()

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
