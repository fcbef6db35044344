"""Projects with their funding lines, participating organisations and indicators."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index

from network.models.localize import copied, translated
from network.validators import funding_exceeds_total, validate_date_order

MONEY = {"max_digits": 14, "decimal_places": 2}


class Currency(models.TextChoices):
    EUR = "EUR", "EUR (€)"
    CZK = "CZK", "CZK (Kč)"


class ParticipationRole(models.TextChoices):
    LEAD_PARTNER = "lead_partner", _("Lead partner")
    PARTNER = "partner", _("Partner")
    CO_FINANCER = "co_financer", _("Co-financer")
    SUPPORTING_MUNICIPALITY = "supporting_municipality", _("Supporting municipality")
    IMPLEMENTER = "implementer", _("Implementer")


class IndicatorKind(models.TextChoices):
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


def funding_error(total_value: Decimal | None, amounts: list[Decimal]) -> ValidationError | None:
    """The error shown when funding lines add up to more than the project's value."""
    if funding_exceeds_total(total_value, amounts):
        total = sum(amounts, Decimal(0))
        return ValidationError(
            _("Funding lines add up to %(sum)s, more than the total value %(total)s.")
            % {"sum": total, "total": total_value},
            code="funding_exceeds_total",
        )
    return None


class Project(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A funded project: money, partners, aims and indicators, kept by one organisation."""

    title = models.CharField(_("title"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=120)
    registration_code = models.CharField(
        _("registration code"),
        max_length=80,
        blank=True,
        help_text=_("e.g. CZ.03.2.65/0.0/0.0/16_047/0010190"),
    )
    owner = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("maintained by"),
        on_delete=models.PROTECT,
        related_name="owned_projects",
        help_text=_("The organisation whose editors keep this project up to date."),
    )
    funding_programme = models.ForeignKey(
        "network.FundingProgramme",
        verbose_name=_("funding programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    aims = models.TextField(_("aims"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    achieved_results = models.TextField(_("achieved results"), blank=True)
    total_value = models.DecimalField(
        _("total value"), **MONEY, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    target_groups = ParentalManyToManyField(
        "network.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="projects"
    )
    themes = ParentalManyToManyField(
        "network.Theme", verbose_name=_("themes"), blank=True, related_name="projects"
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("acronym")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("registration_code")]),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("funding_programme")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
                FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
            ],
            heading=_("Period"),
        ),
        FieldPanel("summary"),
        FieldPanel("aims"),
        FieldRowPanel([FieldPanel("expected_results"), FieldPanel("achieved_results")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("total_value"), FieldPanel("currency")]),
                InlinePanel("funding_lines", label=_("Funding lines")),
            ],
            heading=_("Funding"),
        ),
        InlinePanel("participations", label=_("Participating organisations")),
        FieldRowPanel([FieldPanel("target_groups"), FieldPanel("themes")]),
        InlinePanel("indicators", label=_("Indicators")),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("acronym"),
        index.SearchField("registration_code"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("owner"),
        index.FilterField("live"),
    ]
    # Target groups and themes (many-to-many) are left out, as wagtail-localize does by
    # default. Funding lines, partners and indicators are copied whole.
    translatable_fields = [
        *translated(
            "title",
            "acronym",
            "owner",
            "funding_programme",
            "summary",
            "aims",
            "expected_results",
            "achieved_results",
        ),
        *copied(
            "first_published_at",
            "go_live_at",
            "expire_at",
            "slug",
            "registration_code",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "total_value",
            "currency",
            "funding_lines",
            "participations",
            "indicators",
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["title"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.acronym or self.title

    def clean(self) -> None:
        super().clean()
        errors = {
            **validate_date_order(
                self.planned_start,
                self.planned_end,
                start_field="planned_start",
                end_field="planned_end",
            ),
            **validate_date_order(
                self.actual_start,
                self.actual_end,
                start_field="actual_start",
                end_field="actual_end",
            ),
        }
        error = funding_error(self.total_value, [line.amount for line in self.funding_lines.all()])
        if error:
            errors["total_value"] = error
        if errors:
            raise ValidationError(errors)

    @property
    def funded_amount(self) -> Decimal:
        return sum((line.amount for line in self.funding_lines.all()), Decimal(0))

    @property
    def start(self):
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end


class FundingLine(Orderable):
    """An amount a funder contributes to a project; the co-financing rate is derived."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="funding_lines")
    funder = models.ForeignKey(
        "network.Funder", verbose_name=_("funder"), on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(_("amount"), **MONEY, validators=[MinValueValidator(0)])

    panels = [FieldRowPanel([FieldPanel("funder"), FieldPanel("amount")])]

    class Meta(Orderable.Meta):
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")

    def __str__(self) -> str:
        return f"{self.funder}: {self.amount}"

    @property
    def co_financing_rate(self) -> Decimal | None:
        """Share of the project's total value, as a percentage with two decimals."""
        total = self.project.total_value
        if not total:
            return None
        return (self.amount * 100 / total).quantize(Decimal("0.01"))


class ProjectParticipation(Orderable):
    """An organisation taking part in a project in a given role."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=30, choices=ParticipationRole.choices)

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Indicator(Orderable):
    """A project indicator with its target; achieved values are recorded over time."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("e.g. persons, workshops"))
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("target"), FieldPanel("unit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.project}: {self.name}"

    @property
    def achieved(self) -> Decimal:
        """Sum of achieved values recorded so far."""
        return sum((value.achieved for value in self.values.all()), Decimal(0))


class IndicatorValue(models.Model):
    """What an indicator achieved in one reporting period, and where the figure comes from."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    achieved = models.DecimalField(_("achieved"), max_digits=12, decimal_places=2)
    source = models.CharField(_("source"), max_length=255, blank=True)

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldRowPanel([FieldPanel("achieved"), FieldPanel("source")]),
    ]

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "period_start"]

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.period_start}–{self.period_end}: {self.achieved}"

    def clean(self) -> None:
        super().clean()
        errors = validate_date_order(
            self.period_start, self.period_end, start_field="period_start", end_field="period_end"
        )
        if errors:
            raise ValidationError(errors)
