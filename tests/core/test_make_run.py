"""Acceptance 1 without a network: what ``make run`` does after installing, on the embedded
defaults (SQLite, kombu's filesystem broker, mail as files, all under VAR_DIR): migrate, load
the demo data, print credentials, start web, worker and beat with honcho; Ctrl-C stops all.
"""

import json
import re
import secrets
import signal

import pytest

from .processes import (
    BASE_DIR,
    Processes,
    clean_env,
    free_port,
    log_in,
    manage,
    wait_for_http,
    wait_for_log,
)


def test_make_run_migrates_loads_demo_data_and_starts_the_procfile():
    makefile = (BASE_DIR / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "manage.py migrate" in recipe
    assert "manage.py load_demo" in recipe
    assert "honcho -f Procfile.dev start" in recipe
    procfile = (BASE_DIR / "Procfile.dev").read_text(encoding="utf-8")
    assert re.search(r"^web: .*runserver 127\.0\.0\.1:8000", procfile, re.M)
    assert re.search(r"^worker: .*celery -A config worker", procfile, re.M)
    assert re.search(r"^beat: .*celery -A config beat", procfile, re.M)


@pytest.mark.slow
def test_demo_portal_on_embedded_defaults_serves_logs_in_and_runs_tasks(tmp_path):
    port = free_port()
    env = clean_env(VAR_DIR=str(tmp_path / "var"))  # local settings, nothing else configured
    loaded = manage("migrate", "--noinput", env=env) and manage("load_demo", env=env)
    credentials = re.findall(r"^\s+.+: (\S+@\S+) / (\S+)$", loaded.stdout, re.M)
    assert ("admin@example.org", "demo-portal-2026") in credentials, loaded.stdout
    assert len(credentials) >= 2

    procfile = (BASE_DIR / "Procfile.dev").read_text(encoding="utf-8")
    (tmp_path / "Procfile").write_text(procfile.replace("127.0.0.1:8000", f"127.0.0.1:{port}"))
    processes = Processes(tmp_path)
    honcho = processes.start(
        "honcho",
        [str(BASE_DIR / ".venv/bin/honcho"), "-f", str(tmp_path / "Procfile"), "-d", str(BASE_DIR)]
        + ["start"],
        env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        status, body = wait_for_http(f"{base}/healthz", processes, timeout=90)
        assert (status, json.loads(body)["broker"]) == (200, "ok")
        status, body = wait_for_http(f"{base}/", processes)
        assert status == 200
        assert '<html lang="de">' in body.decode()

        for email, password in credentials:
            url, html = log_in(base, email, password)
            assert "/accounts/login/" not in url, f"{email} could not log in"
            assert "Ausloggen" in html  # the navigation of a logged-in user

        # A task sent from another process reaches the worker through the filesystem broker
        # and its result comes back through the file result backend.
        wait_for_log(processes, "honcho", "celery@")
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
        assert answer == {"pong": nonce[::-1], "database": "sqlite"}
        assert "Task core.tasks.ping[" in processes.log("honcho")
    finally:
        # Ctrl-C in a terminal: SIGINT to honcho, which stops web, worker and beat.
        codes = processes.stop(signal.SIGINT, timeout=30)
    log = processes.log("honcho")
    assert codes["honcho"] in (0, 130, -signal.SIGINT), log
    for name in ("web", "worker", "beat"):
        assert re.search(rf"{name}\.1 stopped", log), log
    assert honcho.poll() is not None
