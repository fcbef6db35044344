"""The network itself: geography, organisations, funding, projects, tenancy."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    label = "network"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from network import checks  # noqa: F401  (registers system checks)
        from network.permissions import register_permission_policies

        register_permission_policies()
