"""gunicorn for the benchmark, and the peak memory of processes."""

import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench import ROOT


class Gunicorn:
    def __init__(self, *, port: int, workers: int = 2, log_path: Path, env: dict | None = None):
        self.port = port
        self.log_path = log_path
        self.command = [
            sys.executable, "-m", "gunicorn", "config.wsgi",
            "--workers", str(workers),
            "--bind", f"127.0.0.1:{port}",
            "--keep-alive", "30",
            "--error-logfile", "-",
        ]  # fmt: skip
        self.env = {**os.environ, **(env or {})}
        self.process = None

    def start(self, *, timeout: float = 60) -> "Gunicorn":
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - our interpreter and arguments
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited, see {self.log_path}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
                if connection.getresponse().status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer, see {self.log_path}")

    def worker_pids(self) -> list[int]:
        return children(self.process.pid)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if hasattr(self, "_log") and not self._log.closed:
            self._log.close()


def collect_static(env: dict) -> None:
    """The manifest the production storage needs (``collectstatic`` with ``env``'s settings)."""
    subprocess.run(  # noqa: S603 - our interpreter and arguments
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )


def children(pid: int) -> list[int]:
    """Direct child processes of ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid …; comm may contain spaces
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def max_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process, in MB; 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0
