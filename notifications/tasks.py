"""Thin tasks: take ids, call a service. Retries are scheduled from the row's own backoff
(``next_attempt_at``), so the periodic sweep and the retry task agree on when to try again."""

from celery import shared_task

from . import reminders, services


@shared_task(acks_late=True)
def deliver_mail(mail_id: int) -> str:
    result = services.mail_deliver(mail_id)
    if result.outcome == services.Outcome.RETRY:
        services.enqueue_delivery([mail_id], countdown=result.retry_in)
    return result.outcome


@shared_task(acks_late=True)
def deliver_batch(mail_ids: list[int]) -> int:
    result = services.mail_deliver_batch(mail_ids)
    for mail_id, delay in result.retries.items():
        services.enqueue_delivery([mail_id], countdown=delay)
    if result.deferred:
        services.enqueue_delivery(result.deferred, countdown=result.deferred_in)
    return result.sent


@shared_task
def outbox_sweep() -> int:
    return services.outbox_requeue_stale()


@shared_task
def send_due_reminders() -> int:
    return reminders.reminders_send_due()
