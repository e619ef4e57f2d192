"""Thin tasks: take ids, call a service. Retries are scheduled from the row's own backoff
(``next_attempt_at``), so the periodic sweep and the retry task agree on when to try again.

No task here keeps a result: nobody reads them, and publishing a task whose result is kept
first subscribes to the result backend, which retries for many seconds when Redis is down —
in the web request that published it. The reminders' beat task is in ``reminders.py``.
"""

import logging
from datetime import datetime

from celery import shared_task

from . import delivery

logger = logging.getLogger(__name__)


def enqueue_delivery(mail_ids: list[int], *, eta: datetime | None = None) -> bool:
    """Hand rows to the workers. A broker outage is not an error: the sweep retries later.

    Called in web requests (after commit): each publish is tried once, with the broker's
    connect and answer timeouts of ``config/settings/base.py``, and the first failure ends
    the loop, so a request waits about a second at most for a broker that is not there.
    """
    try:
        for start in range(0, len(mail_ids), delivery.BATCH_SIZE):
            chunk = mail_ids[start : start + delivery.BATCH_SIZE]
            task, args = (
                (deliver_mail, (chunk[0],)) if len(chunk) == 1 else (deliver_batch, (chunk,))
            )
            task.apply_async(args, eta=eta)
    except Exception as error:  # noqa: BLE001 - any broker error: the rows wait for the sweep
        logger.warning(
            "Could not enqueue mail delivery (%s: %s); the outbox sweep will retry.",
            type(error).__name__,
            error,
        )
        return False
    return True


@shared_task(acks_late=True, ignore_result=True)
def deliver_mail(mail_id: int) -> str:
    result = delivery.mail_deliver(mail_id)
    if result.outcome == delivery.Outcome.RETRY:
        enqueue_delivery([mail_id], eta=result.retry_at)
    return result.outcome


@shared_task(acks_late=True, ignore_result=True)
def deliver_batch(mail_ids: list[int]) -> int:
    result = delivery.mail_deliver_batch(mail_ids)
    for mail_id, retry_at in result.retries.items():
        enqueue_delivery([mail_id], eta=retry_at)
    if result.deferred:
        enqueue_delivery(result.deferred, eta=result.deferred_until)
    return result.sent


def outbox_requeue_stale(*, older_than=None, lease=None) -> int:
    """Hand rows nobody delivered (broker down, worker killed) to the workers again; returns
    how many (``delivery.mails_lost`` says which)."""
    ids = delivery.mails_lost(older_than=older_than, lease=lease)
    if ids:
        enqueue_delivery(ids)
    return len(ids)


@shared_task(ignore_result=True)
def outbox_sweep() -> int:
    return outbox_requeue_stale()
