"""The section pages of a centre's site, built from its texts in the site's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from network.demo.content import DemoContext
from network.demo.content import blocks as b
from network.demo.content.schedules import RepeatText, schedule_fields
from network.demo.pages import PageData, PageRef, ensure_document, ensure_image
from network.demo.specs import heading, p, paragraph
from sites.models import (
    ContactPage,
    EventIndexPage,
    EventPage,
    GoodPracticeIndexPage,
    LocationPage,
    NewsArticlePage,
    NewsIndexPage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProjectIndexPage,
    ProjectPage,
    SearchPage,
    StandardPage,
)


@dataclass(frozen=True)
class Section:
    """A section page: slug, title and introduction."""

    slug: str
    title: str
    intro: str = ""


@dataclass(frozen=True)
class ProgrammeText:
    slug: str
    title: str
    kind: str
    intro: str
    text: str
    target_groups: tuple[str, ...]
    themes: tuple[str, ...] = ()
    registration_info: str = ""
    schedule: RepeatText | None = None


@dataclass(frozen=True)
class EventText:
    """An event ``days`` after the load date at 17:00; a ``cancelled`` reason cancels it.

    ``end_days`` makes it a multi-day event ending that many days later.
    """

    slug: str
    title: str
    intro: str
    days: int
    hours: int = 2
    programme: str = ""
    cancelled: str = ""
    end_days: int = 0


@dataclass(frozen=True)
class NewsText:
    slug: str
    title: str
    date: date
    intro: str
    text: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CentreTexts:
    """Everything a centre's section pages say, in its own language."""

    projects: Section
    programmes: Section
    events: Section
    news: Section
    contact: Section
    practices: Section
    search: Section
    about: Section
    project_intro: str
    project_text: str
    location_intro: str
    programme_list: tuple[ProgrammeText, ...]
    event_list: tuple[EventText, ...]
    news_list: tuple[NewsText, ...]
    # Headings and texts of the about page and the home page's network blocks.
    labels: dict[str, str] = field(default_factory=dict)
    quote: tuple[str, str, str] = ("", "", "")
    faq: tuple[tuple[str, str], ...] = ()
    image_title: str = ""
    document_title: str = ""
    document_text: str = ""


def project_section(ctx: DemoContext, t: CentreTexts) -> PageData:
    project = ctx.project()
    funders = [line.funder for line in project.funding_lines.select_related("funder")]
    body = [
        heading(t.labels["about_project"]),
        paragraph(p(t.project_text)),
        b.project_summary(project),
        b.indicators(t.labels["indicators"], project),
        b.eu_acknowledgement(project, [f for f in funders if f.kind != "eu"]),
    ]
    page = PageData(
        ProjectPage,
        project.slug,
        project.title,
        fields={"project": project, "intro": t.project_intro},
        body=body,
    )
    return PageData(
        ProjectIndexPage,
        t.projects.slug,
        t.projects.title,
        fields={"intro": t.projects.intro},
        children=[page],
    )


def programme_section(ctx: DemoContext, t: CentreTexts) -> PageData:
    location = ctx.location()
    contacts = ctx.contacts()
    pages = []
    for item in t.programme_list:
        schedule, changes = schedule_fields(ctx, item.schedule) if item.schedule else ({}, [])
        pages.append(
            PageData(
                ProgrammePage,
                item.slug,
                item.title,
                fields={
                    "intro": item.intro,
                    "kind": item.kind,
                    "location": location,
                    "facilitator": contacts[0] if contacts else None,
                    "is_free": True,
                    "registration_required": bool(item.registration_info),
                    "registration_info": item.registration_info,
                    **schedule,
                },
                m2m={
                    "target_groups": [ctx.target_group(slug) for slug in item.target_groups],
                    "themes": [ctx.theme(slug) for slug in item.themes],
                },
                inlines={"schedule_changes": changes},
                body=[paragraph(p(item.text))],
            )
        )
    return PageData(
        ProgrammeIndexPage,
        t.programmes.slug,
        t.programmes.title,
        fields={"intro": t.programmes.intro},
        children=pages,
    )


def event_section(ctx: DemoContext, t: CentreTexts) -> PageData:
    location = ctx.location()
    pages = []
    for item in t.event_list:
        programme = f"{t.programmes.slug}/{item.programme}" if item.programme else ""
        pages.append(
            PageData(
                EventPage,
                item.slug,
                item.title,
                fields={
                    "intro": item.intro,
                    "start_date": ctx.today + timedelta(days=item.days),
                    "start_time": time(17),
                    "end_date": ctx.today + timedelta(days=item.days + item.end_days)
                    if item.end_days
                    else None,
                    "end_time": time(17 + item.hours),
                    "status": "cancelled" if item.cancelled else "scheduled",
                    "status_note": item.cancelled,
                    "location": location,
                    "programme": PageRef(programme) if programme else None,
                    "is_free": True,
                },
                body=[paragraph(p(item.intro))],
            )
        )
    return PageData(
        EventIndexPage,
        t.events.slug,
        t.events.title,
        fields={"intro": t.events.intro},
        children=pages,
    )


def news_section(ctx: DemoContext, t: CentreTexts) -> PageData:
    pages = [
        PageData(
            NewsArticlePage,
            item.slug,
            item.title,
            fields={"intro": item.intro, "date": item.date},
            m2m={"themes": [ctx.theme(slug) for slug in item.themes]},
            body=[paragraph(p(item.text))],
        )
        for item in t.news_list
    ]
    return PageData(
        NewsIndexPage, t.news.slug, t.news.title, fields={"intro": t.news.intro}, children=pages
    )


def about_page(ctx: DemoContext, t: CentreTexts) -> PageData:
    image = ensure_image(ctx.collection, t.image_title, (122, 31, 92), ctx.tally)
    document = ensure_document(ctx.collection, t.document_title, t.document_text, ctx.tally)
    text, attribution, role = t.quote
    body = [
        heading(t.labels["who_we_are"]),
        paragraph(p(t.about.intro)),
        b.figure(image, t.image_title, t.image_title),
        b.quote(text, attribution, role),
        b.faq(t.labels["faq"], t.faq),
        b.document_list(t.labels["documents"], [document]),
        b.call_to_action(
            t.labels["cta_heading"],
            t.labels["cta_text"],
            t.labels["cta_button"],
            page=PageRef(t.contact.slug),
        ),
    ]
    return PageData(
        StandardPage,
        t.about.slug,
        t.about.title,
        fields={"intro": t.about.intro, "listing_image": image},
        body=body,
    )


def centre_pages(ctx: DemoContext, t: CentreTexts) -> list[PageData]:
    """Every section a centre's home page holds, in menu order."""
    locations = [
        PageData(
            LocationPage,
            location.slug,
            location.name,
            fields={"location": location, "intro": t.location_intro},
            body=[b.opening_hours(t.labels["hours"], location)],
        )
        for location in ctx.locations()
    ]
    return [
        project_section(ctx, t),
        programme_section(ctx, t),
        event_section(ctx, t),
        news_section(ctx, t),
        *locations,
        PageData(
            ContactPage,
            t.contact.slug,
            t.contact.title,
            fields={"intro": t.contact.intro},
            m2m={"locations": ctx.locations(), "contacts": ctx.contacts()},
        ),
        PageData(
            GoodPracticeIndexPage,
            t.practices.slug,
            t.practices.title,
            fields={"intro": t.practices.intro},
        ),
        PageData(SearchPage, t.search.slug, t.search.title, fields={"intro": t.search.intro}),
        about_page(ctx, t),
    ]


def centre_home_blocks(ctx: DemoContext, t: CentreTexts) -> list[dict]:
    """The network blocks under a centre's home page text."""
    project = ctx.project()
    location = ctx.location()
    return [
        b.project_summary(project),
        b.eu_acknowledgement(project),
        b.programme_list(t.labels["programmes"]),
        b.upcoming_events(t.labels["events"]),
        b.good_practices(t.labels["practices"]),
        b.funders(t.labels["funders"], project),
        b.partners(t.labels["partners"], project),
        b.municipalities(t.labels["municipalities"], ctx.organisation),
        b.quick_contact(t.labels["contact"], location),
        b.opening_hours(t.labels["hours"], location),
    ]
