"""Zavod Sopotniki: free rides for older people by volunteer drivers."""

from __future__ import annotations

from decimal import Decimal

from network.demo.holidays import SLOVENIAN_HOLIDAYS
from network.demo.specs import (
    WORKDAYS,
    IndicatorData,
    LocationData,
    ProjectData,
    SiteData,
    heading,
    hours,
    p,
    paragraph,
)

SITE = SiteData(
    hostname="sopotniki.localhost",
    name="Zavod Sopotniki",
    organisation="zavod-sopotniki",
    user_prefix="sopotniki",
    intro=(
        "Prostovoljni vozniki starejšim, ki nimajo prevoza, brezplačno pomagajo priti do "
        "zdravnika, trgovine, urada ali na obisk."
    ),
    body=(
        heading("Zakaj prevozi"),
        paragraph(
            p(
                "V oddaljenih krajih javni prevoz pogosto ne pelje takrat in tja, kamor bi "
                "starejši potrebovali. Kdor ne vozi sam, tako težko pride do storitev in do "
                "ljudi – in se hitro znajde na robu skupnosti."
            )
        ),
        heading("Kako deluje"),
        paragraph(
            p(
                "Vožnje usklajuje koordinatorka prevozov, za volanom pa sedijo prostovoljci. "
                "Za starejše je prevoz brezplačen."
            )
        ),
        heading("Kje vozimo"),
        paragraph(
            p(
                "Model smo prenesli že v 12 enot po Sloveniji. V Litiji in Šmartnem pri Litiji "
                "prevoze izvajamo skupaj z Občino Litija, kar smo predstavili tudi na srečanju "
                "nevladnih organizacij v Zasavju."
            )
        ),
    ),
    branding={
        "primary_colour": "#c2410c",
        "accent_colour": "#24477f",
        "contact_email": "info@sopotniki.example",
        "facebook_url": "https://facebook.example/sopotniki",
    },
    # Hours for booking rides; illustrative.
    locations=(
        LocationData(
            slug="enota-litija",
            name="Enota Litija in Šmartno pri Litiji",
            municipality="Litija",
            postcode="1270",
            weekly=hours(WORKDAYS, "08:00", "14:00"),
            exceptions=SLOVENIAN_HOLIDAYS,
        ),
    ),
    projects=(
        ProjectData(
            slug="brezplacni-prevozi-za-starejse",
            title="Brezplačni prevozi za starejše",
            summary="Prostovoljni vozniki starejšim brez prevoza omogočajo, da ostanejo "
            "dejavni v skupnosti.",
            participations=(("zavod-sopotniki", "lead_partner"), ("obcina-litija", "partner")),
            target_groups=("starejsi",),
            themes=("mobilnost", "socialna-vkljucenost"),
            indicators=(
                IndicatorData(
                    name="Enote z brezplačnimi prevozi",
                    unit="enot",
                    kind="output",
                    target=Decimal(12),
                ),
            ),
        ),
    ),
)
