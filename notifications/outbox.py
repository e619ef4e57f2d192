"""Writing the outbox: every mail is a row first, written in the caller's transaction.

``mail_enqueue`` renders a mail from ``emails/<template>-subject.txt``, ``-body.txt`` and
``-body.html`` in the recipient's language and stores it; ``mail_enqueue_many`` stores many
prepared mails (``notifications.mails``) with one INSERT. Delivery tasks are enqueued only
when the transaction commits (``tasks.enqueue_delivery``); if the broker is down then, the
request does not wait for it (the broker options in ``config/settings/base.py`` give up after
about a second) and the periodic sweep enqueues the rows later. Sending is
``notifications.delivery``.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.audit import audit_log

from . import tasks
from .models import OutgoingMail

AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated"}


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


def keys_in_outbox(keys) -> set[str]:
    """Which of these idempotency keys the outbox holds already: one query per 1,000 keys
    (the unique index on the key)."""
    keys = list(keys)
    existing = set()
    for start in range(0, len(keys), 1000):
        existing.update(
            OutgoingMail.objects.filter(key__in=keys[start : start + 1000]).values_list(
                "key", flat=True
            )
        )
    return existing


def mail_enqueue_many(mails: list[PreparedMail]) -> list[int]:
    """Store many mails with bulk INSERTs; keys stored before are skipped (idempotent).

    Returns the ids of the rows this call created. Delivery is enqueued in batches of
    ``BATCH_SIZE`` when the surrounding transaction commits.
    """
    if not mails:
        return []
    by_key = {mail.key: mail for mail in mails}
    with transaction.atomic():
        existing = keys_in_outbox(by_key)
        new_keys = [key for key in by_key if key not in existing]
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
        transaction.on_commit(lambda: tasks.enqueue_delivery(ids))
    return ids


def _store(**fields) -> OutgoingMail:
    with transaction.atomic():
        mail, created = OutgoingMail.objects.get_or_create(key=fields.pop("key"), defaults=fields)
        if created:
            transaction.on_commit(lambda: tasks.enqueue_delivery([mail.pk]))
    return mail


def outbox_retry_failed(*, reference: str, by, network_id: int | None = None) -> int:
    """A coordinator asks to try failed mails of one meeting again, with fresh attempts."""
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
            transaction.on_commit(lambda: tasks.enqueue_delivery(ids))
    return len(ids)
