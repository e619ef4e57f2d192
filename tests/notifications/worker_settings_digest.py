"""Settings of the worker and the beats of ``test_digest_beats.py``: the digest tick every
second instead of every hour, so two beats tick many times while the test watches."""

from .worker_settings import *  # noqa: F403

CELERY_BEAT_SCHEDULE = {
    "weekly-digest": {"task": "notifications.digest.send_weekly_digests", "schedule": 1.0},
}
