"""Page listings for many blocks at once: the first rows for each block's filters, one query.

Each listing block (events, programmes, good practices) asks for "the first N pages
matching my filters". Asked block by block that is a query per block; here every distinct
(filters, limit) of a batch becomes a ``pk IN (… LIMIT n)`` subquery of one SELECT, and
each row is flagged with the subqueries it came from.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone
from wagtail.query import PageQuerySet

from blocks.batching import BulkStructBlock, batch_of
from blocks.context import context_request, site_root_path, view_restrictions
from blocks.prepared import PreparedQuery

# The prepared single listings, by (block type, filter names, limit).
_LISTINGS: dict[tuple[type, tuple[str, ...], int], PreparedQuery] = {}

# A query that can never match, for blocks whose scope cannot be resolved (no site).
NOTHING = Q(pk__in=[])


def restricted_paths(context: dict | None) -> list[str] | None:
    """Paths of the restricted pages, read once per request; None without a request."""
    request = context_request(context)
    if request is None:
        return None
    return [path for _pk, _kind, path in view_restrictions(request)]


def public_pages(queryset: PageQuerySet, hidden: list[str] | None) -> PageQuerySet:
    """``queryset`` without the subtrees of the ``hidden`` paths; ``public()`` when None."""
    if hidden is None:
        return queryset.public()
    if not hidden:
        return queryset
    # A restricted page's subtree is every page whose path starts with its path.
    return queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in hidden)))


def first_rows_per_filter(
    queryset: QuerySet,
    wanted: dict[Hashable, tuple[Q, int]],
    ordering: tuple[str, ...],
) -> dict[Hashable, list[Any]]:
    """For each key, the first ``limit`` rows of ``queryset`` matching its Q, in order."""
    results: dict[Hashable, list[Any]] = {key: [] for key in wanted}
    specs = [(key, q, limit) for key, (q, limit) in wanted.items() if q != NOTHING and limit > 0]
    if not specs:
        return results
    if len(specs) == 1:
        # One listing (the usual case): a plain LIMIT query, cheaper to build and to run.
        key, q, limit = specs[0]
        results[key] = list(queryset.filter(q).order_by(*ordering)[:limit])
        return results
    combined = Q()
    flags = {}
    for position, (_key, q, limit) in enumerate(specs):
        subquery = queryset.filter(q).order_by(*ordering).values("pk")[:limit]
        member = Q(pk__in=subquery)
        combined |= member
        flags[f"_listing_{position}"] = ExpressionWrapper(member, output_field=BooleanField())
    for row in queryset.filter(combined).annotate(**flags).order_by(*ordering):
        for position, (key, _q, _limit) in enumerate(specs):
            if getattr(row, f"_listing_{position}"):
                results[key].append(row)
    return results


class ListingBlock(BulkStructBlock):
    """A block listing pages; all listing blocks of one type in a stream share one query."""

    ordering: tuple[str, ...] = ("pk",)

    def listed_rows(self, now: datetime, hidden: list[str] | None) -> QuerySet:
        """Live rows of the right type, not under the ``hidden`` paths (see public_pages),
        with what the template shows selected; ``now`` for listings of what is to come."""
        raise NotImplementedError

    def listing_queryset(self, context: dict | None = None) -> QuerySet:
        """Live, public pages of the right type, with what the template shows selected."""
        return self.listed_rows(timezone.now(), restricted_paths(context))

    def first_rows(self, filters: dict[str, Any], limit: int, context: dict | None) -> list:
        """The first ``limit`` rows matching ``filters``: one block's listing, prepared.

        A page's single listing of a kind is the usual case and runs on every uncached
        page read; its SQL is compiled once per filter names and limit (blocks.prepared).
        """
        hidden = restricted_paths(context)
        if hidden is None:
            queryset = self.listing_queryset(context).filter(**filters)
            return list(queryset.order_by(*self.ordering)[:limit])
        names = tuple(sorted(filters))
        key = (type(self), names, limit)
        loader = _LISTINGS.get(key)
        if loader is None:

            def build(values: list[Any], hidden: list[str], now: datetime) -> QuerySet:
                rows = self.listed_rows(now, hidden).filter(**dict(zip(names, values, strict=True)))
                return rows.order_by(*self.ordering)[:limit]

            loader = _LISTINGS[key] = PreparedQuery(build)
        return loader([filters[name] for name in names], hidden, timezone.now())

    def listing_filters(self, value: Any, root_path: str | None) -> dict | None:
        """Field lookups for this block's filters; None when nothing can match."""
        raise NotImplementedError

    def items(self, value: Any, context: dict | None) -> list[Any]:
        root_path = site_root_path(context)

        def resolve(members: list[Any]) -> list[list[Any]]:
            wanted: dict[Hashable, tuple[Q, int]] = {}
            filters_of: dict[Hashable, dict[str, Any]] = {}
            keys = []
            for member in members:
                filters = self.listing_filters(member, root_path)
                limit = member["limit"] or 0
                if filters is None:
                    key: Hashable = ("nothing",)
                    wanted[key] = (NOTHING, 0)
                else:
                    key = (tuple(sorted(filters.items())), limit)
                    wanted[key] = (Q(**filters), limit)
                    filters_of[key] = filters
                keys.append(key)
            if all(q == NOTHING for q, _limit in wanted.values()):
                return [[] for _key in keys]
            if len(wanted) == 1:
                # Every member lists the same: one prepared query.
                limit = wanted[keys[0]][1]
                rows = self.first_rows(filters_of[keys[0]], limit, context) if limit > 0 else []
                return [rows for _key in keys]
            results = first_rows_per_filter(self.listing_queryset(context), wanted, self.ordering)
            return [results[key] for key in keys]

        return batch_of(value).for_member(value, ("listing", id(self), root_path), resolve)

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = self.items(value, parent_context)
        return context
