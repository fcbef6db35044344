"""Helpers of the block tests: pages with a body, and the body rendered or serialised."""

from __future__ import annotations

from django.test import RequestFactory

from sites.models import StandardPage
from tests.factories import StandardPageFactory


def make_page(parent, body: list[dict], **fields) -> StandardPage:
    """A published standard page under ``parent`` with ``body`` in raw stream form."""
    page = StandardPageFactory(parent=parent, **fields)
    page.body = body
    page.save()
    return StandardPage.objects.get(pk=page.pk)


def api(page, *, host: str | None = None) -> list[dict]:
    """The page body's API representation, as API v3 computes it (context with the request)."""
    request = RequestFactory().get("/api/v3/pages/", HTTP_HOST=host or "socio.localhost")
    return page.body.stream_block.get_api_representation(page.body, {"request": request})


def render(page, *, host: str | None = None) -> str:
    """The page body rendered as a page template renders it (page and request in context)."""
    request = RequestFactory().get("/", HTTP_HOST=host or "socio.localhost")
    return str(page.body.render_as_block(context={"page": page, "request": request}))
