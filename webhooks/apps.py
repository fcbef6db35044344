"""Publish webhooks: a signed JSON event per change, written to an outbox and delivered in order."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "webhooks"
    label = "webhooks"
    verbose_name = _("Publish webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from webhooks import checks  # noqa: F401  (registers the system check)
        from webhooks.handlers import connect
        from webhooks.permissions import register_permission_policy

        connect()
        register_permission_policy()
