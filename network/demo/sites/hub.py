"""The network hub on localhost: Wagtail's default site, run by the network itself."""

from __future__ import annotations

from network.demo.specs import SiteData, heading, p, paragraph, ul

SITE = SiteData(
    hostname="localhost",
    name="Mreža centrov",
    organisation="mreza-centrov",
    kind="hub",
    intro=(
        "Skupni dom večgeneracijskih centrov, enot socialne aktivacije, regionalnih stičišč "
        "nevladnih organizacij in skupnostnih centrov iz Slovenije in Češke."
    ),
    body=(
        heading("Ena namestitev, veliko spletišč"),
        paragraph(
            p(
                "Vsak center v mreži ima svoje spletišče in ga ureja sam. Podatki, ki jih "
                "potrebuje več centrov hkrati – organizacije, financerji, projekti, kontaktne "
                "osebe in lokacije –, so vpisani enkrat in jih uporabljajo vsa spletišča."
            )
        ),
        heading("Kaj najdete pri nas"),
        paragraph(
            ul(
                "brezplačne delavnice, skupine in druženja za vse generacije,",
                "programe socialne aktivacije za dolgotrajno brezposelne,",
                "podporo nevladnim organizacijam v regiji,",
                "prostovoljne prevoze za starejše,",
                "komunitní centra v obcích Regionu Haná.",
            )
        ),
        heading("Dobre prakse iz mreže"),
        paragraph(
            p(
                "Na regijskem srečanju v Zasavju so centri predstavili tri zglede, ki jih "
                "velja prenesti drugam: enoto varstveno delovnega centra v Litiji, dnevni "
                "center za otroke in mladostnike ter brezplačne prevoze Zavoda Sopotniki."
            ),
            p(
                "To je predstavitvena mreža. Dejstva so povzeta po javnih objavah centrov, "
                "besedila pa so napisana na novo."
            ),
        ),
    ),
    branding={
        "primary_colour": "#1d4e89",
        "accent_colour": "#f2a900",
        "contact_email": "info@mreza.example",
        "facebook_url": "https://facebook.example/mreza-centrov",
        "youtube_url": "https://video.example/mreza-centrov",
    },
)
