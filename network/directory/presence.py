"""Which sites network content belongs to or is shown on, and its public pages there.

A row *belongs* to a site when the organisation that owns it (``network.permissions.
OWNER_PATHS``) runs the site. It is *shown* on a site when a live, public page of the site
refers to it: through a foreign key or a chooser block (Wagtail's ``ReferenceIndex``, which
reflects the pages' published content) or through a many-to-many field of a page (which the
reference index does not record). Funders are shown where a project they fund is, regions
where an organisation working in them is. Translations share their sites: everything is
matched on ``translation_key``, so a page referring to the Slovenian row shows the English
translation too.

``SitePresence.relevant`` is the filter ``site=`` applies; ``SitePresence.sites_by_key``
answers the same question the other way round for one page of results, so an item is listed
for a site exactly when that site is among the item's ``sites``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from functools import cached_property
from typing import Any
from uuid import UUID

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, IntegerField, Model, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site, get_page_models

from network.models import (
    Funder,
    FundingLine,
    Organisation,
    Project,
    ProjectParticipation,
    Region,
)
from network.permissions import OWNER_PATHS

# Page types that are an item's own page (its public URL), and the field naming the item.
OWN_PAGES = {
    "network.Project": ("centre_sites.ProjectPage", "project"),
    "network.Location": ("centre_sites.LocationPage", "location"),
}

# Rows shown with a project, and the path from the project's child row to them.
PROJECT_LINKS = {
    Funder: (FundingLine, "funder"),
    Organisation: (ProjectParticipation, "organisation"),
}


def owner_prefix(model: type[Model]) -> str | None:
    """The lookup prefix from ``model`` to its owning organisation; None when nobody owns it."""
    path = OWNER_PATHS.get(model._meta.label)
    if path is None:
        return None
    return f"{path}__" if path else ""


def page_many_to_many(model: type[Model]) -> list[Any]:
    """Many-to-many fields of page types pointing at ``model`` (the reference index skips them)."""
    return [
        field
        for page_model in get_page_models()
        for field in page_model._meta.local_many_to_many
        if field.related_model is model
    ]


def keys_of(queryset: QuerySet) -> QuerySet:
    return queryset.values("translation_key")


class SitePresence:
    """Answers, for one request, where network content is shown; queries are shared."""

    @cached_property
    def private_q(self) -> Q:
        """Pages behind a view restriction, with everything below them (one query)."""
        paths = PageViewRestriction.objects.values_list("page__path", flat=True)
        q = Q()
        for path in paths:
            q |= Q(path__startswith=path)
        return q

    @cached_property
    def root_paths(self) -> list[Any]:
        return Site.get_site_root_paths()  # Wagtail caches it: no query once warm

    def public_pages(self, site: Site | None = None, model: type[Page] = Page) -> QuerySet:
        """Live pages the public may see, of one site (its root in every language) or all."""
        pages = model.objects.live()
        if self.private_q:
            pages = pages.exclude(self.private_q)
        if site is not None:
            roots = [root.root_path for root in self.root_paths if root.site_id == site.pk]
            in_site = Q(pk__in=[])
            for root in roots:
                in_site |= Q(url_path__startswith=root)
            # A site nested below this one keeps its own pages (as ``site_of`` decides).
            for other in self.root_paths:
                nested = other.root_path not in roots and other.root_path.startswith(tuple(roots))
                if other.site_id != site.pk and nested:
                    in_site &= ~Q(url_path__startswith=other.root_path)
            pages = pages.filter(in_site)
        return pages

    def site_of(self, url_path: str) -> int | None:
        """The site whose (most specific) root the page is under."""
        matches = [root for root in self.root_paths if url_path.startswith(root.root_path)]
        best = max(matches, key=lambda root: len(root.root_path), default=None)
        return best.site_id if best is not None else None

    # Filtering: the rows relevant to one site.

    def referenced(self, model: type[Model], pages: QuerySet) -> Q:
        """Rows of ``model`` that ``pages`` refer to (any translation of them)."""
        page_ids = pages.annotate(page_id=Cast("pk", CharField())).values("page_id")
        references = (
            ReferenceIndex.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                to_content_type=ContentType.objects.get_for_model(model),
                object_id__in=page_ids,
            )
            .annotate(target=Cast("to_object_id", IntegerField()))
            .values("target")
        )
        rows = Q(pk__in=references)
        for field in page_many_to_many(model):
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            chosen = through.objects.filter(**{f"{source}__in": pages.values("pk")})
            rows |= Q(pk__in=chosen.values(target))
        return Q(translation_key__in=keys_of(model.objects.filter(rows)))

    def relevant(self, model: type[Model], site: Site) -> Q:
        """The filter for ``site=``: rows owned by the site's organisation or shown on it."""
        q = self.referenced(model, self.public_pages(site))
        prefix = owner_prefix(model)
        if prefix is not None:
            runs_site = keys_of(Organisation.objects.filter(site=site))
            q |= Q(**{f"{prefix}translation_key__in": runs_site})
        if model in (Funder, Organisation):
            # Funders and partners of the projects the site shows are shown with them.
            projects = Project.objects.filter(self.relevant(Project, site), live=True)
            child, path = PROJECT_LINKS[model]
            linked = child.objects.filter(project__in=projects).values(f"{path}__translation_key")
            q |= Q(translation_key__in=linked)
        if model is Region:
            organisations = Organisation.objects.filter(self.relevant(Organisation, site))
            q |= Q(translation_key__in=organisations.values("region__translation_key"))
        return q

    # Presenting: the sites of one page of results.

    def sites_by_key(
        self, model: type[Model], keys: Collection[UUID]
    ) -> dict[UUID, dict[int, bool]]:
        """For each translation key, the ids of its sites and whether it belongs to each."""
        found: dict[UUID, dict[int, bool]] = defaultdict(dict)
        if not keys:
            return found
        for key, site_id in self._shown_on(model, keys):
            found[key].setdefault(site_id, False)
        prefix = owner_prefix(model)
        if prefix is not None:
            owners: dict[UUID, set[UUID]] = defaultdict(set)
            if prefix:
                rows = model.objects.filter(translation_key__in=keys).order_by()
                pairs = rows.values_list("translation_key", f"{prefix}translation_key")
            else:
                pairs = [(key, key) for key in keys]  # an organisation owns itself
            for key, owner_key in pairs:
                owners[owner_key].add(key)
            running = Organisation.objects.filter(
                translation_key__in=list(owners), site__isnull=False
            )
            for owner_key, site_id in running.values_list("translation_key", "site_id"):
                for key in owners[owner_key]:
                    found[key][site_id] = True
        if model in (Funder, Organisation):
            child, path = PROJECT_LINKS[model]
            linked = child.objects.filter(
                **{f"{path}__translation_key__in": keys}, project__live=True
            ).order_by()
            pairs = linked.values_list(f"{path}__translation_key", "project__translation_key")
            self._merge_through(found, Project, pairs.distinct())
        if model is Region:
            organisations = Organisation.objects.filter(region__translation_key__in=keys).order_by()
            pairs = organisations.values_list("region__translation_key", "translation_key")
            self._merge_through(found, Organisation, pairs.distinct())
        return found

    def _merge_through(
        self,
        found: dict[UUID, dict[int, bool]],
        model: type[Model],
        pairs: Iterable[tuple[UUID, UUID]],
    ) -> None:
        """Add the sites of related ``model`` rows (as shown, never owned) to ``found``."""
        related: dict[UUID, set[UUID]] = defaultdict(set)
        for key, related_key in pairs:
            related[related_key].add(key)
        for related_key, sites in self.sites_by_key(model, related).items():
            for key in related[related_key]:
                for site_id in sites:
                    found[key].setdefault(site_id, False)

    def _shown_on(self, model: type[Model], keys: Collection[UUID]) -> list[tuple[UUID, int]]:
        """(translation key, site id) for every live public page referring to the keys' rows."""
        key_of = dict(
            model.objects.filter(translation_key__in=keys).values_list("pk", "translation_key")
        )
        references = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(pk) for pk in key_of],
        ).values_list("object_id", "to_object_id")
        page_rows = [(int(page_id), int(target)) for page_id, target in references]
        for field in page_many_to_many(model):
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            chosen = through.objects.filter(**{f"{target}__in": list(key_of)})
            page_rows += list(chosen.values_list(f"{source}_id", f"{target}_id"))
        if not page_rows:
            return []
        pages = self.public_pages().filter(pk__in={page_id for page_id, _ in page_rows})
        site_of_page = {
            pk: self.site_of(url_path) for pk, url_path in pages.values_list("pk", "url_path")
        }
        return [
            (key_of[target], site_of_page[page_id])
            for page_id, target in page_rows
            if site_of_page.get(page_id) is not None
        ]

    # Public URLs.

    def own_page_urls(
        self, model: type[Model], keys: Collection[UUID]
    ) -> dict[tuple[UUID, int], list[tuple[int, str]]]:
        """(key, site id) → [(locale id, full URL)] of the items' own live, public pages."""
        spec = OWN_PAGES.get(model._meta.label)
        urls: dict[tuple[UUID, int], list[tuple[int, str]]] = defaultdict(list)
        if spec is None or not keys:
            return urls
        page_model, field = apps.get_model(spec[0]), spec[1]
        pages = (
            self.public_pages(model=page_model)
            .filter(**{f"{field}__translation_key__in": keys})
            .annotate(item_key=F(f"{field}__translation_key"))
            .only("pk", "url_path", "locale_id")
            .order_by("pk")
        )
        for page in pages:
            site_id = self.site_of(page.url_path)
            url = page.get_full_url()
            if site_id is not None and url:
                urls[(page.item_key, site_id)].append((page.locale_id, url))
        return urls

    def home_page_urls(self, sites: Iterable[Site]) -> dict[int, str]:
        """Site id → full URL of the site's live, public home page."""
        root_of = {site.root_page_id: site.pk for site in sites}
        if not root_of:
            return {}
        homes = self.public_pages().filter(pk__in=list(root_of)).only("pk", "url_path")
        return {root_of[home.pk]: url for home in homes if (url := home.get_full_url())}
