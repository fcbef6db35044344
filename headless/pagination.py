"""Wagtail's limit/offset pagination, with bounds in the schema and 400s that name ``limit``.

Wagtail answers a ``limit`` over ``WAGTAILAPI_LIMIT_MAX`` with a 400 that names no
parameter, and leaves ``offset`` unbounded (a huge one overflows the database's integer).
"""

from __future__ import annotations

from math import inf, isinf
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination, _get_max_limit

from headless.params import ParameterError

MAX_OFFSET = 1_000_000_000
_MAX_LIMIT = _get_max_limit()


class Pagination(WagtailLimitOffsetPagination):
    """``{"count", "items"}`` pages; ``represent`` turns a page's rows into response items."""

    class Input(WagtailLimitOffsetPagination.Input):
        limit: int = Field(
            default=20,
            ge=1,
            le=None if isinf(_MAX_LIMIT) else int(_MAX_LIMIT),
            description="How many items to return (default 20).",
        )
        offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Items to skip.")

    def paginate_queryset(
        self,
        queryset: QuerySet,
        pagination: WagtailLimitOffsetPagination.Input,
        request: HttpRequest,
        **params: Any,
    ) -> dict[str, Any]:
        maximum = _get_max_limit()
        if maximum != inf and pagination.limit > maximum:
            raise ParameterError("limit", f"limit: at most {int(maximum)}, not {pagination.limit}.")
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page["items"] = self.represent(list(page["items"]), request)
        return page

    def represent(self, items: list[Any], request: HttpRequest) -> list[Any]:
        """The response items of one page of rows; subclasses serialise here, in bulk."""
        return items
