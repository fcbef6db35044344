"""Project blocks: summary with funding shares, partners, indicators with progress."""

from decimal import Decimal

import pytest

from tests.blocks.helpers import api, make_page, render
from tests.factories import ImageFactory, IndicatorFactory, OrganisationFactory
from tests.i18n import translated

pytestmark = pytest.mark.django_db


def test_project_summary_api_shape(centre, esf_project):
    page = make_page(
        centre.site.root_page, [{"type": "project_summary", "value": {"project": esf_project.pk}}]
    )

    value = api(page)[0]["value"]

    assert value["id"] == esf_project.pk
    assert value["title"] == "Točke moči"
    assert value["code"] == "OP20.00123"
    assert value["programme"]["period"] == "2021-2027"
    assert value["programme"]["fund"] == "ESF+"
    assert value["period"] == {"start": "2017-01-01", "end": "2021-12-31"}
    assert value["value"] == {"amount": "875000.00", "currency": "EUR"}
    lines = [
        (line["funder"]["name"], line["amount"], line["share"]) for line in value["funding_lines"]
    ]
    assert lines == [
        ("Ministrstvo za delo", "143750.00", "16.43"),
        ("Evropski socialni sklad", "431250.00", "49.29"),
    ]
    assert set(value["funding_lines"][0]["funder"]) >= {"id", "name", "kind", "logo"}
    assert set(value["funding_lines"][0]["funder"]["logo"]) == {"url", "width", "height", "alt"}
    assert value["lead"]["name"] == "Zavod Znanje"
    assert [p["organisation"]["name"] for p in value["partners"]] == [
        "Občina Pivka",
        "Knjižnica Bena Zupančiča",
    ]
    assert value["partners"][0]["role"] == "partner"


def test_project_summary_renders_a_table_with_caption_and_headers(centre, esf_project):
    page = make_page(
        centre.site.root_page, [{"type": "project_summary", "value": {"project": esf_project.pk}}]
    )

    html = render(page)

    assert "<caption>" in html
    assert '<th scope="row">Ministrstvo za delo</th>' in html
    assert "143.750,00\u00a0€" in html
    assert "16,43 %" in html
    assert "OP20.00123" in html
    assert "<strong>Zavod Znanje</strong>" in html


def test_funding_and_partners_can_be_left_out(centre, esf_project):
    page = make_page(
        centre.site.root_page,
        [
            {
                "type": "project_summary",
                "value": {"project": esf_project.pk, "show_funding": False, "show_partners": False},
            }
        ],
    )
    value = api(page)[0]["value"]
    assert value["funding_lines"] == [] and value["partners"] == []
    assert "Zavod Znanje" not in render(page)


def test_partners_lead_first_then_hand_picked_with_logos(centre, esf_project):
    extra = OrganisationFactory(name="Društvo upokojencev", logo=ImageFactory())
    page = make_page(
        centre.site.root_page,
        [{"type": "partners", "value": {"project": esf_project.pk, "organisations": [extra.pk]}}],
    )

    value = api(page)[0]["value"]

    assert value["project"] == {"id": esf_project.pk, "title": "Točke moči"}
    assert [row["organisation"]["name"] for row in value["partners"]] == [
        "Zavod Znanje",
        "Občina Pivka",
        "Knjižnica Bena Zupančiča",
        "Društvo upokojencev",
    ]
    assert value["partners"][0]["role"] == "lead_partner"
    assert value["partners"][3]["role"] is None
    assert set(value["partners"][3]["organisation"]["logo"]) == {"url", "width", "height", "alt"}
    assert 'alt="Društvo upokojencev"' in render(page)


def test_indicators_target_achieved_and_progress(centre, esf_project):
    IndicatorFactory(project=esf_project, name="Delavnice", kind="outcome", target=Decimal("0"))
    page = make_page(
        centre.site.root_page, [{"type": "indicators", "value": {"project": esf_project.pk}}]
    )

    value = api(page)[0]["value"]

    users, workshops = value["indicators"]
    assert users["name"] == "Vključeni uporabniki"
    assert (users["target"], users["achieved"], users["progress"]) == ("80.00", "35.00", "43.75")
    assert users["unit"] == "oseb"
    assert workshops["progress"] is None
    html = render(page)
    caption = translated(
        "Indicators of %(project)s", language=page.locale.language_code, project="Točke moči"
    )
    assert f"<caption>{caption}</caption>" in html
    assert '<th scope="row">Vključeni uporabniki</th>' in html
    assert '<progress max="100" value="43.75"' in html
    assert "43,75 %" in html


def test_indicators_filtered_by_kind(centre, esf_project):
    IndicatorFactory(project=esf_project, name="Zadovoljstvo", kind="outcome")
    page = make_page(
        centre.site.root_page,
        [{"type": "indicators", "value": {"project": esf_project.pk, "kind": "outcome"}}],
    )
    assert [item["name"] for item in api(page)[0]["value"]["indicators"]] == ["Zadovoljstvo"]


def test_draft_project_is_hidden_from_every_project_block(centre, esf_project):
    esf_project.live = False
    esf_project.save()
    page = make_page(
        centre.site.root_page,
        [
            {"type": "project_summary", "value": {"project": esf_project.pk}},
            {"type": "partners", "value": {"project": esf_project.pk}},
            {"type": "indicators", "value": {"project": esf_project.pk}},
        ],
    )
    summary, partners, indicators = api(page)
    assert summary["value"] is None
    assert partners["value"]["partners"] == []
    assert indicators["value"] is None
    html = render(page)
    assert "Točke moči" not in html
    assert "Zavod Znanje" not in html
