"""Keep the Occurrence table in step with publishing, and query it.

Rows exist only for live pages without view restrictions, between the history
and horizon bounds of ``settings.MREZA["CALENDAR"]``. Publishing, unpublishing,
moving or restricting a page resynchronises it (``sites.signals``); deleting a
page cascades; ``manage.py sync_occurrences`` runs daily to roll the horizon on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from sites.models.occurrences import CalendarEntry, Occurrence
from sites.models.schedules import ScheduleMixin
from sites.schedules import calendar_setting


class RangeError(ValueError):
    """A bad date range for a listing, feed or API query; names the parameter."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def materialised_window(now: datetime | None = None) -> tuple[datetime, datetime]:
    """The span the table covers: from the history bound to the horizon."""
    now = now or timezone.now()
    start = now - timedelta(days=calendar_setting("HISTORY_DAYS"))
    end = now + timedelta(days=calendar_setting("HORIZON_DAYS"))
    return start, end


def scheduled_page_models() -> list[type[Page]]:
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("centre_sites").get_models()
        if issubclass(model, ScheduleMixin) and issubclass(model, Page)
    ]


def is_listed(page: Page, restricted_paths: Iterable[str] | None = None) -> bool:
    """Live and visible to everyone: only such pages have occurrences."""
    if not page.live:
        return False
    if restricted_paths is None:
        return not PageViewRestriction.objects.filter(
            page__path__in=[
                page.path[:i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)
            ]
        ).exists()
    return not any(page.path.startswith(path) for path in restricted_paths)


@transaction.atomic
def sync_page(page: Page, *, restricted_paths: Iterable[str] | None = None) -> int:
    """Rebuild one page's occurrences from its live content; returns how many rows it has."""
    page = page.specific
    if not isinstance(page, ScheduleMixin):
        return 0
    schedule = page.get_schedule()
    entry = CalendarEntry.objects.select_for_update().filter(page_id=page.pk).first()
    if schedule is None or not is_listed(page, restricted_paths):
        if entry is not None:
            entry.occurrences.all().delete()
        return 0
    now = timezone.now()
    signature = schedule.signature()
    site = page.get_site()
    fields = {
        "site": site,
        "locale_id": page.locale_id,
        "location_id": getattr(page, "location_id", None),
        # An event may belong to a programme; a programme is its own.
        "programme_id": page.programme_id if hasattr(page, "programme_id") else page.pk,
        "time_zone": schedule.zone.key,
    }
    if entry is None:
        entry = CalendarEntry.objects.create(
            page=page, signature=signature, modified_at=page.last_published_at or now, **fields
        )
    else:
        if entry.signature != signature:
            # Calendar apps replace an event only when its SEQUENCE goes up.
            entry.sequence += 1 if entry.signature else 0
            entry.signature = signature
            entry.modified_at = now
        for name, value in fields.items():
            setattr(entry, name, value)
        entry.save()
        entry.occurrences.all().delete()
    window_start, window_end = materialised_window(now)
    rows = [
        Occurrence(
            entry=entry,
            start=planned.start,
            end=planned.end,
            status=planned.status,
            original_start=planned.original_start,
            note=planned.note[:255],
        )
        for planned in schedule.expand(window_start, window_end)
    ]
    Occurrence.objects.bulk_create(rows, batch_size=500)
    longest = max((row.end - row.start for row in rows), default=timedelta(0))
    if entry.longest_occurrence != longest:
        entry.longest_occurrence = longest
        entry.save(update_fields=["longest_occurrence"])
    entry.target_groups.set(page.target_groups.all())
    return len(rows)


def unlist_page(page: Page) -> None:
    """Drop a page's occurrences (unpublished or made private); its UID stays."""
    Occurrence.objects.filter(entry_id=page.pk).delete()


@dataclass(frozen=True)
class SyncResult:
    pages: int
    occurrences: int


def sync_tree(path: str = "") -> SyncResult:
    """Rebuild the occurrences of every scheduled page whose tree path starts with ``path``."""
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    pages = occurrences = 0
    for model in scheduled_page_models():
        scheduled = model.objects.filter(path__startswith=path).prefetch_related("schedule_changes")
        for page in scheduled.iterator(chunk_size=200):
            pages += 1
            occurrences += sync_page(page, restricted_paths=restricted)
    return SyncResult(pages=pages, occurrences=occurrences)


def sync_subtree(page: Page) -> int:
    """Resynchronise every scheduled page at or under ``page`` (after a move or restriction)."""
    return sync_tree(page.path).occurrences


def sync_all() -> SyncResult:
    """Rebuild every scheduled page's occurrences, rolling the horizon forward."""
    return sync_tree()


# -- queries ---------------------------------------------------------------------------


def check_range(start: datetime, end: datetime, *, start_name="start", end_name="end") -> None:
    if end <= start:
        raise RangeError(end_name, f"'{end_name}' must be after '{start_name}'.")
    longest = calendar_setting("MAX_RANGE_DAYS")
    if end - start > timedelta(days=longest):
        raise RangeError(
            end_name,
            f"The range from '{start_name}' to '{end_name}' may span at most {longest} days.",
        )


def occurrences_between(
    start: datetime,
    end: datetime,
    *,
    site: Site | int | None = None,
    location: int | None = None,
    programme: int | None = None,
    target_group: int | None = None,
    locale: int | None = None,
    include_cancelled: bool = True,
) -> QuerySet[Occurrence]:
    """Occurrences overlapping [start, end), ordered by start, with their pages joined.

    ``site=None`` spans the whole network. The range is checked (``RangeError``).
    """
    check_range(start, end)
    # Reaching back by the longest stored occurrence (not the allowed maximum) keeps the
    # scan on the (start, end) index short: an occurrence starting earlier cannot overlap.
    longest = CalendarEntry.objects.aggregate(longest=Max("longest_occurrence"))["longest"]
    longest = longest or timedelta(0)
    queryset = Occurrence.objects.filter(
        start__gte=start - longest,
        start__lt=end,
        end__gt=start,
        **entry_lookups(
            "entry__",
            site=site,
            location=location,
            programme=programme,
            target_group=target_group,
            locale=locale,
        ),
    )
    if not include_cancelled:
        queryset = queryset.exclude(status="cancelled")
    return queryset.select_related(
        "entry", "entry__page", "entry__location", "entry__site", "entry__programme"
    ).order_by("start", "end", "pk")


def entry_lookups(
    prefix: str,
    *,
    site: Site | int | None = None,
    location: int | None = None,
    programme: int | None = None,
    target_group: int | None = None,
    locale: int | None = None,
) -> dict:
    """Field lookups narrowing calendar entries (``prefix`` "entry__" from an Occurrence)."""
    wanted = {
        "site": site,
        "location_id": location,
        "programme_id": programme,
        "target_groups": target_group,
        "locale_id": locale,
    }
    return {prefix + name: value for name, value in wanted.items() if value is not None}


def upcoming(limit: int | None = None, **filters) -> QuerySet[Occurrence]:
    """Occurrences not yet over, soonest first, within the range limit."""
    now = timezone.now()
    queryset = occurrences_between(
        now, now + timedelta(days=calendar_setting("MAX_RANGE_DAYS")), **filters
    )
    return queryset[:limit] if limit else queryset
