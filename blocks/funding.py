"""Funding blocks: funders with their logos, and the EU acknowledgement cohesion policy requires.

The acknowledgement follows the programming period of the project's funding programme:

- 2021–2027 (Regulation (EU) 2021/1060, Art. 47 and 50, Annex IX): the EU emblem with
  "Co-funded by the European Union" written out in the page's language, in an allowed
  typeface and colour, never smaller than the largest other logo, and on the website a
  short description of the project with its aims and results.
- 2014–2020 (Regulation (EU) No 1303/2013, Annex XII; Implementing Regulation (EU)
  No 821/2014, Art. 3–5): the emblem in colour with "European Union" spelled out and the
  fund named, plus the same short description.

The statements are the regulations' official wording, so they live here per language
rather than in the interface translations.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.batching import BulkStructBlock, SharedSnippetChooserBlock, prefetch_with_logos, present
from blocks.context import context_language
from blocks.projects import live_project, prefetch_projects
from blocks.schemas.values import EUAcknowledgementValue, FundersValue
from blocks.serializers import funder_data

P2021_2027 = "2021-2027"
P2014_2020 = "2014-2020"

CO_FUNDED = {
    "sl": "Sofinancira Evropska unija",
    "cs": "Spolufinancováno Evropskou unií",
    "en": "Co-funded by the European Union",
}
EUROPEAN_UNION = {"sl": "Evropska unija", "cs": "Evropská unie", "en": "European Union"}
FUND_NAMES = {
    "ESF": {
        "sl": "Evropski socialni sklad",
        "cs": "Evropský sociální fond",
        "en": "European Social Fund",
    },
    "ESF+": {
        "sl": "Evropski socialni sklad plus",
        "cs": "Evropský sociální fond plus",
        "en": "European Social Fund Plus",
    },
    "ERDF": {
        "sl": "Evropski sklad za regionalni razvoj",
        "cs": "Evropský fond pro regionální rozvoj",
        "en": "European Regional Development Fund",
    },
    "CF": {"sl": "Kohezijski sklad", "cs": "Fond soudržnosti", "en": "Cohesion Fund"},
    "JTF": {
        "sl": "Sklad za pravični prehod",
        "cs": "Fond pro spravedlivou transformaci",
        "en": "Just Transition Fund",
    },
    "CERV": {
        "sl": "Program Državljani, enakost, pravice in vrednote",
        "cs": "Program Občané, rovnost, práva a hodnoty",
        "en": "Citizens, Equality, Rights and Values Programme",
    },
}
EMBLEM_ALT = {
    "sl": "Zastava Evropske unije",
    "cs": "Vlajka Evropské unie",
    "en": "Flag of the European Union",
}
REGISTRATION_LABEL = {
    "sl": "Registrska številka projekta",
    "cs": "Registrační číslo projektu",
    "en": "Project registration number",
}
# The Czech OP Employment (OP Zaměstnanost) logo strip, which is Czech in every language.
OPZ_STRIP = ("Evropská unie", "Evropský sociální fond", "Operační program Zaměstnanost")
OPZ_MINISTRY = "Ministerstvo práce a sociálních věcí"

# Annex IX (2021–2027) and Art. 4 of Regulation 821/2014 allow the same typefaces and colours.
TYPEFACES = {
    "arial": ("Arial", "Arial, sans-serif"),
    "auto": ("Auto", "Auto, sans-serif"),
    "calibri": ("Calibri", "Calibri, sans-serif"),
    "garamond": ("Garamond", "Garamond, serif"),
    "trebuchet": ("Trebuchet", "'Trebuchet MS', Trebuchet, sans-serif"),
    "tahoma": ("Tahoma", "Tahoma, sans-serif"),
    "verdana": ("Verdana", "Verdana, sans-serif"),
    "ubuntu": ("Ubuntu", "Ubuntu, sans-serif"),
}
COLOURS = {
    "reflex_blue": (_("Reflex blue (on a white background)"), "#003399", "#ffffff"),
    "black": (_("Black (on a white background)"), "#000000", "#ffffff"),
    "white": (_("White (on a reflex blue background)"), "#ffffff", "#003399"),
}
EMBLEM_RATIO = 1.5  # the emblem is a 3:2 rectangle


def in_language(texts: dict[str, str], language: str) -> str:
    return texts.get(language, texts["en"])


def programming_period(project: Any) -> str:
    """2014–2020 only when the programme says so; current rules otherwise."""
    programme = project.funding_programme
    return P2014_2020 if programme is not None and programme.period == P2014_2020 else P2021_2027


def is_op_zamestnanost(programme: Any) -> bool:
    """The Czech OP Employment (CZ.03), whichever way its code or name was entered."""
    if programme is None:
        return False
    return programme.code.upper().startswith("CZ.03") or "zaměstnanost" in programme.name.lower()


class FundersBlock(BulkStructBlock):
    """The funders who co-finance the centre's work, with their logos."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    project = SharedSnippetChooserBlock(
        "network.Project",
        label=_("Project"),
        required=False,
        help_text=_("Lists the funders of the project's funding lines."),
    )
    funders = blocks.ListBlock(
        SharedSnippetChooserBlock("network.Funder", label=_("Funder")),
        label=_("Other funders"),
        default=[],
    )

    class Meta:
        icon = "money"
        template = "blocks/funders.html"
        label = _("Funders")
        description = _("Funders and co-financers with their logos")

    def prefetch(self, values: list) -> None:
        prefetch_projects((value["project"] for value in values), funding_lines=True)
        prefetch_with_logos(funder for value in values for funder in value["funders"])

    @staticmethod
    def funder_list(value: Any) -> list[Any]:
        """Each funder once: the project's first, then the ones chosen by hand."""
        project = live_project(value["project"])
        funders = [line.funder for line in project.funding_lines.all()] if project else []
        unique = {}
        for funder in [*funders, *present(value["funders"])]:
            unique.setdefault(funder.pk, funder)
        return list(unique.values())

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["funders"] = self.funder_list(value)
        return context

    api_schema = FundersValue

    def api_representation(self, value: Any, context: dict | None) -> FundersValue:
        return {
            "heading": value["heading"] or "",
            "funders": [funder_data(funder) for funder in self.funder_list(value)],
        }


class OtherLogoBlock(blocks.StructBlock):
    """A funder's logo shown beside the EU emblem, at the height it is displayed."""

    funder = SharedSnippetChooserBlock("network.Funder", label=_("Funder"))
    height = blocks.IntegerBlock(label=_("Height (px)"), min_value=10, max_value=300, default=60)

    class Meta:
        icon = "image"
        label = _("Logo")


class EUAcknowledgementBlock(BulkStructBlock):
    """The EU funding acknowledgement of a project, in the form its programming period requires."""

    project = SharedSnippetChooserBlock("network.Project", label=_("Project"))
    emblem_height = blocks.IntegerBlock(
        label=_("Emblem height (px)"),
        min_value=30,
        max_value=300,
        default=60,
        help_text=_("The EU emblem may not be smaller than any other logo shown with it."),
    )
    typeface = blocks.ChoiceBlock(
        label=_("Typeface"),
        choices=[(key, name) for key, (name, _stack) in TYPEFACES.items()],
        default="arial",
        search_index=False,
    )
    colour = blocks.ChoiceBlock(
        label=_("Text colour"),
        choices=[(key, label) for key, (label, _fg, _bg) in COLOURS.items()],
        default="reflex_blue",
        search_index=False,
    )
    other_logos = blocks.ListBlock(
        OtherLogoBlock(), label=_("Other logos shown with the emblem"), default=[]
    )

    class Meta:
        icon = "flag"
        template = "blocks/eu_acknowledgement.html"
        label = _("EU funding acknowledgement")
        description = _("The EU emblem and statement required on EU co-funded project pages")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        logos = [logo for logo in value["other_logos"] if logo["funder"] and logo["height"]]
        tallest = max(logos, key=lambda logo: logo["height"], default=None)
        if tallest is not None and value["emblem_height"] < tallest["height"]:
            message = _(
                "The EU emblem (%(emblem)s px) must be at least as large as the largest other "
                "logo: the %(funder)s logo is %(height)s px. Make the emblem at least "
                "%(height)s px high or the other logos smaller."
            ) % {
                "emblem": value["emblem_height"],
                "funder": tallest["funder"].name,
                "height": tallest["height"],
            }
            raise StructBlockValidationError(
                block_errors={"emblem_height": ValidationError(message, code="emblem_too_small")}
            )
        return value

    def prefetch(self, values: list) -> None:
        prefetch_projects(
            (value["project"] for value in values), "funding_programme", funding_lines=True
        )
        funders = present(logo["funder"] for value in values for logo in value["other_logos"])
        prefetch_with_logos(funders)

    def acknowledgement(self, value: Any, context: dict | None) -> dict | None:
        """Everything the template and the API show, in the page's language."""
        project = live_project(value["project"])
        if project is None:
            return None
        language = context_language(context)
        period = programming_period(project)
        programme = project.funding_programme
        fund = None
        if period == P2014_2020 and programme is not None and programme.fund in FUND_NAMES:
            fund_name = in_language(FUND_NAMES[programme.fund], language)
            fund = {"code": programme.fund, "name": fund_name}
        height = value["emblem_height"]
        _label, foreground, background = COLOURS[value["colour"]]
        statements = [line.funder.acknowledgement for line in project.funding_lines.all()]
        opz = None
        if is_op_zamestnanost(programme):
            opz = {
                "strip": list(OPZ_STRIP),
                "ministry": OPZ_MINISTRY,
                "registration_label": in_language(REGISTRATION_LABEL, language),
                "registration_number": project.registration_code,
            }
        return {
            "mode": period,
            "language": language,
            "statement": in_language(
                CO_FUNDED if period == P2021_2027 else EUROPEAN_UNION, language
            ),
            "fund": fund,
            "emblem": {
                "url": static("blocks/eu-emblem.svg"),
                "width": round(height * EMBLEM_RATIO),
                "height": height,
                "alt": in_language(EMBLEM_ALT, language),
            },
            "typeface": TYPEFACES[value["typeface"]][0],
            "font_family": TYPEFACES[value["typeface"]][1],
            "colour": foreground,
            "background": background,
            "project": {
                "id": project.pk,
                "title": project.title,
                "code": project.registration_code,
                "summary": project.summary,
                "aims": project.aims,
                "expected_results": project.expected_results,
                "achieved_results": project.achieved_results,
            },
            "acknowledgements": list(dict.fromkeys(text for text in statements if text)),
            "other_logos": [
                {"funder": logo["funder"], "height": logo["height"]}
                for logo in value["other_logos"]
                if logo["funder"] is not None
            ],
            "op_zamestnanost": opz,
        }

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["ack"] = self.acknowledgement(value, parent_context)
        return context

    api_schema = EUAcknowledgementValue | None

    def api_representation(self, value: Any, context: dict | None) -> EUAcknowledgementValue | None:
        data = self.acknowledgement(value, context)
        if data is None:
            return None
        data.pop("font_family")
        data["other_logos"] = [
            {"funder": funder_data(logo["funder"]), "height": logo["height"]}
            for logo in data["other_logos"]
        ]
        return data
