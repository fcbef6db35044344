"""Socio's pages: project, programmes, events, news, office, contact and about (seed 001)."""

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

TEXTS = CentreTexts(
    projects=Section("projekti", "Projekti", "Projekti, s katerimi Socio širi svojo ponudbo."),
    programmes=Section("programi", "Programi", "Brezplačne skupine, tečaji in delavnice."),
    events=Section("dogodki", "Dogodki", "Kaj se dogaja v centru v prihodnjih tednih."),
    news=Section("novice", "Novice", "Novice iz večgeneracijskega centra."),
    contact=Section("kontakt", "Kontakt", "Pišite nam ali se oglasite med 7. in 18. uro."),
    practices=Section("dobre-prakse", "Dobre prakse", "Zgledi iz mreže, ki jih velja posnemati."),
    search=Section("iskanje", "Iskanje", "Poiščite program, dogodek ali novico."),
    about=Section(
        "o-nas",
        "O nas",
        "Javni zavod Socio medgeneracijske programe izvaja od leta 2011, od leta 2016 pa "
        "tudi kot večgeneracijski center.",
    ),
    project_intro="Večgeneracijski center v Celju in enajstih okoliških občinah, 2016–2021.",
    project_text=(
        "Socio je s partnerji uspel na razpisu ministrstva, pristojnega za socialne zadeve, in "
        "Evropskega socialnega sklada. Projekt je vreden 875.000 evrov, od tega 575.000 evrov "
        "prispevata ministrstvo in sklad."
    ),
    location_intro="Center je odprt od ponedeljka do petka med 7. in 18. uro.",
    programme_list=(
        ProgrammeText(
            "obvladovanje-stresa",
            "Skupina za obvladovanje stresa",
            "support_group",
            "Srečanja, na katerih se naučimo prepoznati stres in ga obvladati.",
            "Skupina se srečuje tedensko. Udeleženci spoznajo preproste tehnike sproščanja in "
            "si izmenjajo izkušnje. Sodelovanje je brezplačno.",
            ("brezposelni", "osebe-z-zdravstvenimi-omejitvami"),
            ("socialna-vkljucenost",),
            schedule=RepeatText(
                ("TU",),
                "17:00",
                "19:00",
                changes=(
                    DateChange(1, "Srečanje odpade zaradi izobraževanja vodij skupine."),
                    DateChange(3, "Zaradi prireditve v dvorani se srečamo dan kasneje.", 1),
                ),
            ),
        ),
        ProgrammeText(
            "racunalniski-tecaj",
            "Računalniški tečaj",
            "course",
            "Osnove dela z računalnikom in spletom za vse generacije.",
            "Na tečaju spoznamo elektronsko pošto, varno brskanje in spletne storitve javne "
            "uprave. Tečaj je brezplačen, število mest je omejeno.",
            ("starejsi", "brezposelni"),
            ("znanje",),
            "Prijave sprejemamo po elektronski pošti ali osebno v centru.",
            schedule=RepeatText(("MO", "WE"), "09:00", "11:00"),
        ),
    ),
    event_list=(
        EventText(
            "srecanje-skupine-za-obvladovanje-stresa",
            "Srečanje skupine za obvladovanje stresa",
            "Tokrat o dihalnih vajah za vsak dan.",
            7,
            programme="obvladovanje-stresa",
        ),
        EventText(
            "kuharska-delavnica",
            "Kuharska delavnica za vse generacije",
            "Babice, dedki in vnuki skupaj pripravijo preprosto jesensko kosilo.",
            14,
            cancelled="Delavnica odpade zaradi bolezni izvajalke; nov termin objavimo kmalu.",
        ),
        EventText(
            "predavanje-financno-opismenjevanje",
            "Predavanje: družinski proračun",
            "Kako načrtovati mesečne izdatke in se izogniti dolgovom.",
            30,
        ),
        EventText(
            "medgeneracijski-vikend",
            "Medgeneracijski vikend v naravi",
            "Dva dneva pohodov, iger in druženja za vse generacije.",
            40,
            hours=0,
            end_days=1,
        ),
    ),
    news_list=(
        NewsText(
            "odprli-smo-vecgeneracijski-center",
            "Odprli smo večgeneracijski center",
            date(2016, 9, 1),
            "Z novimi prostori in več zaposlenimi ponujamo še več brezplačnih dejavnosti.",
            "Socio medgeneracijske programe izvaja od leta 2011. S partnerji – Mladinskim "
            "centrom Dravinjske doline, Razvojno agencijo Kozjansko in Ljudsko univerzo "
            "Rogaška Slatina – je uspel na razpisu za večgeneracijske centre.",
            ("socialna-vkljucenost",),
        ),
        NewsText(
            "program-tudi-v-okoliskih-obcinah",
            "Program tudi v okoliških občinah",
            date(2017, 3, 1),
            "Dejavnosti potekajo pri partnerjih in na terenu v enajstih občinah.",
            "Poleg Mestne občine Celje program podpirajo Šentjur, Šmarje pri Jelšah, Dobje, "
            "Kozje, Bistrica ob Sotli, Rogatec, Podčetrtek, Rogaška Slatina, Slovenske Konjice "
            "in Zreče.",
        ),
    ),
    labels={
        "about_project": "O projektu",
        "indicators": "Kazalniki",
        "hours": "Uradne ure",
        "who_we_are": "Kdo smo",
        "faq": "Pogosta vprašanja",
        "documents": "Za prenos",
        "cta_heading": "Pridružite se nam",
        "cta_text": "Vse dejavnosti so brezplačne. Pišite nam in poiščimo program za vas.",
        "cta_button": "Kontakt",
        "programmes": "Naši programi",
        "events": "Prihajajoči dogodki",
        "practices": "Dobre prakse iz mreže",
        "funders": "Financerji",
        "partners": "Partnerji",
        "municipalities": "Občine, ki nas podpirajo",
        "contact": "Hitri kontakt",
    },
    quote=(
        "Vrata centra so odprta vsem generacijam – otrokom, staršem in starejšim.",
        "Javni zavod Socio",
        "",
    ),
    faq=(
        ("Ali dejavnosti kaj stanejo?", "<p>Ne, vse dejavnosti v programu so brezplačne.</p>"),
        (
            "Kdaj je center odprt?",
            "<p>Od ponedeljka do petka med 7. in 18. uro.</p>",
        ),
        (
            "Komu so programi namenjeni?",
            "<p>Vsem generacijam, posebej enostarševskim družinam, brezposelnim, otrokom v "
            "stiski, ljudem z zdravstvenimi omejitvami, migrantom in starejšim.</p>",
        ),
    ),
    image_title="Socio – prostori centra",
    document_title="Socio – program dejavnosti",
    document_text=(
        "Socio – večgeneracijski center\n"
        "Vse dejavnosti so brezplačne. Odprto od ponedeljka do petka med 7. in 18. uro.\n"
    ),
)


def build(ctx: DemoContext) -> tuple[list[PageData], list[dict]]:
    return centre_pages(ctx, TEXTS), centre_home_blocks(ctx, TEXTS)
