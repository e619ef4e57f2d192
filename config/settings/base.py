"""Settings shared by every environment.

Every value comes from the environment (12-factor) and has a default that runs on a bare
machine: SQLite, a filesystem broker and mail written to files, all under ``var/``.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# A relative VAR_DIR is read from the project, not from wherever a process was started: web
# server, worker and beat must find the same files.
VAR_DIR = BASE_DIR / env("VAR_DIR", default="var")
for _sub in ("", "mail", "broker", "celery-results", "media", "cache", "bench", "staticfiles"):
    (VAR_DIR / _sub).mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env(
    "SECRET_KEY", default="insecure-development-key-change-me-in-production-0123456789"
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

# --- Applications -------------------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "crispy_forms",
    "crispy_bootstrap5",
    # The portal's apps, bottom to top (DESIGN.md, "Layers").
    "core",
    "providers",
    "network",
    "meetings",
    "circulars",
    "proposals",
    "pinboard",
    "news",
    "notifications",
    "pages",
    "demo",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.UserSessionActivityMiddleware",
    "core.middleware.MFARequiredMiddleware",
    "core.middleware.PrivacyConsentMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "core.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web server, worker and beat share one file: wait for locks instead of failing, and take
    # the write lock at the start of a transaction so that row locks mean something.
    DATABASES["default"]["OPTIONS"] = {"timeout": 30, "transaction_mode": "IMMEDIATE"}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    # Shared by all processes on one machine, so rate limits hold across gunicorn workers.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads (agreements, working-group documents) live outside the static files and are served
# only through views that check access.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)

# --- Internationalisation -----------------------------------------------------------------

LANGUAGE_CODE = env("LANGUAGE_CODE", default="de")
LANGUAGES = [("de", _("German")), ("en", _("English"))]
# The project's catalogue first, then formal German ("Sie") for django-allauth's texts.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "formal"]
TIME_ZONE = env("TIME_ZONE", default="Europe/Berlin")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Accounts (django-allauth) ------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "pages:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Netzwerkportal] "
ACCOUNT_SIGNUP_FORM_CLASS = "core.forms.SignupForm"
# Account mails go through the outbox (notifications); rate limits answer 429 (core).
ACCOUNT_ADAPTER = "notifications.adapters.AccountAdapter"
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Changing or removing email addresses asks for the password again (deleting the account and
# handing over an organisation use core.security.reauthentication_required).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_RATE_LIMITS = {
    # Per account (key): 5 failures in 5 minutes lock that account; this stops guessing one
    # person's password. Per address (ip): this stops one client trying a few passwords on
    # many accounts. But one address is often many people (a county administration behind one
    # NAT address; behind a proxy with a wrong TRUSTED_PROXY_COUNT, everyone), and their typos
    # must not lock each other out. 100 in 5 minutes is more than a few hundred colleagues
    # mistype while logging in before the same meeting, and still holds a client spraying
    # passwords to one guess every 3 seconds (and each account to its 5).
    "login_failed": "100/5m/ip,5/5m/key",
    # Every login attempt per address, failed or not (allauth's default: 30 a minute). Above
    # the failure budget, so that the failures decide, with room for a busy office's logins.
    "login": "200/5m/ip",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# Behind a reverse proxy the client address is the n-th from the right in X-Forwarded-For;
# with 0 the header is ignored entirely, so it cannot be spoofed. Production settings have no
# default: the operator states the number (core.checks guards the combination with a proxy).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Netzwerkportal Jugendhilfe"
USERSESSIONS_TRACK_ACTIVITY = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Mail ---------------------------------------------------------------------------------

_email_url = env("EMAIL_URL", default=f"filemail://{VAR_DIR / 'mail'}")
_email = env.email_url_config(_email_url)
if _email["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
    # django-environ drops the first character of the path, so filemail:///srv/mail would
    # become srv/mail below the working directory. Read it as a file URL: host and path
    # together, absolute as written, a relative one (filemail://var/mail) below the project.
    _location = urlsplit(_email_url)
    _email["EMAIL_FILE_PATH"] = str(BASE_DIR / unquote(_location.netloc + _location.path))
vars().update(_email)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Netzwerkportal <portal@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)

# --- Celery -------------------------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    # Every folder explicitly: kombu's defaults (control/, data_in/ …) are relative to the
    # working directory, which is the project's checkout.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(VAR_DIR / "broker"),
        "data_folder_out": str(VAR_DIR / "broker"),
        "control_folder": str(VAR_DIR / "broker" / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # Unacknowledged tasks of a killed worker come back after this many seconds; longer
        # than any task runs. Mail does not wait for it: the outbox sweep takes the rows of
        # a dead worker back much sooner (notifications/delivery.py).
        "visibility_timeout": 600,
        # Web requests publish delivery tasks when their transaction commits. A broker that
        # is down, unreachable or hung must not hold them: connecting gives up after half a
        # second, waiting for an answer after one, and a publish is not retried (below); the
        # outbox sweep delivers what could not be queued.
        "socket_connect_timeout": 0.5,
        "socket_timeout": 1.0,
    }
# The whole attempt to connect for a publish, and no second attempt: a request waits at most
# about a second for a broker that is not there.
CELERY_BROKER_CONNECTION_TIMEOUT = 1.0
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 0}
CELERY_RESULT_BACKEND = env(
    "CELERY_RESULT_BACKEND",
    default=REDIS_URL or f"file://{VAR_DIR / 'celery-results'}",
)
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Part of the bound on how late a killed worker's mail goes out (notifications/delivery.py).
    "outbox-sweep": {"task": "notifications.tasks.outbox_sweep", "schedule": 20.0},
    # Reminders are computed from the database on every tick; idempotency keys make a
    # repeated tick harmless.
    "notification-reminders": {
        "task": "notifications.reminders.send_due_reminders",
        "schedule": 300.0,
    },
    # Hourly, so a digest goes out soon after Monday 07:00; one per person and week.
    "weekly-digest": {"task": "notifications.digest.send_weekly_digests", "schedule": 3600.0},
    "retention-anonymise": {"task": "meetings.tasks.retention_run", "schedule": 6 * 3600.0},
}

# --- Security -----------------------------------------------------------------------------

# Sessions are read from the cache (Redis in production) and kept in the database too, so a
# restart of Redis logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Logging ------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Portal -------------------------------------------------------------------------------

PORTAL_NAME = env("PORTAL_NAME", default="Netzwerkportal Jugendhilfe")
PRIVACY_NOTICE_VERSION = env("PRIVACY_NOTICE_VERSION", default="2026-11")
# Logged-in users who accepted an older privacy notice (or none) are asked again.
PRIVACY_CONSENT_REQUIRED = env.bool("PRIVACY_CONSENT_REQUIRED", default=True)
# Coordinators and site admins must set up TOTP before they can use the portal.
MFA_REQUIRED_FOR_COORDINATORS = env.bool("MFA_REQUIRED_FOR_COORDINATORS", default=True)
# Attendance lists and feedback of past meetings are anonymised after this many months;
# a MeetingTemplate's retention_months wins for its kind of meeting.
RETENTION_MONTHS_DEFAULT = env.int("RETENTION_MONTHS_DEFAULT", default=24)
RETENTION_MONTHS_BY_KIND = {"case_conference": 6}
