"""Previewing drafts in the headless frontend of the page's own site, through expiring tokens.

The flow and URL contract are wagtail-headless-preview's (the frontend's preview page gets
``?content_type=app_label.model&token=…`` and fetches the draft from the API), but it is built
here rather than on that package (0.9, which installs on Wagtail 8), because nearly every part
would have to be overridden:

- its tokens never expire: ``get_page_from_preview_token`` unsigns without ``max_age`` and
  rows are only purged after a calendar day (``created_at`` is a DateField);
- it finds the frontend from ``Site.find_for_request(request)``, i.e. the admin's hostname
  (its known multi-site bug), from hostnames in Django settings rather than per-site settings
  that a centre's admins edit;
- its PagePreview row has no page, site or time, and its API side targets API v2.

Here a preview row holds the page as previewed; the token is a TimestampSigner signature over
the row's id, checked against ``MREZA["API"]["PREVIEW_TOKEN_SECONDS"]`` before the row is read.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import (
    BadSignature,
    SignatureExpired,
    Signer,
    TimestampSigner,
    b62_decode,
    b62_encode,
)
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from wagtail.models import Page, Site

from blocks.context import page_site_root
from headless.models import HeadlessFrontend, PagePreview

Clock = Callable[[], float]
TOKEN_SALT = "mreza.headless.preview"


class PreviewTokenSigner(TimestampSigner):
    """TimestampSigner reading time from ``clock``, so expiry is testable without waiting."""

    def __init__(self, *, clock: Clock = time.time):
        super().__init__(salt=TOKEN_SALT)
        self.clock = clock

    def timestamp(self) -> str:
        return b62_encode(int(self.clock()))

    def unsign(self, value: str, max_age: float | None = None) -> str:
        # TimestampSigner.unsign measures age with time.time(); the same check against clock.
        value, timestamp = Signer.unsign(self, value).rsplit(self.sep, 1)
        age = self.clock() - b62_decode(timestamp)
        if max_age is not None and age > max_age:
            raise SignatureExpired(f"Signature age {age} > {max_age} seconds")
        return value


class InvalidPreviewToken(Exception):
    """A token that does not open a preview: tampered, expired, or its preview is gone."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def token_max_age() -> int:
    return settings.MREZA["API"]["PREVIEW_TOKEN_SECONDS"]


def content_type_label(model: type[Page]) -> str:
    """``app_label.modelname``, the form wagtail-headless-preview's clients expect."""
    return f"{model._meta.app_label}.{model._meta.model_name}"


def site_for_page(page: Page) -> Site | None:
    """The site the page belongs to, from its tree position alone (never from a request).

    Works for unsaved pages too: Wagtail's preview gives them a url_path under their parent.
    The most specific root wins, translations' roots included (blocks.context.page_site_root).
    """
    root = page_site_root(page)
    return Site.objects.filter(pk=root.site_id).first() if root is not None else None


def frontend_for_site(site: Site | None) -> HeadlessFrontend | None:
    """The site's headless frontend, or None when Wagtail renders the site itself."""
    if site is None:
        return None
    # Not HeadlessFrontend.for_site(): that writes a row for every site ever previewed.
    frontend = HeadlessFrontend.objects.filter(site=site).first()
    return frontend if frontend is not None and frontend.is_headless else None


def purge_expired_previews(*, clock: Clock = time.time) -> int:
    """Delete previews whose tokens have expired; returns how many went."""
    cutoff = datetime.fromtimestamp(clock(), tz=UTC) - timedelta(seconds=token_max_age())
    deleted, _ = PagePreview.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def store_preview(page: Page, site: Site, *, clock: Clock = time.time) -> PagePreview:
    """Keep the page as previewed (unsaved edits included), purging expired previews."""
    purge_expired_previews(clock=clock)
    return PagePreview.objects.create(
        page_id=page.pk,
        content_type=ContentType.objects.get_for_model(type(page)),
        content=page.serializable_data(),
        site=site,
        created_at=datetime.fromtimestamp(clock(), tz=UTC),
    )


def issue_token(preview: PagePreview, *, clock: Clock = time.time) -> str:
    return PreviewTokenSigner(clock=clock).sign(str(preview.pk))


def preview_for_token(token: str, *, clock: Clock = time.time) -> PagePreview:
    """The preview a token opens; refuses tampered and expired tokens before reading a row."""
    try:
        value = PreviewTokenSigner(clock=clock).unsign(token, max_age=token_max_age())
    except SignatureExpired:
        raise InvalidPreviewToken(
            "expired_token", "token: the preview token has expired; preview the page again."
        ) from None
    except BadSignature:
        raise InvalidPreviewToken("invalid_token", "token: not a valid preview token.") from None
    try:
        preview_id = uuid.UUID(value)
    except ValueError:
        raise InvalidPreviewToken("invalid_token", "token: not a valid preview token.") from None
    preview = PagePreview.objects.select_related("content_type").filter(pk=preview_id).first()
    if preview is None:
        raise InvalidPreviewToken("expired_token", "token: this preview is no longer available.")
    return preview


# Never-saved pages have no id; the API's page schema needs an integer, and 0 is no page's.
UNSAVED_PAGE_ID = 0


def page_from_preview(preview: PagePreview) -> Page:
    """The previewed page, built like a revision: edited content at the page's tree position."""
    model = preview.content_type.model_class()
    content = dict(preview.content)
    stored = model.objects.filter(pk=preview.page_id).first() if preview.page_id else None
    if stored is not None:
        return stored.with_content_json(content)
    page = model.from_serializable_data(content)
    page.id = page.pk = UNSAVED_PAGE_ID
    return page


def frontend_preview_url(frontend: HeadlessFrontend, page: Page, token: str) -> str:
    query = urlencode({"content_type": content_type_label(type(page)), "token": token})
    return f"{frontend.preview_base_url()}?{query}"


class HeadlessPreviewMixin:
    """Page types whose site has a headless frontend preview there; others preview as usual."""

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        # The site comes from the page, not from the request: the admin may run on any host.
        site = site_for_page(self)
        frontend = frontend_for_site(site)
        if frontend is None:
            return super().serve_preview(request, mode_name)
        preview = store_preview(self, site)
        # A same-origin page framing the frontend, as wagtail-headless-preview does, so
        # Wagtail's preview panel keeps the access it expects to its own iframe.
        return TemplateResponse(
            request,
            "headless/preview.html",
            {
                "page": self,
                "preview_url": frontend_preview_url(frontend, self, issue_token(preview)),
            },
        )
