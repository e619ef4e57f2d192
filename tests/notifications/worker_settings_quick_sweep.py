"""Worker settings for the killed-worker test: the outbox's intervals shortened so the test
takes seconds, in the same relation as in production (``notifications.checks`` holds):
lease 14 s ≥ send deadline 2 × 2 s + margin 10 s; the sweep runs every second."""

from .worker_settings import *  # noqa: F403

EMAIL_TIMEOUT = 2
NOTIFICATIONS_SENDING_LEASE_SECONDS = 14
NOTIFICATIONS_STALE_AFTER_SECONDS = 14
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {"task": "notifications.tasks.outbox_sweep", "schedule": 1.0},
}
