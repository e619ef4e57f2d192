"""Real parts for integration tests and the benchmarks (bench/): a local SMTP server that records
what it accepts, a Celery worker subprocess on the same database, publishing to a broker.

Test and benchmark support only: never imported by the portal (aiosmtpd is a development
dependency).
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager, suppress
from email import message_from_bytes, policy
from pathlib import Path

from django.conf import settings
from django.db import connection


class RecordingHandler:
    """aiosmtpd handler: keeps every accepted message; can refuse, hold or answer slowly.

    A message counts as delivered only when the server answers 250 — as for a real MTA,
    a client that dies before that answer has not handed the mail over.

    - ``refuse_first``: refuse the first n DATA commands the server sees (451);
    - ``refuse_each_first``: refuse the first n attempts of every message (451), telling
      messages apart by their Message-ID, as a greylisting server tells them apart by sender
      and recipient;
    - ``hold_at``: hold the n-th DATA command until ``release`` is set, then refuse it;
    - ``reply_delay``: wait this long before answering MAIL, RCPT and DATA (a slow server).

    ``attempts`` maps each Message-ID to the times (``time.monotonic()``) the server got it.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.messages: list[bytes] = []
        self.attempts: dict[str, list[float]] = {}
        self.data_commands = 0
        self.refuse_first = 0
        self.refuse_each_first = 0
        self.reply_delay = 0.0
        self.hold_at: int | None = None
        self.holding = threading.Event()
        self.release = threading.Event()

    def reset(self):
        with self.lock:
            self.messages.clear()
            self.attempts.clear()
            self.data_commands = 0
            self.refuse_first = 0
            self.refuse_each_first = 0
            self.reply_delay = 0.0
            self.hold_at = None
            self.holding.clear()
            self.release.clear()

    async def _slowly(self):
        import asyncio

        if self.reply_delay:
            await asyncio.sleep(self.reply_delay)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        from aiosmtpd.smtp import MISSING

        await self._slowly()
        return MISSING  # aiosmtpd's own handling

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        from aiosmtpd.smtp import MISSING

        await self._slowly()
        return MISSING

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        # A client that goes away while we wait cancels this coroutine: nothing is recorded.
        await self._slowly()
        message_id = message_from_bytes(envelope.content, policy=policy.default)["Message-ID"]
        with self.lock:
            self.data_commands += 1
            number = self.data_commands
            attempts = self.attempts.setdefault(message_id, [])
            attempts.append(time.monotonic())
        if number <= self.refuse_first or len(attempts) <= self.refuse_each_first:
            return "451 4.3.0 Temporary failure, please try again later"
        if self.hold_at is not None and number == self.hold_at:
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 60)
            return "451 4.3.0 Connection lost"
        with self.lock:
            self.messages.append(envelope.content)
        return "250 OK"

    def parsed(self):
        with self.lock:
            raw = list(self.messages)
        return [message_from_bytes(m, policy=policy.default) for m in raw]

    def wait_for(self, count: int, *, timeout: float = 60) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return True
            time.sleep(0.05)
        return False


@contextmanager
def smtp_server():
    from aiosmtpd.controller import Controller

    # aiosmtpd logs every SMTP command at INFO.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A redis-server of our own on a free port: a test may stop or freeze it, or flush it,
    without disturbing anyone else's Redis."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.dir = directory
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "PrivateRedis":
        import redis

        self.process = subprocess.Popen(  # noqa: S603 - redis-server with our own arguments
            [
                shutil.which("redis-server") or "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        """Like a broker that is down: connections are refused."""
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)

    def freeze(self) -> None:
        """Like a hung broker: the kernel still accepts connections, nobody answers."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def flush(self) -> None:
        import redis

        redis.Redis(port=self.port).flushdb()


def database_url() -> str:
    """The database this process uses (in tests: the one pytest-django created)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] or ""
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


class Worker:
    """``celery -A config worker`` in a subprocess, on this process's database."""

    ready_marker = b" ready."

    def __init__(
        self,
        *,
        broker_url: str,
        smtp_port: int,
        log_path: Path,
        settings_module: str = "config.settings.local",
        pool: str = "solo",
        concurrency: int = 1,
        extra_env: dict | None = None,
    ):
        self.log_path = log_path
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "DATABASE_URL": database_url(),
            "CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": broker_url,
            "CELERY_RESULT_BACKEND": broker_url,
            "REDIS_URL": broker_url,
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "SECRET_KEY": settings.SECRET_KEY,
            "SITE_URL": settings.SITE_URL,
            "DEBUG": "false",
            "LOG_LEVEL": "INFO",
            **(extra_env or {}),
        }
        self.command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            f"--pool={pool}",
            f"--concurrency={concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
            "-n",
            f"notif-{uuid.uuid4().hex[:8]}@%h",
        ]

        self.process = None

    def start(self, *, timeout: float = 60) -> "Worker":
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        start_offset = self.log_path.stat().st_size
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            self.command,
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early, see {self.log_path}")
            with open(self.log_path, "rb") as log:
                log.seek(start_offset)
                if self.ready_marker in log.read():
                    return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"worker did not become ready, see {self.log_path}")

    def received(self, task_name: str) -> bool:
        """Whether this worker has taken a ``task_name`` task from the broker (its log says so)."""
        with open(self.log_path, "rb") as log:
            return f"Task {task_name}[".encode() in log.read()

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool children) — no cleanup at all."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self._log.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if not self._log.closed:
            self._log.close()


class Beat(Worker):
    """``celery -A config beat`` in a subprocess: the schedule of ``settings_module``."""

    ready_marker = b"beat: Starting"

    def __init__(self, *, broker_url: str, log_path: Path, settings_module: str):
        super().__init__(
            broker_url=broker_url, smtp_port=0, log_path=log_path, settings_module=settings_module
        )
        self.command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "beat",
            "--loglevel=INFO",
            f"--schedule={log_path.with_suffix('.schedule')}",
        ]


def _reset_producer_pool(app) -> None:
    app._pool = None
    with suppress(AttributeError, KeyError):
        app.__dict__["amqp"]._producer_pool = None
    # The result backend is made once per thread from the settings of that moment.
    with suppress(AttributeError):
        del app._local.backend


@contextmanager
def publishing_to(broker_url: str):
    """Send tasks to a real broker from this process (tests run tasks eagerly otherwise)."""
    from config.celery_app import app

    saved = (app.conf.task_always_eager, app.conf.broker_url, app.conf.result_backend)
    app.conf.task_always_eager = False
    app.conf.broker_url = broker_url
    app.conf.result_backend = broker_url
    _reset_producer_pool(app)
    try:
        yield app
    finally:
        app.conf.task_always_eager, app.conf.broker_url, app.conf.result_backend = saved
        _reset_producer_pool(app)
