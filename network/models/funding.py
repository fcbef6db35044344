"""Funders and the funding programmes projects are financed from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from network.models.localize import copied, overridable, translated


class FunderKind(models.TextChoices):
    EUROPEAN_UNION = "eu", _("European Union fund")
    NATIONAL = "national", _("National government")
    MUNICIPALITY = "municipality", _("Municipality")
    FOUNDATION = "foundation", _("Foundation")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class ProgrammingPeriod(models.TextChoices):
    P2014_2020 = "2014-2020", "2014–2020"
    P2021_2027 = "2021-2027", "2021–2027"


class Fund(models.TextChoices):
    ESF = "ESF", _("European Social Fund (ESF)")
    ESF_PLUS = "ESF+", _("European Social Fund Plus (ESF+)")
    ERDF = "ERDF", _("European Regional Development Fund (ERDF)")
    CF = "CF", _("Cohesion Fund")
    JTF = "JTF", _("Just Transition Fund")
    CERV = "CERV", _("Citizens, Equality, Rights and Values")
    NATIONAL = "national", _("National funds")


class Funder(TranslatableMixin, index.Indexed, models.Model):
    """A body that co-finances projects and the acknowledgement it requires, per language."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=FunderKind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    acknowledgement = models.TextField(
        _("acknowledgement statement"),
        blank=True,
        help_text=_("The sentence this funder requires on every project it co-finances."),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funder_profiles",
        help_text=_("The organisation behind this funder, e.g. the ministry."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("organisation")]),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("acknowledgement"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]
    translatable_fields = [
        *translated("name", "acknowledgement", "organisation"),
        *copied("slug", "kind", "website"),
        *overridable("logo"),  # funders' logos carry text in one language
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


class FundingProgramme(TranslatableMixin, index.Indexed, models.Model):
    """A programme projects are funded from, e.g. an operational programme of a cohesion fund."""

    name = models.CharField(_("name"), max_length=255)
    code = models.CharField(_("code"), max_length=60, blank=True)
    period = models.CharField(
        _("programming period"), max_length=9, choices=ProgrammingPeriod.choices
    )
    fund = models.CharField(_("fund"), max_length=10, choices=Fund.choices)
    managing_authority = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("managing authority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_programmes",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("period"), FieldPanel("fund")]),
        FieldPanel("managing_authority"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("code")]
    translatable_fields = [
        *translated("name", "managing_authority"),
        *copied("code", "period", "fund"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["-period", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_period_display()})"
