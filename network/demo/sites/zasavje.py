"""ZLHT Regionalni center NVO: the regional NGO centre of Zasavje, with two offices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from network.demo.holidays import SLOVENIAN_HOLIDAYS
from network.demo.specs import (
    EVERY_DAY,
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

CO_FINANCERS = (
    "ministrstvo-za-javno-upravo",
    "evropa-za-drzavljane",
    "zrsz",
    "obcina-litija",
    "obcina-zagorje-ob-savi",
)

SITE = SiteData(
    hostname="zasavje.localhost",
    name="ZLHT Regionalni center NVO",
    organisation="zlht-regionalni-center-nvo",
    user_prefix="zasavje",
    intro=(
        "Stičišče nevladnih organizacij Zasavja in Litije: povezujemo društva, zavode in "
        "javne ustanove ter jim pomagamo do novih programov."
    ),
    body=(
        heading("Srečanje o socialnem varstvu v regiji"),
        paragraph(
            p(
                "Z RRA Zasavje in CSD Zasavje smo pripravili srečanje, na katerem se je zbralo 25 "
                "ljudi iz javnih ustanov in nevladnih organizacij. Pogledali smo, kako napreduje "
                "regijski izvedbeni načrt za socialno varstvo 2017–2020: po oceni CSD je "
                "uresničenih približno 40 % ukrepov, do konca obdobja pa je še čas za več."
            ),
            p(
                "Udeleženci so se strinjali, da si takih izmenjav želijo še, zato že načrtujemo "
                "naslednjo."
            ),
        ),
        heading("Tri dobre prakse"),
        paragraph(
            ul(
                "Varstveno delovni center Zagorje ob Savi je odprl enoto v Litiji – srečanje "
                "je potekalo kar v njenih prostorih.",
                "Dnevni center za otroke in mladostnike, kot ga pri CSD vodijo v Škofji Loki, "
                "v regiji še manjka; nov razpis bi to lahko spremenil.",
                "Zavod Sopotniki skupaj z Občino Litija starejšim v Litiji in Šmartnem pri "
                "Litiji brezplačno zagotavlja prevoze; model deluje že v 12 enotah.",
            ),
        ),
        heading("Kje nas najdete"),
        paragraph(
            p(
                "Pisarna v Litiji na Ponoviški cesti 12 je odprta vsak dan od 9. do 15. ure. V "
                "pisarni v Zagorju na Cesti Borisa Kidriča 2 vas sprejmemo po dogovoru. "
                "Pišite na info@consulta.si ali pokličite 059 927 619."
            )
        ),
    ),
    branding={
        "primary_colour": "#1f4e79",
        "accent_colour": "#8fbc43",
        "contact_email": "info@consulta.si",
        "contact_phone": "059 927 619",
        "facebook_url": "https://facebook.example/zlht-nvo",
        "linkedin_url": "https://linkedin.example/zlht-nvo",
    },
    locations=(
        LocationData(
            slug="pisarna-litija",
            name="Pisarna Litija",
            municipality="Litija",
            street_address="Ponoviška cesta 12",
            postcode="1270",
            weekly=hours(EVERY_DAY, "09:00", "15:00"),
            exceptions=SLOVENIAN_HOLIDAYS,
        ),
        LocationData(
            slug="pisarna-zagorje",
            name="Pisarna Zagorje",
            municipality="Zagorje ob Savi",
            street_address="Cesta Borisa Kidriča 2",
            postcode="1410",
            by_appointment=True,
        ),
    ),
    projects=(
        ProjectData(
            slug="regionalni-center-nvo-zasavje",
            title="Regionalni center NVO Zasavje",
            summary="Podpora, informiranje in povezovanje nevladnih organizacij v regiji.",
            aims="Okrepiti nevladni sektor in sodelovanje vseh treh sektorjev pri socialnem "
            "varstvu v regiji.",
            participations=(
                ("zlht-regionalni-center-nvo", "lead_partner"),
                *((slug, "co_financer") for slug in CO_FINANCERS),
            ),
            themes=("socialna-vkljucenost", "informiranost"),
            indicators=(
                IndicatorData(
                    name="Uresničeni ukrepi regijskega izvedbenega načrta 2017–2020",
                    unit="%",
                    kind="outcome",
                    target=Decimal(100),
                    values=(
                        IndicatorValueData(
                            date(2017, 1, 1),
                            date(2020, 12, 31),
                            Decimal(40),
                            "Ocena CSD Zasavje na srečanju NVO",
                        ),
                    ),
                ),
            ),
        ),
    ),
)
