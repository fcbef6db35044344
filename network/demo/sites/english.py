"""The English edition of the demo: each centre's home page and, where it has one, a project page.

The hub publishes in English too but has no English pages yet: /en/ there shows the
fallback notice. Only the text is translated; the blocks that show network data (projects,
indicators, listings, the EU acknowledgement) stay as the source page has them.
"""

from __future__ import annotations

from network.demo.specs import PageTextData, SiteTranslationData, heading, p, paragraph


def _site(home: PageTextData, **pages: PageTextData) -> SiteTranslationData:
    return SiteTranslationData(language="en", home=home, **pages)


ENGLISH: dict[str, SiteTranslationData] = {
    "tocke-moci.localhost": _site(
        PageTextData(
            title="Points of Strength",
            intro=(
                "Six multigenerational centres across the Primorska-Notranjska region: places "
                "to find company, advice, new skills, support or a fresh start."
            ),
            body=(
                heading("Strength close to home"),
                paragraph(
                    p(
                        "The centres in Postojna, Ilirska Bistrica, Pivka, Cerknica, Loška "
                        "dolina and Bloke offer free activities for every generation."
                    )
                ),
            ),
        )
    ),
    "socio.localhost": _site(
        PageTextData(
            title="Socio – multigenerational centre",
            intro=(
                "Free activities for children, families, adults and older people from Celje "
                "and eleven neighbouring municipalities."
            ),
            body=(
                heading("About the centre"),
                paragraph(
                    p(
                        "The public institute Socio has run intergenerational programmes since "
                        "2011 and has been a multigenerational centre since 2016."
                    ),
                    p(
                        "The project is worth EUR 875,000, of which EUR 575,000 comes from the "
                        "ministry responsible for social affairs and the European Social Fund."
                    ),
                ),
            ),
        ),
        projects=PageTextData(
            title="Projects", slug="projects", intro="Projects through which Socio grows."
        ),
        project=PageTextData(
            title="Multigenerational centre Socio",
            intro="A multigenerational centre in Celje and eleven municipalities, 2016–2021.",
            body=(
                heading("About the project"),
                paragraph(
                    p(
                        "With its partners, Socio won a call of the ministry responsible for "
                        "social affairs and the European Social Fund."
                    )
                ),
            ),
        ),
    ),
    "aktivacija-nm.localhost": _site(
        PageTextData(
            title="Social activation Novo mesto",
            intro=(
                "Programmes for people who have long been out of work or on social assistance "
                "– in Dolenjska and Bela krajina."
            ),
            body=(
                heading("Why social activation"),
                paragraph(
                    p(
                        "Social activation helps people take the first steps back to "
                        "education, work and everyday life in their community."
                    )
                ),
            ),
        )
    ),
    "hana.localhost": _site(
        PageTextData(
            title="Community centres in the Haná Region",
            intro=(
                "Eleven community centres in the villages of the Haná Region – where "
                "neighbours meet, plan events together and solve their problems."
            ),
            body=(
                heading("About the project"),
                paragraph(
                    p(
                        "Region HANÁ opened community centres in eleven villages between "
                        "September 2019 and February 2022."
                    )
                ),
            ),
        ),
        projects=PageTextData(
            title="Projects", slug="projects", intro="Projects of the Region HANÁ association."
        ),
        project=PageTextData(
            title="Community centres in the Haná Region",
            intro="Community centres in 11 villages of the Haná Region, 09/2019 – 02/2022.",
            body=(
                heading("About the project"),
                paragraph(
                    p(
                        "The European Union funded the project through the Employment "
                        "Operational Programme. Its aim is eleven centres that carry on "
                        "after the project ends."
                    )
                ),
            ),
        ),
    ),
    "zasavje.localhost": _site(
        PageTextData(
            title="ZLHT Regional NGO centre",
            intro=(
                "The NGO hub of Zasavje and Litija: we connect associations, institutes and "
                "public bodies and help them start new programmes."
            ),
            body=(
                heading("A regional meeting on social care"),
                paragraph(
                    p(
                        "Twenty-five participants heard three good practices worth "
                        "transferring to other towns."
                    )
                ),
            ),
        )
    ),
    "sopotniki.localhost": _site(
        PageTextData(
            title="Sopotniki Institute",
            intro=(
                "Volunteer drivers help older people without transport get to the doctor, "
                "the shop, an office or a visit – free of charge."
            ),
            body=(
                heading("Why rides"),
                paragraph(
                    p(
                        "In the countryside, older people without a car often cannot reach "
                        "the services they need."
                    )
                ),
            ),
        )
    ),
}
