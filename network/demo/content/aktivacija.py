"""The social activation unit of Novo mesto: its two long programmes (seed 002)."""

from __future__ import annotations

from network.demo.content import DemoContext
from network.demo.content import blocks as b
from network.demo.content.schedules import RepeatText, schedule_fields
from network.demo.pages import PageData
from network.demo.specs import p, paragraph
from sites.models import ProgrammeIndexPage, SocialActivationProgrammePage

ELIGIBILITY = (
    "Za osebe do 49 let, ki so v zadnjih 24 mesecih vsaj dvanajstkrat prejele denarno "
    "socialno pomoč. V program vas napoti center za socialno delo ali urad za delo."
)

# A public video of the European Parliament on the EU's social goals (youth employment).
EUROPARL_VIDEO = (
    "https://www.europarltv.europa.eu/sl/programme/society/common-goals-the-social-dimension"
)
EUROPARL_TITLE = "Skupni cilji: socialna razsežnost"

# Mid-October start, 11 months, four mornings a week of training and group work.
PROGRAMME_WEEK = RepeatText(
    ("MO", "TU", "WE", "TH"), "08:00", "12:00", season_start=(10, 15), months=11
)

# (slug, title, intro, text, implementer, partner)
PROGRAMMES = (
    (
        "kreativno-vkljucen-in-socialno-opolnomocen",
        "Kreativno vključen in socialno opolnomočen",
        "Dolgi program socialne aktivacije v Novem mestu.",
        "Program izvaja Območno združenje Rdečega križa Novo mesto v partnerstvu s šolo Grm "
        "Novo mesto – Center biotehnike in turizma. Traja 11 mesecev, vključi do 20 ljudi, "
        "največ časa pa je namenjenega delovnemu usposabljanju.",
        "rdeci-kriz-novo-mesto",
        "grm-novo-mesto",
    ),
    (
        "opolnomocenje-ranljivih-skupin-bela-krajina",
        "Opolnomočenje ranljivih ciljnih skupin in približevanje trgu dela Bela krajina",
        "Dolgi program socialne aktivacije v Črnomlju.",
        "Program izvaja Zavod za izobraževanje in kulturo Črnomelj. Dolgotrajno brezposelne in "
        "prejemnike denarne socialne pomoči v 11 mesecih pripravi na vstop na trg dela.",
        "zik-crnomelj",
        "",
    ),
)


def build(ctx: DemoContext) -> tuple[list[PageData], list[dict]]:
    project = ctx.project()
    coordinators = ctx.contacts()
    entry_points = [ctx.org("csd-dolenjska-in-bela-krajina"), ctx.org("zrsz")]
    pages = [
        PageData(
            SocialActivationProgrammePage,
            slug,
            title,
            fields={
                "intro": intro,
                "duration_months": 11,
                "capacity": 20,
                "age_limit": 49,
                "assistance_payments_required": 12,
                "assistance_window_months": 24,
                "eligibility_note": ELIGIBILITY,
                "implementer": ctx.org(implementer),
                "partner": ctx.org(partner) if partner else None,
                "project": project,
                **schedule_fields(ctx, PROGRAMME_WEEK)[0],
            },
            m2m={
                "entry_points": entry_points,
                "coordinators": coordinators,
                "target_groups": [
                    ctx.target_group("dolgotrajno-brezposelni"),
                    ctx.target_group("prejemniki-denarne-socialne-pomoci"),
                ],
                "themes": [ctx.theme("aktivacija")],
            },
            body=[paragraph(p(text))],
        )
        for slug, title, intro, text, implementer, partner in PROGRAMMES
    ]
    index = PageData(
        ProgrammeIndexPage,
        "programi",
        "Programi",
        fields={"intro": "Dolga programa socialne aktivacije v regijski enoti Novo mesto."},
        children=pages,
    )
    b.ensure_stored_embed(EUROPARL_VIDEO, title=EUROPARL_TITLE, provider_name="EuroparlTV")
    home_blocks = [
        b.programme_list("Naši programi"),
        b.media_embed(
            EUROPARL_VIDEO,
            "Video Evropskega parlamenta o socialni razsežnosti EU",
            "Kako EU podpira programe, ki mladim pomagajo do zaposlitve.",
        ),
        b.contacts("Regijske koordinatorke", coordinators),
        b.quick_contact("Hitri kontakt", ctx.location()),
        b.indicators("Kazalniki", project),
        b.partners("Izvajalci in partnerji", project),
        b.eu_acknowledgement(project),
    ]
    return [index], home_blocks
