"""The test suite. PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run inline unless a test starts a real worker; delivery still goes through the outbox.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Every HTML page rendered in a test is checked for resources from other hosts.
MIDDLEWARE = [*MIDDLEWARE, "tests.support.external_refs.ExternalReferenceMiddleware"]  # noqa: F405

# Other test modules log coordinators in with force_login and do not click through the
# consent and TOTP set-up pages; tests/security switches both on with the settings fixture.
MFA_REQUIRED_FOR_COORDINATORS = False
PRIVACY_CONSENT_REQUIRED = False


def redis_database_of_this_worker(url: str, worker: str) -> str:
    """pytest-xdist runs the suite in processes gw0, gw1 …; each uses the Redis database
    after the previous one's (REDIS_URL's number plus the worker's index), because the
    worker tests empty their broker's database."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw") or 0)
    return urlunsplit(parts._replace(path=f"/{database}"))


if REDIS_URL:
    REDIS_URL = redis_database_of_this_worker(REDIS_URL, os.environ.get("PYTEST_XDIST_WORKER", ""))
    # Tests that start a real worker publish here; the eager app never connects.
    CELERY_BROKER_URL = CELERY_RESULT_BACKEND = REDIS_URL
