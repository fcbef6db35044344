"""Querysets whose SQL Django compiles once per process; later runs only bind new values.

Building the SQL of a queryset (``SQLCompiler.as_sql``: columns, joins, lookups) costs
Django ten times more than SQLite or PostgreSQL take to run the small queries a page's
blocks make. A :class:`PreparedQuery` wraps a function that builds a queryset from
arguments; the first run for a shape of arguments (each list's length) builds it with
sentinel values, compiles it and records where each sentinel landed among the SQL's
parameters. Later runs bind the real values at those places, execute the SQL and build the
model instances as Django's ``ModelIterable`` does, from the same compiler's columns.

The contract: ``build`` must give the same SQL for the same shape of arguments (no branching
on values). Whatever cannot be prepared safely (a sentinel not found exactly once among the
parameters, prefetches, extra selects) runs through the ORM as usual.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators

# Sentinels no real argument takes: distinct integers far above any id yet inside a 32-bit
# column's range (PostgreSQL's ``integer``: Django answers an out-of-range ``pk=`` with an
# empty result, not SQL), strings marked with a private-use character, a year no content has.
_SENTINEL_BASE = 2_000_000_000
_MARK = "\ue000"
_MARKED = re.compile(f"{_MARK}\\d+{_MARK}")
_SENTINEL_TIME = datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC)
# How a sentinel would look had it been written into the SQL rather than passed as a param.
_LITERAL_MARKS = (_MARK, str(_SENTINEL_BASE)[:10], "1901-02-03")


@dataclass(frozen=True)
class _Binding:
    """Where one argument's value goes among the SQL's parameters, and in what form."""

    position: int
    argument: int
    item: int | None  # the index within a list argument; None for a scalar
    kind: str  # "value", "pattern" (inside a LIKE pattern) or "datetime" (adapted)
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class _Compiled:
    alias: str
    sql: str
    params: tuple[Any, ...]
    bindings: tuple[_Binding, ...]
    compiler: Any
    model: type[Model]
    init_list: list[str]
    model_slice: slice
    populators: list[Any]
    converters: dict


class PreparedQuery:
    """``build(*args)`` as a list of model instances, its SQL compiled once per shape.

    Arguments are ints, strings, aware datetimes, or lists of them; a list's length is part
    of the shape (``pk IN (%s, %s)``), its values are not.
    """

    def __init__(self, build: Callable[..., QuerySet]) -> None:
        self.build = build
        self._compiled: dict[tuple, _Compiled | None] = {}

    def __call__(self, *args: Any) -> list[Any]:
        shape = tuple(len(arg) if isinstance(arg, list | tuple) else None for arg in args)
        # One database alias serves the project; its vendor decides the SQL.
        key = (shape, connections[DEFAULT_DB_ALIAS].vendor)
        if key not in self._compiled:
            self._compiled[key] = self._compile(args)
        compiled = self._compiled[key]
        if compiled is None:
            return list(self.build(*args))
        return self._run(compiled, args)

    def _compile(self, args: tuple[Any, ...]) -> _Compiled | None:
        numbers = count()
        sentinels: dict[Any, tuple[int, int | None]] = {}
        placeholders: list[Any] = []
        for index, arg in enumerate(args):
            if isinstance(arg, list | tuple):
                items = []
                for item_index, item in enumerate(arg):
                    sentinel = _sentinel(item, next(numbers))
                    sentinels[sentinel] = (index, item_index)
                    items.append(sentinel)
                placeholders.append(items)
            else:
                sentinel = _sentinel(arg, next(numbers))
                sentinels[sentinel] = (index, None)
                placeholders.append(sentinel)
        queryset = self.build(*placeholders)
        if not self._preparable(queryset):
            return None
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet):
            # A lookup Django settles without SQL for these values (an integer out of its
            # column's range, an empty list): the ORM decides it again for real values.
            return None
        bindings = _find_bindings(params, sentinels, compiler.connection.ops)
        if bindings is None or any(mark in sql for mark in _LITERAL_MARKS):
            # A value written into the SQL itself cannot be bound afresh.
            return None
        select, klass_info = compiler.select, compiler.klass_info
        if klass_info is None or compiler.annotation_col_map or compiler.has_extra_select:
            return None
        fields = klass_info["select_fields"]
        model_slice = slice(fields[0], fields[-1] + 1)
        return _Compiled(
            alias=queryset.db,
            sql=sql,
            params=tuple(params),
            bindings=bindings,
            compiler=compiler,
            model=klass_info["model"],
            init_list=[column[0].target.attname for column in select[model_slice]],
            model_slice=model_slice,
            populators=get_related_populators(klass_info, select, queryset.db),
            converters=compiler.get_converters([column[0] for column in select]),
        )

    @staticmethod
    def _preparable(queryset: QuerySet) -> bool:
        return (
            queryset._iterable_class is ModelIterable
            and not queryset._prefetch_related_lookups
            and not queryset._known_related_objects
            and not queryset.query.is_empty()
        )

    def _run(self, compiled: _Compiled, args: tuple[Any, ...]) -> list[Any]:
        alias = compiled.alias
        connection = connections[alias]
        params = list(compiled.params)
        for binding in compiled.bindings:
            value = args[binding.argument]
            if binding.item is not None:
                value = value[binding.item]
            if binding.kind == "pattern":
                value = binding.prefix + connection.ops.prep_for_like_query(value) + binding.suffix
            elif binding.kind == "datetime":
                value = connection.ops.adapt_datetimefield_value(value)
            params[binding.position] = value
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows: Sequence = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        model, init_list, model_slice = compiled.model, compiled.init_list, compiled.model_slice
        populators = compiled.populators
        instances = []
        for row in rows:
            instance = model.from_db(alias, init_list, row[model_slice])
            for populator in populators:
                populator.populate(row, instance)
            instances.append(instance)
        return instances


def _sentinel(value: Any, number: int) -> Any:
    """A stand-in for ``value`` that no real argument equals, recognisable in the SQL's params."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _SENTINEL_BASE + number
    if isinstance(value, str):
        return f"{_MARK}{number}{_MARK}"
    if isinstance(value, datetime) and value.tzinfo is not None:
        return _SENTINEL_TIME + timedelta(microseconds=number)
    raise TypeError(f"PreparedQuery cannot bind a {type(value).__name__}")


def _find_bindings(
    params: Sequence[Any], sentinels: dict[Any, tuple[int, int | None]], ops: Any
) -> tuple[_Binding, ...] | None:
    """Where each sentinel landed among ``params``; None unless each did exactly once."""
    adapted = {
        ops.adapt_datetimefield_value(sentinel): place
        for sentinel, place in sentinels.items()
        if isinstance(sentinel, datetime)
    }
    bindings = []
    for position, param in enumerate(params):
        if isinstance(param, bool):
            continue
        if isinstance(param, int | str | datetime) and param in sentinels:
            bindings.append(_Binding(position, *sentinels[param], kind="value"))
        elif isinstance(param, int | str | datetime) and param in adapted:
            bindings.append(_Binding(position, *adapted[param], kind="datetime"))
        elif isinstance(param, str) and _MARK in param:
            # A LIKE pattern (``startswith``…): the value, escaped, between the wildcards.
            match = _MARKED.search(param)
            place = sentinels.get(match.group(0)) if match else None
            if place is None or _MARK in param[match.end() :]:
                return None
            bindings.append(
                _Binding(
                    position,
                    *place,
                    kind="pattern",
                    prefix=param[: match.start()],
                    suffix=param[match.end() :],
                )
            )
    # A value may appear once, or not at all (an argument this shape of query does not
    # use); twice would mean a shape the bindings cannot tell apart.
    places = [(binding.argument, binding.item) for binding in bindings]
    if len(places) != len(set(places)):
        return None
    return tuple(bindings)


def prefetch_children(parents: Iterable[Model], accessor: str, loader: PreparedQuery) -> None:
    """``prefetch_related_objects(parents, accessor)`` for a reverse foreign key, prepared.

    ``accessor`` is a one-to-many relation (Django's or modelcluster's ``ParentalKey``);
    ``loader`` takes the parents' pks and returns their children in display order. Parents
    that have the relation prefetched already are left as they are.
    """
    parents = list({id(parent): parent for parent in parents}.values())
    if not parents:
        return
    field = getattr(type(parents[0]), accessor).rel.field
    cache_name = field.remote_field.cache_name
    pending = [
        parent
        for parent in parents
        if cache_name not in getattr(parent, "_prefetched_objects_cache", {})
    ]
    if not pending:
        return
    children: dict[Any, list[Model]] = defaultdict(list)
    for child in loader(list(dict.fromkeys(parent.pk for parent in pending))):
        children[getattr(child, field.attname)].append(child)
    for parent in pending:
        rows = children.get(parent.pk, [])
        for child in rows:
            field.set_cached_value(child, parent)
        # What Django's prefetch stores: the manager's queryset with its result filled in.
        queryset = getattr(parent, accessor)._apply_rel_filters(field.model._default_manager.all())
        queryset._result_cache = rows
        queryset._prefetch_done = True
        if not hasattr(parent, "_prefetched_objects_cache"):
            parent._prefetched_objects_cache = {}
        parent._prefetched_objects_cache[cache_name] = queryset
