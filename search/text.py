"""Searchable text of StreamField and rich-text values, read from the stored JSON.

Wagtail's ``get_searchable_content`` first turns a stream into block values, which loads
every chosen snippet, page and image, then parses rich text with ``html.parser``. Indexing
100,000 pages spends most of its time there for text that sits in the raw JSON already.
This walks the block definitions over the raw data and yields what Wagtail's own methods
would (text of char, text and rich-text blocks, labels of choice blocks, nothing for
choosers); a block that defines its own ``get_searchable_content`` is asked directly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from wagtail import blocks

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def rich_text(source: str) -> str:
    """Text of rich-text HTML: tags dropped (as word breaks), entities decoded."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", source))).strip()


def _plain(block: blocks.Block, base: type) -> bool:
    """A ``base`` block whose searchable content is ``base``'s own (not overridden)."""
    return (
        isinstance(block, base)
        and type(block).get_searchable_content is base.get_searchable_content
    )


def block_text(block: blocks.Block, raw: Any) -> Iterator[str]:
    """The searchable text of one block's raw (JSON) value."""
    if raw is None or raw == "" or raw == [] or raw == {}:
        return
    if _plain(block, blocks.StreamBlock):
        children = block.child_blocks
        for item in raw:
            child = children.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from block_text(child, item.get("value"))
    elif _plain(block, blocks.ListBlock):
        for item in raw:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            yield from block_text(block.child_block, item)
    elif _plain(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_text(child, raw.get(name) if isinstance(raw, dict) else None)
    elif _plain(block, blocks.RichTextBlock):
        if block.search_index:
            yield rich_text(str(raw))
    elif _plain(block, blocks.CharBlock) or _plain(block, blocks.TextBlock):
        if block.search_index:
            yield str(raw)
    elif _plain(block, blocks.FieldBlock):
        return  # choosers, numbers, dates, URLs…: nothing to find (as in Wagtail)
    else:  # choice blocks (their labels) and blocks with their own method
        yield from (
            str(text) for text in block.get_searchable_content(block.to_python(raw)) if text
        )
