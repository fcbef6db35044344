"""Socio: the multigenerational centre of the public institute Socio in Celje."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from network.demo.funding import OP_EKP
from network.demo.holidays import SLOVENIAN_HOLIDAYS
from network.demo.organisations import SOCIO_MUNICIPALITIES
from network.demo.specs import (
    WORKDAYS,
    LocationData,
    ProjectData,
    SiteData,
    heading,
    hours,
    p,
    paragraph,
    ul,
)

TARGET_GROUPS = (
    "enostarsevske-druzine",
    "brezposelni",
    "otroci-v-stiski",
    "otroci-s-posebnimi-potrebami",
    "osebe-z-zdravstvenimi-omejitvami",
    "migranti-in-begunci",
    "starejsi",
)

SITE = SiteData(
    hostname="socio.localhost",
    name="Socio – večgeneracijski center",
    organisation="jz-socio",
    user_prefix="socio",
    intro=(
        "Brezplačne dejavnosti za otroke, družine, odrasle in starejše iz Celja in "
        "enajstih občin v okolici."
    ),
    body=(
        heading("O centru"),
        paragraph(
            p(
                "Javni zavod Socio medgeneracijske programe izvaja že od leta 2011. Leta 2016 je "
                "s partnerji – Mladinskim centrom Dravinjske doline, Razvojno agencijo Kozjansko "
                "in Ljudsko univerzo Rogaška Slatina – uspel na razpisu za večgeneracijske "
                "centre. Z novimi prostori in več zaposlenimi lahko do konca leta 2021 ponudi "
                "še več."
            ),
            p(
                "Projekt je vreden 875.000 evrov. 575.000 evrov prispevata ministrstvo, "
                "pristojno za socialne zadeve, in Evropski socialni sklad."
            ),
        ),
        heading("Ne le v Celju"),
        paragraph(
            p(
                "Dejavnosti potekajo tudi pri partnerjih in na terenu. Program poleg Mestne "
                "občine Celje podpirajo še Šentjur, Šmarje pri Jelšah, Dobje, Kozje, Bistrica "
                "ob Sotli, Rogatec, Podčetrtek, Rogaška Slatina, Slovenske Konjice in Zreče."
            )
        ),
        heading("Komu smo namenjeni"),
        paragraph(
            p(
                "Vrata so odprta vsem generacijam, od ponedeljka do petka med 7. in 18. uro. "
                "Posebej vabimo:"
            ),
            ul(
                "enostarševske družine,",
                "brezposelne,",
                "otroke v stiski in otroke s posebnimi potrebami,",
                "ljudi z zdravstvenimi omejitvami,",
                "migrante in begunce,",
                "starejše.",
            ),
        ),
        heading("Kaj ponujamo"),
        paragraph(
            ul(
                "motivacijske delavnice in delavnice osebne rasti,",
                "finančno opismenjevanje ter jezikovne in računalniške tečaje,",
                "ustvarjalne in kuharske delavnice,",
                "skupine za zdravo staranje, obvladovanje stresa in doječe mamice,",
                "podporno skupino za otroke in mladostnike migrante,",
                "individualno svetovanje ter počitniške, športne in kulturne dejavnosti.",
            ),
            p("Vse je brezplačno. Program za vsak mesec objavimo sproti."),
        ),
    ),
    branding={
        "primary_colour": "#7a1f5c",
        "accent_colour": "#f2c14e",
        "contact_email": "info@socio.example",
        "facebook_url": "https://facebook.example/socio",
        "instagram_url": "https://instagram.example/socio",
    },
    locations=(
        LocationData(
            slug="celje",
            name="Socio – večgeneracijski center Celje",
            municipality="Celje",
            postcode="3000",
            weekly=hours(WORKDAYS, "07:00", "18:00"),
            exceptions=SLOVENIAN_HOLIDAYS,
        ),
    ),
    projects=(
        ProjectData(
            slug="socio-vgc",
            title="Socio – večgeneracijski center",
            acronym="Socio VGC",
            funding_programme=OP_EKP,
            planned_start=date(2016, 1, 1),
            planned_end=date(2021, 12, 31),
            summary="Brezplačne dejavnosti za socialno vključevanje ranljivih skupin v Celju "
            "in okolici.",
            aims="Preprečiti, da bi ranljivi posamezniki in družine zdrsnili v socialno "
            "izključenost.",
            expected_results="Brezplačne dejavnosti za vse generacije v Celju in enajstih "
            "okoliških občinah do konca leta 2021.",
            total_value=Decimal("875000.00"),
            # Of the value, 575,000 EUR is public; the ministry/ESF split is illustrative.
            funding=(("mddsz", Decimal("115000.00")), ("esf", Decimal("460000.00"))),
            participations=(
                ("jz-socio", "lead_partner"),
                ("mladinski-center-dravinjske-doline", "partner"),
                ("razvojna-agencija-kozjansko", "partner"),
                ("ljudska-univerza-rogaska-slatina", "partner"),
                *(
                    (municipality.slug, "supporting_municipality")
                    for municipality in SOCIO_MUNICIPALITIES
                ),
            ),
            target_groups=TARGET_GROUPS,
            themes=("socialna-vkljucenost", "znanje"),
        ),
    ),
)
