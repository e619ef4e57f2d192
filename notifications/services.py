"""The outbox: every mail is a row first, written in the caller's transaction.

``mail_enqueue`` renders a mail from ``emails/<template>-subject.txt``, ``-body.txt`` and
``-body.html`` in the recipient's language and stores it; ``mail_enqueue_many`` stores many
prepared mails with one INSERT. Delivery tasks are enqueued only when the transaction commits;
if the broker is down then, the periodic sweep enqueues them later.

Delivery moves a row queued → sending → sent (or back to queued with a later
``next_attempt_at``, or failed after the last attempt). A row is claimed under a row lock and
only while it is queued and due, so running a delivery task twice sends the mail once.
"""

import contextlib
import hashlib
import logging
import random
import smtplib
from dataclasses import dataclass, field
from datetime import timedelta
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)

AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated"}
# A row in "sending" longer than this belongs to a worker that died; the sweep takes it back.
SENDING_LEASE = timedelta(minutes=5)
# Rows still queued this long after they became due lost their task (broker down, worker
# killed before it acknowledged); the sweep enqueues them again.
STALE_AFTER = timedelta(minutes=2)
# Publishing to 2,000 people becomes 40 tasks, each sending over one SMTP connection.
BATCH_SIZE = 50
MAX_ATTEMPTS = 6
# A retry task may start a little before next_attempt_at when clocks of hosts differ.
CLOCK_TOLERANCE = timedelta(seconds=2)


def retry_base_seconds() -> float:
    return float(getattr(settings, "NOTIFICATIONS_RETRY_BASE_SECONDS", 30))


class Outcome:
    SENT = "sent"
    SKIPPED = "skipped"  # not ours to send: already sent, claimed by someone else, not due
    RETRY = "retry"
    FAILED = "failed"


@dataclass
class DeliveryResult:
    outcome: str
    retry_in: float | None = None


@dataclass
class BatchResult:
    sent: int = 0
    retries: dict[int, float] = field(default_factory=dict)
    # Rows of the batch not tried because the server failed; deliver them later together.
    deferred: list[int] = field(default_factory=list)
    deferred_in: float = 0.0


@dataclass
class PreparedMail:
    """A rendered mail that is not stored yet (see ``mail_enqueue_many``)."""

    key: str
    kind: str
    to_email: str
    language: str
    subject: str
    body_text: str
    body_html: str = ""
    recipient: object = None
    reference: str = ""
    headers: dict = field(default_factory=dict)
    attachments: list = field(default_factory=list)

    def as_row(self) -> OutgoingMail:
        return OutgoingMail(
            key=self.key,
            kind=self.kind,
            reference=self.reference,
            recipient=self.recipient,
            to_email=self.to_email,
            language=self.language,
            subject=self.subject,
            body_text=self.body_text,
            body_html=self.body_html,
            headers=self.headers,
            attachments=self.attachments,
        )


# --- Writing the outbox -------------------------------------------------------------------


def mail_render(*, template: str, context: dict, language: str, user=None) -> tuple[str, str, str]:
    """Subject, text and HTML of ``emails/<template>-…`` in ``language``."""
    context = {
        "recipient": user,
        "SITE_URL": settings.SITE_URL,
        "PORTAL_NAME": settings.PORTAL_NAME,
        "settings_url": f"{settings.SITE_URL}/notifications/settings/",
        **context,
    }
    with translation.override(language):
        subject = render_to_string(f"emails/{template}-subject.txt", context)
        body_text = render_to_string(f"emails/{template}-body.txt", context)
        body_html = render_to_string(f"emails/{template}-body.html", context)
    return " ".join(subject.split())[:255], body_text, body_html


def mail_enqueue(
    *,
    key: str,
    kind: str,
    template: str,
    context: dict,
    to_email: str,
    language: str,
    user=None,
    reference: str = "",
    attachments: list[dict] | None = None,
    headers: dict | None = None,
    automatic: bool = True,
) -> OutgoingMail:
    """Render and store one mail; returns the existing row if ``key`` was queued before."""
    existing = OutgoingMail.objects.filter(key=key).first()
    if existing is not None:
        return existing
    subject, body_text, body_html = mail_render(
        template=template, context=context, language=language, user=user
    )
    all_headers = {**(AUTOMATIC_HEADERS if automatic else {}), **(headers or {})}
    return _store(
        key=key,
        kind=kind,
        reference=reference,
        recipient=user,
        to_email=to_email,
        language=language,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        headers=all_headers,
        attachments=attachments or [],
    )


def mail_enqueue_message(
    message: EmailMultiAlternatives, *, key: str, kind: str, language: str, user=None
) -> OutgoingMail:
    """Store a mail another library composed (allauth's account mails)."""
    html = next((c for c, mime in getattr(message, "alternatives", []) if mime == "text/html"), "")
    return _store(
        key=key,
        kind=kind,
        reference="",
        recipient=user,
        to_email=message.to[0],
        language=language,
        subject=message.subject,
        body_text=message.body,
        body_html=html,
        headers={**AUTOMATIC_HEADERS, **(message.extra_headers or {})},
        attachments=[],
    )


def mail_enqueue_many(mails: list[PreparedMail]) -> list[int]:
    """Store many mails with bulk INSERTs; keys stored before are skipped (idempotent).

    Returns the ids of the rows this call created. Delivery is enqueued in batches of
    ``BATCH_SIZE`` when the surrounding transaction commits.
    """
    if not mails:
        return []
    by_key = {mail.key: mail for mail in mails}
    with transaction.atomic():
        existing = set()
        keys = list(by_key)
        for start in range(0, len(keys), 1000):
            existing.update(
                OutgoingMail.objects.filter(key__in=keys[start : start + 1000]).values_list(
                    "key", flat=True
                )
            )
        new_keys = [key for key in keys if key not in existing]
        # A concurrent transaction may insert the same key: the unique key decides, once.
        OutgoingMail.objects.bulk_create(
            [by_key[key].as_row() for key in new_keys], batch_size=500, ignore_conflicts=True
        )
        ids = []
        for start in range(0, len(new_keys), 1000):
            ids.extend(
                OutgoingMail.objects.filter(
                    key__in=new_keys[start : start + 1000], status=OutgoingMail.Status.QUEUED
                )
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        transaction.on_commit(lambda: enqueue_delivery(ids))
    return ids


def _store(**fields) -> OutgoingMail:
    with transaction.atomic():
        mail, created = OutgoingMail.objects.get_or_create(key=fields.pop("key"), defaults=fields)
        if created:
            transaction.on_commit(lambda: enqueue_delivery([mail.pk]))
    return mail


def enqueue_delivery(mail_ids: list[int], *, countdown: float | None = None) -> bool:
    """Hand rows to the workers. A broker outage is not an error: the sweep retries later."""
    from .tasks import deliver_batch, deliver_mail

    try:
        for start in range(0, len(mail_ids), BATCH_SIZE):
            chunk = mail_ids[start : start + BATCH_SIZE]
            task, args = (
                (deliver_mail, (chunk[0],)) if len(chunk) == 1 else (deliver_batch, (chunk,))
            )
            task.apply_async(
                args,
                countdown=countdown,
                retry=True,
                retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5},
            )
    except Exception as error:  # noqa: BLE001 - any broker error: the rows wait for the sweep
        logger.warning(
            "Could not enqueue mail delivery (%s: %s); the outbox sweep will retry.",
            type(error).__name__,
            error,
        )
        return False
    return True


# --- Delivering ---------------------------------------------------------------------------


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


def mail_claim(mail_id: int) -> OutgoingMail | None:
    """Take a queued, due row for sending under a row lock; None if it is not ours to send."""
    now = timezone.now()
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(
                pk=mail_id,
                status=OutgoingMail.Status.QUEUED,
                next_attempt_at__lte=now + CLOCK_TOLERANCE,
            )
            .first()
        )
        if mail is None:
            return None
        mail.status = OutgoingMail.Status.SENDING
        mail.attempts += 1
        mail.save(update_fields=["status", "attempts", "updated_at"])
    return mail


def _is_permanent(error: Exception) -> bool:
    """5xx answers mean the server will never accept this mail; anything else may pass later."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def backoff_seconds(attempts: int) -> float:
    """Exponential backoff with ±25 % jitter, so retries of one outage spread out."""
    delay = min(retry_base_seconds() * 2 ** (attempts - 1), 3600)
    return delay * random.uniform(0.75, 1.25)


def mail_deliver(mail_id: int, *, connection=None) -> DeliveryResult:
    """Send one row. Safe to call twice: only the caller that claims the row sends it."""
    mail = mail_claim(mail_id)
    if mail is None:
        return DeliveryResult(Outcome.SKIPPED)
    try:
        message = build_message(mail)
        message.connection = connection
        if connection is not None:
            connection.open()
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        return _record_failure(mail, error)
    except Exception as error:
        logger.exception("Mail %s could not be built or sent", mail.pk)
        return _record_failure(mail, error, permanent=True)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.SENT,
        sent_at=timezone.now(),
        last_error="",
        updated_at=timezone.now(),
    )
    return DeliveryResult(Outcome.SENT)


def _record_failure(mail: OutgoingMail, error: Exception, *, permanent=None) -> DeliveryResult:
    now = timezone.now()
    text = f"{type(error).__name__}: {error}"[:2000]
    if permanent is None:
        permanent = _is_permanent(error)
    if permanent or mail.attempts >= MAX_ATTEMPTS:
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=OutgoingMail.Status.FAILED, last_error=text, updated_at=now
        )
        logger.warning(
            "Mail %s failed for good after %s attempts: %s", mail.pk, mail.attempts, text
        )
        return DeliveryResult(Outcome.FAILED)
    delay = backoff_seconds(mail.attempts)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.QUEUED,
        last_error=text,
        next_attempt_at=now + timedelta(seconds=delay),
        updated_at=now,
    )
    logger.info("Mail %s will be retried in %.0f s: %s", mail.pk, delay, text)
    return DeliveryResult(Outcome.RETRY, retry_in=delay)


def _close_quietly(connection) -> None:
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()


def mail_deliver_batch(mail_ids: list[int]) -> BatchResult:
    """Send several rows over one SMTP connection.

    When the server fails a mail for a passing reason, that mail is retried on its own and
    the rest of the batch waits as long, instead of hammering a server that is in trouble.
    """
    result = BatchResult()
    connection = get_connection(fail_silently=False)
    try:
        for index, mail_id in enumerate(mail_ids):
            outcome = mail_deliver(mail_id, connection=connection)
            if outcome.outcome == Outcome.SENT:
                result.sent += 1
            elif outcome.outcome == Outcome.RETRY:
                result.retries[mail_id] = outcome.retry_in
                result.deferred = list(mail_ids[index + 1 :])
                result.deferred_in = outcome.retry_in
                break
            elif outcome.outcome == Outcome.FAILED:
                # The connection may be in an unknown state after an error.
                _close_quietly(connection)
    finally:
        _close_quietly(connection)
    return result


def outbox_requeue_stale(
    *, older_than: timedelta = STALE_AFTER, sending_lease: timedelta = SENDING_LEASE
) -> int:
    """Enqueue delivery again for rows nobody delivered: broker down, worker killed.

    Rows stuck in "sending" belonged to a worker that died mid-send; they go back to the
    queue (their attempt stays counted). Returns how many rows were handed to the workers.
    """
    now = timezone.now()
    with transaction.atomic():
        lost = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(status=OutgoingMail.Status.SENDING, updated_at__lt=now - sending_lease)
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
    ids = sorted({*lost, *due})
    if ids:
        enqueue_delivery(ids)
    return len(ids)


def outbox_retry_failed(*, reference: str, by, network_id: int | None = None) -> int:
    """A coordinator asks to try failed mails of one meeting again, with fresh attempts."""
    from core.audit import audit_log

    with transaction.atomic():
        ids = list(
            OutgoingMail.objects.select_for_update()
            .filter(reference=reference, status=OutgoingMail.Status.FAILED)
            .values_list("pk", flat=True)
        )
        OutgoingMail.objects.filter(pk__in=ids).update(
            status=OutgoingMail.Status.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now(),
            updated_at=timezone.now(),
        )
        if ids:
            audit_log(
                actor=by,
                action="mail.retry",
                network_id=network_id,
                reference=reference,
                count=len(ids),
            )
            transaction.on_commit(lambda: enqueue_delivery(ids))
    return len(ids)
