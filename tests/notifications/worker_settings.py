"""Settings of the Celery worker the integration tests start (not the eager test settings)."""

from config.settings.local import *  # noqa: F403

DEBUG = False
# Retries after 1 s, 2 s, 4 s … instead of 30 s, so a test can watch them happen.
NOTIFICATIONS_RETRY_BASE_SECONDS = 1
# Messages of a killed worker must not come back by themselves during a test: the sweep is
# what the tests check (in production the visibility timeout is 600 s, far longer than the
# sweep takes).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
    "visibility_timeout": 3600,
}
