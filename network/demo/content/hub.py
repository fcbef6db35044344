"""The hub's good practices and the report from the Zasavje network meeting (seed 004)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from network.demo.content import DemoContext
from network.demo.content import blocks as b
from network.demo.pages import PageData
from network.demo.specs import heading, p, paragraph
from sites.models import (
    EventIndexPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    NewsArticlePage,
    NewsIndexPage,
)


@dataclass(frozen=True)
class Practice:
    slug: str
    title: str
    intro: str
    problem: str
    approach: str
    results: str
    region: str
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    organisations: tuple[str, ...] = ()
    transferability: str = ""
    transferred_units: int | None = None
    # Take-ups on record: (organisation slug, since).
    taken_up_by: tuple[tuple[str, date], ...] = ()


PRACTICES = (
    Practice(
        "enota-vdc-v-litiji",
        "Enota varstveno delovnega centra v Litiji",
        "Varstveno delovni center Zagorje ob Savi je odprl enoto v Litiji.",
        "<p>Ljudje iz Litije so morali v varstveno delovni center hoditi daleč.</p>",
        "<p>Razširitev centra na enoto v Litiji je bil eden od ukrepov regijskega izvedbenega "
        "načrta in plod dolgoletnih prizadevanj.</p>",
        "<p>Enota deluje v prostorih na Ljubljanski cesti 3 v Litiji; njeno delo, prostore in "
        "izdelke so udeleženci srečanja spoznali od blizu.</p>",
        "osrednjeslovenska",
        ("socialna-vkljucenost",),
        ("osebe-z-zdravstvenimi-omejitvami",),
        ("obcina-litija",),
    ),
    Practice(
        "dnevni-center-za-otroke-in-mladostnike",
        "Dnevni center za otroke in mladostnike",
        "Dnevni center v Škofji Loki, ki ga vodi center za socialno delo.",
        "<p>V Zasavju dnevnega centra za otroke in mladostnike še ni, potreba pa je velika.</p>",
        "<p>V Škofji Loki dnevni center deluje v okviru centra za socialno delo in otrokom ter "
        "mladostnikom ponuja podporo po pouku.</p>",
        "<p>Praksa je zgled za regije, ki bodo na prihodnjem razpisu iskale izvajalca.</p>",
        "gorenjska",
        ("socialna-vkljucenost",),
        ("otroci-v-stiski",),
    ),
    Practice(
        "brezplacni-prevozi-za-starejse",
        "Brezplačni prostovoljni prevozi za starejše",
        "Zavod Sopotniki s prostovoljnimi vozniki vozi starejše, ki nimajo javnega prevoza.",
        "<p>Starejši iz oddaljenih krajev brez javnega prevoza so prikrajšani za dejavno "
        "življenje v skupnosti.</p>",
        "<p>Občina Litija se je vključila v projekt Zavoda Sopotniki; prostovoljci starejše iz "
        "Litije in Šmartnega pri Litiji brezplačno vozijo po opravkih.</p>",
        "<p>Prevoze so uspešno prenesli na 12 enot po Sloveniji.</p>",
        "osrednjeslovenska",
        ("mobilnost",),
        ("starejsi",),
        ("zavod-sopotniki", "obcina-litija"),
        "Prenesena na 12 enot po Sloveniji.",
        12,
        (("obcina-litija", date(2019, 3, 1)), ("zlht-regionalni-center-nvo", date(2020, 9, 1))),
    ),
)

MEETING_REPORT = (
    p(
        "ZLHT Regionalni center NVO je v sodelovanju z RRA Zasavje in CSD Zasavje pripravil "
        "srečanje o socialnem varstvu v regiji. Povezali smo 25 udeležencev iz javnega in "
        "nevladnega sektorja."
    ),
    p(
        "Direktor CSD Zasavje je predstavil uresničevanje regijskega izvedbenega načrta za "
        "obdobje 2017–2020: po ocenah je realiziranih 40 % predvidenih ukrepov."
    ),
    p(
        "Spoznali smo tri dobre prakse: enoto varstveno delovnega centra v Litiji, dnevni center "
        "za otroke in mladostnike iz Škofje Loke ter brezplačne prevoze Zavoda Sopotniki."
    ),
)


def practice_page(ctx: DemoContext, item: Practice) -> PageData:
    return PageData(
        GoodPracticePage,
        item.slug,
        item.title,
        fields={
            "intro": item.intro,
            "problem": item.problem,
            "approach": item.approach,
            "results": item.results,
            "transferability": item.transferability,
            "transferred_units": item.transferred_units,
            "region": ctx.reference.regions[item.region],
        },
        m2m={
            "organisations": [ctx.org(slug) for slug in item.organisations],
            "themes": [ctx.theme(slug) for slug in item.themes],
            "target_groups": [ctx.target_group(slug) for slug in item.target_groups],
        },
        body=[paragraph(item.results)],
        inlines={
            "transfers": [
                {"organisation": ctx.org(slug), "since": since} for slug, since in item.taken_up_by
            ]
        },
    )


def build(ctx: DemoContext) -> tuple[list[PageData], list[dict]]:
    practices = PageData(
        GoodPracticeIndexPage,
        "dobre-prakse",
        "Dobre prakse",
        fields={"intro": "Zgledi iz mreže, ki jih je vredno prenesti drugam."},
        children=[practice_page(ctx, item) for item in PRACTICES],
    )
    news = PageData(
        NewsIndexPage,
        "novice",
        "Novice",
        fields={"intro": "Novice iz mreže centrov."},
        children=[
            PageData(
                NewsArticlePage,
                "aktivno-pristopamo-do-vprasanj-socialnega-varstva",
                "Aktivno pristopamo do vprašanj socialnega varstva",
                fields={
                    "intro": "Regijsko srečanje v Litiji: 25 udeležencev, tri dobre prakse.",
                    # The report gives no date; this one is illustrative.
                    "date": date(2019, 5, 15),
                },
                m2m={"themes": [ctx.theme("socialna-vkljucenost")]},
                body=[heading("Srečanje v Litiji"), paragraph(*MEETING_REPORT)],
            )
        ],
    )
    # The network's calendar: every centre's events and programmes in one place.
    calendar = PageData(
        EventIndexPage,
        "koledar",
        "Koledar mreže",
        fields={
            "intro": "Dogodki in programi vseh centrov mreže.",
            "network_wide": True,
        },
    )
    home_blocks = [
        b.good_practices("Dobre prakse iz mreže"),
        b.upcoming_events("Dogodki v mreži", scope="network", limit=5),
    ]
    return [practices, news, calendar], home_blocks
