"""Production: everything security-relevant must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
SITE_URL = env("SITE_URL").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)

# How many reverse proxies stand in front of the portal: stated by the operator, no default.
# Behind a proxy that forgot to say so, every client would have the proxy's address, and one
# person's failed logins would lock out everyone. 0 states that clients connect to the portal
# itself (gunicorn terminates TLS): then X-Forwarded-Proto comes from the client as well and
# must not decide whether a request counts as HTTPS.
try:
    ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT")
except ImproperlyConfigured as missing:
    raise ImproperlyConfigured(
        "Set TRUSTED_PROXY_COUNT to the number of reverse proxies in front of the portal: "
        "1 behind one TLS-terminating proxy, 0 only if clients connect to the portal directly."
    ) from missing
if ALLAUTH_TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload token only allows a submission to the browsers' preload list; an operator on a
# shared parent domain may switch it off (check --deploy then warns, security.W021).
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CONTENT_SECURITY_POLICY = {**CONTENT_SECURITY_POLICY}
CONTENT_SECURITY_POLICY["DIRECTIVES"] = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "upgrade-insecure-requests": True,
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
