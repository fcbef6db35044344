"""Good practices: what works in one centre, written up so others can take it over."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from headless.previewing import HeadlessPreviewMixin
from sites import serializers
from sites.models.mixins import (
    HOME_PAGE_TYPES,
    BodyMixin,
    IntroMixin,
    ListingImageMixin,
    PageLanguageMixin,
    PaginatedChildrenMixin,
)

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class GoodPracticeIndexPage(
    HeadlessPreviewMixin, PageLanguageMixin, PaginatedChildrenMixin, IntroMixin, Page
):
    """On the hub it holds the network's good practices; on a centre's site it lists them."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [
        APIField("intro"),
    ]
    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["centre_sites.GoodPracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("good practice index page")

    def listing_filters(self) -> list[tuple[str, str, type, str]]:
        """(query parameter, label, term model, the practice's field) of the listing filters."""
        from network.models import Region, TargetGroup, Theme

        return [
            ("theme", _("Theme"), Theme, "themes"),
            ("region", _("Region"), Region, "region"),
            ("target_group", _("Target group"), TargetGroup, "target_groups"),
        ]

    def get_listing_queryset(self, request):
        # Practices are published on the hub and shown by every site, never copied.
        practices = (
            GoodPracticePage.objects.live()
            .public()
            .select_related("region", "listing_image")
            .order_by("-first_published_at", "-pk")
        )
        for parameter, _label, model, field in self.listing_filters():
            slug = request.GET.get(parameter, "").strip()
            if slug:  # a term's slug in any language: every translation of it matches
                keys = model.objects.filter(slug=slug).values("translation_key")
                practices = practices.filter(**{f"{field}__translation_key__in": keys})
        return practices.distinct()

    def filter_options(self, request) -> list[dict]:
        """The filters with the terms live practices use, named in this page's language."""
        practices = GoodPracticePage.objects.live().public()
        options = []
        for parameter, label, model, field in self.listing_filters():
            used = model.objects.filter(pk__in=practices.values(field)).values("translation_key")
            terms: dict = {}
            for key, slug, name, locale_id in model.objects.filter(
                translation_key__in=used
            ).values_list("translation_key", "slug", "name", "locale_id"):
                if key not in terms or locale_id == self.locale_id:
                    terms[key] = (slug, name)
            options.append(
                {
                    "parameter": parameter,
                    "label": label,
                    "terms": sorted(terms.values(), key=lambda term: term[1]),
                    "chosen": request.GET.get(parameter, "").strip(),
                }
            )
        return options

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filters"] = self.filter_options(request)
        context["filtered"] = any(option["chosen"] for option in context["filters"])
        return context


class GoodPracticePage(
    HeadlessPreviewMixin, PageLanguageMixin, IntroMixin, BodyMixin, ListingImageMixin, Page
):
    """A good practice: the problem, the approach, results, resources and transferability."""

    problem = RichTextField(_("problem"), features=TEXT_FEATURES)
    approach = RichTextField(_("approach"), features=TEXT_FEATURES)
    results = RichTextField(_("results"), features=TEXT_FEATURES)
    resources_needed = RichTextField(_("resources needed"), features=TEXT_FEATURES, blank=True)
    transferability = models.TextField(
        _("transferability"),
        blank=True,
        help_text=_("Where it has been taken over, e.g. “transferred to 12 units”."),
    )
    transferred_units = models.PositiveIntegerField(
        _("units it was transferred to"), null=True, blank=True
    )
    organisations = ParentalManyToManyField(
        "network.Organisation", verbose_name=_("organisations"), blank=True, related_name="+"
    )
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "network.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        "network.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("resources_needed"),
        MultiFieldPanel(
            [
                FieldPanel("transferability"),
                FieldPanel("transferred_units"),
                InlinePanel("transfers", label=_("Where it has been taken up")),
            ],
            heading=_("Transferability"),
        ),
        FieldPanel("organisations"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("contact")]),
        FieldRowPanel([FieldPanel("themes"), FieldPanel("target_groups")]),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("problem"),
        APIField("approach"),
        APIField("results"),
        APIField("resources_needed"),
        APIField("transferability"),
        APIField("transferred_units"),
        APIField("transfers", serializer=serializers.TransfersField()),
        APIField("organisations", serializer=serializers.OrganisationsField()),
        APIField("region", serializer=serializers.ReferenceField()),
        APIField("themes", serializer=serializers.ReferencesField()),
        APIField("target_groups", serializer=serializers.ReferencesField()),
        APIField("contact", serializer=serializers.PersonField()),
        APIField("listing_image", serializer=serializers.ImageField("fill-600x400")),
        APIField("body"),
    ]
    parent_page_types = ["centre_sites.GoodPracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("good practice page")

    @cached_property
    def take_ups(self) -> list[PracticeTransfer]:
        """The recorded take-ups with their regions, in one query."""
        return list(
            self.transfers.all().select_related(
                "organisation__region",
                "location__municipality__region",
                "location__organisation__region",
            )
        )

    @property
    def units_taken_up(self) -> int:
        """How many units took the practice over: the stated number, or the records if more."""
        return max(self.transferred_units or 0, len(self.take_ups))

    def transfers_by_region(self) -> list[tuple[str, int]]:
        """(region name, number of recorded take-ups), most first; unknown regions last."""
        counts = Counter(transfer.region_name for transfer in self.take_ups)
        return sorted(counts.items(), key=lambda item: (not item[0], -item[1], item[0]))


class PracticeTransfer(Orderable):
    """A place a good practice has been taken up: an organisation or one of its locations."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="transfers")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    location = models.ForeignKey(
        "network.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    since = models.DateField(_("since"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("location"), FieldPanel("since")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("take-up")
        verbose_name_plural = _("take-ups")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.organisation_id is None and self.location_id is None:
            raise ValidationError(
                {"organisation": _("Choose the organisation or the location that took it up.")}
            )

    @property
    def name(self) -> str:
        if self.location_id is not None:
            return self.location.name
        return self.organisation.name if self.organisation_id is not None else ""

    @property
    def region(self):
        """The region of the location's municipality, else of the organisation."""
        location = self.location if self.location_id is not None else None
        if location is not None and location.municipality_id is not None:
            return location.municipality.region
        organisation = self.organisation if self.organisation_id is not None else None
        if organisation is None and location is not None:
            organisation = location.organisation
        return organisation.region if organisation is not None else None

    @property
    def region_name(self) -> str:
        region = self.region
        return region.name if region is not None else ""
