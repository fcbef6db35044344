"""Brand colours must keep text readable (WCAG 2.1 AA) wherever the templates use them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from network.models import SiteBranding
from network.provisioning import ProvisioningError, provision_site
from network.validators import (
    DARK_TEXT,
    WHITE,
    contrast_ratio,
    readable_text_colour,
    relative_luminance,
)
from tests.factories import OrganisationFactory, UserFactory
from tests.sites.conftest import CENTRE_HOST

pytestmark = pytest.mark.django_db

# The colours the demo network uses (network/demo/sites): all must stay valid.
DEMO_COLOURS = [
    ("#1d4e89", "#f2a900"),
    ("#7a1f5c", "#f2c14e"),
    ("#c2410c", "#24477f"),
    ("#2f5d1e", "#e0b000"),
    ("#0b6e4f", "#f4a259"),
    ("#1f4e79", "#8fbc43"),
    ("#b3261e", "#2a6f97"),
]


def test_contrast_ratio_matches_wcag_reference_values():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#FFFFFF") == pytest.approx(1)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#1d4e89", "#1d4e89") == 1
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_text_on_a_colour_is_white_or_dark_whichever_reads_better():
    assert readable_text_colour("#1d4e89") == WHITE
    assert readable_text_colour("#f2a900") == DARK_TEXT


def branding(**colours) -> SiteBranding:
    return SiteBranding(**{"primary_colour": "#1d4e89", "accent_colour": "#f2a900", **colours})


@pytest.mark.parametrize(("primary", "accent"), DEMO_COLOURS)
def test_demo_colours_pass(primary, accent):
    branding(primary_colour=primary, accent_colour=accent).full_clean(exclude=["site"])


def test_a_light_primary_colour_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as raised:
        branding(primary_colour="#f2a900").full_clean(exclude=["site"])

    errors = raised.value.message_dict
    assert list(errors) == ["primary_colour"]
    assert "#f2a900" in errors["primary_colour"][0]
    assert "4.5:1" in errors["primary_colour"][0]


def test_a_mid_tone_accent_colour_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as raised:
        branding(accent_colour="#777777").full_clean(exclude=["site"])

    assert list(raised.value.message_dict) == ["accent_colour"]
    assert "#777777" in raised.value.message_dict["accent_colour"][0]


def test_both_colours_are_reported_together():
    with pytest.raises(ValidationError) as raised:
        branding(primary_colour="#ffff00", accent_colour="#808080").full_clean(exclude=["site"])

    assert set(raised.value.message_dict) == {"primary_colour", "accent_colour"}


def test_a_malformed_colour_gets_the_format_error_only():
    with pytest.raises(ValidationError) as raised:
        branding(primary_colour="rdeča").full_clean(exclude=["site"])

    [message] = raised.value.message_dict["primary_colour"]
    assert "#RRGGBB" in message


def test_provisioning_refuses_unreadable_colours(db):
    with pytest.raises(ProvisioningError) as raised:
        provision_site(
            name="Bled",
            hostname="bled.localhost",
            organisation=OrganisationFactory(slug="bled"),
            branding={"primary_colour": "#ffcc00"},
        )

    assert raised.value.field == "primary_colour"


def test_the_settings_form_shows_the_error_on_the_field(client, network):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("wagtailsettings:edit", args=["network", "sitebranding", network.centre.pk])
    data = {
        "primary_colour": "#ffcc00",
        "accent_colour": "#f2a900",
        "contact_email": "",
        "contact_phone": "",
        "facebook_url": "",
        "instagram_url": "",
        "youtube_url": "",
        "linkedin_url": "",
    }

    response = client.post(url, data, HTTP_HOST=CENTRE_HOST)

    assert response.status_code == 200
    form = response.context["form"]
    assert "primary_colour" in form.errors
    assert "4.5:1" in form.errors["primary_colour"][0]
    assert SiteBranding.for_site(network.centre).primary_colour == "#1d4e89"


def test_the_page_uses_the_text_colour_that_reads_on_the_accent(client, network):
    settings_row = SiteBranding.for_site(network.centre)
    settings_row.accent_colour = "#24477f"
    settings_row.save()

    html = client.get("/", HTTP_HOST=CENTRE_HOST).content.decode()

    assert "--accent: #24477f; --on-accent: #ffffff;" in html


def test_a_bad_phone_number_does_not_hide_a_colour_error():
    with pytest.raises(ValidationError) as raised:
        branding(primary_colour="#ffff00", contact_phone="123").full_clean(exclude=["site"])

    assert set(raised.value.message_dict) == {"primary_colour", "contact_phone"}
