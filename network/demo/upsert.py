"""Idempotent writes: create or update a row by its natural key, validated, saved only on change."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class DemoDataError(Exception):
    """Demo data that does not pass validation, or a database the demo cannot be loaded into."""


@dataclass
class Tally:
    """Counts rows created, updated and left unchanged, per model."""

    counts: Counter = field(default_factory=Counter)

    def record(self, model: type[Model], status: str) -> None:
        self.counts[(model._meta.label, status)] += 1

    def total(self, status: str) -> int:
        return sum(count for (_label, kind), count in self.counts.items() if kind == status)


@dataclass(frozen=True)
class Children:
    """The wanted rows of a child relation (a ParentalKey), as dicts of field values.

    Without ``key`` the rows are replaced as a whole when they differ; with ``key`` existing
    rows are matched on that field and updated in place, so rows pointing at them survive.
    """

    rows: list[dict[str, Any]]
    key: str | None = None


def describe(model: type[Model], lookup: dict) -> str:
    natural_key = ", ".join(
        f"{name}={getattr(value, 'pk', value)}" for name, value in lookup.items()
    )
    return f"{model._meta.verbose_name} ({natural_key})"


def full_clean(instance: Model, label: str, *, exclude: list[str] | None = None) -> None:
    """Model validation, re-raised with the row it concerns."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise DemoDataError(f"{label}: {error}") from error


def _snapshot(instance: Model, names: list[str]) -> dict[str, Any]:
    return {name: instance._meta.get_field(name).value_from_object(instance) for name in names}


def _signature(rows: list[Any], fields: list[str]) -> list[tuple]:
    return [
        tuple(row.get(name) if isinstance(row, dict) else getattr(row, name) for name in fields)
        for row in rows
    ]


def _set_children(instance: Model, name: str, wanted: Children, label: str) -> bool:
    """Point the child relation at the wanted rows; True when that changes anything."""
    relation = instance._meta.get_field(name)
    child_model, parent_field = relation.related_model, relation.field.name
    fields = list(wanted.rows[0]) if wanted.rows else []
    current = list(getattr(instance, name).all()) if instance.pk else []
    if _signature(current, fields) == _signature(wanted.rows, fields):
        return False
    existing = {getattr(row, wanted.key): row for row in current} if wanted.key else {}
    rows = []
    for order, values in enumerate(wanted.rows):
        row = existing.get(values[wanted.key]) if wanted.key else None
        row = row or child_model()
        for field_name, value in values.items():
            setattr(row, field_name, value)
        row.sort_order = order
        full_clean(
            row, f"{label}, {child_model._meta.verbose_name} {order + 1}", exclude=[parent_field]
        )
        rows.append(row)
    setattr(instance, name, rows)
    return True


def upsert(
    model: type[Model],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    tally: Tally,
    m2m: dict[str, list[Model]] | None = None,
    children: dict[str, Children] | None = None,
) -> Model:
    """Find ``model`` by ``lookup`` (its natural key) or create it, then make it match.

    The row is validated with ``full_clean`` (which also normalises, e.g. phone numbers) and
    saved only when it is new or a value, many-to-many set or child row differs.
    """
    label = describe(model, lookup)
    instance = model._default_manager.filter(**lookup).first()
    created = instance is None
    if created:
        instance = model(**lookup)
    before = _snapshot(instance, list(values))
    for name, value in values.items():
        setattr(instance, name, value)
    changed = False
    for name, objects in (m2m or {}).items():
        current = {obj.pk for obj in getattr(instance, name).all()} if not created else set()
        if current != {obj.pk for obj in objects}:
            getattr(instance, name).set(objects)
            changed = True
    for name, wanted in (children or {}).items():
        changed = _set_children(instance, name, wanted, label) or changed
    full_clean(instance, label)
    changed = changed or created or before != _snapshot(instance, list(values))
    if changed:
        instance.save()
    tally.record(model, CREATED if created else UPDATED if changed else UNCHANGED)
    return instance
