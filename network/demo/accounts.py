"""Demo users, one for each role, sharing one published demo-only password."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from network.demo.upsert import CREATED, UNCHANGED, UPDATED, Tally, full_clean
from network.models import Tenant
from network.provisioning import ensure_coordinators_group

# Published in docs/demo-network.md: never load the demo into a database reachable by others.
DEMO_PASSWORD = "mreza-demo-2026"


@dataclass(frozen=True)
class DemoUser:
    """A demo account: its username, role and the site it works on ("" for the whole network)."""

    username: str
    role: str
    hostname: str = ""
    site_name: str = ""


def _ensure_user(
    account: DemoUser, groups: list[Group], *, superuser: bool, tally: Tally, language: str = ""
) -> None:
    user_model = get_user_model()
    user = user_model._default_manager.filter(username=account.username).first()
    created = user is None
    if created:
        user = user_model(username=account.username)
    wanted = {
        "email": f"{account.username}@mreza.example",
        "first_name": account.role,
        "last_name": account.site_name or "Mreža centrov",
        "is_active": True,
        "is_staff": superuser,
        "is_superuser": superuser,
    }
    changed = created
    for name, value in wanted.items():
        if getattr(user, name) != value:
            setattr(user, name, value)
            changed = True
    # check_password is slow by design; only new users or changed passwords are re-hashed.
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed = True
    if changed:
        full_clean(user, f"user {account.username}")
        user.save()
    if {group.pk for group in user.groups.all()} != {group.pk for group in groups}:
        user.groups.set(groups)
        changed = True
    # Editors of a Czech centre work in a Czech admin; everyone else in the default language.
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        changed = True
    tally.record(user_model, CREATED if created else UPDATED if changed else UNCHANGED)


def ensure_demo_users(tenants: list[tuple[str, Tenant]], *, tally: Tally) -> list[DemoUser]:
    """The superuser, a network coordinator, and an editor and a moderator per centre.

    ``tenants`` pairs each centre's user prefix with its tenant.
    """
    accounts = [DemoUser("admin", "Skrbnik"), DemoUser("koordinator", "Koordinator")]
    _ensure_user(accounts[0], [], superuser=True, tally=tally)
    _ensure_user(accounts[1], [ensure_coordinators_group()], superuser=False, tally=tally)
    for prefix, tenant in tenants:
        site = tenant.site
        for suffix, role, group in (
            ("urednik", "Urednik", tenant.editors),
            ("moderator", "Moderator", tenant.moderators),
        ):
            account = DemoUser(f"{prefix}-{suffix}", role, site.hostname, site.site_name)
            _ensure_user(
                account,
                [group],
                superuser=False,
                tally=tally,
                language=site.root_page.locale.language_code,
            )
            accounts.append(account)
    return accounts
