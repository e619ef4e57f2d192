"""Beat tasks of the meetings app (thin: they call a service)."""

from celery import shared_task

from .retention import retention_anonymise


@shared_task
def retention_run() -> dict[str, int]:
    return retention_anonymise()
