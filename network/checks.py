"""System checks for the MREZA settings dict."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_mreza_settings(app_configs, **kwargs) -> list[Error]:
    errors = []
    config = getattr(settings, "MREZA", None)
    if not isinstance(config, dict):
        return [Error("settings.MREZA must be a dict.", id="mreza.E001")]
    for key in ("SEARCH_ENGINE", "COORDINATORS_GROUP", "SITE_TIME_ZONES", "PHONE_REGIONS"):
        if key not in config:
            errors.append(Error(f"settings.MREZA is missing {key!r}.", id="mreza.E002"))
    engine = config.get("SEARCH_ENGINE", {})
    if engine.get("NAME") == "elasticsearch" and not engine.get("OPTIONS", {}).get("URL"):
        errors.append(
            Error(
                "MREZA_SEARCH_ENGINE is elasticsearch but ELASTICSEARCH_URL is not set.",
                hint="Set ELASTICSEARCH_URL, e.g. http://localhost:9200.",
                id="mreza.E003",
            )
        )
    return errors
