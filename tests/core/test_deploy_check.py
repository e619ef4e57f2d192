"""Acceptance 5: production settings pass ``check --deploy --fail-level WARNING``."""

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
        VAR_DIR=str(tmp_path / "var"),
    )
    env.update(overrides)
    return env


def run_check(env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
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
