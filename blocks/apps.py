"""StreamField blocks shared by every site of the network."""

import sys

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class SharedBlocksConfig(AppConfig):
    name = "blocks"
    label = "shared_blocks"
    verbose_name = _("Shared blocks")

    def ready(self) -> None:
        # Wagtail builds the page read schemas once, when wagtail.api.v3.registry is first
        # imported (Wagtail's image and document apps do it from their ready()), and the
        # pages router freezes them at its own import: StreamFields must be typed before.
        if "wagtail.api.v3.registry" in sys.modules:
            raise ImproperlyConfigured(
                "wagtail.api.v3.registry was imported before the shared_blocks app was ready, "
                "so StreamFields would be typed as Any in the API: list 'blocks' before the "
                "Wagtail apps in INSTALLED_APPS and do not import the API from models."
            )
        from wagtail.api.v3.schemas.generators.read import read_generator
        from wagtail.fields import StreamField

        from blocks.schemas.derive import typed_streamfield_schema

        read_generator.register_field_schema(StreamField, typed_streamfield_schema)
