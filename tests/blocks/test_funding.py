"""Funders and the EU acknowledgement: visibility rules per programming period, in each language."""

from decimal import Decimal

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.funding import EUAcknowledgementBlock
from blocks.streams import BodyBlock
from tests.blocks.helpers import api, make_page, render
from tests.factories import (
    FunderFactory,
    FundingLineFactory,
    FundingProgrammeFactory,
    ImageFactory,
    ProjectFactory,
)
from tests.i18n import translated

pytestmark = pytest.mark.django_db


def acknowledgement(project, **value) -> dict:
    return {"type": "eu_acknowledgement", "value": {"project": project.pk, **value}}


def test_funder_is_structured_with_a_logo_rendition(centre, esf_project):
    logo = ImageFactory(title="Občina Pivka", description="Grb občine Pivka")
    extra = FunderFactory(name="Občina Pivka", kind="municipality", logo=logo)
    page = make_page(
        centre.site.root_page,
        [{"type": "funders", "value": {"project": esf_project.pk, "funders": [extra.pk]}}],
    )

    [block] = api(page)

    assert block["type"] == "funders"
    names = [funder["name"] for funder in block["value"]["funders"]]
    assert names == ["Ministrstvo za delo", "Evropski socialni sklad", "Občina Pivka"]
    pivka = block["value"]["funders"][2]
    assert pivka["id"] == extra.pk
    assert pivka["kind"] == "municipality"
    assert set(pivka["logo"]) == {"url", "width", "height", "alt"}
    assert pivka["logo"]["alt"] == "Grb občine Pivka"
    assert pivka["logo"]["url"].startswith("/media/images/")
    assert block["value"]["funders"][1]["logo"] is None


def test_funders_render_logos_and_names(centre, esf_project):
    page = make_page(
        centre.site.root_page, [{"type": "funders", "value": {"project": esf_project.pk}}]
    )
    html = render(page)
    assert 'alt="Ministrstvo za delo"' in html
    assert "Evropski socialni sklad" in html


def test_2021_2027_statement_in_slovenian_with_description(centre, esf_project):
    page = make_page(centre.site.root_page, [acknowledgement(esf_project, emblem_height=80)])

    html = render(page)

    assert "Sofinancira Evropska unija" in html
    assert 'src="/static/blocks/eu-emblem.svg" width="120" height="80"' in html
    assert 'alt="Zastava Evropske unije"' in html
    assert "font-family: Arial" in html
    assert "Manj osamljenosti, več znanja." in html
    assert "80 vključenih uporabnikov." in html


def test_2021_2027_statement_in_czech_on_a_czech_page(czech_centre, esf_project):
    page = make_page(czech_centre.site.root_page, [acknowledgement(esf_project)])

    html = render(page, host="hana.localhost")

    assert "Spolufinancováno Evropskou unií" in html
    assert 'lang="cs"' in html
    assert api(page, host="hana.localhost")[0]["value"]["statement"] == (
        "Spolufinancováno Evropskou unií"
    )


def test_acknowledgement_api_shape(centre, esf_project):
    logo_funder = FunderFactory(name="MDDSZ", logo=ImageFactory())
    page = make_page(
        centre.site.root_page,
        [
            acknowledgement(
                esf_project,
                emblem_height=60,
                typeface="verdana",
                colour="black",
                other_logos=[{"funder": logo_funder.pk, "height": 50}],
            )
        ],
    )

    value = api(page)[0]["value"]

    assert value["mode"] == "2021-2027"
    assert value["language"] == "sl"
    assert value["statement"] == "Sofinancira Evropska unija"
    assert value["fund"] is None
    assert value["emblem"] == {
        "url": "/static/blocks/eu-emblem.svg",
        "width": 90,
        "height": 60,
        "alt": "Zastava Evropske unije",
    }
    assert (value["typeface"], value["colour"]) == ("Verdana", "#000000")
    assert value["project"]["aims"] == "Manj osamljenosti, več znanja."
    assert value["other_logos"][0]["height"] == 50
    assert value["other_logos"][0]["funder"]["name"] == "MDDSZ"
    assert set(value["other_logos"][0]["funder"]["logo"]) == {"url", "width", "height", "alt"}
    assert value["op_zamestnanost"] is None


def test_2014_2020_names_the_union_and_the_fund(centre):
    programme = FundingProgrammeFactory(period="2014-2020", fund="ESF")
    project = ProjectFactory(funding_programme=programme)
    page = make_page(centre.site.root_page, [acknowledgement(project)])

    html = render(page)
    value = api(page)[0]["value"]

    assert "Evropska unija" in html
    assert "Evropski socialni sklad" in html
    assert "Sofinancira" not in html
    assert value["mode"] == "2014-2020"
    assert value["fund"] == {"code": "ESF", "name": "Evropski socialni sklad"}


def test_op_zamestnanost_strip_and_registration_number(czech_centre):
    programme = FundingProgrammeFactory(
        name="Operační program Zaměstnanost", code="CZ.03", period="2014-2020", fund="ESF"
    )
    project = ProjectFactory(
        title="Komunitní centra v Regionu Haná",
        registration_code="CZ.03.2.65/0.0/0.0/16_047/0010190",
        funding_programme=programme,
    )
    page = make_page(czech_centre.site.root_page, [acknowledgement(project)])

    html = render(page, host="hana.localhost")
    value = api(page, host="hana.localhost")[0]["value"]

    assert "Operační program Zaměstnanost" in html
    assert "Evropský sociální fond" in html
    assert "Ministerstvo práce a sociálních věcí" in html
    assert "Registrační číslo projektu: CZ.03.2.65/0.0/0.0/16_047/0010190" in html
    assert value["op_zamestnanost"]["registration_number"] == "CZ.03.2.65/0.0/0.0/16_047/0010190"
    assert value["fund"]["name"] == "Evropský sociální fond"


def test_funders_own_acknowledgements_are_shown_once(centre, esf_project):
    sentence = "Naložbo sofinancirata Republika Slovenija in Evropska unija."
    for line in esf_project.funding_lines.all():
        line.funder.acknowledgement = sentence
        line.funder.save()
    page = make_page(centre.site.root_page, [acknowledgement(esf_project)])
    assert render(page).count(sentence) == 1


def test_emblem_smaller_than_another_logo_is_refused_on_the_emblem_field(esf_project):
    funder = FunderFactory(name="Ministrstvo za delo")
    block = EUAcknowledgementBlock()
    value = block.to_python(
        {
            "project": esf_project.pk,
            "emblem_height": 40,
            "typeface": "arial",
            "colour": "reflex_blue",
            "other_logos": [{"funder": funder.pk, "height": 60}],
        }
    )

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)

    assert set(raised.value.block_errors) == {"emblem_height"}
    message = raised.value.block_errors["emblem_height"].messages[0]
    # Outside a request (and in the admin, by default) the default language.
    assert message == translated(
        "The EU emblem (%(emblem)s px) must be at least as large as the largest other "
        "logo: the %(funder)s logo is %(height)s px. Make the emblem at least "
        "%(height)s px high or the other logos smaller.",
        emblem=40,
        funder="Ministrstvo za delo",
        height=60,
    )


def test_emblem_as_large_as_the_largest_logo_is_accepted(esf_project):
    funder = FunderFactory()
    value = BodyBlock().to_python(
        [
            acknowledgement(
                esf_project, emblem_height=60, other_logos=[{"funder": funder.pk, "height": 60}]
            )
        ]
    )
    assert BodyBlock().clean(value)[0].value["emblem_height"] == 60


def test_unpublished_project_is_neither_rendered_nor_serialised(centre, esf_project):
    esf_project.live = False
    esf_project.save()
    page = make_page(
        centre.site.root_page,
        [acknowledgement(esf_project), {"type": "funders", "value": {"project": esf_project.pk}}],
    )

    html = render(page)

    assert "Sofinancira" not in html
    assert "Ministrstvo za delo" not in html
    assert api(page)[0]["value"] is None
    assert api(page)[1]["value"]["funders"] == []


def test_funding_line_shares_are_decimal_strings(centre):
    project = ProjectFactory(total_value=Decimal("3000.00"))
    FundingLineFactory(project=project, amount=Decimal("1000.00"))
    page = make_page(
        centre.site.root_page, [{"type": "project_summary", "value": {"project": project.pk}}]
    )
    [line] = api(page)[0]["value"]["funding_lines"]
    assert (line["amount"], line["share"]) == ("1000.00", "33.33")
