"""Komunitní centra v Regionu Haná: eleven community centres in eleven Czech villages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.text import slugify

from network.demo.funding import OP_ZAMESTNANOST
from network.demo.geography import REGION_HANA
from network.demo.holidays import CZECH_HOLIDAYS
from network.demo.specs import (
    WORKDAYS,
    IndicatorData,
    LocationData,
    ProjectData,
    SiteData,
    heading,
    p,
    paragraph,
    ul,
)

# Community centre names as the project gives them, one per village of REGION_HANA.
CENTRE_NAMES = (
    "KC Bílovice – Lutotín",
    "KC Laškov",
    "KC Náměšť na Hané",
    "KC Olšany u Prostějova",
    "KC Pěnčín",
    "KC Raková u Konice",
    "KC Skřípov",
    "KC Služín",
    "KC Suchdol",
    "KC Těšetice-Rataje",
    "KC Haná v Ústíně",
)

SITE = SiteData(
    hostname="hana.localhost",
    name="Komunitní centra v Regionu Haná",
    organisation="region-hana-zs",
    locale="cs",
    time_zone="Europe/Prague",
    user_prefix="hana",
    intro=(
        "Jedenáct komunitních center v obcích Regionu Haná – místa, kde se sousedé potkávají, "
        "společně vymýšlejí akce a hledají řešení svých starostí."
    ),
    body=(
        heading("O projektu"),
        paragraph(
            p(
                "Spolek Region HANÁ, z.s. vedl projekt Komunitní centra v Regionu Haná od září "
                "2019 do února 2022 (registrační číslo CZ.03.2.65/0.0/0.0/16_047/0010190). "
                "Peníze přišly z Evropské unie přes Operační program Zaměstnanost."
            )
        ),
        heading("Kde centra najdete"),
        paragraph(
            ul(*REGION_HANA.municipalities),
        ),
        heading("Jak centra fungují"),
        paragraph(
            p(
                "Co se v centru děje, rozhodují hlavně místní lidé podle svých potřeb a zájmů. "
                "Na začátku proběhla v každé obci anketa, z níž vzešla analýza potřeb a plán "
                "činností. Lidem pomáhá místní koordinátor a sociální pracovník, který nabízí "
                "základní sociální poradenství."
            ),
            p(
                "Kromě komunitní sociální práce pořádají centra i doplňkové akce pro celou obec. "
                "Cílem je, aby všech jedenáct center dál fungovalo samostatně i po skončení "
                "projektu a aby si jejich společenství uměla poradit sama."
            ),
        ),
    ),
    branding={
        "primary_colour": "#2f5d1e",
        "accent_colour": "#e0b000",
        "contact_email": "info@region-hana.example",
    },
    # One afternoon a week per centre and visits by appointment; the schedule is illustrative.
    locations=tuple(
        LocationData(
            slug=slugify(village),
            name=centre,
            municipality=village,
            weekly=((WORKDAYS[index % len(WORKDAYS)], "15:00", "19:00"),),
            by_appointment=True,
            exceptions=CZECH_HOLIDAYS,
        )
        for index, (centre, village) in enumerate(
            zip(CENTRE_NAMES, REGION_HANA.municipalities, strict=True)
        )
    ),
    projects=(
        ProjectData(
            slug="komunitni-centra-v-regionu-hana",
            title="Komunitní centra v Regionu Haná",
            acronym="KC Haná",
            registration_code="CZ.03.2.65/0.0/0.0/16_047/0010190",
            funding_programme=OP_ZAMESTNANOST,
            planned_start=date(2019, 9, 1),
            planned_end=date(2022, 2, 28),
            summary="Komunitní centra jako místa sociálního začleňování v jedenácti obcích.",
            aims="Rozběhnout komunitní centra, která pomohou předcházet sociálnímu vyloučení "
            "a posílí místní společenství.",
            expected_results="Jedenáct center, která fungují samostatně i po projektu.",
            currency="CZK",
            participations=(("region-hana-zs", "lead_partner"),),
            target_groups=("socialne-vylouceni",),
            themes=("komunitni-socialni-prace",),
            indicators=(
                IndicatorData(
                    name="Komunitní centra v provozu",
                    unit="center",
                    kind="output",
                    target=Decimal(11),
                ),
            ),
        ),
    ),
)
