"""System check of MREZA["WEBHOOKS"]: the delivery loop trusts these numbers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

REQUIRED = ("TIMEOUT_SECONDS", "BACKOFF_SECONDS", "MAX_BACKOFF_SECONDS", "MAX_ATTEMPTS")
OPTIONAL = ("CONNECT_TIMEOUT_SECONDS", "LOG_RETENTION_DAYS")


@register()
def check_webhook_settings(app_configs: Any, **kwargs: Any) -> list[Error]:
    config = getattr(settings, "MREZA", {}).get("WEBHOOKS")
    if not isinstance(config, dict):
        return [Error("settings.MREZA['WEBHOOKS'] must be a dict.", id="webhooks.E001")]
    errors = []
    for key in (*REQUIRED, *OPTIONAL):
        if key not in config and key in OPTIONAL:
            continue
        value = config.get(key)
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            errors.append(
                Error(
                    f"settings.MREZA['WEBHOOKS'][{key!r}] must be a positive number.",
                    id="webhooks.E002",
                )
            )
    return errors
