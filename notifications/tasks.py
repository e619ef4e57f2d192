"""Thin tasks: take ids, call a service. Retries are scheduled from the row's own backoff
(``next_attempt_at``), so the periodic sweep and the retry task agree on when to try again.

No task here keeps a result: nobody reads them, and publishing a task whose result is kept
first subscribes to the result backend, which retries for many seconds when Redis is down —
in the web request that published it.
"""

from celery import shared_task

from . import reminders, services


@shared_task(acks_late=True, ignore_result=True)
def deliver_mail(mail_id: int) -> str:
    result = services.mail_deliver(mail_id)
    if result.outcome == services.Outcome.RETRY:
        services.enqueue_delivery([mail_id], eta=result.retry_at)
    return result.outcome


@shared_task(acks_late=True, ignore_result=True)
def deliver_batch(mail_ids: list[int]) -> int:
    result = services.mail_deliver_batch(mail_ids)
    for mail_id, retry_at in result.retries.items():
        services.enqueue_delivery([mail_id], eta=retry_at)
    if result.deferred:
        services.enqueue_delivery(result.deferred, eta=result.deferred_until)
    return result.sent


@shared_task(ignore_result=True)
def outbox_sweep() -> int:
    return services.outbox_requeue_stale()


@shared_task(ignore_result=True)
def send_due_reminders() -> int:
    return reminders.reminders_send_due()
