"""Acceptance 5: production settings pass ``check --deploy --fail-level WARNING``.

Issue 10: production states how many reverse proxies stand in front of it
(TRUSTED_PROXY_COUNT); behind a proxy without that number the deploy check fails."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **overrides) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "EMAIL_", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
        SITE_URL="https://portal.example.org",
        TRUSTED_PROXY_COUNT="1",  # one TLS-terminating proxy, as README.md describes
        VAR_DIR=str(tmp_path / "var"),
    )
    env.update(overrides)
    return env


def run_check(env) -> subprocess.CompletedProcess:
    return manage(env, "check", "--deploy", "--fail-level", "WARNING")


def manage(env, *arguments) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_check(production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_fails_with_a_weak_secret_key(tmp_path):
    # The same check notices a bad setting, so the passing test above means something.
    result = run_check(production_env(tmp_path, SECRET_KEY="short"))
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = run_check(env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_the_proxy_count(tmp_path):
    env = production_env(tmp_path)
    del env["TRUSTED_PROXY_COUNT"]
    result = manage(env, "check")  # any command: the settings themselves refuse
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set TRUSTED_PROXY_COUNT" in result.stderr


def test_without_proxies_forwarded_headers_are_not_trusted(tmp_path):
    """0 states that clients connect to the portal itself: X-Forwarded-For and
    X-Forwarded-Proto then come from the client and decide nothing."""
    env = production_env(tmp_path, TRUSTED_PROXY_COUNT="0")
    assert run_check(env).returncode == 0
    assert proxy_settings(env) == "0 None"
    behind_proxies = production_env(tmp_path, TRUSTED_PROXY_COUNT="2")
    assert proxy_settings(behind_proxies) == "2 ('HTTP_X_FORWARDED_PROTO', 'https')"


def proxy_settings(env) -> str:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.ALLAUTH_TRUSTED_PROXY_COUNT, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_deploy_check_fails_behind_a_proxy_without_the_proxy_count(tmp_path):
    """An operator's own settings on top of production's that trust the proxy's
    X-Forwarded-Proto but count no proxy: every client would share the proxy's address."""
    (tmp_path / "operator_settings.py").write_text(
        "from config.settings.production import *  # noqa: F403\n"
        "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n"
    )
    env = production_env(
        tmp_path,
        TRUSTED_PROXY_COUNT="0",
        DJANGO_SETTINGS_MODULE="operator_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(BASE_DIR)]),
    )
    result = manage(env, "check", "--deploy")  # errors fail it at the default level
    assert result.returncode != 0
    assert "core.E001" in result.stderr
    assert "TRUSTED_PROXY_COUNT" in result.stderr
    fixed = run_check({**env, "TRUSTED_PROXY_COUNT": "1"})
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
