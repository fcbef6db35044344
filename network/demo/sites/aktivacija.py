"""The social activation unit of Novo mesto: programmes, entry points and coordinators."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from network.demo.funding import OP_EKP
from network.demo.holidays import SLOVENIAN_HOLIDAYS
from network.demo.specs import (
    WORKDAYS,
    ContactData,
    IndicatorData,
    IndicatorValueData,
    LocationData,
    ProjectData,
    SiteData,
    heading,
    hours,
    p,
    paragraph,
)

COORDINATOR = "koordinatorka socialne aktivacije"

# Planned yearly intake (up to 3,000 people a year), recorded as demo values.
YEARLY_INTAKE = tuple(
    IndicatorValueData(
        date(year, 1, 1), date(year, 12, 31), Decimal(3000), "Načrtovani letni vpis (demo)"
    )
    for year in (2018, 2019, 2020, 2021)
)

SITE = SiteData(
    hostname="aktivacija-nm.localhost",
    name="Socialna aktivacija Novo mesto",
    organisation="socialna-aktivacija-novo-mesto",
    user_prefix="aktivacija-nm",
    intro=(
        "Programi za ljudi, ki so dolgo brez dela ali dolgo živijo od denarne socialne "
        "pomoči – na Dolenjskem in v Beli krajini."
    ),
    body=(
        heading("Zakaj socialna aktivacija"),
        paragraph(
            p(
                "Kdor je dolgo brez zaposlitve, se pogosto spopada še z revščino in osamljenostjo. "
                "Te težave se med seboj krepijo, zato je treba nanje odgovoriti celostno in z "
                "dolgotrajno podporo."
            ),
            p(
                "Socialna aktivacija pomaga rešiti osebne ovire, se znova povezati s skupnostjo "
                "in narediti prve korake proti trgu dela."
            ),
        ),
        heading("Programa v naši regiji"),
        paragraph(
            p(
                "Na javnem razpisu sta bila izbrana dva izvajalca dolgih programov. Območno "
                "združenje Rdečega križa Novo mesto skupaj s šolo Grm Novo mesto – Center "
                "biotehnike in turizma izvaja program »Kreativno vključen in socialno "
                "opolnomočen« v Novem mestu. Zavod za izobraževanje in kulturo Črnomelj pa "
                "ranljive skupine v Beli krajini pripravlja na vstop na trg dela v Črnomlju."
            ),
            p(
                "Vsak izvajalec izpelje dva programa. Program traja 11 mesecev, vanj pa se "
                "vključi do 20 ljudi, starih do 49 let, ki so v zadnjih dveh letih vsaj "
                "dvanajstkrat prejeli denarno socialno pomoč. Največ časa je namenjenega "
                "delovnemu usposabljanju. Skupaj bo tako vključenih 80 ljudi."
            ),
        ),
        heading("Kako se vključim"),
        paragraph(
            p(
                "V program vas napoti center za socialno delo ali urad za delo Zavoda RS za "
                "zaposlovanje. Obe vstopni točki tesno sodelujeta z regijskimi koordinatoricami, "
                "ki odgovorijo tudi na vaša vprašanja."
            )
        ),
        heading("Slovenija v številkah"),
        paragraph(
            p(
                "Projekt vodi Ministrstvo za delo, družino, socialne zadeve in enake možnosti, "
                "sofinancirata pa ga Republika Slovenija in Evropski socialni sklad. V 16 "
                "regijskih enotah naj bi se v letih 2017–2022 vključilo 12.500 ljudi, na leto do "
                "3.000."
            )
        ),
    ),
    branding={
        "primary_colour": "#b3261e",
        "accent_colour": "#2a6f97",
        "contact_email": "aktivacija-nm@mreza.example",
        "contact_phone": "030 715 685",
    },
    # Where the programmes take place; the weekday schedule is illustrative.
    locations=(
        LocationData(
            slug="program-novo-mesto",
            name="Program socialne aktivacije Novo mesto",
            municipality="Novo mesto",
            postcode="8000",
            weekly=hours(WORKDAYS, "08:00", "14:00"),
            exceptions=SLOVENIAN_HOLIDAYS,
        ),
        LocationData(
            slug="program-crnomelj",
            name="Program socialne aktivacije Črnomelj",
            municipality="Črnomelj",
            postcode="8340",
            weekly=hours(WORKDAYS, "08:00", "14:00"),
            exceptions=SLOVENIAN_HOLIDAYS,
        ),
    ),
    # Work contacts of public officials, published by the ministry itself (seed 002).
    contacts=(
        ContactData("dr. Marijeta Kobetič", COORDINATOR, "030 715 685", "marijeta.kobetic@gov.si"),
        ContactData(
            "Anita Kukman Brudar", COORDINATOR, "030 715 686", "anita.kukman-brudar@gov.si"
        ),
        ContactData("Tina Pajk", COORDINATOR, "030 715 682", "tina.pajk@gov.si"),
    ),
    projects=(
        ProjectData(
            slug="socialna-aktivacija-novo-mesto",
            title="Socialna aktivacija v regijski enoti Novo mesto",
            acronym="SA Novo mesto",
            funding_programme=OP_EKP,
            planned_start=date(2017, 1, 1),
            planned_end=date(2022, 12, 31),
            summary="Dolgi programi socialne aktivacije v Novem mestu in Črnomlju.",
            aims="Okrepiti socialne in funkcionalne kompetence udeležencev in jih približati "
            "trgu dela.",
            expected_results="Štirje 11-mesečni programi z do 20 udeleženci, skupaj 80 ljudi.",
            participations=(
                ("mddsz", "lead_partner"),
                ("rdeci-kriz-novo-mesto", "implementer"),
                ("grm-novo-mesto", "partner"),
                ("zik-crnomelj", "implementer"),
            ),
            target_groups=("dolgotrajno-brezposelni", "prejemniki-denarne-socialne-pomoci"),
            themes=("aktivacija", "socialna-vkljucenost"),
            indicators=(
                IndicatorData(
                    name="Uporabniki socialne aktivacije v Sloveniji 2017–2022",
                    unit="oseb",
                    kind="output",
                    target=Decimal(12500),
                    values=YEARLY_INTAKE,
                ),
                IndicatorData(
                    name="Udeleženci dolgih programov v regijski enoti",
                    unit="oseb",
                    kind="output",
                    target=Decimal(80),
                ),
            ),
        ),
    ),
)
