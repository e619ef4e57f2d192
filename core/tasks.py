"""Tasks of the portal's core: ``ping`` proves that a worker takes tasks and reaches the
database (used by the smoke test and by operators: ``manage.py shell -c``)."""

from celery import shared_task
from django.db import connection


@shared_task
def ping(nonce: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s", [nonce])
        echoed = cursor.fetchone()[0]
    return {"pong": echoed[::-1], "database": connection.vendor}
