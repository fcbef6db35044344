"""Page types of a centre's site and of the network hub."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentreSitesConfig(AppConfig):
    name = "sites"
    # "sites" is django.contrib.sites' label; ours must not collide with it.
    label = "centre_sites"
    verbose_name = _("Centre sites")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sites import signals

        signals.connect()
