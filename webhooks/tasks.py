"""The background task that sends a subscription's queue (django-tasks, as Wagtail uses).

With a backend that can defer (django_tasks_db.DatabaseBackend and ``manage.py db_worker``)
the task schedules its own retries with ``run_after``. The in-process ImmediateBackend runs it
inside the editor's request once the change commits, so it sends only a few requests there
and leaves retries to ``manage.py deliver_webhooks``.
"""

from __future__ import annotations

from django_tasks import task

from webhooks.delivery import deliver_queue

# Requests one run may send: few in an editor's request, more in a worker.
IN_REQUEST_LIMIT = 5
WORKER_LIMIT = 100


@task()
def deliver_queue_task(subscription_id: int) -> dict:
    """Send what is due in one subscription's queue; schedule the next try if it failed."""
    can_defer = deliver_queue_task.get_backend().supports_defer
    run = deliver_queue(subscription_id, limit=WORKER_LIMIT if can_defer else IN_REQUEST_LIMIT)
    if can_defer and run.claimed:
        if run.more:
            deliver_queue_task.enqueue(subscription_id)
        elif run.failed_attempts and run.retry_at is not None:
            # Only the run that failed schedules the retry, so retries do not multiply.
            deliver_queue_task.using(run_after=run.retry_at).enqueue(subscription_id)
    return run.as_dict()
