"""Organisations of the demo: centres, their partners, funders' bodies and municipalities."""

from __future__ import annotations

from django.utils.text import slugify

from network.demo.geography import REGION_HANA
from network.demo.specs import OrganisationData
from network.models.organisations import OrganisationKind as Kind


def _municipality(name: str, municipality: str, region: str) -> OrganisationData:
    return OrganisationData(
        slug=slugify(name),
        name=name,
        kind=Kind.MUNICIPALITY,
        region=region,
        municipalities=(municipality,),
    )


NETWORK = (
    OrganisationData(
        slug="mreza-centrov",
        name="Mreža centrov",
        kind=Kind.NETWORK,
        description="Povezuje centre, ki si delijo to namestitev, in skrbi za skupne vsebine.",
        email="info@mreza.example",
    ),
)

TOCKE_MOCI = (
    OrganisationData(
        slug="zavod-znanje-postojna",
        name="Zavod Znanje Postojna",
        short_name="Znanje Postojna",
        kind=Kind.PUBLIC_INSTITUTE,
        description="Nosilec večgeneracijskih centrov Točke moči v Primorsko-notranjski regiji.",
        region="primorsko-notranjska",
        municipalities=(
            "Postojna",
            "Ilirska Bistrica",
            "Pivka",
            "Cerknica",
            "Loška dolina",
            "Bloke",
        ),
    ),
    OrganisationData(
        slug="os-antona-znidersica-ljudska-univerza",
        name="OŠ Antona Žnideršiča Ilirska Bistrica, OE Ljudska univerza",
        short_name="Ljudska univerza Ilirska Bistrica",
        kind=Kind.SCHOOL,
        region="primorsko-notranjska",
        municipalities=("Ilirska Bistrica",),
    ),
    OrganisationData(
        slug="zavod-samostojen-si",
        name="Zavod Samostojen si, OE Večgeneracijski družinski center",
        short_name="Zavod Samostojen si",
        kind=Kind.NGO,
        region="primorsko-notranjska",
    ),
    OrganisationData(
        slug="javni-zavod-sneznik",
        name="Javni zavod za kulturo, turizem in medgeneracijsko sodelovanje Snežnik",
        short_name="Javni zavod Snežnik",
        kind=Kind.PUBLIC_INSTITUTE,
        region="primorsko-notranjska",
        municipalities=("Loška dolina",),
    ),
)

NATIONAL = (
    OrganisationData(
        slug="mddsz",
        name="Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
        short_name="MDDSZ",
        kind=Kind.MINISTRY,
    ),
    OrganisationData(
        slug="evropski-socialni-sklad",
        name="Evropski socialni sklad",
        short_name="ESS",
        kind=Kind.EU_FUND,
    ),
    OrganisationData(
        slug="ministrstvo-za-javno-upravo",
        name="Ministrstvo za javno upravo",
        short_name="MJU",
        kind=Kind.MINISTRY,
    ),
    OrganisationData(
        slug="evropa-za-drzavljane",
        name="Program Evropa za državljane",
        short_name="Evropa za državljane",
        kind=Kind.EU_FUND,
    ),
    OrganisationData(
        slug="zrsz",
        name="Zavod Republike Slovenije za zaposlovanje",
        short_name="ZRSZZ",
        kind=Kind.EMPLOYMENT_OFFICE,
        description="Njegovi uradi za delo so ena od vstopnih točk v socialno aktivacijo.",
    ),
)

SOCIO = (
    OrganisationData(
        slug="jz-socio",
        name="Javni zavod Socio",
        short_name="JZ Socio",
        kind=Kind.PUBLIC_INSTITUTE,
        description="Vodi Socio – večgeneracijski center v Celju.",
        region="savinjska",
        municipalities=("Celje",),
    ),
    OrganisationData(
        slug="mladinski-center-dravinjske-doline",
        name="Mladinski center Dravinjske doline",
        kind=Kind.PUBLIC_INSTITUTE,
        region="savinjska",
        municipalities=("Slovenske Konjice",),
    ),
    OrganisationData(
        slug="razvojna-agencija-kozjansko",
        name="Razvojna agencija Kozjansko",
        kind=Kind.DEVELOPMENT_AGENCY,
        region="savinjska",
        municipalities=("Šentjur",),
    ),
    OrganisationData(
        slug="ljudska-univerza-rogaska-slatina",
        name="Ljudska univerza Rogaška Slatina",
        kind=Kind.SCHOOL,
        region="savinjska",
        municipalities=("Rogaška Slatina",),
    ),
)

# The municipalities that support Socio (seed 001); Bistrica ob Sotli lies in Posavska.
SOCIO_MUNICIPALITIES = tuple(
    _municipality(name, municipality, region)
    for name, municipality, region in (
        ("Mestna občina Celje", "Celje", "savinjska"),
        ("Občina Šentjur", "Šentjur", "savinjska"),
        ("Občina Šmarje pri Jelšah", "Šmarje pri Jelšah", "savinjska"),
        ("Občina Dobje", "Dobje", "savinjska"),
        ("Občina Kozje", "Kozje", "savinjska"),
        ("Občina Bistrica ob Sotli", "Bistrica ob Sotli", "posavska"),
        ("Občina Rogatec", "Rogatec", "savinjska"),
        ("Občina Podčetrtek", "Podčetrtek", "savinjska"),
        ("Občina Rogaška Slatina", "Rogaška Slatina", "savinjska"),
        ("Občina Slovenske Konjice", "Slovenske Konjice", "savinjska"),
        ("Občina Zreče", "Zreče", "savinjska"),
    )
)

AKTIVACIJA = (
    OrganisationData(
        slug="socialna-aktivacija-novo-mesto",
        name="Socialna aktivacija – regijska enota Novo mesto",
        short_name="Socialna aktivacija Novo mesto",
        kind=Kind.SOCIAL_ACTIVATION_UNIT,
        description="Koordinira programe socialne aktivacije na Dolenjskem in v Beli krajini.",
        region="jugovzhodna-slovenija",
        municipalities=("Novo mesto", "Črnomelj"),
    ),
    OrganisationData(
        slug="rdeci-kriz-novo-mesto",
        name="Območno združenje Rdečega križa Novo mesto",
        short_name="OZ RK Novo mesto",
        kind=Kind.NGO,
        region="jugovzhodna-slovenija",
        municipalities=("Novo mesto",),
    ),
    OrganisationData(
        slug="grm-novo-mesto",
        name="Grm Novo mesto – Center biotehnike in turizma",
        short_name="Grm Novo mesto",
        kind=Kind.SCHOOL,
        region="jugovzhodna-slovenija",
        municipalities=("Novo mesto",),
    ),
    OrganisationData(
        slug="zik-crnomelj",
        name="Zavod za izobraževanje in kulturo Črnomelj",
        short_name="ZIK Črnomelj",
        kind=Kind.SCHOOL,
        region="jugovzhodna-slovenija",
        municipalities=("Črnomelj",),
    ),
    OrganisationData(
        slug="csd-dolenjska-in-bela-krajina",
        name="Center za socialno delo Dolenjska in Bela krajina",
        short_name="CSD",
        kind=Kind.SOCIAL_WORK_CENTRE,
        description="Vstopna točka v socialno aktivacijo.",
        region="jugovzhodna-slovenija",
    ),
)

ZASAVJE = (
    OrganisationData(
        slug="zlht-regionalni-center-nvo",
        name="ZLHT Regionalni center NVO",
        kind=Kind.REGIONAL_NGO_CENTRE,
        description="Regionalno stičišče nevladnih organizacij v Zasavju in Litiji.",
        region="zasavska",
        municipalities=("Zagorje ob Savi", "Hrastnik", "Trbovlje", "Litija"),
        email="info@consulta.si",
        phone="059 927 619",
    ),
    _municipality("Občina Litija", "Litija", "osrednjeslovenska"),
    _municipality("Občina Zagorje ob Savi", "Zagorje ob Savi", "zasavska"),
)

SOPOTNIKI = (
    OrganisationData(
        slug="zavod-sopotniki",
        name="Zavod Sopotniki",
        short_name="Sopotniki",
        kind=Kind.NGO,
        description="Brezplačni prevozi za starejše s prostovoljnimi vozniki.",
        municipalities=("Litija", "Šmartno pri Litiji"),
    ),
)

HANA = (
    OrganisationData(
        slug="region-hana-zs",
        name="Region HANÁ, z.s.",
        short_name="Region HANÁ",
        kind=Kind.NGO,
        description="Spolek, který v jedenácti obcích regionu rozjel komunitní centra.",
        region=REGION_HANA.slug,
        municipalities=REGION_HANA.municipalities,
        locale="cs",
    ),
    OrganisationData(
        slug="mpsv",
        name="Ministerstvo práce a sociálních věcí",
        short_name="MPSV",
        kind=Kind.MINISTRY,
        description="Řídicí orgán Operačního programu Zaměstnanost.",
        locale="cs",
    ),
)

ORGANISATIONS: tuple[OrganisationData, ...] = (
    *NETWORK,
    *NATIONAL,
    *TOCKE_MOCI,
    *SOCIO,
    *SOCIO_MUNICIPALITIES,
    *AKTIVACIJA,
    *ZASAVJE,
    *SOPOTNIKI,
    *HANA,
)
