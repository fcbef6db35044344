"""Search documents from pages, built in batches with a bounded number of queries.

A batch of pages costs one query for the pages, one per page type, a few per facet source
(many-to-many rows, projects' funders and partners, occurrences) and one for the pages'
translations, whatever its size. ``Extraction`` holds what every batch shares (sites,
regions, view restrictions, each site's languages), read once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Min, Q
from django.utils import timezone
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.search import index

from network.models import (
    FundingLine,
    Location,
    Organisation,
    Project,
    ProjectParticipation,
    Region,
    Tenant,
)
from search.documents import SearchDocument
from search.text import block_text, rich_text
from sites.models import Occurrence, ProjectPage, SearchPage
from sites.schedules import OccurrenceStatus

# Page types with nothing of their own to find (the search page lists other pages).
NOT_INDEXED = (SearchPage,)
# Many-to-many fields of page types (or their project) that feed a facet, by facet.
M2M_FACETS = {"target_groups": "target_group", "themes": "theme", "organisations": "organisation"}
BATCH_SIZE = 500
# Columns of page types that no document needs and that are costly to load.
UNUSED_FIELDS = ("recurrence",)


def _has_field(model: type[Page], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


def content_type_key(model: type[Page]) -> str:
    """A page type's short key: EventPage → "event", GoodPracticePage → "good_practice"."""
    name = model.__name__.removesuffix("Page") or model.__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Extraction:
    """Builds documents for pages of the whole network; one instance per indexing run."""

    def __init__(self) -> None:
        # Wagtail caches the site root paths on the object it is given: one lookup per run.
        self.url_cache = SimpleNamespace()
        self.now = timezone.now()
        self._site_languages: dict[int, tuple[str, ...]] = {}

    @cached_property
    def root_paths(self) -> list:
        return Site.get_site_root_paths()  # most specific first

    @cached_property
    def site_names(self) -> dict[int, str]:
        return {
            site.pk: site.site_name or site.hostname
            for site in Site.objects.only("site_name", "hostname")
        }

    @cached_property
    def site_organisations(self) -> dict[int, tuple[str, str]]:
        """Each site's organisation slug and region slug (the first organisation running it)."""
        found: dict[int, tuple[str, str]] = {}
        rows = (
            Organisation.objects.filter(site__isnull=False)
            .order_by("pk")
            .values_list("site_id", "slug", "region__slug")
        )
        for site_id, slug, region in rows:
            found.setdefault(site_id, (slug, region or ""))
        return found

    @cached_property
    def region_slugs(self) -> dict[int, str]:
        return dict(Region.objects.values_list("pk", "slug"))

    @cached_property
    def languages(self) -> dict[int, str]:
        """Language codes by locale id (the specific pages' queries do not join locales)."""
        return dict(Locale.objects.values_list("pk", "language_code"))

    @cached_property
    def restricted_paths(self) -> tuple[str, ...]:
        return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def sites_by_root(self) -> dict[str, int]:
        # Most specific first, as Wagtail orders them: the first site of a root path wins.
        found: dict[str, int] = {}
        for root in self.root_paths:
            found.setdefault(root.root_path, root.site_id)
        return found

    def site_of(self, url_path: str) -> int | None:
        """The site whose deepest root path holds ``url_path``, one lookup per path level."""
        roots = self.sites_by_root
        end = len(url_path)
        while end > 0:
            site_id = roots.get(url_path[:end])
            if site_id is not None:
                return site_id
            end = url_path.rfind("/", 0, end - 1) + 1
        return None

    def site_languages(self, site_id: int) -> tuple[str, ...]:
        """A site's languages, its default first (one query per site and run)."""
        if site_id not in self._site_languages:
            languages = Tenant.languages_for(Site(pk=site_id)).codes
            self._site_languages[site_id] = languages
        return self._site_languages[site_id]

    def is_public(self, path: str) -> bool:
        return not path.startswith(self.restricted_paths) if self.restricted_paths else True

    def indexable(self, pages: Iterable[Page]) -> list[Page]:
        """Live, public pages in a site's tree, of a type that is indexed."""
        return [
            page
            for page in pages
            if page.live
            and not isinstance(page, NOT_INDEXED)
            and self.is_public(page.path)
            and self.site_of(page.url_path) is not None
        ]

    def documents(self, page_ids: Iterable[int]) -> Iterator[SearchDocument]:
        """Documents for the pages among ``page_ids`` that may be indexed, in batches."""
        page_ids = list(page_ids)
        for start in range(0, len(page_ids), BATCH_SIZE):
            chunk = page_ids[start : start + BATCH_SIZE]
            yield from self._documents(self.indexable(self._specific_pages(chunk)))

    def _specific_pages(self, page_ids: list[int]) -> list[Page]:
        """The live pages as their specific types, one query per type, without the columns
        no document uses (a schedule's recurrence rule is parsed on load)."""
        by_type: dict[int, list[int]] = defaultdict(list)
        rows = Page.objects.filter(pk__in=page_ids, live=True).values_list("pk", "content_type")
        for page_id, content_type_id in rows:
            by_type[content_type_id].append(page_id)
        pages = []
        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            unused = [name for name in UNUSED_FIELDS if _has_field(model, name)]
            pages.extend(model.objects.filter(pk__in=ids).defer(*unused))
        return pages

    def _documents(self, pages: list[Page]) -> Iterator[SearchDocument]:
        if not pages:
            return
        facets = self._facets(pages)
        dates = self._dates([page.pk for page in pages])
        projects = self._projects(pages)
        places = self._places(pages)
        versions = self._versions(pages)
        for page in pages:
            site_id = self.site_of(page.url_path)
            language = self.languages[page.locale_id]
            translations = versions.get(page.translation_key, (language,))
            organisation, region = self.site_organisations.get(site_id, ("", ""))
            page_facets = facets[page.pk]
            project = projects.get(getattr(page, "project_id", None), {})
            for facet, values in project.get("facets", {}).items():
                page_facets[facet].update(values)
            if organisation:
                page_facets["organisation"].add(organisation)
            # A good practice names its own region; read by id, never a query per page.
            own_region = self.region_slugs.get(getattr(page, "region_id", None))
            starts_at, ends_at = dates.get(page.pk, (None, None))
            summary = page.search_description or getattr(page, "intro", "") or ""
            _, root_url, path = page.get_url_parts(request=self.url_cache)
            yield SearchDocument(
                page_id=page.pk,
                site_id=site_id,
                site_name=self.site_names.get(site_id, ""),
                locale=language,
                content_type=content_type_key(type(page)),
                title=page.title,
                url=f"{root_url}{path}" if root_url and path else "",
                summary=summary,
                body=" ".join(
                    filter(
                        None,
                        [
                            *searchable_text(page, skip=summary),
                            project.get("text", ""),
                            *places[page.pk],
                        ],
                    )
                ),
                region=own_region or region,
                target_group=tuple(sorted(page_facets["target_group"])),
                theme=tuple(sorted(page_facets["theme"])),
                funder=tuple(sorted(page_facets["funder"])),
                organisation=tuple(sorted(page_facets["organisation"])),
                starts_at=starts_at,
                ends_at=ends_at,
                image_id=getattr(page, "listing_image_id", None),
                published_at=page.last_published_at,
                is_public=True,
                translations=translations,
                is_default_version=language == self._default_version(site_id, translations),
            )

    def _versions(self, pages: list[Page]) -> dict:
        """The languages each page is available in, by translation key: those of its live,
        public translations in a site (the ones indexed), its own included."""
        found: dict = defaultdict(set)
        rows = Page.objects.filter(
            translation_key__in={page.translation_key for page in pages}, live=True
        ).values_list("translation_key", "locale_id", "path", "url_path")
        for key, locale_id, path, url_path in rows:
            if self.is_public(path) and self.site_of(url_path) is not None:
                found[key].add(self.languages[locale_id])
        return {key: tuple(sorted(languages)) for key, languages in found.items()}

    def _default_version(self, site_id: int, translations: tuple[str, ...]) -> str:
        """The language of a page's default version: its site's default language, else the
        first of the site's languages the page has, else its first language."""
        for language in self.site_languages(site_id):
            if language in translations:
                return language
        return translations[0]

    def _facets(self, pages: list[Page]) -> dict[int, dict[str, set[str]]]:
        """Slugs of the taxonomy rows pages choose through many-to-many fields."""
        found: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        by_model: dict[type[Page], list[int]] = defaultdict(list)
        for page in pages:
            by_model[type(page)].append(page.pk)
        for model, ids in by_model.items():
            for field in model._meta.many_to_many:
                facet = M2M_FACETS.get(field.name)
                if facet is None:
                    continue
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                rows = through.objects.filter(**{f"{source}__in": ids}).values_list(
                    source, f"{target}__slug"
                )
                for page_id, slug in rows:
                    found[page_id][facet].add(slug)
        return found

    def _projects(self, pages: list[Page]) -> dict[int, dict]:
        """Text and facets a project page takes from its network Project."""
        project_ids = {page.project_id for page in pages if isinstance(page, ProjectPage)}
        if not project_ids:
            return {}
        projects: dict[int, dict] = {
            pk: {"text": " ".join(filter(None, texts)), "facets": defaultdict(set)}
            for pk, *texts in Project.objects.filter(pk__in=project_ids).values_list(
                "pk", "title", "acronym", "registration_code", "summary", "aims"
            )
        }
        links = [
            (FundingLine, "funder__slug", "funder"),
            (ProjectParticipation, "organisation__slug", "organisation"),
            (Project.themes.through, "theme__slug", "theme"),
            (Project.target_groups.through, "targetgroup__slug", "target_group"),
        ]
        for model, slug_path, facet in links:
            rows = model.objects.filter(project_id__in=project_ids).values_list(
                "project_id", slug_path
            )
            for project_id, slug in rows:
                projects[project_id]["facets"][facet].add(slug)
        return projects

    def _places(self, pages: list[Page]) -> dict[int, list[str]]:
        """Where a page's activity happens, as text: its location's name, address and town
        (a visitor searches "Cerknica" for what is on in Cerknica)."""
        chosen: dict[int, set[int]] = defaultdict(set)
        by_model: dict[type[Page], list[int]] = defaultdict(list)
        for page in pages:
            location_id = getattr(page, "location_id", None)
            if location_id:
                chosen[page.pk].add(location_id)
            by_model[type(page)].append(page.pk)
        for model, ids in by_model.items():
            for field in model._meta.many_to_many:
                if field.related_model is not Location:
                    continue
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                rows = through.objects.filter(**{f"{source}__in": ids}).values_list(source, target)
                for page_id, location_id in rows:
                    chosen[page_id].add(location_id)
        location_ids = {pk for ids in chosen.values() for pk in ids}
        texts = {
            pk: " ".join(filter(None, parts))
            for pk, *parts in Location.objects.filter(pk__in=location_ids).values_list(
                "pk", "name", "street_address", "postcode", "municipality__name"
            )
        }
        found: dict[int, list[str]] = defaultdict(list)
        for page_id, ids in chosen.items():
            found[page_id] = [texts[pk] for pk in sorted(ids) if pk in texts]
        return found

    def _dates(self, page_ids: list[int]) -> dict[int, tuple]:
        """For scheduled pages: the next occurrence's start and when the last one ends."""
        rows = (
            Occurrence.objects.filter(entry_id__in=page_ids)
            .exclude(status=OccurrenceStatus.CANCELLED)
            .values("entry_id")
            .annotate(next_start=Min("start", filter=Q(end__gte=self.now)), last_end=Max("end"))
            .values_list("entry_id", "next_start", "last_end")
        )
        return {entry_id: (next_start, last_end) for entry_id, next_start, last_end in rows}


def searchable_text(page: Page, *, skip: str = "") -> list[str]:
    """The text of a page's search fields besides the title: StreamFields and rich text
    read from their stored JSON and HTML (``search.text``); ``skip`` is text the document
    holds already (the summary)."""
    texts: list[str] = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        try:
            field = page._meta.get_field(search_field.field_name)
        except Exception:  # a method or property named in search_fields
            continue
        value = getattr(page, search_field.field_name, None)
        if not value or value == skip:
            continue
        if isinstance(field, StreamField):
            texts.extend(block_text(field.stream_block, list(value.raw_data)))
        elif isinstance(field, RichTextField):
            texts.append(rich_text(value))
        elif hasattr(field, "get_searchable_content"):
            texts.extend(str(text) for text in field.get_searchable_content(value) if text)
        else:
            texts.append(str(value))
    return [text for text in texts if text]
