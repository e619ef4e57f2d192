"""The benchmark (``make bench``, bench/): production settings on loopback.

Like production — DEBUG off, PostgreSQL and Redis from DATABASE_URL / REDIS_URL, sessions in
the cache with the database behind (cached_db), manifest static files, MFA required for
coordinators — except what plain HTTP on 127.0.0.1 needs: no HTTPS redirect, no HSTS, no
secure-only cookies, ALLOWED_HOSTS 127.0.0.1. Adds one URL, the bare view the pages are
compared with (config/urls_bench.py); production URLs never have it.
"""

import os

for name, value in {
    "SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SITE_URL": "http://127.0.0.1:8102",
    "TRUSTED_PROXY_COUNT": "0",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/2",
    "EMAIL_URL": "smtp://127.0.0.1:8125",
    "LOG_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(name, value)

from .production import *  # noqa: E402, F403

ROOT_URLCONF = "config.urls_bench"
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
CONTENT_SECURITY_POLICY = {**CONTENT_SECURITY_POLICY}  # noqa: F405
CONTENT_SECURITY_POLICY["DIRECTIVES"] = {
    name: value
    for name, value in CONTENT_SECURITY_POLICY["DIRECTIVES"].items()
    if name != "upgrade-insecure-requests"
}
