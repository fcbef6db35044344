"""The type of any block's API representation, so no StreamField is ``Any`` in the API.

A block names its shape in a class attribute ``api_schema``, next to the method building
it. Streams, lists and structs that keep Wagtail's representation are derived from their
children: a stream becomes a list of a union discriminated on ``type``, so generated clients
can switch on it. A block with neither is an error at startup, never a silent ``Any``.
"""

from __future__ import annotations

import functools
import operator
import re
from typing import Annotated, Any, Literal

from django.core.exceptions import ImproperlyConfigured
from pydantic import Field
from typing_extensions import TypeAliasType, TypedDict  # pydantic needs it on Python < 3.12
from wagtail import blocks
from wagtail.blocks import Block

# Wagtail's own leaf blocks, as their default API representation (get_prep_value) returns
# them; a field left empty, or added after the stream was saved, is None.
LEAF_SCHEMAS: tuple[tuple[type[Block], Any], ...] = (
    (blocks.RichTextBlock, str),
    (blocks.BooleanBlock, bool | None),
    (blocks.IntegerBlock, int | None),
    (blocks.FloatBlock, float | None),
    (blocks.ChooserBlock, int | None),
    (blocks.CharBlock, str | None),
    (blocks.TextBlock, str | None),
    (blocks.RegexBlock, str | None),
    (blocks.URLBlock, str | None),
    (blocks.EmailBlock, str | None),
    (blocks.ChoiceBlock, str | None),
)

_built: dict[tuple, Any] = {}


def camel(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^0-9a-zA-Z]+", name) if part)


def own_name(block: Block, fallback: str) -> str:
    """A block class's name without "Block"; Wagtail's bare classes take ``fallback``."""
    cls = type(block)
    if cls.__module__.startswith("wagtail."):
        return fallback
    return cls.__name__.removesuffix("Block") or fallback


def keeps_representation(block: Block, base: type[Block]) -> bool:
    """Whether ``block`` returns ``base``'s API representation, unchanged."""
    from blocks.batching import BulkStructBlock

    cls = type(block)
    if cls.get_api_representation is base.get_api_representation:
        return True
    return (
        isinstance(block, BulkStructBlock)
        and cls.api_representation is BulkStructBlock.api_representation
    )


def value_schema(block: Block, *, name: str) -> Any:
    """The type of ``block.get_api_representation``; ``name`` names generated schemas."""
    declared = getattr(block, "api_schema", None)
    if declared is not None:
        return declared
    if isinstance(block, blocks.StreamBlock) and keeps_representation(block, blocks.StreamBlock):
        return list[stream_item_schema(block, name=own_name(block, name))]
    if isinstance(block, blocks.ListBlock) and keeps_representation(block, blocks.ListBlock):
        return list[value_schema(block.child_block, name=name)]
    if isinstance(block, blocks.StructBlock) and keeps_representation(block, blocks.StructBlock):
        return struct_schema(block, name=own_name(block, name))
    if type(block).get_api_representation in (
        Block.get_api_representation,
        blocks.RichTextBlock.get_api_representation,
    ):
        for leaf, schema in LEAF_SCHEMAS:
            if isinstance(block, leaf):
                return schema
    cls = type(block)
    raise ImproperlyConfigured(
        f"{cls.__module__}.{cls.__qualname__} (block {block.name!r}) has no api_schema: "
        "declare the type its API representation returns, next to that method."
    )


def struct_schema(block: blocks.StructBlock, *, name: str) -> Any:
    """A TypedDict of the struct's children, as StructBlock's representation returns them."""
    key = ("struct", type(block), name, tuple(block.child_blocks))
    if key not in _built:
        fields = {
            child: value_schema(child_block, name=f"{name}{camel(child)}")
            for child, child_block in block.child_blocks.items()
        }
        _built[key] = TypedDict(f"{name}Value", fields)
    return _built[key]


def stream_item_schema(block: blocks.StreamBlock, *, name: str) -> Any:
    """``{type, value, id}`` per child block, as one union discriminated on ``type``."""
    key = ("stream", type(block), name, tuple(block.child_blocks))
    if key not in _built:
        items = tuple(
            TypedDict(
                f"{name}{camel(child)}Item",
                {
                    "type": Literal[child],
                    "value": value_schema(child_block, name=f"{name}{camel(child)}"),
                    "id": str,
                },
            )
            for child, child_block in block.child_blocks.items()
        )
        union = functools.reduce(operator.or_, items)
        if len(items) > 1:
            union = Annotated[union, Field(discriminator="type")]
        _built[key] = TypeAliasType(f"{name}Item", union)
    return _built[key]


def typed_streamfield_schema(generator: Any, field: Any) -> tuple[Any, Any, Any]:
    """Wagtail's StreamField field schema (the same resolver), typed from the stream's blocks.

    Registered on Wagtail's read generator by the app's ready(); the field is required,
    since every page representation carries it (an empty stream is ``[]``).
    """
    from wagtail.api.v3.schemas.generators.read import streamfield_schema

    _untyped, _default, resolve = streamfield_schema(generator, field)
    name = f"{field.model.__name__}{camel(field.name)}"
    return value_schema(field.stream_block, name=name), ..., resolve
