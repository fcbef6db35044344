"""``GET /api/v3/preview/``: the draft an editor is previewing, for their site's frontend.

The frontend's preview page receives ``content_type`` and ``token`` from the admin (see
headless.previewing) and fetches the draft here, server-side; the token is the only
credential. The answer has the schema of ``/api/v3/pages/{id}/`` and is never cached.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page

from headless.params import ParameterError, check_query
from headless.previewing import InvalidPreviewToken, page_from_preview, preview_for_token

router = Router(tags=["preview"])

NO_STORE = "private, no-store"


class PreviewQuery(Schema):
    """What the admin gives the frontend's preview page, passed on as is."""

    content_type: str = Field(description="The previewed page type, `app_label.model`.")
    token: str = Field(description="The signed preview token from the admin.")
    rich_text_format: RichTextOutputFormat | None = None


def page_model_for(content_type: str) -> type[Page]:
    """The page model ``app_label.model`` names (in any letter case), or a 400 naming it."""
    app_label, _, model_name = content_type.strip().lower().partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, Page) or model is Page:
        raise ParameterError(
            "content_type",
            f"content_type: “{content_type}” is not a page type (app_label.model expected).",
        )
    return model


def token_refused(error: InvalidPreviewToken) -> HttpResponse:
    response = problem_response(
        status=401,
        detail=error.message,
        errors=[{"type": error.code, "loc": ["query", "token"], "msg": error.message}],
    )
    response["Cache-Control"] = NO_STORE
    return response


@router.get(
    "/",
    response={200: PageDetailSchema, 400: ProblemDetail, 401: ProblemDetail},
    url_name="preview_page",
    summary="Previewed draft",
    description=(
        "The page as an editor is previewing it, unsaved changes included, with the schema "
        "of the page detail. `content_type` and `token` are the query parameters the admin "
        "gave the site's frontend preview page; the token expires after a few minutes."
    ),
    operation_id="preview_detail",
    # The token is the credential; session cookies and API tokens grant nothing here.
    auth=AllowAnonymous(),
)
def get_preview(request: HttpRequest, response: HttpResponse, params: Query[PreviewQuery]):
    response["Cache-Control"] = NO_STORE
    check_query(request, PreviewQuery)
    model = page_model_for(params.content_type)
    try:
        preview = preview_for_token(params.token)
    except InvalidPreviewToken as error:
        return token_refused(error)
    if preview.content_type_id != ContentType.objects.get_for_model(model).pk:
        raise ParameterError(
            "content_type",
            f"content_type: this token previews a {preview.content_type.app_label}."
            f"{preview.content_type.model}, not {params.content_type}.",
        )
    # rich_text_format is read from the query by Wagtail's schema, as for the page detail.
    return page_from_preview(preview)
