"""Reference data of the demo: geography, taxonomies, organisations, funders and programmes."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.models import Locale

from network.demo.funding import FUNDERS, PROGRAMMES, TARGET_GROUPS, THEMES
from network.demo.geography import REGIONS
from network.demo.organisations import ORGANISATIONS
from network.demo.upsert import DemoDataError, Tally, upsert
from network.models import (
    Funder,
    FundingProgramme,
    Municipality,
    Organisation,
    Region,
    TargetGroup,
    Theme,
)


@dataclass
class Reference:
    """The loaded reference rows, found by the keys the demo data uses for them."""

    tally: Tally
    locales: dict[str, Locale] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    municipalities: dict[tuple[str, str], Municipality] = field(default_factory=dict)
    terms: dict[tuple[type, str, str], TargetGroup | Theme] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    funders: dict[tuple[str, str], Funder] = field(default_factory=dict)
    programmes: dict[str, FundingProgramme] = field(default_factory=dict)

    def locale(self, code: str) -> Locale:
        if code not in self.locales:
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None:
                raise DemoDataError(f"The locale “{code}” is missing: add it to MREZA_LANGUAGES.")
            self.locales[code] = locale
        return self.locales[code]

    def municipality(self, locale: str, name: str) -> Municipality | None:
        if not name:
            return None
        if (locale, name) not in self.municipalities:
            raise DemoDataError(f"Unknown municipality “{name}” ({locale}).")
        return self.municipalities[(locale, name)]

    def funder(self, slug: str, locale: str) -> Funder:
        """The funder in the given language, or the Slovenian original."""
        return self.funders.get((slug, locale)) or self.funders[(slug, "sl")]

    def term(self, model: type[TargetGroup | Theme], locale: str, slug: str) -> TargetGroup | Theme:
        return self.terms[(model, locale, slug)]


def load_reference(tally: Tally) -> Reference:
    """Create or update the rows every demo site refers to."""
    reference = Reference(tally=tally)
    _load_geography(reference)
    _load_terms(reference)
    _load_organisations(reference)
    _load_funding(reference)
    return reference


def _load_geography(reference: Reference) -> None:
    for data in REGIONS:
        locale = reference.locale(data.locale)
        region = upsert(
            Region,
            lookup={"slug": data.slug, "locale": locale},
            values={"name": data.name, "country": data.country},
            tally=reference.tally,
        )
        reference.regions[data.slug] = region
        for name in data.municipalities:
            reference.municipalities[(data.locale, name)] = upsert(
                Municipality,
                lookup={"slug": slugify(name), "locale": locale},
                values={"name": name, "region": region},
                tally=reference.tally,
            )


def _load_terms(reference: Reference) -> None:
    for model, terms in ((Theme, THEMES), (TargetGroup, TARGET_GROUPS)):
        for term in terms:
            reference.terms[(model, term.locale, term.slug)] = upsert(
                model,
                lookup={"slug": term.slug, "locale": reference.locale(term.locale)},
                values={"name": term.name, "description": term.description},
                tally=reference.tally,
            )


def _load_organisations(reference: Reference) -> None:
    for data in ORGANISATIONS:
        if data.slug in reference.organisations:
            raise DemoDataError(f"Two demo organisations share the slug “{data.slug}”.")
        reference.organisations[data.slug] = upsert(
            Organisation,
            lookup={"slug": data.slug, "locale": reference.locale(data.locale)},
            values={
                "name": data.name,
                "short_name": data.short_name,
                "kind": data.kind,
                "description": data.description,
                "region": reference.regions[data.region] if data.region else None,
                "email": data.email,
                "phone": data.phone,
                "website": data.website,
            },
            m2m={
                "municipalities": [
                    reference.municipality(data.locale, name) for name in data.municipalities
                ]
            },
            tally=reference.tally,
        )


def _load_funding(reference: Reference) -> None:
    for data in FUNDERS:
        values = {
            "name": data.name,
            "kind": data.kind,
            "acknowledgement": data.acknowledgement,
            "organisation": reference.organisations.get(data.organisation),
            "website": data.website,
        }
        if data.translation_of:
            original = reference.funders[(data.translation_of, "sl")]
            values["translation_key"] = original.translation_key
        reference.funders[(data.slug, data.locale)] = upsert(
            Funder,
            lookup={"slug": data.slug, "locale": reference.locale(data.locale)},
            values=values,
            tally=reference.tally,
        )
    for data in PROGRAMMES:
        reference.programmes[data.name] = upsert(
            FundingProgramme,
            lookup={"name": data.name, "locale": reference.locale(data.locale)},
            values={
                "code": data.code,
                "period": data.period,
                "fund": data.fund,
                "managing_authority": reference.organisations.get(data.managing_authority),
            },
            tally=reference.tally,
        )
