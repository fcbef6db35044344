"""Funders, funding programmes and taxonomies shared by every site of the demo network."""

from __future__ import annotations

from network.demo.specs import FunderData, ProgrammeData, TermData
from network.models.funding import Fund, FunderKind, ProgrammingPeriod

# The sentence Slovenian ESF projects of 2014–2020 carry on every publication.
ESF_SI_ACKNOWLEDGEMENT = (
    "Naložbo sofinancirata Republika Slovenija in Evropska unija iz Evropskega socialnega sklada."
)

FUNDERS: tuple[FunderData, ...] = (
    FunderData(
        slug="mddsz",
        name="Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
        kind=FunderKind.NATIONAL,
        organisation="mddsz",
        acknowledgement=ESF_SI_ACKNOWLEDGEMENT,
    ),
    FunderData(
        slug="esf",
        name="Evropski socialni sklad",
        kind=FunderKind.EUROPEAN_UNION,
        organisation="evropski-socialni-sklad",
        acknowledgement=ESF_SI_ACKNOWLEDGEMENT,
    ),
    # The same funder for Czech projects: a translation sharing the Slovenian one's key.
    FunderData(
        slug="esf",
        name="Evropský sociální fond",
        kind=FunderKind.EUROPEAN_UNION,
        organisation="evropski-socialni-sklad",
        acknowledgement=(
            "Projekt je financován z Evropského sociálního fondu prostřednictvím "
            "Operačního programu Zaměstnanost a ze státního rozpočtu ČR."
        ),
        locale="cs",
        translation_of="esf",
    ),
    FunderData(
        slug="ministrstvo-za-javno-upravo",
        name="Ministrstvo za javno upravo",
        kind=FunderKind.NATIONAL,
        organisation="ministrstvo-za-javno-upravo",
        acknowledgement="Delovanje regionalnega stičišča sofinancira Ministrstvo za javno upravo.",
    ),
    FunderData(
        slug="evropa-za-drzavljane",
        name="Evropa za državljane",
        kind=FunderKind.EUROPEAN_UNION,
        organisation="evropa-za-drzavljane",
        acknowledgement="Projekt je podprt iz programa Evropske unije Evropa za državljane.",
    ),
    FunderData(
        slug="zrsz",
        name="Zavod Republike Slovenije za zaposlovanje",
        kind=FunderKind.NATIONAL,
        organisation="zrsz",
        acknowledgement="Sofinancira Zavod Republike Slovenije za zaposlovanje.",
    ),
    FunderData(
        slug="obcina-litija",
        name="Občina Litija",
        kind=FunderKind.MUNICIPALITY,
        organisation="obcina-litija",
        acknowledgement="Sofinancira Občina Litija.",
    ),
    FunderData(
        slug="obcina-zagorje-ob-savi",
        name="Občina Zagorje ob Savi",
        kind=FunderKind.MUNICIPALITY,
        organisation="obcina-zagorje-ob-savi",
        acknowledgement="Sofinancira Občina Zagorje ob Savi.",
    ),
)

OP_EKP = "Operativni program za izvajanje evropske kohezijske politike v obdobju 2014–2020"
OP_ZAMESTNANOST = "Operační program Zaměstnanost"

PROGRAMMES: tuple[ProgrammeData, ...] = (
    ProgrammeData(name=OP_EKP, period=ProgrammingPeriod.P2014_2020, fund=Fund.ESF),
    ProgrammeData(
        name=OP_ZAMESTNANOST,
        period=ProgrammingPeriod.P2014_2020,
        fund=Fund.ESF,
        code="CZ.03",
        managing_authority="mpsv",
        locale="cs",
    ),
)

THEMES: tuple[TermData, ...] = (
    TermData("informiranost", "Informiranost", "Vedeti, kje dobiti podporo, pravice in storitve."),
    TermData(
        "socialna-vkljucenost",
        "Socialna vključenost",
        "Biti del skupnosti, imeti družbo in mrežo ljudi, na katere se lahko obrneš.",
    ),
    TermData("znanje", "Znanje", "Nove veščine in znanja za vsakdanje življenje in delo."),
    TermData(
        "aktivacija",
        "Aktivacija",
        "Spodbuda in podpora za prve korake nazaj v družbo in proti zaposlitvi.",
    ),
    TermData("mobilnost", "Mobilnost", "Prevozi in dostopnost storitev za ljudi brez prevoza."),
    TermData(
        "komunitni-socialni-prace",
        "Komunitní sociální práce",
        "Práce s místním společenstvím na řešení jeho vlastních potíží.",
        locale="cs",
    ),
)

TARGET_GROUPS: tuple[TermData, ...] = (
    TermData("enostarsevske-druzine", "Enostarševske družine"),
    TermData("brezposelni", "Brezposelni"),
    TermData("otroci-v-stiski", "Otroci v stiski"),
    TermData("otroci-s-posebnimi-potrebami", "Otroci s posebnimi potrebami"),
    TermData("osebe-z-zdravstvenimi-omejitvami", "Osebe z zdravstvenimi omejitvami"),
    TermData("migranti-in-begunci", "Migranti in begunci"),
    TermData("starejsi", "Starejši"),
    TermData(
        "dolgotrajno-brezposelni",
        "Dolgotrajno brezposelni",
        "Brez zaposlitve eno leto ali dlje.",
    ),
    TermData(
        "prejemniki-denarne-socialne-pomoci",
        "Dolgotrajni prejemniki denarne socialne pomoči",
    ),
    TermData(
        "socialne-vylouceni",
        "Osoby sociálně vyloučené nebo sociálním vyloučením ohrožené",
        locale="cs",
    ),
)
