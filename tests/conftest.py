"""Fixtures for the whole suite.

- Tests marked ``postgres`` / ``redis`` run only when DATABASE_URL / REDIS_URL point at those.
- A test that logs an error fails (unless marked ``allow_error_log``).
- Every HTML page rendered in a test is checked for resources from other hosts.
- ``page`` drives Debian's Chromium through Playwright; ``axe_check(page)`` runs axe-core.
"""

import importlib
import logging
import os
import time

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from tests.support import external_refs

# Playwright's sync API runs an event loop in the test thread; the ORM calls in tests are
# still synchronous, so Django's guard against async-unsafe calls does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _database_is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_configure(config):
    config.addinivalue_line("markers", "allow_error_log: the test expects errors to be logged")


def pytest_collection_modifyitems(config, items):
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
    skip_redis = pytest.mark.skip(reason="needs Redis: set REDIS_URL=redis://…")
    for item in items:
        if "postgres" in item.keywords and not _database_is_postgres():
            item.add_marker(skip_pg)
        if "redis" in item.keywords and not os.environ.get("REDIS_URL"):
            item.add_marker(skip_redis)


class _ErrorCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


# Rows that data migrations ship: regions, vocabularies, meeting templates.
DATA_MIGRATIONS = [
    ("providers.migrations.0003_seed_regions_and_vocabulary", "load"),
    ("meetings.migrations.0003_seed_meeting_templates", "seed"),
    ("meetings.migrations.0006_closing_agenda_items_and_published_agendas", "move_closing_items"),
]


@receiver(post_migrate, dispatch_uid="tests-restore-migration-data")
def restore_migration_data(sender, apps=global_apps, **kwargs):
    """Transactional tests empty every table when they end, the rows of data migrations
    included; the flush then sends post_migrate, and this puts those rows back (the seeds are
    idempotent). So every test finds them, in whatever order pytest-xdist runs the tests:
    pytest-django's order (transactional tests last) holds only within one process."""
    # migrate passes the models of the migration state, flush none (the current ones).
    if sender.label == "meetings":  # once per flush, after every app's post_migrate
        for module, function in DATA_MIGRATIONS:
            getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def fail_on_error_log(request):
    collector = _ErrorCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    yield
    root.removeHandler(collector)
    if collector.records and "allow_error_log" not in request.keywords:
        messages = "\n".join(f"{r.name}: {r.getMessage()}" for r in collector.records)
        pytest.fail(f"The test logged errors:\n{messages}")


@pytest.fixture(autouse=True)
def no_foreign_resources():
    external_refs.reset()
    yield
    problems = external_refs.problems()
    if problems:
        pytest.fail("Pages load resources from other hosts:\n" + "\n".join(problems))


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site_url(live_server, settings):
    settings.SITE_URL = live_server.url
    return live_server.url


# --- Browser ------------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, settings):
    """A fresh browser context against the live server; fails on console errors."""
    settings.SITE_URL = live_server.url
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15000)
    in_flight = set()
    context.on("request", lambda request: in_flight.add(request))
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("requestfailed", lambda request: in_flight.discard(request))
    page = context.new_page()
    console_errors = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    yield page
    _wait_for_answers(page, in_flight)
    context.close()
    assert not console_errors, f"Browser console errors: {console_errors}"


def _wait_for_answers(page, in_flight: set, timeout: float = 10) -> None:
    """On SQLite the live server shares the test's database connection: a request still
    being answered when the test ends would write into the flush that empties the database
    (a FOREIGN KEY error on a busy machine). Wait until the browser has every answer."""
    deadline = time.monotonic() + timeout
    while in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(50)


@pytest.fixture
def axe_check():
    from tests.support.axe import assert_no_axe_violations

    return assert_no_axe_violations
