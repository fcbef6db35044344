"""Bulk loading: the values of one block type in a stream share their database lookups.

Wagtail's StreamBlock converts all values of one child type with a single
``bulk_to_python`` call. Blocks built on :class:`BulkStructBlock` remember that group
(a :class:`Batch`) and, the first time any member is rendered or serialised, load the
related rows for every member at once. The cost of a page is then one set of queries per
block type, however many blocks of that type it holds.

Across block types, the rows a stream shows are shared (:class:`SharedRowsStreamValue`,
the body's value): chooser blocks built on :class:`SharedChooserMixin` load each chosen
row once per stream, so the project a summary, an EU acknowledgement and a funders block
all show is one instance, and what one block prefetched on it the others find there
(``prefetch_related_objects`` skips lookups already done). A model's rows can be loaded
with the forward relations every block showing them needs (:func:`join_on_load`), one
joined query instead of a query per relation.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from contextvars import ContextVar
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue
from wagtail.images import get_image_model
from wagtail.snippets.blocks import SnippetChooserBlock

from blocks.prepared import PreparedQuery

# Rendition specs the blocks use, prefetched together so templates and the API never
# look renditions up one image at a time.
LOGO_RENDITION = "max-400x200"
FIGURE_RENDITION = "width-800"
PHOTO_RENDITION = "fill-160x160"
RENDITIONS = (LOGO_RENDITION, FIGURE_RENDITION, PHOTO_RENDITION)


class StreamRows:
    """The rows one stream's choosers have loaded, by (model, pk)."""

    def __init__(self) -> None:
        self.instances: dict[tuple[type, Any], Any] = {}


_stream_rows: ContextVar[StreamRows | None] = ContextVar("mreza_stream_rows", default=None)

# Forward relations joined into a chooser's lookup, by model label ("network.project").
_JOINED: dict[str, tuple[str, ...]] = {}


def join_on_load(model_label: str, *relations: str) -> None:
    """Load the chosen rows of ``model_label`` with ``relations`` joined (``select_related``).

    For relations every block that shows the model reads anyway: a query per relation and
    per block type saved, and ``prefetch_related_objects`` skips relations already loaded.
    """
    _JOINED[model_label.lower()] = tuple(
        dict.fromkeys((*_JOINED.get(model_label.lower(), ()), *relations))
    )


_ROW_LOADERS: dict[tuple[type, tuple[str, ...]], PreparedQuery] = {}


def load_rows(model: type, pks: list[Any]) -> dict[Any, Any]:
    """The rows of ``model`` with these pks, by pk, with the model's joined relations."""
    relations = _JOINED.get(model._meta.label_lower, ())
    loader = _ROW_LOADERS.get((model, relations))
    if loader is None:

        def build(pks: list[Any]) -> Any:
            # Unordered: a dict by pk needs no ORDER BY, and building the model's default
            # ordering (a location's is its organisation's name, a join) costs more than
            # the query itself.
            queryset = model.objects.order_by().filter(pk__in=pks)
            return queryset.select_related(*relations) if relations else queryset

        loader = _ROW_LOADERS[(model, relations)] = PreparedQuery(build)
    return {row.pk: row for row in loader(list(pks))}


def is_empty_choice(value: Any) -> bool:
    return value is None or value == ""


class SharedChooserMixin:
    """A chooser whose rows are loaded once per stream; empty choices cost no queryset."""

    def bulk_to_python(self, values: Iterable[Any]) -> list[Any]:
        values = list(values)
        if all(is_empty_choice(value) for value in values):
            return [None] * len(values)
        rows = _stream_rows.get()
        if rows is None:
            return super().bulk_to_python(values)
        model = self.model_class
        missing = [
            pk
            for pk in dict.fromkeys(value for value in values if not is_empty_choice(value))
            if (model, pk) not in rows.instances
        ]
        if missing:
            found = load_rows(model, missing)
            for pk in missing:
                rows.instances[(model, pk)] = found.get(pk)
        return [
            None if is_empty_choice(value) else rows.instances[(model, value)] for value in values
        ]


class SharedSnippetChooserBlock(SharedChooserMixin, SnippetChooserBlock):
    """Wagtail's snippet chooser, sharing rows within a stream; migrations see Wagtail's."""

    canonical_module_path = "wagtail.snippets.blocks.SnippetChooserBlock"


class SharedPageChooserBlock(SharedChooserMixin, blocks.PageChooserBlock):
    """Wagtail's page chooser, sharing rows within a stream; migrations see Wagtail's."""

    canonical_module_path = "wagtail.blocks.PageChooserBlock"


class SharedRowsStreamValue(StreamValue):
    """A lazy stream whose block types, converted one after the other, share chosen rows."""

    def _prefetch_blocks(self, type_name: str) -> None:
        rows = self.__dict__.setdefault("_shared_rows", StreamRows())
        token = _stream_rows.set(rows)
        try:
            super()._prefetch_blocks(type_name)
        finally:
            _stream_rows.reset(token)


class Batch:
    """Values converted together; work done for one member is done for all of them."""

    def __init__(self, members: Iterable[Any]):
        self.members = list(members)
        self._positions = {id(member): position for position, member in enumerate(self.members)}
        self._results: dict[Hashable, Any] = {}

    def once(self, key: Hashable, compute: Callable[[list[Any]], Any]) -> Any:
        """Run ``compute(members)`` the first time ``key`` is asked for; reuse it afterwards."""
        if key not in self._results:
            self._results[key] = compute(self.members)
        return self._results[key]

    def for_member(
        self, member: Any, key: Hashable, compute: Callable[[list[Any]], list[Any]]
    ) -> Any:
        """This member's share of a result ``compute`` builds for all members, in order."""
        return self.once(key, compute)[self._positions[id(member)]]


class BatchedStructValue(blocks.StructValue):
    """A StructValue that knows the batch it was converted with."""

    batch: Batch | None = None


def batch_of(value: Any) -> Batch:
    """The value's batch; values built in code (previews, tests) get a batch of their own."""
    batch = getattr(value, "batch", None)
    if batch is None:
        batch = Batch([value])
        value.batch = batch
    return batch


class BulkStructBlock(blocks.StructBlock):
    """A StructBlock whose values load their related rows together, once, when first used."""

    class Meta:
        value_class = BatchedStructValue

    def bulk_to_python(self, values: Iterable[Any]) -> list[BatchedStructValue]:
        converted = super().bulk_to_python(values)
        batch = Batch(converted)
        for value in converted:
            value.batch = batch
        return converted

    def to_python(self, value: Any) -> BatchedStructValue:
        return self.bulk_to_python([value])[0]

    def normalize(self, value: Any) -> BatchedStructValue:
        # Values built in code (preview values, tests) may leave fields out; give them defaults
        # as to_python does, so blocks can read every field.
        if isinstance(value, self.meta.value_class):
            return value
        return self._to_struct_value(
            [
                (name, block.normalize(value[name]) if name in value else block.get_default())
                for name, block in self.child_blocks.items()
            ]
        )

    def prefetch(self, values: list[BatchedStructValue]) -> None:
        """Load the rows all ``values`` need with one query per kind; override in blocks."""

    def prepare(self, value: BatchedStructValue) -> None:
        """Make sure the value's batch has been prefetched (only the first call queries)."""
        batch_of(value).once(("prefetch", id(self)), self.prefetch)

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        self.prepare(value)
        return super().get_context(value, parent_context=parent_context)

    def get_api_representation(self, value: Any, context: dict | None = None) -> Any:
        self.prepare(value)
        return self.api_representation(value, context)

    def api_representation(self, value: Any, context: dict | None) -> Any:
        """Structured data for the API; blocks override this instead of the public method."""
        return super().get_api_representation(value, context=context)


def present(items: Iterable[Any]) -> list[Any]:
    """The non-empty items: chooser values are None when the chosen object was deleted."""
    return [item for item in items if item is not None]


def prefetch_renditions(images: Iterable[Any]) -> None:
    """Fetch the blocks' renditions of all ``images`` with one query."""
    pending = {id(image): image for image in present(images)}
    pending = [image for image in pending.values() if not hasattr(image, "prefetched_renditions")]
    if not pending:
        return
    rendition_model = get_image_model().get_rendition_model()
    prefetch_related_objects(
        pending,
        Prefetch(
            "renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=RENDITIONS),
            to_attr="prefetched_renditions",
        ),
    )


def prefetch_with_logos(objects: Iterable[Any], *lookups: str | Prefetch) -> None:
    """Prefetch ``lookups`` plus each object's ``logo`` and the logo's renditions."""
    objects = present(objects)
    if not objects:
        return
    prefetch_related_objects(objects, *lookups, "logo")
    prefetch_renditions(obj.logo for obj in objects)
