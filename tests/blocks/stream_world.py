"""A world of snippets and pages, and bodies that cycle through every block type.

Every block of a body refers to its own objects (projects, funders, offices, people,
images…), so tests can show that neither more blocks nor more referenced objects add
queries, and that the admin copes with every block type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from itertools import cycle, islice

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from blocks.batching import RENDITIONS
from blocks.streams import BodyBlock
from tests.factories import (
    ContactPersonFactory,
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    FunderFactory,
    FundingLineFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    ImageFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningHoursRangeFactory,
    OrganisationFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ProjectFactory,
    ProjectParticipationFactory,
    StandardPageFactory,
    TargetGroupFactory,
    ThemeFactory,
)

POOL = 10  # distinct objects of each kind the blocks refer to


@dataclass
class World:
    projects: list
    funders: list
    locations: list
    people: list
    images: list
    documents: list
    organisations: list
    pages: list
    themes: list


def logo() -> object:
    image = ImageFactory()
    image.get_renditions(*RENDITIONS)  # renditions exist, as on a site already visited
    return image


def build_world(root) -> World:
    """POOL objects of each kind, and pages for the listing blocks, under the site ``root``."""
    funders = [FunderFactory(logo=logo()) for _ in range(POOL)]
    projects = []
    for number in range(POOL):
        project = ProjectFactory(total_value=Decimal("1000.00"))
        FundingLineFactory(project=project, funder=funders[number], amount=Decimal("600.00"))
        for role in ("lead_partner", "partner"):
            organisation = OrganisationFactory(logo=logo())
            ProjectParticipationFactory(project=project, organisation=organisation, role=role)
        IndicatorValueFactory(indicator=IndicatorFactory(project=project))
        projects.append(project)
    organisations = []
    for _ in range(POOL):
        organisation = OrganisationFactory(logo=logo())
        organisation.municipalities.add(MunicipalityFactory(), MunicipalityFactory())
        organisation.save()
        organisations.append(organisation)
    locations = []
    for _ in range(POOL):
        location = LocationFactory(municipality=MunicipalityFactory())
        for weekday in range(5):
            OpeningHoursRangeFactory(location=location, weekday=weekday, opens=time(8))
        locations.append(location)
    people = [ContactPersonFactory(photo=logo()) for _ in range(POOL)]
    target_groups = [TargetGroupFactory() for _ in range(POOL)]
    themes = [ThemeFactory() for _ in range(POOL)]
    events = EventIndexPageFactory(parent=root)
    programmes = ProgrammeIndexPageFactory(parent=root)
    practices = GoodPracticeIndexPageFactory(parent=root)
    for number in range(POOL):
        event = EventPageFactory(parent=events, location=locations[number])
        event.target_groups.add(target_groups[number])
        event.save()
        programme = ProgrammePageFactory(parent=programmes)
        programme.themes.add(themes[number])
        programme.save()
        practice = GoodPracticePageFactory(parent=practices)
        practice.themes.add(themes[number])
        practice.save()
    for number in range(POOL):
        url = f"https://www.youtube.com/watch?v=mreza{number}"
        Embed.objects.create(url=url, hash=get_embed_hash(url), type="video", html="<iframe>")
    return World(
        projects=projects,
        funders=funders,
        locations=locations,
        people=people,
        images=[logo() for _ in range(POOL)],
        documents=[DocumentFactory() for _ in range(POOL)],
        organisations=organisations,
        pages=[StandardPageFactory(parent=root) for _ in range(POOL)],
        themes=themes,
    )


def block(kind: str, n: int, world: World) -> dict:
    """The n-th block of type ``kind``, referring to the n-th objects of the world."""
    i = n % POOL
    project = world.projects[i].pk
    values = {
        "heading": {"text": f"Naslov {n}", "level": "h2"},
        "paragraph": f'<p>Glej <a linktype="page" id="{world.pages[i].pk}">stran</a>.</p>',
        "figure": {"image": {"image": world.images[i].pk, "alt_text": "Slika"}, "caption": "Opis"},
        "embed": {"url": f"https://www.youtube.com/watch?v=mreza{i}", "title": "Video"},
        "quote": {"text": "Citat", "attribution": "Marija"},
        "call_to_action": {"heading": "Pridi", "button_text": "Več", "page": world.pages[i].pk},
        "document_list": {"documents": [world.documents[i].pk]},
        "faq": {"items": [{"question": "Zakaj?", "answer": "<p>Zato.</p>"}]},
        "project_summary": {"project": project},
        "eu_acknowledgement": {
            "project": project,
            "emblem_height": 80,
            "other_logos": [{"funder": world.funders[i].pk, "height": 60}],
        },
        "funders": {"project": project, "funders": [world.funders[(i + 1) % POOL].pk]},
        "partners": {"project": project, "organisations": [world.organisations[i].pk]},
        "indicators": {"project": project},
        "contacts": {"people": [world.people[i].pk]},
        "quick_contact": {"location": world.locations[i].pk},
        "opening_hours": {"location": world.locations[i].pk},
        "municipalities": {"organisation": world.organisations[i].pk},
        "upcoming_events": {"location": world.locations[i].pk, "limit": 3},
        "programme_list": {"theme": world.themes[i].pk, "limit": 3},
        "good_practices": {"theme": world.themes[i].pk, "limit": 3},
    }
    return {"type": kind, "value": values[kind]}


def body(world: World, length: int) -> list[dict]:
    """``length`` blocks cycling through every block type, each with its own references."""
    kinds = list(BodyBlock().child_blocks)
    return [
        block(kind, number // len(kinds), world)
        for number, kind in enumerate(islice(cycle(kinds), length))
    ]
