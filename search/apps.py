"""Cross-site search: one document shape, a database engine and an Elasticsearch engine."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkSearchConfig(AppConfig):
    name = "search"
    # "search" alone reads like Wagtail's own search app (label "wagtailsearch").
    label = "network_search"
    verbose_name = _("Network search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import signals

        signals.connect()
