"""Delivering the outbox (``notifications.outbox`` writes it; ``tasks`` runs this).

Delivery moves a row queued → sending → sent (or back to queued with a later
``next_attempt_at``, or failed after the last attempt). A row is claimed under a row lock and
only while it is queued and due, so running a delivery task twice sends the mail once.

How late a killed worker's mail goes out
-----------------------------------------
A row is "sending" only during its own SMTP exchange, and no mail data goes out later than
``send_deadline()`` = 2 × ``EMAIL_TIMEOUT`` (40 s) after the claim: a server slow in one step
still gets its full ``EMAIL_TIMEOUT``, and at the deadline the connection is cut
(``_SendDeadline``). A live worker, however slow its server, has therefore sent the mail or
given up before ``sending_lease()`` (60 s) ends, and a row still "sending" after the lease
belongs to a dead worker: the sweep takes it back and nothing is sent twice (``checks.py``
refuses an ``EMAIL_TIMEOUT`` that breaks this). Whatever a late worker writes to a row another
worker has claimed since is ignored (``_still_claimed``). The rest of a dead worker's batch is
still queued and due; the sweep hands it out again once it has waited ``stale_after()``
(60 s), long enough that a task still on its way is not doubled. The sweep runs every
``sweep_interval()`` (20 s, ``CELERY_BEAT_SCHEDULE``). So after a worker is killed, its last
mail goes out at most

    max(lease 60 s, stale 60 s) + sweep interval 20 s + one exchange 40 s = 120 s

later (``worst_case_after_kill()``), given a free worker; the exchange takes well under a second
with a healthy server. The broker's ``visibility_timeout`` (600 s) plays no part: the
redelivered task of the dead worker finds its rows sent and does nothing. A mail that was
already waiting for a retry keeps its backoff and is late by at most stale + interval.
"""

import contextlib
import hashlib
import logging
import random
import smtplib
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# Publishing to 2,000 people becomes 40 tasks, each sending over one SMTP connection.
BATCH_SIZE = 50
MAX_ATTEMPTS = 6
# A retry task may start a little before next_attempt_at when clocks of hosts differ.
CLOCK_TOLERANCE = timedelta(seconds=2)


def retry_base_seconds() -> float:
    return float(getattr(settings, "NOTIFICATIONS_RETRY_BASE_SECONDS", 30))


# How much longer than one SMTP exchange the lease must be: clocks of hosts differ, and the
# row is marked sent after the exchange.
LEASE_MARGIN = timedelta(seconds=10)


def sending_lease() -> timedelta:
    """A row in "sending" longer than this belongs to a worker that died; the sweep takes it
    back. At least ``send_deadline() + LEASE_MARGIN`` (``checks.py``)."""
    return timedelta(seconds=getattr(settings, "NOTIFICATIONS_SENDING_LEASE_SECONDS", 60))


def stale_after() -> timedelta:
    """Rows still queued this long after they became due lost their task (broker down, worker
    killed before it acknowledged); the sweep enqueues them again."""
    return timedelta(seconds=getattr(settings, "NOTIFICATIONS_STALE_AFTER_SECONDS", 60))


def send_deadline() -> timedelta:
    """After this, one mail's SMTP exchange sends nothing more (see ``_SendDeadline``)."""
    return timedelta(seconds=2 * settings.EMAIL_TIMEOUT)


def sweep_interval() -> timedelta:
    return timedelta(seconds=settings.CELERY_BEAT_SCHEDULE["outbox-sweep"]["schedule"])


def worst_case_after_kill() -> timedelta:
    """How long after a worker is killed its last mail has gone out (module docstring)."""
    return max(sending_lease(), stale_after()) + sweep_interval() + send_deadline()


class Outcome:
    SENT = "sent"
    SKIPPED = "skipped"  # not ours to send: already sent, claimed by someone else, not due
    RETRY = "retry"
    FAILED = "failed"


@dataclass
class DeliveryResult:
    outcome: str
    # When the row is due again (its next_attempt_at).
    retry_at: datetime | None = None
    # The server, not this one mail, failed: it went away, timed out or closed the session.
    server_failed: bool = False


@dataclass
class BatchResult:
    sent: int = 0
    # Row id → when it is due again, for the rows the server refused for now.
    retries: dict[int, datetime] = field(default_factory=dict)
    # Rows of the batch not tried because the server failed; postponed in their rows until
    # ``deferred_until``, to be delivered together then.
    deferred: list[int] = field(default_factory=list)
    deferred_until: datetime | None = None


def _message_id(mail: OutgoingMail) -> str:
    """The same Message-ID on every attempt, so a resent copy is recognisably the same mail."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">").strip() or "localhost"
    digest = hashlib.sha256(mail.key.encode()).hexdigest()[:16]
    return f"<outbox.{mail.pk}.{digest}@{domain}>"


def build_message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=mail.from_email or settings.DEFAULT_FROM_EMAIL,
        to=[mail.to_email],
        headers={"Message-ID": _message_id(mail), **mail.headers},
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        if attachment.get("method"):
            # Calendar clients look for the iTIP method in the Content-Type.
            part = MIMEText(attachment["content"], "calendar", "utf-8")
            part.set_param("method", attachment["method"])
            part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
            message.attach(part)
        else:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def mail_claim(mail_id: int, *, row: OutgoingMail | None = None) -> OutgoingMail | None:
    """Take a queued, due row for sending; None if it is not ours to send.

    One conditional UPDATE claims it: the database lets only one of two workers change the
    row from "queued" to "sending" (the other's WHERE no longer matches), and the attempts
    the row had when it was read must still be there, so nobody acts on an outdated row.
    ``row``: the row as read before (a batch reads its rows in one query).
    """
    if row is None:
        row = OutgoingMail.objects.filter(pk=mail_id).first()
        if row is None:
            return None
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(
        pk=row.pk,
        status=OutgoingMail.Status.QUEUED,
        attempts=row.attempts,
        next_attempt_at__lte=now + CLOCK_TOLERANCE,
    ).update(status=OutgoingMail.Status.SENDING, attempts=row.attempts + 1, updated_at=now)
    if not claimed:
        return None
    row.status = OutgoingMail.Status.SENDING
    row.attempts += 1
    row.updated_at = now
    return row


def _is_permanent(error: Exception) -> bool:
    """5xx answers mean the server will never accept this mail; anything else may pass later."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def _is_server_failure(error: Exception) -> bool:
    """True when the server, not this one mail, is the problem: it went away, did not answer
    in time, or closed the session (421). A 4xx answer to one mail (greylisting, "451 try
    again later") concerns that mail only; the connection stays usable for the next one."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(code == 421 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code == 421
    return True


def backoff_seconds(attempts: int) -> float:
    """Exponential backoff with ±25 % jitter, so retries of one outage spread out."""
    delay = min(retry_base_seconds() * 2 ** (attempts - 1), 3600)
    return delay * random.uniform(0.75, 1.25)


class _SendDeadline:
    """Cuts the SMTP connection when one mail's exchange outlasts ``send_deadline()``.

    Every socket operation already gives up after ``EMAIL_TIMEOUT``, but a slow server that
    answers each command just in time could stretch one exchange over minutes, past the
    sending lease, and the sweep would hand the row to a second worker while the first is
    still sending it. At the deadline the watchdog shuts the socket down (the blocked read
    returns at once); a connection that was still being opened then (connecting, TLS, login:
    no mail data yet) is not used for sending.
    """

    def __init__(self, connection, seconds: float):
        self.connection = connection
        self.seconds = seconds
        self.expired = threading.Event()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc_info):
        self._timer.cancel()

    def _expire(self) -> None:
        self.expired.set()
        sock = getattr(getattr(self.connection, "connection", None), "sock", None)
        if sock is not None:
            # socket.socket's own shutdown, also for a TLS socket: SSLSocket.shutdown would
            # unwrap it under the feet of the thread that is reading from it.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def check(self) -> None:
        if self.expired.is_set():
            raise self._error()

    def explain(self, error: Exception) -> Exception:
        """The error to record: a cut connection fails with "connection closed" otherwise."""
        return self._error() if self.expired.is_set() else error

    def _error(self) -> TimeoutError:
        return TimeoutError(f"SMTP exchange cut after {self.seconds:g} s")


def mail_deliver(mail_id: int, *, connection=None, row=None) -> DeliveryResult:
    """Send one row. Safe to call twice: only the caller that claims the row sends it.

    ``connection`` is an open mail backend to reuse (a batch); without one, the mail gets a
    connection of its own. ``row``: the row as the batch read it.
    """
    mail = mail_claim(mail_id, row=row)
    if mail is None:
        return DeliveryResult(Outcome.SKIPPED)
    own_connection = connection is None
    if own_connection:
        connection = get_connection(fail_silently=False)
    deadline = _SendDeadline(connection, send_deadline().total_seconds())
    try:
        with deadline:
            message = build_message(mail)
            message.connection = connection
            connection.open()
            deadline.check()
            message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        return _record_failure(mail, deadline.explain(error))
    except Exception as error:
        logger.exception("Mail %s could not be built or sent", mail.pk)
        return _record_failure(mail, error, permanent=True)
    finally:
        if own_connection:
            _close_quietly(connection)
    _still_claimed(mail).update(
        status=OutgoingMail.Status.SENT,
        sent_at=timezone.now(),
        last_error="",
        updated_at=timezone.now(),
    )
    return DeliveryResult(Outcome.SENT)


def _still_claimed(mail: OutgoingMail):
    """The row, unless another worker claimed it since (every claim counts an attempt).

    A worker that outlived its lease must not undo the work of the one the sweep gave the
    row to: its late "sent" or "retry" is ignored then.
    """
    return OutgoingMail.objects.filter(pk=mail.pk, attempts=mail.attempts)


def _record_failure(mail: OutgoingMail, error: Exception, *, permanent=None) -> DeliveryResult:
    now = timezone.now()
    text = f"{type(error).__name__}: {error}"[:2000]
    if permanent is None:
        permanent = _is_permanent(error)
    claimed = _still_claimed(mail).filter(status=OutgoingMail.Status.SENDING)
    if permanent or mail.attempts >= MAX_ATTEMPTS:
        if not claimed.update(status=OutgoingMail.Status.FAILED, last_error=text, updated_at=now):
            return DeliveryResult(Outcome.SKIPPED)
        logger.warning(
            "Mail %s failed for good after %s attempts: %s", mail.pk, mail.attempts, text
        )
        return DeliveryResult(Outcome.FAILED)
    delay = backoff_seconds(mail.attempts)
    retry_at = now + timedelta(seconds=delay)
    if not claimed.update(
        status=OutgoingMail.Status.QUEUED, last_error=text, next_attempt_at=retry_at, updated_at=now
    ):
        return DeliveryResult(Outcome.SKIPPED)
    logger.info("Mail %s will be retried in %.0f s: %s", mail.pk, delay, text)
    return DeliveryResult(Outcome.RETRY, retry_at=retry_at, server_failed=_is_server_failure(error))


def _close_quietly(connection) -> None:
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()


def mail_postpone(mail_ids: list[int], *, until: datetime) -> list[int]:
    """Make queued rows that would be due sooner due ``until``; returns their ids.

    Their new time is in their rows, so the sweep does not take them for lost while they
    wait; rows with a later retry of their own keep it.
    """
    with transaction.atomic():
        ids = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk__in=mail_ids, status=OutgoingMail.Status.QUEUED, next_attempt_at__lt=until)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        OutgoingMail.objects.filter(pk__in=ids).update(
            next_attempt_at=until, updated_at=timezone.now()
        )
    return ids


def mail_deliver_batch(mail_ids: list[int]) -> BatchResult:
    """Send several rows over one SMTP connection.

    A mail the server refuses for now (a 4xx answer to it) is retried on its own backoff
    and the batch goes on with the next one: greylisting refuses every new mail once, and a
    batch that stopped at each refusal would send one mail per retry interval. When the
    server itself fails (gone, too slow, 421), the rest of the batch is postponed as long as
    the failed mail, in the rows, instead of hammering a server that is in trouble.
    """
    result = BatchResult()
    # Once per batch: the rows (one query) and the connection. Per mail: its claim and its
    # outcome, one UPDATE each.
    rows = OutgoingMail.objects.in_bulk(list(mail_ids))
    connection = get_connection(fail_silently=False)
    try:
        for index, mail_id in enumerate(mail_ids):
            row = rows.get(mail_id)
            if row is None:
                continue
            outcome = mail_deliver(mail_id, connection=connection, row=row)
            if outcome.outcome == Outcome.SENT:
                result.sent += 1
            elif outcome.outcome == Outcome.RETRY:
                result.retries[mail_id] = outcome.retry_at
                if outcome.server_failed:
                    result.deferred = mail_postpone(
                        list(mail_ids[index + 1 :]), until=outcome.retry_at
                    )
                    result.deferred_until = outcome.retry_at
                    break
            elif outcome.outcome == Outcome.FAILED:
                # The connection may be in an unknown state after an error.
                _close_quietly(connection)
    finally:
        _close_quietly(connection)
    return result


def mails_lost(*, older_than: timedelta | None = None, lease: timedelta | None = None) -> list[int]:
    """Find the rows nobody delivered: broker down, worker killed.

    Rows "sending" for longer than the lease belonged to a worker that died mid-send; they
    go back to the queue (their attempt stays counted). Queued rows due for longer than
    ``stale_after()`` lost their task. Returns their ids; ``tasks.outbox_requeue_stale`` hands
    them to the workers.
    """
    older_than = stale_after() if older_than is None else older_than
    lease = sending_lease() if lease is None else lease
    now = timezone.now()
    with transaction.atomic():
        lost = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(status=OutgoingMail.Status.SENDING, updated_at__lt=now - lease)
            .values_list("pk", flat=True)[:5000]
        )
        OutgoingMail.objects.filter(pk__in=lost).update(
            status=OutgoingMail.Status.QUEUED,
            next_attempt_at=now,
            last_error="The worker sending this mail stopped; sending again.",
            updated_at=now,
        )
    due = list(
        OutgoingMail.objects.filter(
            status=OutgoingMail.Status.QUEUED, next_attempt_at__lt=now - older_than
        )
        .exclude(pk__in=lost)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:5000]
    )
    return sorted({*lost, *due})
