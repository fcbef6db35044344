"""StreamField blocks shared by every site of the network."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharedBlocksConfig(AppConfig):
    name = "blocks"
    label = "shared_blocks"
    verbose_name = _("Shared blocks")
