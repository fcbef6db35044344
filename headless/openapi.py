"""The OpenAPI document made valid OpenAPI 3.1, so any client generator accepts it.

Wagtail's ``AllowAnonymous`` auth is a Ninja ``http`` security scheme without the required
``scheme``. OpenAPI's way to say "a token is optional" is an empty security requirement,
so the scheme is dropped and each ``{"AllowAnonymous": []}`` becomes ``{}``.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

ANONYMOUS = "AllowAnonymous"


def anonymous_as_optional_security(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with anonymous access written as OpenAPI's empty security requirement."""
    schemes = document.get("components", {}).get("securitySchemes", {})
    schemes.pop(ANONYMOUS, None)
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = [
                    {} if requirement == {ANONYMOUS: []} else requirement
                    for requirement in operation["security"]
                ]
    return document


def serve_valid_openapi(api: NinjaAPI) -> None:
    """Post-process every OpenAPI document ``api`` generates (the JSON and the docs page)."""
    generate = api.get_openapi_schema

    def get_openapi_schema(**kwargs: Any) -> Any:
        return anonymous_as_optional_security(generate(**kwargs))

    api.get_openapi_schema = get_openapi_schema
