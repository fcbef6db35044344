"""The network review on the demo network: centres submit good practices and news to the hub,
coordinators request changes or approve and publish, and the submitter hears of each step."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Page

from network.review import WORKFLOW_NAME, ensure_network_review, hub_sections
from sites.models import GoodPracticeIndexPage, GoodPracticePage, HubHomePage, NewsIndexPage
from tests.headless.conftest import demo, demo_network  # noqa: F401  (shared demo fixtures)

pytestmark = pytest.mark.django_db


def user(username: str):
    return get_user_model().objects.get(username=username)


def hub_practices() -> GoodPracticeIndexPage:
    return GoodPracticeIndexPage.objects.child_of(HubHomePage.objects.get()).get()


def draft_practice(editor, title: str = "Prostovoljni prevozi") -> GoodPracticePage:
    practice = GoodPracticePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        problem="<p>Starejši na podeželju nimajo prevoza.</p>",
        approach="<p>Prostovoljci vozijo z lastnimi avtomobili.</p>",
        results="<p>Prenesli smo jo v 12 enot.</p>",
        owner=editor,
        live=False,
    )
    hub_practices().add_child(instance=practice)
    practice.save_revision(user=editor)
    return practice


def test_every_centre_may_submit_to_the_hub_sections_but_not_publish(demo):  # noqa: F811
    [practices, news] = sorted(hub_sections(), key=lambda page: page.specific_class.__name__)
    assert isinstance(practices.specific, GoodPracticeIndexPage)
    assert isinstance(news.specific, NewsIndexPage)
    for section in (practices, news):
        assert section.get_workflow().name == WORKFLOW_NAME
    for username in ("socio-urednik", "hana-moderator", "zasavje-urednik"):
        permissions = practices.permissions_for_user(user(username))
        assert permissions.can_add_subpage(), username
        assert not permissions.can_publish_subpage(), username
        hub_home = practices.get_parent()
        assert not hub_home.permissions_for_user(user(username)).can_edit(), username


def test_a_centre_cannot_edit_or_publish_another_centres_submission(demo):  # noqa: F811
    practice = draft_practice(user("socio-urednik"))
    own = practice.permissions_for_user(user("socio-urednik"))
    other = practice.permissions_for_user(user("hana-urednik"))
    coordinator = practice.permissions_for_user(user("koordinator"))
    assert own.can_edit() and not own.can_publish()
    assert not other.can_edit() and not other.can_publish()
    assert coordinator.can_edit() and coordinator.can_publish()


def test_request_changes_then_approve_and_publish(demo, settings):  # noqa: F811
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    editor, coordinator = user("socio-urednik"), user("koordinator")
    practice = draft_practice(editor)
    workflow = practice.get_workflow()

    mail.outbox.clear()
    workflow.start(practice, editor)
    assert [message.to for message in mail.outbox] == [[coordinator.email]]

    mail.outbox.clear()
    task_state = practice.current_workflow_task_state
    task_state.task.specific.on_action(task_state, coordinator, "reject", comment="Dodajte vire.")
    practice.refresh_from_db()
    assert not practice.live
    assert practice.current_workflow_state.status == "needs_changes"
    assert [message.to for message in mail.outbox] == [[editor.email]]

    mail.outbox.clear()
    practice.resources_needed = "<p>Dva prostovoljca in en avtomobil.</p>"
    practice.save_revision(user=editor)
    practice.current_workflow_state.resume(editor)
    assert [message.to for message in mail.outbox] == [[coordinator.email]]

    mail.outbox.clear()
    task_state = Page.objects.get(pk=practice.pk).specific.current_workflow_task_state
    task_state.task.specific.on_action(task_state, coordinator, "approve")
    practice.refresh_from_db()
    assert practice.live
    assert practice.resources_needed == "<p>Dva prostovoljca in en avtomobil.</p>"
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_setting_it_up_again_changes_nothing(demo):  # noqa: F811
    from wagtail.models import GroupPagePermission, Workflow

    counts = (Workflow.objects.count(), GroupPagePermission.objects.count())
    ensure_network_review()
    assert (Workflow.objects.count(), GroupPagePermission.objects.count()) == counts
