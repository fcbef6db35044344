"""Page types of a centre's site and of the network hub, re-exported explicitly."""

from sites.models.content import ContactPage, SearchPage, StandardPage
from sites.models.events import EventIndexPage, EventPage, EventScheduleChange
from sites.models.home import CentreHomePage, HubHomePage
from sites.models.locations import LocationPage
from sites.models.news import NewsArticlePage, NewsIndexPage
from sites.models.occurrences import CalendarEntry, Occurrence
from sites.models.practices import GoodPracticeIndexPage, GoodPracticePage, PracticeTransfer
from sites.models.programmes import (
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeScheduleChange,
    SocialActivationProgrammePage,
    SocialActivationScheduleChange,
)
from sites.models.projects import ProjectIndexPage, ProjectPage
from sites.models.registrations import Registration, RegistrationStatus

__all__ = [
    "Registration",
    "RegistrationStatus",
    "CalendarEntry",
    "EventScheduleChange",
    "Occurrence",
    "ProgrammeScheduleChange",
    "SocialActivationScheduleChange",
    "CentreHomePage",
    "ContactPage",
    "EventIndexPage",
    "EventPage",
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "PracticeTransfer",
    "HubHomePage",
    "LocationPage",
    "NewsArticlePage",
    "NewsIndexPage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProjectIndexPage",
    "ProjectPage",
    "SearchPage",
    "SocialActivationProgrammePage",
    "StandardPage",
]
