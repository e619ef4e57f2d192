"""What ``make run`` does after installing, in a fresh clone on the embedded defaults (SQLite,
kombu's filesystem broker, mail as files, all under VAR_DIR): migrate, load the demo data,
print credentials, start web, worker and beat with honcho; Ctrl-C stops all. Nothing is written
outside VAR_DIR, and a coordinator can publish, move and cancel a meeting in a browser, its
invitees receiving every change as mail files.
"""

import json
import re
import secrets
import shutil
import signal
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from .mail_files import calendar_event, read_mails
from .processes import (
    BASE_DIR,
    Processes,
    clean_env,
    free_port,
    fresh_clone,
    git,
    log_in,
    manage,
    wait_for_http,
    wait_for_log,
)

COORDINATOR = ("koordination@example.org", "demo-portal-2026")
NETWORK = "Netzwerk Frühe Hilfen Kreis Viersen"  # the coordinator's, in the demo


@dataclass
class Clone:
    project: Path
    load_demo_output: str

    @property
    def demo_database(self) -> Path:
        return self.project / "var" / "demo.sqlite3"


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A fresh clone after the first two steps of ``make run``; a copy of its demo database
    for tests that run the portal in a VAR_DIR of their own. (``make test`` distributes the
    suite by file, so one xdist worker builds it once.)"""
    project = fresh_clone(tmp_path_factory.mktemp("clone"))
    env = clean_env()  # local settings, nothing else configured
    manage("migrate", "--noinput", env=env, project=project)
    loaded = manage("load_demo", env=env, project=project)
    clone = Clone(project, loaded.stdout)
    shutil.copy(project / "var" / "db.sqlite3", clone.demo_database)
    return clone


def start_make_run(processes: Processes, env: dict, port: int):
    """honcho with the clone's Procfile.dev, as ``make run`` starts it, on a free port."""
    procfile = (processes.project / "Procfile.dev").read_text(encoding="utf-8")
    test_procfile = processes.log_dir / "Procfile"
    test_procfile.write_text(procfile.replace("127.0.0.1:8000", f"127.0.0.1:{port}"))
    honcho = str(processes.project / ".venv" / "bin" / "honcho")
    command = [honcho, "-f", str(test_procfile), "-d", str(processes.project), "start"]
    return processes.start("honcho", command, env)


def stop_with_ctrl_c(processes: Processes) -> str:
    """Ctrl-C in a terminal: SIGINT to honcho, which stops web, worker and beat."""
    codes = processes.stop(signal.SIGINT, timeout=30)
    log = processes.log("honcho")
    assert codes["honcho"] in (0, 130, -signal.SIGINT), log
    for name in ("web", "worker", "beat"):
        assert re.search(rf"{name}\.1 stopped", log), log
    return log


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
def test_demo_portal_on_embedded_defaults_serves_logs_in_and_runs_tasks(clone, tmp_path):
    credentials = re.findall(r"^\s+.+: (\S+@\S+) / (\S+)$", clone.load_demo_output, re.M)
    assert ("admin@example.org", "demo-portal-2026") in credentials, clone.load_demo_output
    assert len(credentials) >= 2

    port = free_port()
    env = clean_env()  # VAR_DIR is the clone's var/, as for a newcomer
    processes = Processes(tmp_path, project=clone.project)
    honcho = start_make_run(processes, env, port)
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
            project=clone.project,
        )
        answer = json.loads(result.stdout.split("RESULT=", 1)[1])
        assert answer == {"pong": nonce[::-1], "database": "sqlite"}
        assert "Task core.tasks.ping[" in processes.log("honcho")
    finally:
        stop_with_ctrl_c(processes)
    assert honcho.poll() is not None

    # Every file the portal wrote is in var/, and git ignores it: the broker's exchange
    # tables included, which kombu would otherwise put into control/ of the checkout.
    assert (clone.project / "var" / "broker" / "control" / "celery.exchange").is_file()
    assert git(clone.project, "status", "--porcelain", "--untracked-files=all") == ""


def send_a_mail(subject: str, env: dict, project: Path = BASE_DIR) -> None:
    manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.mail import send_mail; "
        f"send_mail('{subject}', 'Hallo', None, ['jemand@example.org'])",
        env=env,
        project=project,
    )


def mails_with_subject(directory: Path, subject: str) -> list:
    return [mail for mail in read_mails(directory) if mail["Subject"] == subject]


def test_a_mail_sent_with_the_defaults_is_a_file_under_var_dir_mail(tmp_path):
    """``make run``'s settings (config.settings.local), VAR_DIR absolute as it always is once
    the settings have read it; and an explicit absolute filemail:// URL."""
    var_dir = tmp_path / "var"
    send_a_mail("Standard", clean_env(VAR_DIR=str(var_dir)))
    assert len(mails_with_subject(var_dir / "mail", "Standard")) == 1
    # django-environ alone would have taken the path as relative to the working directory.
    assert not (BASE_DIR / str(var_dir).lstrip("/")).exists()

    outbox = tmp_path / "outbox"
    send_a_mail(
        "Eigenes Verzeichnis", clean_env(VAR_DIR=str(var_dir), EMAIL_URL=f"filemail://{outbox}")
    )
    assert len(mails_with_subject(outbox, "Eigenes Verzeichnis")) == 1


# --- Acceptance: a published meeting moved and cancelled on the embedded defaults ----------


def wait_for_calendar_mails(mail_dir: Path, uid: str, method: str, count: int, processes):
    """The calendar mails of the meeting with this METHOD, once ``count`` have arrived."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        processes.assert_running()
        found = []
        for mail in read_mails(mail_dir):
            event = calendar_event(mail)
            if event and event[0] == method and str(event[1]["uid"]) == uid:
                found.append((mail, event[1]))
        if len(found) >= count:
            return found
        time.sleep(0.5)
    raise AssertionError(f"{len(found)} of {count} {method} mails arrived:\n{processes.logs()}")


@pytest.mark.slow
@pytest.mark.browser
def test_invitees_receive_the_move_and_the_cancellation_of_a_published_meeting(
    clone, browser, axe_check, tmp_path
):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    shutil.copy(clone.demo_database, var_dir / "db.sqlite3")
    env = clean_env(VAR_DIR=str(var_dir))
    port = free_port()
    processes = Processes(tmp_path, project=clone.project)
    start_make_run(processes, env, port)
    base = f"http://127.0.0.1:{port}"
    context = browser.new_context(base_url=base, locale="de-DE")
    context.set_default_timeout(30000)
    page = context.new_page()
    console_errors = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)

    def visit(path):
        page.goto(path)
        axe_check(page)

    def submit():
        with page.expect_navigation():
            page.click("main button[type=submit]")
        axe_check(page)

    try:
        assert wait_for_http(f"{base}/healthz", processes, timeout=90)[0] == 200
        wait_for_log(processes, "honcho", "celery@")

        visit("/accounts/login/")
        page.fill("[name=login]", COORDINATOR[0])
        page.fill("[name=password]", COORDINATOR[1])
        submit()
        assert "/accounts/login/" not in page.url

        # Schedule a network meeting four weeks ahead and publish it.
        visit("/meetings/new/")
        page.select_option("[name=network]", label=NETWORK)
        page.select_option("[name=kind]", "network")
        submit()
        start = (datetime.now() + timedelta(days=28)).replace(
            hour=15, minute=0, second=0, microsecond=0
        )
        page.fill("[name=title]", "Netzwerktreffen Herbst")
        page.fill("[name=start]", start.strftime("%Y-%m-%dT%H:%M"))
        page.fill("[name=end]", (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
        submit()
        meeting_path = re.search(r"/meetings/\d+/", page.url).group(0)
        visit(f"{meeting_path}publish/")
        submit()
        assert page.url.endswith(meeting_path), page.url
        uid = calendar_uid(page, meeting_path)

        visit(f"{meeting_path}invitations/")
        invited = page.locator("main table tbody tr").count()
        assert invited > 0, "the demo network invites nobody"
        invitations = wait_for_calendar_mails(var_dir / "mail", uid, "REQUEST", invited, processes)
        invitees = sorted(mail["To"] for mail, _event in invitations)
        assert len(set(invitees)) == len(invitees) == invited  # each invitee once
        first_sequence = max(int(event["sequence"]) for _mail, event in invitations)

        # Move the start by an hour: every invitee gets the update of the same event.
        visit(f"{meeting_path}edit/")
        moved = start + timedelta(hours=1)
        page.fill("[name=start]", moved.strftime("%Y-%m-%dT%H:%M"))
        page.fill("[name=end]", (moved + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
        submit()
        assert page.url.endswith(meeting_path), page.url
        updates = [
            (mail, event)
            for mail, event in wait_for_calendar_mails(
                var_dir / "mail", uid, "REQUEST", 2 * invited, processes
            )
            if int(event["sequence"]) > first_sequence
        ]
        assert sorted(mail["To"] for mail, _event in updates) == invitees
        for _mail, event in updates:
            assert event["dtstart"].dt.replace(tzinfo=None) == moved  # Europe/Berlin

        # Cancel it: every invitee gets the cancellation.
        visit(f"{meeting_path}cancel/")
        submit()
        assert page.url.endswith(meeting_path), page.url
        cancellations = wait_for_calendar_mails(var_dir / "mail", uid, "CANCEL", invited, processes)
        assert sorted(mail["To"] for mail, _event in cancellations) == invitees
        for _mail, event in cancellations:
            assert str(event["status"]) == "CANCELLED"
            assert int(event["sequence"]) > first_sequence
        assert not console_errors, console_errors
    finally:
        context.close()
        stop_with_ctrl_c(processes)
    assert git(clone.project, "status", "--porcelain", "--untracked-files=all") == ""


def calendar_uid(page, meeting_path: str) -> str:
    """The UID of the meeting's event, from the calendar file its page offers."""
    response = page.request.get(f"{meeting_path}calendar.ics")
    assert response.ok
    match = re.search(r"^UID:(.+?)\r?$", response.text(), re.M)
    return match.group(1)
