"""Idempotent demo pages: each page is found by its slug under its parent, published on change."""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import recurrence
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db.models import Model
from recurrence.fields import RecurrenceField
from wagtail.blocks import StreamBlock, StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from network.demo.upsert import CREATED, UNCHANGED, UPDATED, DemoDataError, Tally


@dataclass(frozen=True)
class PageRef:
    """Another demo page of the same site, by its slug path under the home page."""

    path: str


@dataclass
class PageData:
    """A page to create or update under its parent, with the pages below it.

    ``fields`` are plain model fields (a PageRef resolves to the page), ``m2m`` many-to-many
    fields (lists of rows), ``inlines`` child relations (lists of field dicts, e.g. schedule
    changes) and ``body`` the raw blocks of the ``body`` StreamField, where a PageRef resolves
    to the page's id.
    """

    model: type[Page]
    slug: str
    title: str
    fields: dict[str, Any] = field(default_factory=dict)
    m2m: dict[str, list[Model]] = field(default_factory=dict)
    body: list[dict] | None = None
    children: list[PageData] = field(default_factory=list)
    inlines: dict[str, list[dict]] = field(default_factory=dict)


def _strip_ids(value: Any) -> Any:
    """The raw stream without block ids (new on every build) and ListBlock item wrappers."""
    if isinstance(value, dict):
        return {key: _strip_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        # ListBlock items are stored as {"type": "item", "value": …, "id": …}.
        return [
            _strip_ids(item["value"])
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item
            else _strip_ids(item)
            for item in value
        ]
    return value


def normalised_stream(stream_block: StreamBlock, raw: list[dict]) -> list[dict]:
    """Raw blocks in the form Wagtail stores them, defaults filled in and ids left out."""
    value = stream_block.to_python(list(raw))
    return _strip_ids(stream_block.get_prep_value(value))


def clean_stream(stream_block: StreamBlock, raw: list[dict], label: str) -> StreamValue:
    """The body value, validated as the editor would validate it."""
    value = stream_block.to_python(list(raw))
    try:
        return stream_block.clean(value)
    except ValidationError as error:
        raise DemoDataError(f"{label}: body: {error}") from error


class PageWriter:
    """Creates and updates the demo pages of one site, counting them in the tally."""

    def __init__(self, home: Page, tally: Tally):
        self.home = home
        self.tally = tally

    def resolve_page(self, ref: PageRef) -> Page:
        page = self.home
        for slug in ref.path.strip("/").split("/"):
            child = page.get_children().filter(slug=slug).first()
            if child is None:
                raise DemoDataError(f"{self.home.title}: no page at “{ref.path}”.")
            page = child
        return page.specific

    def resolve_block(self, value: Any) -> Any:
        if isinstance(value, PageRef):
            return self.resolve_page(value).pk
        if isinstance(value, dict):
            return {key: self.resolve_block(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.resolve_block(item) for item in value]
        return value

    def write_tree(self, parent: Page, items: list[PageData]) -> None:
        for data in items:
            page = self.write(parent, data)
            self.write_tree(page, data.children)

    def write_home(self, home: Page, *, title: str, intro: str, body: list[dict]) -> Page:
        """The home page (provisioned with the site): its title, introduction and body."""
        fields = {"intro": intro, "search_description": intro}
        raw = self.resolve_block(body)
        return self.write_fields(home, raw, fields, {}, title=title, created=False)

    def write(self, parent: Page, data: PageData) -> Page:
        page = parent.get_children().filter(slug=data.slug).first()
        created = page is None
        if created:
            page = data.model(slug=data.slug, title=data.title, live=False)
            page.locale = parent.locale
        else:
            page = page.specific
            if not isinstance(page, data.model):
                raise DemoDataError(f"{parent.title}/{data.slug} is not a {data.model.__name__}.")
        fields = {
            name: self.resolve_page(value) if isinstance(value, PageRef) else value
            for name, value in data.fields.items()
        }
        # Sections directly under a home page make up the site's main menu.
        fields.setdefault("show_in_menus", parent.depth == 2)
        raw = self.resolve_block(data.body) if data.body is not None else None
        if created:
            for name, value in fields.items():
                setattr(page, name, value)
            try:
                parent.add_child(instance=page)
            except ValidationError as error:
                raise DemoDataError(f"{parent.title}/{data.slug}: {error}") from error
        return self.write_fields(
            page, raw, fields, data.m2m, title=data.title, created=created, inlines=data.inlines
        )

    def write_fields(
        self,
        page: Page,
        raw: list[dict] | None,
        fields: dict[str, Any],
        m2m: dict[str, list[Model]],
        *,
        title: str,
        created: bool,
        inlines: dict[str, list[dict]] | None = None,
    ) -> Page:
        label = f"{page._meta.verbose_name} “{title}”"
        changed = created or not page.live or page.title != title
        page.title = title
        for name, value in fields.items():
            if comparable(page, name, getattr(page, name)) != comparable(page, name, value):
                setattr(page, name, value)
                changed = True
        for name, rows in (inlines or {}).items():
            current = [
                {key: getattr(child, key) for key in row}
                for child, row in zip(getattr(page, name).all(), rows, strict=False)
            ]
            if created or current != rows or len(getattr(page, name).all()) != len(rows):
                child_model = page._meta.get_field(name).related_model
                setattr(page, name, [child_model(**row) for row in rows])
                changed = True
        for name, rows in m2m.items():
            wanted = {row.pk for row in rows}
            if created or {row.pk for row in getattr(page, name).all()} != wanted:
                setattr(page, name, rows)
                changed = True
        if raw is not None:
            stream_block = page._meta.get_field("body").stream_block
            value = clean_stream(stream_block, raw, label)
            current = normalised_stream(stream_block, list(page.body.raw_data))
            if created or current != normalised_stream(stream_block, raw):
                page.body = value
                changed = True
        if changed:
            try:
                page.full_clean()
            except ValidationError as error:
                raise DemoDataError(f"{label}: {error}") from error
            page.save_revision().publish()
        self.tally.record(type(page), CREATED if created else UPDATED if changed else UNCHANGED)
        return page


def comparable(page: Page, name: str, value: Any) -> Any:
    """A field value in a form that compares equal when unchanged (recurrences as text)."""
    if isinstance(page._meta.get_field(name), RecurrenceField):
        if isinstance(value, str):
            value = recurrence.deserialize(value) if value else None
        return recurrence.serialize(value) if value else ""
    return value


def _png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", (320, 200), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_image(
    collection: Collection, title: str, colour: tuple[int, int, int], tally: Tally
) -> Model:
    """A small generated picture in the site's collection, found by its title."""
    model = get_image_model()
    image = model.objects.filter(collection=collection, title=title).first()
    if image is not None:
        tally.record(model, UNCHANGED)
        return image
    image = model(title=title, collection=collection)
    image.file = ImageFile(BytesIO(_png(colour)), name="demo.png")
    image.save()
    tally.record(model, CREATED)
    return image


def ensure_document(collection: Collection, title: str, text: str, tally: Tally) -> Model:
    """A small text document in the site's collection, found by its title."""
    model = get_document_model()
    document = model.objects.filter(collection=collection, title=title).first()
    if document is not None:
        tally.record(model, UNCHANGED)
        return document
    document = model(title=title, collection=collection)
    document.file = ContentFile(text.encode(), name="demo.txt")
    document.save()
    tally.record(model, CREATED)
    return document
