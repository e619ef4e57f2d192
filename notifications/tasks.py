from celery import shared_task

from . import services


@shared_task(acks_late=True)
def deliver_mail(mail_id: int) -> bool:
    return services.mail_deliver(mail_id)


@shared_task
def outbox_sweep() -> int:
    return services.outbox_requeue_stale()
