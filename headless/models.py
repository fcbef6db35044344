"""Per-site headless frontend settings, and the drafts stored for previewing in a frontend."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

frontend_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("The frontend URL must be a full http:// or https:// address."),
)
preview_path_validator = RegexValidator(
    r"^/(?!/)[^\s?#]*$",
    _("The preview path must start with a single / and hold no spaces, ? or #."),
)


def validate_frontend_base(value: str) -> None:
    """A base URL only: the preview path and the token's query string are appended to it."""
    parts = urlsplit(value)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValidationError(
            _("The frontend URL must not contain a query (?), a fragment (#) or a password."),
            code="invalid_frontend_url",
        )


@register_setting(icon="link-external")
class HeadlessFrontend(BaseSiteSetting):
    """Where a site's headless frontend runs; blank for a site Wagtail renders itself."""

    frontend_url = models.URLField(
        _("frontend URL"),
        max_length=255,
        blank=True,
        validators=[frontend_url_validator, validate_frontend_base],
        help_text=_(
            "Where this site's own frontend runs, e.g. https://www.example.org. Leave it blank "
            "when Wagtail's templates render the site: previews then use them too."
        ),
    )
    preview_path = models.CharField(
        _("preview path"),
        max_length=255,
        default="/preview",
        validators=[preview_path_validator],
        help_text=_(
            "The frontend's page that shows a draft; it receives ?content_type=…&token=… and "
            "fetches the draft from /api/v3/preview/."
        ),
    )

    panels = [FieldPanel("frontend_url"), FieldPanel("preview_path")]

    class Meta:
        verbose_name = _("headless frontend")

    @property
    def is_headless(self) -> bool:
        return bool(self.frontend_url)

    def preview_base_url(self) -> str:
        """The frontend's preview page, without a query string."""
        return self.frontend_url.rstrip("/") + self.preview_path


class PagePreview(models.Model):
    """A page as an editor previewed it (possibly unsaved), kept for its token's short life.

    The token is a signature over ``id`` (headless.previewing); it is never stored, so a
    leaked database row cannot be turned into a working preview link.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Null while the page has never been saved (a preview from the "add page" form).
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    # Page.serializable_data(), as Wagtail stores it in a revision.
    content = models.JSONField(encoder=DjangoJSONEncoder)
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("page preview")
        verbose_name_plural = _("page previews")

    def __str__(self) -> str:
        return f"Preview of {self.content.get('title', '')!r} ({self.created_at:%Y-%m-%d %H:%M})"
