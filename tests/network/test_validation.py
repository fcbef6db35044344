"""Bad snippet data ends in a clear error naming the field, and nothing is saved."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from network.models import ContactPerson, Project
from tests.factories import (
    ContactPersonFactory,
    FunderFactory,
    FundingLineFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
)
from tests.i18n import translated

pytestmark = pytest.mark.django_db


def error_fields(instance) -> set[str]:
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return set(raised.value.message_dict)


def test_funding_lines_may_not_exceed_total_value():
    project = ProjectFactory(total_value=Decimal("875000.00"))
    FundingLineFactory(project=project, amount=Decimal("575000.00"))
    FundingLineFactory(project=project, amount=Decimal("300000.01"))
    project = Project.objects.get(pk=project.pk)

    with pytest.raises(ValidationError) as raised:
        project.full_clean()

    assert "total_value" in raised.value.message_dict
    assert "875000.01" in raised.value.message_dict["total_value"][0]


def test_co_financing_rate_is_derived_from_amount_and_total():
    project = ProjectFactory(total_value=Decimal("875000.00"))
    line = FundingLineFactory(project=project, amount=Decimal("575000.00"))
    assert line.co_financing_rate == Decimal("65.71")
    assert isinstance(project.funded_amount, Decimal)


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"planned_start": date(2022, 2, 28), "planned_end": date(2019, 9, 1)}, "planned_end"),
        ({"actual_start": date(2019, 9, 1), "actual_end": date(2019, 8, 31)}, "actual_end"),
    ],
)
def test_end_before_start_is_refused(dates, field):
    project = ProjectFactory.build(owner=OrganisationFactory(), **dates)
    assert field in error_fields(project)


@pytest.mark.parametrize("phone", ["12", "not a phone", "+386 1"])
def test_invalid_phone_is_refused(phone):
    person = ContactPersonFactory.build(organisation=OrganisationFactory(), phone=phone)
    assert error_fields(person) == {"phone"}


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("030 715 685", "+386 30 715 685"),
        ("059 927 619", "+386 599 27619"),
        ("+420 582 330 111", "+420 582 330 111"),
    ],
)
def test_valid_phone_is_normalised_to_international_format(given, stored):
    person = ContactPersonFactory.build(organisation=OrganisationFactory(), phone=given)
    person.full_clean()
    assert person.phone == stored


def test_invalid_email_is_refused():
    person = ContactPersonFactory.build(organisation=OrganisationFactory(), email="tina.pajk@")
    assert error_fields(person) == {"email"}


def test_admin_form_shows_funding_error_and_saves_nothing(client):
    coordinator = UserFactory(is_superuser=True)
    client.force_login(coordinator)
    owner = OrganisationFactory()
    funder = FunderFactory()
    url = reverse("wagtailsnippets_network_project:add")
    data = {
        "title": "Točke moči",
        "slug": "tocke-moci",
        "owner": owner.pk,
        "currency": "EUR",
        "total_value": "575000.00",
        "planned_start": "2017-01-01",
        "planned_end": "2016-12-31",
        "funding_lines-TOTAL_FORMS": "1",
        "funding_lines-INITIAL_FORMS": "0",
        "funding_lines-MIN_NUM_FORMS": "0",
        "funding_lines-MAX_NUM_FORMS": "1000",
        "funding_lines-0-funder": funder.pk,
        "funding_lines-0-amount": "600000.00",
        "funding_lines-0-ORDER": "1",
        "participations-TOTAL_FORMS": "0",
        "participations-INITIAL_FORMS": "0",
        "participations-MIN_NUM_FORMS": "0",
        "participations-MAX_NUM_FORMS": "1000",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "1000",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    content = response.content.decode()
    # The admin speaks the user's preferred language, by default the network's default.
    exceeds = translated(
        "Funding lines add up to %(sum)s, more than the total value %(total)s.",
        sum="600000.00",
        total="575000.00",
    )
    assert escape(exceeds) in content
    assert escape(translated("The end date cannot be before the start date.")) in content
    assert not Project.objects.exists()


def test_admin_form_names_bad_phone_field(client):
    client.force_login(UserFactory(is_superuser=True))
    organisation = OrganisationFactory()
    response = client.post(
        reverse("wagtailsnippets_network_contactperson:add"),
        {"name": "Tina Pajk", "organisation": organisation.pk, "phone": "12345"},
    )
    assert response.status_code == 200
    invalid = translated(
        "“%(value)s” is not a valid phone number. Use a full number, e.g. +386 30 715 685.",
        value="12345",
    )
    assert escape(invalid) in response.content.decode()
    errors = response.context["form"].errors
    assert errors.keys() == {"phone"}
    assert invalid in errors["phone"]
    assert not ContactPerson.objects.exists()
