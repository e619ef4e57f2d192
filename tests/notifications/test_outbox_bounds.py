"""How late a killed worker's mail goes out, with the settings production runs with, and the
deadline that keeps a slow-but-alive worker from ever sending a row twice (module docstring
of ``notifications/delivery.py``)."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone

from notifications import checks, delivery
from notifications.delivery import Outcome, mail_deliver
from notifications.models import OutgoingMail
from notifications.tasks import outbox_requeue_stale
from tests.support.processes import smtp_server

from .test_outbox import _queue

pytestmark = pytest.mark.django_db


def test_a_killed_workers_last_mail_goes_out_within_two_minutes():
    # The values of config/settings/base.py (the test settings leave them alone).
    assert delivery.send_deadline() == timedelta(seconds=40)  # 2 × EMAIL_TIMEOUT (20 s)
    assert delivery.sending_lease() == timedelta(seconds=60)
    assert delivery.stale_after() == timedelta(seconds=60)
    assert delivery.sweep_interval() == timedelta(seconds=20)
    # max(lease, stale) + sweep interval + one exchange
    assert delivery.worst_case_after_kill() == timedelta(seconds=60 + 20 + 40)
    assert delivery.worst_case_after_kill() <= timedelta(minutes=2)


def test_a_live_worker_is_done_with_a_row_before_its_lease_ends():
    assert delivery.sending_lease() >= delivery.send_deadline() + delivery.LEASE_MARGIN
    assert checks.sending_lease_outlasts_one_exchange(None) == []


def test_an_email_timeout_too_long_for_the_lease_fails_the_system_check(settings):
    settings.EMAIL_TIMEOUT = 30  # one exchange could take 60 s: as long as the lease
    with pytest.raises(SystemCheckError, match="notifications.E001"):
        call_command("check")
    (error,) = checks.sending_lease_outlasts_one_exchange(None)
    assert error.hint == "Set EMAIL_TIMEOUT to at most 25 seconds."


def test_a_worker_that_outlived_its_lease_does_not_undo_the_next_ones_work():
    row = _queue()
    send = locmem.EmailBackend.send_messages
    calls = []

    def stuck_past_the_lease(backend, messages):
        calls.append(messages)
        if len(calls) > 1:  # the second worker
            return send(backend, messages)
        # While the first worker waits for its server, the lease runs out: the sweep gives
        # the row to a second worker, which sends it. Then the first one gives up.
        long_ago = timezone.now() - delivery.sending_lease() - timedelta(seconds=1)
        OutgoingMail.objects.filter(pk=row.pk).update(updated_at=long_ago)
        assert outbox_requeue_stale() == 1
        raise TimeoutError("timed out")

    with mock.patch.object(locmem.EmailBackend, "send_messages", stuck_past_the_lease):
        result = mail_deliver(row.pk)

    assert result.outcome == Outcome.SKIPPED  # nothing to retry: it is not its row any more
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingMail.Status.SENT, 2)
    assert len(mail.outbox) == 1


@pytest.fixture
def smtp(settings):
    with smtp_server() as (handler, port):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield handler


def test_a_slow_server_is_cut_off_at_the_deadline_and_gets_the_mail_once_later(smtp, settings):
    settings.EMAIL_TIMEOUT = 1  # every answer may take 1 s, one mail's exchange 2 s
    smtp.reply_delay = 0.8  # every answer in time, all together 2.4 s
    row = _queue()

    started = time.monotonic()
    result = mail_deliver(row.pk)
    took = time.monotonic() - started

    assert result.outcome == Outcome.RETRY
    assert 2 <= took < 2.4, took
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.QUEUED
    assert row.last_error == "TimeoutError: SMTP exchange cut after 2 s"
    time.sleep(1)  # the server would have answered by now, had the client waited
    assert smtp.messages == []

    smtp.reply_delay = 0
    OutgoingMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert mail_deliver(row.pk).outcome == Outcome.SENT
    assert len(smtp.parsed()) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingMail.Status.SENT, 2)


def test_a_batch_goes_on_when_the_server_refuses_one_mail_for_now(smtp):
    smtp.refuse_each_first = 1  # greylisting: every new mail is refused once
    rows = [_queue(key=f"grey:{index}") for index in range(4)]
    ids = [row.pk for row in rows]

    result = delivery.mail_deliver_batch(ids)

    # Every mail was tried over the one connection and has a retry of its own.
    assert len(smtp.attempts) == 4
    assert result.sent == 0
    assert sorted(result.retries) == ids
    assert result.deferred == []
    due = dict(OutgoingMail.objects.values_list("pk", "next_attempt_at"))
    assert due == result.retries

    for row in rows:
        OutgoingMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert delivery.mail_deliver_batch(ids).sent == 4
    assert len(smtp.parsed()) == 4
