"""Beat task for retention. A module of its own because core/tasks.py belongs to another
area; CoreConfig.ready imports it so that workers register the task."""

from celery import shared_task

from .retention import retention_anonymise


@shared_task
def retention_run() -> dict[str, int]:
    return retention_anonymise()
