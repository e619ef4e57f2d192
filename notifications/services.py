"""The outbox: every mail is a row first, written in the caller's transaction.

``mail_enqueue`` renders a mail from ``emails/<template>-subject.txt``, ``-body.txt`` and
``-body.html`` in the recipient's language and stores it; the delivery task is enqueued only
when the transaction commits. ``mail_deliver`` sends one row and is safe to run twice.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)

AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated"}
# A row in "sending" longer than this belongs to a worker that died; the sweep takes it back.
SENDING_LEASE = timedelta(minutes=5)


def _schedule_delivery(mail_id: int) -> None:
    from .tasks import deliver_mail

    transaction.on_commit(lambda: deliver_mail.delay(mail_id))


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
    context = {"recipient": user, "SITE_URL": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}-subject.txt", context).strip()
        body_text = render_to_string(f"emails/{template}-body.txt", context)
        body_html = render_to_string(f"emails/{template}-body.html", context)
    all_headers = {**(AUTOMATIC_HEADERS if automatic else {}), **(headers or {})}
    return _store(
        key=key,
        kind=kind,
        reference=reference,
        recipient=user,
        to_email=to_email,
        language=language,
        subject=" ".join(subject.split()),
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


def _store(**fields) -> OutgoingMail:
    with transaction.atomic():
        mail, created = OutgoingMail.objects.get_or_create(key=fields.pop("key"), defaults=fields)
        if created:
            _schedule_delivery(mail.pk)
    return mail


def build_message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=mail.from_email or settings.DEFAULT_FROM_EMAIL,
        to=[mail.to_email],
        headers=mail.headers,
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def mail_claim(mail_id: int) -> OutgoingMail | None:
    """Take a row for sending under a row lock; None if it is not (or no longer) ours to send."""
    now = timezone.now()
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status in (OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED):
            return None
        if mail.status == OutgoingMail.Status.SENDING and mail.updated_at > now - SENDING_LEASE:
            return None
        mail.status = OutgoingMail.Status.SENDING
        mail.attempts += 1
        mail.save(update_fields=["status", "attempts", "updated_at"])
    return mail


def mail_deliver(mail_id: int, *, connection=None) -> bool:
    """Send one queued row. Returns True if it was sent by this call."""
    mail = mail_claim(mail_id)
    if mail is None:
        return False
    message = build_message(mail)
    message.connection = connection  # None: Django opens one from the settings
    try:
        message.send(fail_silently=False)
    except Exception as error:
        mail.status = OutgoingMail.Status.QUEUED
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        mail.save(update_fields=["status", "last_error", "updated_at"])
        raise
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["status", "sent_at", "last_error", "updated_at"])
    return True


def outbox_requeue_stale(*, older_than: timedelta = timedelta(minutes=2)) -> int:
    """Enqueue delivery again for rows nobody delivered: broker down, worker killed."""
    from .tasks import deliver_mail

    now = timezone.now()
    stale = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.QUEUED,
        created_at__lt=now - older_than,
        next_attempt_at__lte=now,
    ) | OutgoingMail.objects.filter(
        status=OutgoingMail.Status.SENDING, updated_at__lt=now - SENDING_LEASE
    )
    ids = list(stale.values_list("pk", flat=True)[:5000])
    for mail_id in ids:
        deliver_mail.delay(mail_id)
    return len(ids)
