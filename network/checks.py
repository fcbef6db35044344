"""System checks for the MREZA settings dict."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_mreza_settings(app_configs, **kwargs) -> list[Error]:
    errors = []
    config = getattr(settings, "MREZA", None)
    if not isinstance(config, dict):
        return [Error("settings.MREZA must be a dict.", id="mreza.E001")]
    required = (
        "SEARCH_ENGINE",
        "COORDINATORS_GROUP",
        "SITE_TIME_ZONES",
        "PHONE_REGIONS",
        "HOLIDAY_COUNTRIES",
        "CALENDAR",
        "REGISTRATION_RETENTION_DAYS",
    )
    for key in required:
        if key not in config:
            errors.append(Error(f"settings.MREZA is missing {key!r}.", id="mreza.E002"))
    retention = config.get("REGISTRATION_RETENTION_DAYS", 1)
    if not isinstance(retention, int) or isinstance(retention, bool) or retention < 0:
        errors.append(
            Error(
                "settings.MREZA['REGISTRATION_RETENTION_DAYS'] must be an int of 0 or more.",
                id="mreza.E005",
            )
        )
    engine = config.get("SEARCH_ENGINE", {})
    if engine.get("NAME") == "elasticsearch" and not engine.get("OPTIONS", {}).get("URL"):
        errors.append(
            Error(
                "MREZA_SEARCH_ENGINE is elasticsearch but ELASTICSEARCH_URL is not set.",
                hint="Set ELASTICSEARCH_URL, e.g. http://localhost:9200.",
                id="mreza.E003",
            )
        )
    calendar = config.get("CALENDAR", {})
    for key in ("HORIZON_DAYS", "HISTORY_DAYS", "MAX_OCCURRENCE_DAYS", "MAX_RANGE_DAYS"):
        if not isinstance(calendar.get(key), int) or calendar[key] < 1:
            errors.append(
                Error(
                    f"settings.MREZA['CALENDAR'][{key!r}] must be a positive int.", id="mreza.E004"
                )
            )
    return errors
