"""Točke moči: six multigenerational centres of the Primorsko-notranjska region on one site."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from network.demo.funding import OP_EKP
from network.demo.holidays import SLOVENIAN_HOLIDAYS
from network.demo.specs import (
    FRI,
    MON,
    THU,
    TUE,
    WED,
    WORKDAYS,
    IndicatorData,
    IndicatorValueData,
    LocationData,
    ProjectData,
    SiteData,
    heading,
    hours,
    p,
    paragraph,
    ul,
)

# (slug, town as a municipality, postcode, weekly hours). The hours are illustrative.
TOWNS = (
    ("postojna", "Postojna", "6230", hours(WORKDAYS, "08:00", "16:00")),
    ("ilirska-bistrica", "Ilirska Bistrica", "6250", hours((MON, TUE, WED, THU), "09:00", "15:00")),
    ("pivka", "Pivka", "6257", hours((MON, WED, FRI), "10:00", "17:00")),
    ("cerknica", "Cerknica", "1380", hours((TUE, THU), "09:00", "18:00")),
    ("loska-dolina", "Loška dolina", "1386", hours((MON, WED), "09:00", "14:00")),
    ("bloke", "Bloke", "1385", hours((TUE, FRI), "12:00", "17:00")),
)

SITE = SiteData(
    hostname="tocke-moci.localhost",
    name="Točke moči",
    organisation="zavod-znanje-postojna",
    user_prefix="tocke-moci",
    intro=(
        "Šest večgeneracijskih centrov po Primorsko-notranjski regiji: kraji, kamor ljudje "
        "pridejo po družbo, nasvet, novo znanje, oporo ali zagon."
    ),
    body=(
        heading("Moč v domačem kraju"),
        paragraph(
            p(
                "Točke delujejo v Postojni, Ilirski Bistrici, Pivki, Cerknici, Loški dolini in "
                "na Blokah. Namenjene so predvsem ranljivim skupinam, odprte pa so za vse, ki "
                "želijo med ljudi – ne glede na starost."
            )
        ),
        heading("Štiri moči"),
        paragraph(
            p(
                "Program smo zasnovali na podlagi analize potreb v regiji. Vsak obiskovalec naj "
                "bi pri nas okrepil štiri stvari:"
            ),
            ul("informiranost,", "socialno vključenost,", "znanje,", "aktivacijo."),
        ),
        heading("Kaj se dogaja"),
        paragraph(
            p(
                "Ponudba se od kraja do kraja razlikuje, zato se centri med seboj dopolnjujejo. "
                "Pripravljamo delavnice, predavanja, druženja in terapevtske skupine, z "
                "uporabniki snujemo skupnostne akcije, na spletu pa gradimo banko "
                "neformalne pomoči, v kateri si ljudje izmenjujejo izkušnje in usluge."
            ),
            p(
                "Zaposleni so se usposobili za delo po načelih enakih možnosti, "
                "nediskriminacije, dostopnosti in trajnostnega razvoja."
            ),
        ),
        heading("Partnerstvo in financiranje"),
        paragraph(
            p(
                "Projekt vodi Zavod Znanje Postojna, partnerji pa so Ljudska univerza pri OŠ "
                "Antona Žnideršiča Ilirska Bistrica, Zavod Samostojen si z Večgeneracijskim "
                "družinskim centrom in Javni zavod Snežnik. Centri so začeli delovati januarja "
                "2017."
            ),
            p(
                "Ministrstvo za delo, družino, socialne zadeve in enake možnosti ter Evropski "
                "socialni sklad sta za obdobje 2017–2021 zagotovila 575.000 evrov."
            ),
        ),
    ),
    branding={
        "primary_colour": "#0b6e4f",
        "accent_colour": "#f4a259",
        "contact_email": "info@tocke-moci.example",
        "facebook_url": "https://facebook.example/tocke-moci",
    },
    locations=tuple(
        LocationData(
            slug=slug,
            name=f"Točka moči {town}",
            municipality=town,
            postcode=postcode,
            weekly=weekly,
            exceptions=SLOVENIAN_HOLIDAYS,
        )
        for slug, town, postcode, weekly in TOWNS
    ),
    projects=(
        ProjectData(
            slug="tocke-moci",
            title="Točke moči – večgeneracijski centri Primorsko-notranjske regije",
            acronym="Točke moči",
            funding_programme=OP_EKP,
            planned_start=date(2017, 1, 1),
            planned_end=date(2021, 12, 31),
            summary=(
                "Mreža šestih lokalnih točk, ki ranljivim skupinam ponujajo družbo, "
                "informacije, znanje in podporo."
            ),
            aims="Opolnomočiti ranljive skupine, preprečevati socialno izključenost in "
            "povezovati generacije.",
            total_value=Decimal("575000.00"),
            # The split between the ministry and the ESF is illustrative (80 % ESF).
            funding=(("mddsz", Decimal("115000.00")), ("esf", Decimal("460000.00"))),
            participations=(
                ("zavod-znanje-postojna", "lead_partner"),
                ("os-antona-znidersica-ljudska-univerza", "partner"),
                ("zavod-samostojen-si", "partner"),
                ("javni-zavod-sneznik", "partner"),
            ),
            themes=("informiranost", "socialna-vkljucenost", "znanje", "aktivacija"),
            indicators=(
                IndicatorData(
                    name="Delujoče lokalne točke",
                    unit="točk",
                    kind="output",
                    target=Decimal(6),
                    values=(
                        IndicatorValueData(
                            date(2017, 1, 1),
                            date(2017, 12, 31),
                            Decimal(6),
                            "Odprtje januarja 2017",
                        ),
                    ),
                ),
            ),
        ),
    ),
)
