"""Admin wiring of the centre sites: registrations for events and programmes."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from sites.models.registrations import Registration
from sites.registration_admin import RegistrationPermissionPolicy, RegistrationViewSet

# Before any admin view asks for Registration's policy (Wagtail would create a fallback).
register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")
