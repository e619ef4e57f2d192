"""Acceptance 6: web, worker and beat, started with the commands of docker-compose.yml,
answer /healthz and run a task through Redis, against PostgreSQL.

Docker does not run in CI, so this test starts the same commands (Procfile ==
docker-compose.yml == the image's CMD, checked below) as plain processes.
"""

import json
import re
import secrets
import signal
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest
from django.conf import settings

from .processes import (
    BASE_DIR,
    Processes,
    clean_env,
    free_port,
    manage,
    procfile_commands,
    wait_for_http,
    wait_for_log,
)

COMMANDS = procfile_commands(BASE_DIR / "Procfile")


def test_docker_compose_runs_the_procfile_commands():
    compose = (BASE_DIR / "docker-compose.yml").read_text(encoding="utf-8")
    assert set(COMMANDS) == {"web", "worker", "beat"}
    for name, command in COMMANDS.items():
        assert re.search(rf"\n  {name}:\n(    .*\n)*?    command: {re.escape(command)}\n", compose)
    dockerfile = (BASE_DIR / "Dockerfile").read_text(encoding="utf-8")
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M).group(1)
    assert " ".join(json.loads(cmd)) == COMMANDS["web"]
    for service in ("postgres", "redis", "mailpit"):
        pinned_image = rf"\n  {service}:\n    image: [\w/.-]+:[\w.-]*\d[\w.-]*\n"
        assert re.search(pinned_image, compose), service
    assert compose.count("condition: service_healthy") >= 3
    assert compose.count("healthcheck:") >= 7


def _admin_connection():
    db = settings.DATABASES["default"]
    connection = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"] or 5432,
    )
    connection.autocommit = True
    return connection


@pytest.fixture
def smoke_database_url():
    """A database of its own: the processes must see each other's committed data."""
    db = settings.DATABASES["default"]
    name = f"{db['NAME'].removeprefix('test_')}_smoke"
    connection = _admin_connection()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    netloc = f"{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}"
    yield urlunsplit(("postgres", netloc, f"/{name}", "", ""))
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.redis
def test_web_worker_and_beat_answer_healthz_and_run_a_task_through_redis(
    tmp_path, smoke_database_url
):
    port = free_port()
    env = clean_env(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        TRUSTED_PROXY_COUNT="0",  # the test talks to gunicorn directly
        DATABASE_URL=smoke_database_url,
        REDIS_URL=settings.REDIS_URL,
        VAR_DIR=str(tmp_path / "var"),
        STATIC_ROOT=str(tmp_path / "static"),
        PORT=str(port),  # gunicorn binds 0.0.0.0:$PORT, as in the image
    )
    assert urlsplit(env["REDIS_URL"]).scheme == "redis"
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)

    processes = Processes(tmp_path)
    try:
        for name in ("web", "worker", "beat"):
            processes.start(name, COMMANDS[name], env)
        base = f"http://127.0.0.1:{port}"

        status, body = wait_for_http(f"{base}/healthz", processes)
        assert status == 200, body
        assert json.loads(body) == {"status": "ok", "database": "ok", "broker": "ok"}

        status, body = wait_for_http(f"{base}/", processes)
        html = body.decode()
        assert status == 200
        assert '<html lang="de">' in html
        stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]+\.css)"', html).group(1)
        assert wait_for_http(base + stylesheet, processes)[0] == 200  # whitenoise, hashed name

        wait_for_log(processes, "worker", "ready.")
        wait_for_log(processes, "beat", "beat: Starting...")
        nonce = secrets.token_hex(8)
        result = manage(
            "shell",
            "--no-imports",
            "-c",
            "import json; from core.tasks import ping; "
            f"print('RESULT=' + json.dumps(ping.delay('{nonce}').get(timeout=60)))",
            env=env,
        )
        answer = json.loads(result.stdout.split("RESULT=", 1)[1])
        assert answer == {"pong": nonce[::-1], "database": "postgresql"}
        assert "Task core.tasks.ping[" in processes.log("worker")
        processes.assert_running()
    finally:
        codes = processes.stop(signal.SIGTERM)
    # A clean shutdown: every process ended by itself on SIGTERM.
    assert codes == {"web": 0, "worker": 0, "beat": 0}, processes.logs()
