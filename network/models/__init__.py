"""Network models, re-exported explicitly."""

from network.models.branding import SiteBranding
from network.models.funding import Funder, FundingProgramme
from network.models.geography import Municipality, Region
from network.models.hours import OpeningHoursException, OpeningHoursRange
from network.models.organisations import Location, Organisation
from network.models.people import ContactPerson
from network.models.projects import (
    FundingLine,
    Indicator,
    IndicatorValue,
    Project,
    ProjectParticipation,
)
from network.models.taxonomy import TargetGroup, Theme
from network.models.tenancy import Tenant

__all__ = [
    "ContactPerson",
    "Funder",
    "FundingLine",
    "FundingProgramme",
    "Indicator",
    "IndicatorValue",
    "Location",
    "Municipality",
    "OpeningHoursException",
    "OpeningHoursRange",
    "Organisation",
    "Project",
    "ProjectParticipation",
    "Region",
    "SiteBranding",
    "TargetGroup",
    "Tenant",
    "Theme",
]
