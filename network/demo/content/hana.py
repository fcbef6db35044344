"""Pages of the Haná community centres, in Czech (seed 003)."""

from __future__ import annotations

from datetime import date

from network.demo.content import DemoContext
from network.demo.content.centre import (
    CentreTexts,
    EventText,
    NewsText,
    ProgrammeText,
    Section,
    centre_home_blocks,
    centre_pages,
)
from network.demo.content.schedules import DateChange, RepeatText
from network.demo.pages import PageData

GROUPS = ("socialne-vylouceni",)
THEMES = ("komunitni-socialni-prace",)

TEXTS = CentreTexts(
    projects=Section("projekty", "Projekty", "Projekty spolku Region HANÁ."),
    programmes=Section("programy", "Programy", "Co v komunitních centrech pravidelně probíhá."),
    events=Section("akce", "Akce", "Akce komunitních center v nejbližších týdnech."),
    news=Section("aktuality", "Aktuality", "Novinky z komunitních center."),
    contact=Section("kontakt", "Kontakt", "Centra a lidé, na které se můžete obrátit."),
    practices=Section("dobra-praxe", "Dobrá praxe", "Příklady dobré praxe ze sítě."),
    search=Section("hledani", "Hledání", "Hledejte akce, programy a aktuality."),
    about=Section(
        "o-nas",
        "O nás",
        "Region HANÁ, z.s. rozběhl komunitní centra v jedenácti obcích regionu.",
    ),
    project_intro="Komunitní centra v 11 obcích Regionu Haná, září 2019 – únor 2022.",
    project_text=(
        "Projekt s registračním číslem CZ.03.2.65/0.0/0.0/16_047/0010190 financovala Evropská "
        "unie prostřednictvím Operačního programu Zaměstnanost. Cílem je jedenáct center, "
        "která budou fungovat samostatně i po skončení projektu."
    ),
    location_intro="Komunitní centrum obce; mimo otevírací dobu po domluvě.",
    programme_list=(
        ProgrammeText(
            "komunitni-setkani",
            "Komunitní setkání",
            "community",
            "Sousedé se scházejí a společně plánují akce pro obec.",
            "Na setkání se sdílí nápady i starosti. Z ankety mezi obyvateli vzešla analýza "
            "potřeb a plán činností, který setkání průběžně doplňují.",
            GROUPS,
            THEMES,
            schedule=RepeatText(
                ("TH",),
                "18:00",
                "20:00",
                interval=2,
                changes=(DateChange(0, "Setkání se přesouvá kvůli volbám.", 1),),
            ),
        ),
        ProgrammeText(
            "socialni-poradenstvi",
            "Sociální poradenství",
            "counselling",
            "Základní sociální poradenství přímo v obci.",
            "Sociální pracovník poradí s dávkami, bydlením nebo dluhy. Poradenství je zdarma "
            "a důvěrné.",
            GROUPS,
            THEMES,
            "Na konzultaci se domluvte s místním koordinátorem.",
            schedule=RepeatText(("WE",), "13:00", "16:00"),
        ),
    ),
    event_list=(
        EventText(
            "setkani-sousedu",
            "Setkání sousedů",
            "Plánujeme společné akce na příští měsíc.",
            7,
            programme="komunitni-setkani",
        ),
        EventText(
            "poradenstvi-v-obci",
            "Poradenský den",
            "Sociální pracovník je k dispozici celé odpoledne.",
            14,
            cancelled="Poradenský den se ruší z důvodu nemoci; náhradní termín oznámíme.",
        ),
        EventText(
            "sousedska-slavnost",
            "Sousedská slavnost",
            "Odpoledne pro celou obec s hudbou a občerstvením.",
            30,
            hours=3,
        ),
    ),
    news_list=(
        NewsText(
            "projekt-zahajen",
            "Projekt komunitních center zahájen",
            date(2019, 9, 2),
            "V jedenácti obcích Regionu Haná začínají komunitní centra.",
            "Na začátku proběhne v každé obci anketa, z níž vzejde analýza potřeb a návrh "
            "činností centra.",
            THEMES,
        ),
        NewsText(
            "centra-funguji-samostatne",
            "Centra fungují samostatně",
            date(2022, 2, 28),
            "Projekt skončil, komunitní centra pokračují.",
            "Cílem projektu bylo jedenáct center, jejichž společenství si umějí poradit sama.",
        ),
    ),
    labels={
        "about_project": "O projektu",
        "indicators": "Ukazatele",
        "hours": "Otevírací doba",
        "who_we_are": "Kdo jsme",
        "faq": "Časté otázky",
        "documents": "Ke stažení",
        "cta_heading": "Přidejte se",
        "cta_text": "Máte nápad na akci ve své obci? Ozvěte se nám.",
        "cta_button": "Kontakt",
        "programmes": "Naše programy",
        "events": "Nejbližší akce",
        "practices": "Dobrá praxe ze sítě",
        "funders": "Financování",
        "partners": "Partneři",
        "municipalities": "Obce",
        "contact": "Rychlý kontakt",
    },
    quote=(
        "O tom, co se v centru děje, rozhodují hlavně místní lidé.",
        "Region HANÁ, z.s.",
        "",
    ),
    faq=(
        ("Kdo může do centra přijít?", "<p>Kdokoli z obce, centra jsou otevřená všem.</p>"),
        (
            "Kdo mi pomůže?",
            "<p>Místní koordinátor a sociální pracovník, který poskytuje základní sociální "
            "poradenství.</p>",
        ),
    ),
    image_title="Komunitní centrum – společenská místnost",
    document_title="Komunitní centra – leták",
    document_text="Komunitní centra v Regionu Haná\nJedenáct center v jedenácti obcích.\n",
)


def build(ctx: DemoContext) -> tuple[list[PageData], list[dict]]:
    return centre_pages(ctx, TEXTS), centre_home_blocks(ctx, TEXTS)
