"""Running deliveries in production: the database task backend's worker, the deliver_webhooks
command for the in-process backend, and the log purge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.webhooks.conftest import publish
from webhooks.models import Delivery, DeliveryStatus, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def ready_tasks():
    return DBTaskResult.objects.filter(status="READY", task_path__endswith="deliver_queue_task")


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


# The worker checks its connection as in production (autocommit), so no test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_backend_the_task_schedules_its_own_retry(
    database_tasks, tenants, receiver, subscribe, draft_page, committing
):
    subscription = subscribe(receiver.url)
    receiver.status = 503
    with committing():
        publish(draft_page())
    assert ready_tasks().count() == 1  # queued by the publish; nothing sent in the request
    assert receiver.received == []

    run_worker()

    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    (retry,) = ready_tasks()
    assert retry.run_after == delivery.next_attempt_at
    assert retry.args_kwargs["args"] == [subscription.pk]

    # Time passes: the retry falls due, and the receiver is back.
    receiver.status = 204
    earlier = timezone.now() - timedelta(seconds=1)
    Delivery.objects.update(next_attempt_at=earlier)
    ready_tasks().update(run_after=earlier)
    run_worker()

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert len(receiver.accepted) == 1
    assert not ready_tasks().exists()  # no retry left behind


def test_deliver_webhooks_sends_what_the_in_process_backend_left(
    tenants, receiver, subscribe, draft_page, capsys
):
    subscribe(receiver.url)
    publish(draft_page())  # on_commit callbacks do not run here: nothing sent yet
    publish(draft_page())

    call_command("deliver_webhooks")

    assert "2 delivered" in capsys.readouterr().out
    assert [r.document["event"] for r in receiver.accepted] == ["page.published"] * 2


def test_the_purge_keeps_the_queue_and_recent_log(tenants, receiver, subscribe, draft_page):
    subscribe(receiver.url)
    for _ in range(3):
        publish(draft_page())
    call_command("deliver_webhooks", stdout=None)
    old = timezone.now() - timedelta(days=31)
    first, second, third = Delivery.objects.order_by("event_id")
    Delivery.objects.filter(pk=first.pk).update(delivered_at=old)
    Event.objects.filter(pk__in=[first.event_id, second.event_id]).update(created_at=old)
    # An old delivery still waiting is the queue, not the log.
    Delivery.objects.filter(pk=second.pk).update(status=DeliveryStatus.PENDING)

    call_command("purge_webhook_log", verbosity=0)

    assert list(Delivery.objects.order_by("event_id")) == [second, third]
    assert list(Event.objects.order_by("pk").values_list("pk", flat=True)) == [
        second.event_id,
        third.event_id,
    ]


def test_a_bad_retry_setting_is_a_system_check_error(settings):
    from webhooks.checks import check_webhook_settings

    assert check_webhook_settings(None) == []
    settings.MREZA = {
        **settings.MREZA,
        "WEBHOOKS": {**settings.MREZA["WEBHOOKS"], "MAX_ATTEMPTS": 0},
    }

    (error,) = check_webhook_settings(None)
    assert error.id == "webhooks.E002" and "MAX_ATTEMPTS" in error.msg
