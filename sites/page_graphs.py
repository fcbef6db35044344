"""Which schema.org JSON-LD each page type carries: gathers the page's data, calls the builders."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.http import HttpRequest
from wagtail.models import Page

from network.models import Location, Organisation
from network.models.organisations import OrganisationKind
from sites import navigation, presentation
from sites.calendar import occurrence_times
from sites.structured_data import (
    Node,
    When,
    article_node,
    audience,
    breadcrumb_node,
    event_node,
    event_series_node,
    graph,
    organisation_node,
    organisation_ref,
    place_node,
    project_node,
    social_activation_node,
)


def page_graph(page: Page, *, request: HttpRequest | None, context: Mapping[str, Any]) -> Node:
    """Every JSON-LD node a rendered page carries: its subject and its breadcrumbs."""
    url = page.get_full_url(request) or ""
    builder = _builder_for(page)
    nodes = [builder(page, url=url, request=request, context=context)]
    trail = navigation.page_trail(page, request)
    nodes.append(
        breadcrumb_node(
            [
                (crumb.title, crumb.get_full_url(request) or "")
                for crumb in trail
                if crumb.live or crumb.pk == page.pk
            ]
        )
    )
    return graph(nodes)


def _site_organisation(page: Page, request: HttpRequest | None) -> Organisation | None:
    return presentation.site_organisation(request, language_code=page.locale.language_code)


def _organisation_ref_for(organisation: Organisation | None) -> Node | None:
    if organisation is None:
        return None
    return organisation_ref(organisation, url=presentation.organisation_url(organisation))


def _site_organisation_node(
    organisation: Organisation | None,
    *,
    request: HttpRequest | None,
    locations: Iterable[Location] = (),
) -> Node | None:
    if organisation is None:
        return None
    member_of = None
    if organisation.kind != OrganisationKind.NETWORK:
        network = presentation.network_organisation(request)
        member_of = _organisation_ref_for(network)
    logo_url = ""
    if organisation.logo_id and organisation.logo is not None and request is not None:
        logo_url = request.build_absolute_uri(organisation.logo.file.url)
    return organisation_node(
        organisation,
        url=presentation.organisation_url(organisation),
        logo_url=logo_url,
        member_of=member_of,
        locations=[place_node(location, hours=location.opening_hours) for location in locations],
    )


def _home(page, *, url, request, context) -> Node | None:
    organisation = _site_organisation(page, request)
    return _site_organisation_node(
        organisation, request=request, locations=context.get("locations") or ()
    )


def _contact(page, *, url, request, context) -> Node | None:
    organisation = _site_organisation(page, request)
    return _site_organisation_node(
        organisation, request=request, locations=context.get("offices") or ()
    )


def _location(page, *, url, request, context) -> Node | None:
    office = context.get("office") or page.location
    return place_node(office, url=url, hours=office.opening_hours)


def occurrence_when(occurrence) -> When:
    start, end = occurrence_times(occurrence)
    previous = occurrence.original_start
    if previous is not None:
        previous = previous.astimezone(start.tzinfo)
    return When(start=start, end=end, status=occurrence.status, previous_start=previous)


def occurrence_events(page, request, *, organizer, language, series=None) -> list[Node]:
    """One Event per upcoming occurrence of a page (a programme's include its events)."""
    return [
        event_node(
            occurrence.entry.page.specific_deferred if occurrence.entry_id != page.pk else page,
            occurrence_when(occurrence),
            url=occurrence.entry.page.get_full_url(request) or "",
            organizer=organizer,
            language=language,
            series=series,
        )
        for occurrence in presentation.upcoming_occurrences(page)
    ]


def _event(page, *, url, request, context) -> Node | None:
    organisation = _site_organisation(page, request)
    organizer = _organisation_ref_for(organisation)
    language = page.locale.language_code
    programme = None
    if page.programme_id and page.programme is not None and page.programme.live:
        programme = {
            "@type": "EventSeries",
            "name": page.programme.title,
            "url": page.programme.get_full_url(request) or "",
        }
    summary = presentation.schedule_summary(page)
    if summary is not None and summary.is_recurring:
        # A repeating event is, like a programme, a series of its upcoming occurrences.
        return _programme(page, url=url, request=request, context=context)
    upcoming = presentation.upcoming_occurrences(page)
    if upcoming:
        when = occurrence_when(upcoming[0])
    elif summary is not None:
        when = When(summary.first_start, summary.first_end, page.status)
    else:
        return None
    return event_node(
        page,
        when,
        url=url,
        organizer=organizer,
        series=programme,
        language=language,
        audience=audience(page),
    )


def _programme(page, *, url, request, context) -> Node:
    organisation = _site_organisation(page, request)
    organizer = _organisation_ref_for(organisation)
    language = page.locale.language_code
    return event_series_node(
        page,
        url=url,
        sub_events=occurrence_events(page, request, organizer=organizer, language=language),
        organizer=organizer,
        language=language,
        audience=audience(page),
    )


def _social_activation(page, *, url, request, context) -> Node:
    organisation = _site_organisation(page, request)
    implementer = page.implementer if page.implementer_id else organisation
    partner = page.partner if page.partner_id else None
    organizer = _organisation_ref_for(implementer)
    language = page.locale.language_code
    return social_activation_node(
        page,
        url=url,
        organizer=organizer,
        contributor=_organisation_ref_for(partner),
        language=language,
        sub_events=occurrence_events(page, request, organizer=organizer, language=language),
    )


def _project(page, *, url, request, context) -> Node | None:
    overview = presentation.project_overview(page)
    if overview is None:
        return None
    return project_node(overview, url=url, language=page.locale.language_code)


def _news_article(page, *, url, request, context) -> Node:
    organisation = _site_organisation(page, request)
    return article_node(
        page,
        url=url,
        publisher=_organisation_ref_for(organisation),
        published=page.date,
        language=page.locale.language_code,
    )


def _good_practice(page, *, url, request, context) -> Node:
    organisation = _site_organisation(page, request)
    return article_node(
        page,
        url=url,
        article_type="Article",
        publisher=_organisation_ref_for(organisation),
        language=page.locale.language_code,
        authors=[organisation_ref(item) for item in page.organisations.all()],
    )


def _nothing(page, **kwargs) -> None:
    return None


def _builder_for(page: Page):
    from sites import models

    builders = {
        models.CentreHomePage: _home,
        models.HubHomePage: _home,
        models.ContactPage: _contact,
        models.LocationPage: _location,
        models.EventPage: _event,
        models.ProgrammePage: _programme,
        models.SocialActivationProgrammePage: _social_activation,
        models.ProjectPage: _project,
        models.NewsArticlePage: _news_article,
        models.GoodPracticePage: _good_practice,
    }
    return builders.get(type(page), _nothing)
