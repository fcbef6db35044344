"""Query parameters shared by the project's API endpoints, and the 400s that name them.

Every endpoint answers a parameter it cannot act on with ``400 application/problem+json``
whose ``errors[].loc`` is ``["query", "<parameter>"]``: unknown names, wrong types, unknown
sites or locales alike. Wagtail answers validation errors with 422; for query parameters the
issue (and most HTTP clients) expect 400, so ``register_error_handlers`` narrows that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import problem_response
from wagtail.models import Locale, Site

# Wagtail's limit/offset pagination and the rich-text switch are accepted everywhere.
PAGINATION = ("limit", "offset")
NETWORK = "all"


class ParameterError(HttpError):
    """A query parameter the API cannot act on (HTTP 400 naming it)."""

    def __init__(self, parameter: str, message: str):
        super().__init__(400, message)
        self.parameter = parameter


def parameter_error_response(request: HttpRequest, exc: ParameterError) -> HttpResponse:
    return problem_response(
        status=400,
        detail=str(exc),
        errors=[{"type": "invalid_parameter", "loc": ["query", exc.parameter], "msg": str(exc)}],
    )


def query_names(*schemas: type[Schema]) -> set[str]:
    """The query parameter names a set of ninja schemas accept (their aliases where set)."""
    return {
        field.alias or name for schema in schemas for name, field in schema.model_fields.items()
    }


def check_query(request: HttpRequest, *schemas: type[Schema], extra: Iterable[str] = ()) -> None:
    """Refuse parameters none of ``schemas`` (nor ``extra``) declares: a typo is not ignored."""
    allowed = query_names(*schemas) | set(extra)
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        raise ParameterError(
            unknown[0],
            f"Unknown query parameter {', '.join(unknown)}; "
            f"this endpoint accepts {', '.join(sorted(allowed)) or 'none'}.",
        )


@dataclass(frozen=True)
class SiteScope:
    """The sites a request asks about: one site, or the whole network (``site=all``)."""

    site: Site | None

    @property
    def network_wide(self) -> bool:
        return self.site is None


def site_from_parameter(value: str, parameter: str = "site") -> Site:
    """The site a parameter names by id, ``hostname`` or ``hostname:port``."""
    refuse_nul(value, parameter)
    value = value.strip().lower()
    if value.isdigit():
        query = {"pk": int(value)}
    else:
        hostname, colon, port = value.rpartition(":")
        if not colon:
            query = {"hostname": value}
        elif port.isdigit() and 1 <= int(port) <= 65535:
            query = {"hostname": hostname, "port": int(port)}
        else:
            raise ParameterError(parameter, f"{parameter}: “{value}” has no valid port.")
    sites = list(Site.objects.select_related("root_page").filter(**query)[:2])
    if not sites:
        raise ParameterError(parameter, f"{parameter}: no site matches “{value}”.")
    if len(sites) > 1:
        raise ParameterError(
            parameter,
            f"{parameter}: “{value}” matches several sites; add the port, e.g. {value}:80.",
        )
    return sites[0]


def site_scope(request: HttpRequest, value: str | None, *, allow_network: bool = True) -> SiteScope:
    """``site=`` resolved: the request's host site by default, ``all`` for the network."""
    if value is None or not value.strip():
        return SiteScope(Site.find_for_request(request))
    if value.strip().lower() == NETWORK:
        if not allow_network:
            raise ParameterError("site", "site: this endpoint serves one site at a time.")
        return SiteScope(None)
    return SiteScope(site_from_parameter(value))


def locale_from_parameter(value: str | None, parameter: str = "locale") -> Locale | None:
    """The Locale ``locale=`` names (``sl``, ``cs``, ``en``…); None when not given."""
    if value is None or not value.strip():
        return None
    refuse_nul(value, parameter)
    code = value.strip()
    locale = Locale.objects.filter(language_code__iexact=code).first()
    if locale is None:
        known = ", ".join(
            Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        )
        raise ParameterError(parameter, f"{parameter}: unknown language “{code}”; one of {known}.")
    return locale


def parameter_name(request: HttpRequest, loc: Iterable) -> str:
    """The query parameter an error is about: Ninja puts a schema's argument name in between
    (``["query", "filters", "type", 0]``), so prefer the part the client actually sent."""
    names = [part for part in list(loc)[1:] if isinstance(part, str)]
    sent = [name for name in names if name in request.GET]
    return (sent or names or ["query"])[-1]


def refuse_nul(value: str, parameter: str) -> None:
    # PostgreSQL cannot store or compare NUL in text: refuse it before it reaches a query.
    if "\x00" in value:
        raise ParameterError(parameter, f"{parameter}: must not contain the NUL character.")


def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    """400 for bad query parameters, naming them; Wagtail's 422 for bodies as before."""
    errors = exc.errors
    query = [error for error in errors if list(error.get("loc", []))[:1] == ["query"]]
    if not query or len(query) != len(errors):
        return problem_response(status=422, detail="Validation failed", errors=errors)
    reported = []
    for error in query:
        loc = list(error["loc"])
        name = parameter_name(request, loc)
        # ["query", "filters", "type", 0] → ["query", "type", 0]: loc[1] is what was sent.
        rest = loc[loc.index(name) + 1 :] if name in loc else []
        details = {key: value for key, value in error.items() if key not in ("ctx", "loc")}
        reported.append({**details, "loc": ["query", name, *rest]})
    # The detail names each parameter with what is wrong (e.g. the largest allowed limit).
    reasons = dict.fromkeys(
        f"{error['loc'][1]}: {error.get('msg', 'invalid')}" for error in reported
    )
    return problem_response(
        status=400, detail=f"Invalid query parameter {'; '.join(reasons)}.", errors=reported
    )


def register_error_handlers(api: NinjaAPI) -> None:
    api.add_exception_handler(ParameterError, parameter_error_response)
    api.add_exception_handler(NinjaValidationError, _validation_error)
