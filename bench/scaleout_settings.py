"""Beat of the scale-out check: the reminder tick every 2 seconds instead of 5 minutes, so
the check sees many ticks (and two beats' ticks overlap) within a minute."""

from config.settings.bench import *  # noqa: F403

CELERY_BEAT_SCHEDULE = {
    "notification-reminders": {
        "task": "notifications.reminders.send_due_reminders",
        "schedule": 2.0,
    },
}
