"""The benchmark's settings: production-like, and the bare view only there."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve


def test_production_urls_have_no_bare_view():
    assert settings.ROOT_URLCONF == "config.urls"
    with pytest.raises(Resolver404):
        resolve("/bench/bare/")


@pytest.mark.django_db
def test_the_bare_view_answers_through_the_same_middleware(client, settings):
    settings.ROOT_URLCONF = "config.urls_bench"
    response = client.get("/bench/bare/")
    assert response.status_code == 200
    assert response.content == b"ok"
    # the portal's middleware ran: its headers are there
    assert "Permissions-Policy" in response.headers
    assert "Content-Security-Policy" in response.headers


def test_bench_settings_are_production_like_on_loopback():
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, 'ssl': s.SECURE_SSL_REDIRECT,"
        "'engine': s.DATABASES['default']['ENGINE'], 'cache': s.CACHES['default']['BACKEND'],"
        "'sessions': s.SESSION_ENGINE, 'urls': s.ROOT_URLCONF,"
        "'mfa': s.MFA_REQUIRED_FOR_COORDINATORS, 'static': s.STORAGES['staticfiles']['BACKEND']}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "DEBUG"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    output = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(output) == {
        "debug": False,
        "hosts": ["127.0.0.1"],
        "ssl": False,
        "engine": "django.db.backends.postgresql",
        "cache": "django.core.cache.backends.redis.RedisCache",
        "sessions": "django.contrib.sessions.backends.cached_db",
        "urls": "config.urls_bench",
        "mfa": True,
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
