from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeadlessConfig(AppConfig):
    name = "headless"
    label = "headless"
    verbose_name = _("Headless API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from headless import signals

        signals.connect()
