"""The test suite. PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set."""

from .base import *  # noqa: F403

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
