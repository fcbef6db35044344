"""Public registration pages: sign up for an event or programme, see the outcome, cancel.

They answer on the page's own site, outside the language prefixes, and speak the page's
language (as pages themselves do, see ``PageLanguageMixin``); the cancellation page speaks
the language the person signed up in.
"""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, Site

from sites import registrations
from sites.models.registrations import Registration, RegistrationStatus
from sites.registration_forms import RegistrationForm

TEMPLATES = "centre_sites/registration"
# The outcome page is reachable for a day after signing up, from the redirect only.
OUTCOME_MAX_AGE = 24 * 60 * 60
_outcome_signer = signing.TimestampSigner(salt="mreza.registrations.outcome")


def registration_page(request: HttpRequest, page_id: int) -> Page:
    """The live, public page of this site that takes registrations, or 404."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    page = page.specific
    if not registrations.takes_registrations(page):
        raise Http404
    site = Site.find_for_request(request)
    url_parts = page.get_url_parts(request)
    if site is None or url_parts is None or url_parts[0] != site.pk:
        # Another centre's page: it is signed up for on its own hostname.
        raise Http404
    return page


def render(request: HttpRequest, template: str, context: dict, *, status: int = 200):
    response = TemplateResponse(request, f"{TEMPLATES}/{template}", context, status=status)
    response.render()
    # Forms and personal outcomes: nothing for search engines or shared caches.
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def register_view(request: HttpRequest, page_id: int) -> HttpResponse:
    page = registration_page(request, page_id)
    site = Site.find_for_request(request)
    with translation.override(page.locale.language_code):
        request.LANGUAGE_CODE = page.locale.language_code
        availability = registrations.availability(page)
        context = {"page": page, "availability": availability}
        if not availability.is_open:
            return render(request, "closed.html", context)
        form = RegistrationForm(
            request.POST if request.method == "POST" else None,
            availability=availability,
            site_name=site.site_name or site.hostname,
        )
        if form.is_bound and form.is_valid():
            try:
                registration = registrations.register(page, form.registration_data())
            except registrations.RegistrationError as error:
                form.add_error(error.field, error.message)
            else:
                outcome = _outcome_signer.sign(str(registration.pk))
                return redirect("registration:done", page_id=page.pk, outcome=outcome)
        context["form"] = form
        return render(request, "form.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET"])
def done_view(request: HttpRequest, page_id: int, outcome: str) -> HttpResponse:
    page = registration_page(request, page_id)
    try:
        pk = _outcome_signer.unsign(outcome, max_age=OUTCOME_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    registration = Registration.objects.filter(pk=pk, page_id=page.pk).first()
    if registration is None:
        raise Http404
    with translation.override(page.locale.language_code):
        request.LANGUAGE_CODE = page.locale.language_code
        return render(request, "done.html", {"page": page, "registration": registration})


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = registrations.registration_for_token(token)
    except Registration.DoesNotExist:
        raise Http404 from None
    cancelled_now = False
    if request.method == "POST":
        try:
            result = registrations.cancel(token)
        except Registration.DoesNotExist:
            raise Http404 from None
        registration, cancelled_now = result.registration, result.cancelled_now
    with translation.override(registration.language):
        request.LANGUAGE_CODE = registration.language
        # The page may be a draft or private by now: show its title, never render it.
        context = {
            "registration": registration,
            "event_title": registration.page.title,
            "is_cancelled": registration.status == RegistrationStatus.CANCELLED,
            "cancelled_now": cancelled_now,
            "action": reverse("registration:cancel", args=[token]),
        }
        return render(request, "cancel.html", context)
