import smtplib
from datetime import timedelta
from email import message_from_bytes, policy
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from notifications import delivery
from notifications.delivery import Outcome, mail_deliver
from notifications.mails import meeting_context
from notifications.models import OutgoingMail
from notifications.outbox import mail_enqueue
from notifications.tasks import deliver_batch, outbox_requeue_stale

from .factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def _queue(key="test:1", **extra):
    user = UserFactory(preferred_language="en")
    return mail_enqueue(
        key=key,
        kind="topic-call",
        template="topic-call",
        context=meeting_context(MeetingFactory(topic_deadline=timezone.now())),
        to_email=user.email,
        language="en",
        user=user,
        **extra,
    )


def test_same_key_is_queued_and_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _queue()
        second = _queue()
    assert first.pk == second.pk
    assert len(mail.outbox) == 1
    first.refresh_from_db()
    assert first.status == OutgoingMail.Status.SENT
    # Running the task again (a redelivered message) sends nothing.
    assert mail_deliver(first.pk).outcome == Outcome.SKIPPED
    assert len(mail.outbox) == 1


def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _queue()
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_message_has_stable_message_id_and_auto_submitted():
    row = _queue()
    first = delivery.build_message(row).message()
    second = delivery.build_message(row).message()
    assert first["Message-ID"] == second["Message-ID"]
    assert first["Auto-Submitted"] == "auto-generated"


def test_calendar_attachment_carries_the_method_in_its_content_type():
    row = _queue(
        attachments=[
            {
                "filename": "invitation.ics",
                "content": "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
                "mimetype": "text/calendar",
                "method": "REQUEST",
            }
        ]
    )
    parsed = message_from_bytes(
        delivery.build_message(row).message().as_bytes(), policy=policy.default
    )
    (part,) = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    assert part.get_param("charset") == "utf-8"
    assert part.get_filename() == "invitation.ics"


def test_temporary_smtp_error_schedules_a_retry_with_backoff():
    row = _queue()
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPDataError(451, b"try later"),
    ):
        result = mail_deliver(row.pk)
    row.refresh_from_db()
    assert result.outcome == Outcome.RETRY
    assert row.status == OutgoingMail.Status.QUEUED
    assert row.attempts == 1
    assert "451" in row.last_error
    # 30 s ± 25 %
    assert timedelta(seconds=22) <= row.next_attempt_at - timezone.now() <= timedelta(seconds=38)
    # Not due yet: a task that runs now does nothing.
    assert mail_deliver(row.pk).outcome == Outcome.SKIPPED


def test_connection_refused_is_retried_and_the_last_attempt_fails():
    row = _queue()
    OutgoingMail.objects.filter(pk=row.pk).update(attempts=delivery.MAX_ATTEMPTS - 1)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=ConnectionRefusedError(111, "Connection refused"),
    ):
        result = mail_deliver(row.pk)
    row.refresh_from_db()
    assert result.outcome == Outcome.FAILED
    assert row.status == OutgoingMail.Status.FAILED
    assert "Connection refused" in row.last_error


def test_permanent_rejection_fails_at_once():
    row = _queue()
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPRecipientsRefused({row.to_email: (550, b"no such user")}),
    ):
        assert mail_deliver(row.pk).outcome == Outcome.FAILED


def test_batch_stops_on_a_server_problem_and_defers_the_rest():
    rows = [_queue(key=f"test:{i}") for i in range(3)]
    ids = [r.pk for r in rows]
    calls = []

    def flaky(self, messages):
        calls.append(messages[0].to[0])
        if len(calls) == 2:
            raise smtplib.SMTPServerDisconnected("gone")
        return len(messages)

    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", flaky):
        result = delivery.mail_deliver_batch(ids)
    assert result.sent == 1
    assert list(result.retries) == [ids[1]]
    assert result.deferred == [ids[2]]
    statuses = dict(OutgoingMail.objects.values_list("pk", "status"))
    assert statuses == {ids[0]: "sent", ids[1]: "queued", ids[2]: "queued"}
    # The row that waits has its new time in the row, the same as the failed one: the sweep
    # does not take it for lost meanwhile.
    due = dict(OutgoingMail.objects.values_list("pk", "next_attempt_at"))
    assert due[ids[2]] == due[ids[1]] == result.retries[ids[1]] == result.deferred_until
    assert due[ids[2]] > timezone.now() + timedelta(seconds=20)


def test_sweep_requeues_lost_rows_and_rows_of_dead_workers(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        waiting = _queue(key="test:waiting")
        stuck = _queue(key="test:stuck")
        fresh = _queue(key="test:fresh")
    long_ago = timezone.now() - timedelta(minutes=10)
    OutgoingMail.objects.filter(pk=waiting.pk).update(next_attempt_at=long_ago)
    OutgoingMail.objects.filter(pk=stuck.pk).update(
        status=OutgoingMail.Status.SENDING, attempts=1, next_attempt_at=long_ago
    )
    OutgoingMail.objects.filter(pk=stuck.pk).update(updated_at=long_ago)
    assert outbox_requeue_stale() == 2
    statuses = dict(OutgoingMail.objects.values_list("pk", "status"))
    assert statuses[waiting.pk] == statuses[stuck.pk] == "sent"
    assert statuses[fresh.pk] == "queued"  # its own task may still be on its way
    assert sorted(m.to[0] for m in mail.outbox) == sorted([waiting.to_email, stuck.to_email])


def test_broker_down_at_commit_keeps_the_row_for_the_sweep(
    django_capture_on_commit_callbacks, caplog
):
    with (
        mock.patch.object(deliver_batch, "apply_async", side_effect=OSError("refused")),
        mock.patch("notifications.tasks.deliver_mail.apply_async", side_effect=OSError("x")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        row = _queue()
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.QUEUED
    assert "sweep will retry" in caplog.text
