"""Regions and municipalities the network's organisations serve."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from network.models.localize import copied, translated


class Country(models.TextChoices):
    SLOVENIA = "SI", _("Slovenia")
    CZECHIA = "CZ", _("Czechia")


class Region(TranslatableMixin, index.Indexed, models.Model):
    """A statistical region (Slovenia) or a regional area such as a local action group (Czechia)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("country")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [*translated("name"), *copied("slug", "country")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


class Municipality(TranslatableMixin, index.Indexed, models.Model):
    """A municipality (občina, obec) within a region."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="municipalities"
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("region")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("region"),
    ]
    translatable_fields = [*translated("name", "region"), *copied("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name
