"""Start and stop the portal's real processes (gunicorn, Celery, runserver, honcho) in tests."""

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def procfile_commands(path: Path) -> dict[str, str]:
    commands = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            commands[name.strip()] = command.strip()
    return commands


def clean_env(**overrides) -> dict:
    """The environment of the test run without its Django, database and broker settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "EMAIL_", "PYTEST", "VAR_DIR")
        )
    }
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(overrides)
    return env


class Processes:
    """Processes started by one test, each in its own process group; ``stop`` ends them all.
    They run in the project (or in a copy of it, ``project``)."""

    def __init__(self, log_dir: Path, project: Path = BASE_DIR):
        self.log_dir = log_dir
        self.project = project
        self.started: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: str | list[str], env: dict) -> subprocess.Popen:
        argv = shlex.split(command) if isinstance(command, str) else command
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            argv,
            cwd=self.project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        process.log_file = log
        self.started[name] = process
        return process

    def log(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def logs(self) -> str:
        return "\n".join(f"--- {name} ---\n{self.log(name)[-4000:]}" for name in self.started)

    def assert_running(self) -> None:
        for name, process in self.started.items():
            assert process.poll() is None, f"{name} exited early:\n{self.logs()}"

    def stop(self, sig=signal.SIGTERM, timeout: float = 20) -> dict[str, int]:
        """Send ``sig`` to every process group we started; kill what is left after ``timeout``."""
        for process in self.started.values():
            if process.poll() is None:
                os.killpg(process.pid, sig)
        deadline = time.monotonic() + timeout
        codes = {}
        for name, process in self.started.items():
            try:
                codes[name] = process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                codes[name] = process.wait()
            process.log_file.close()
        return codes


def fresh_clone(target: Path) -> Path:
    """A copy of the project as ``git clone`` gives it (the files git knows, no ignored ones),
    committed, with the test run's virtualenv linked in; ``git status`` then shows whatever
    running the portal writes outside the ignored folders."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],  # noqa: S607
        cwd=BASE_DIR,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = BASE_DIR / name
        if source.is_file():  # not deleted in the work tree
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(VENV_BIN.parent)
    git(target, "init", "--quiet")
    git(target, "add", "--all")
    git(target, "commit", "--quiet", "--message", "fresh clone")
    return target


def git(project: Path, *args: str) -> str:
    # Whoever runs the tests: an identity of its own, no signing key needed.
    settings = ["user.name=Test", "user.email=test@example.org", "commit.gpgsign=false"]
    identity = [option for setting in settings for option in ("-c", setting)]
    return subprocess.run(
        ["git", *identity, *args],  # noqa: S607
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def wait_for_http(url: str, processes: Processes, timeout: float = 60) -> tuple[int, bytes]:
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        processes.assert_running()
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local URL
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError as error:
            last_error = error
            time.sleep(0.5)
    raise AssertionError(
        f"{url} did not answer within {timeout}s ({last_error}):\n{processes.logs()}"
    )


def wait_for_log(processes: Processes, name: str, text: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in processes.log(name):
            return
        processes.assert_running()
        time.sleep(0.5)
    raise AssertionError(f"{name} did not log {text!r} within {timeout}s:\n{processes.logs()}")


def manage(
    *args: str, env: dict, project: Path = BASE_DIR, timeout: float = 180
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result


def log_in(base: str, email: str, password: str) -> tuple[str, str]:
    """Log in through the login form like a browser; returns the final URL and its HTML."""
    import http.cookiejar
    import re
    from urllib.parse import urlencode

    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(f"{base}/accounts/login/", timeout=10) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urlencode({"csrfmiddlewaretoken": token, "login": email, "password": password})
    request = urllib.request.Request(
        f"{base}/accounts/login/", data=data.encode(), headers={"Referer": f"{base}/"}
    )
    with opener.open(request, timeout=10) as response:
        return response.url, response.read().decode()
