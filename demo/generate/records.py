"""What the portal records as it is used: the outbox (invitation mails and minutes notices
with the idempotency keys the portal writes) and the audit log."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model

from core.models import AuditEvent
from meetings.models import Invitation, Meeting, Registration
from network.models import Membership
from notifications.models import OutgoingMail

from .context import Context, bulk


def outbox_create(ctx: Context, target: int) -> None:
    """Up to ``target`` sent mails: invitations of announced meetings, then minutes notices."""
    rows = []
    emails = dict(get_user_model().objects.values_list("pk", "email"))
    invitations = (
        Invitation.objects.filter(meeting__network_id__in=ctx.network_ids)
        .exclude(meeting__status=Meeting.Status.DRAFT)
        .order_by("meeting__start", "pk")
        .values_list("meeting_id", "user_id", "meeting__title", "meeting__published_at")
    )
    for meeting_id, user_id, title, published_at in invitations.iterator(chunk_size=5000):
        if len(rows) >= target:
            break
        rows.append(
            _mail(
                ctx,
                "invitation",
                f"invitation:{meeting_id}:{user_id}:0",
                meeting_id,
                user_id,
                emails[user_id],
                f"Einladung: {title}",
                published_at,
            )
        )
    minutes = (
        Registration.objects.filter(
            meeting__network_id__in=ctx.network_ids,
            meeting__status=Meeting.Status.HELD,
            status=Registration.Status.REGISTERED,
        )
        .order_by("meeting__start", "pk")
        .values_list("meeting_id", "user_id", "meeting__title", "meeting__minutes_published_at")
    )
    for meeting_id, user_id, title, published_at in minutes.iterator(chunk_size=5000):
        if len(rows) >= target:
            break
        rows.append(
            _mail(
                ctx,
                "minutes-published",
                f"minutes:{meeting_id}:{user_id}",
                meeting_id,
                user_id,
                emails[user_id],
                f"Protokoll: {title}",
                published_at,
            )
        )
    bulk(OutgoingMail, rows)
    ctx.count("outbox", len(rows))


def _mail(ctx, kind, key, meeting_id, user_id, email, subject, when) -> OutgoingMail:
    return OutgoingMail(
        key=key,
        kind=kind,
        reference=f"meeting:{meeting_id}",
        recipient_id=user_id,
        to_email=email,
        from_email=settings.DEFAULT_FROM_EMAIL,
        language="de",
        subject=subject[:255],
        body_text=f"Guten Tag,\n\n{subject}\n\n{settings.SITE_URL}/meetings/{meeting_id}/\n",
        status=OutgoingMail.Status.SENT,
        attempts=1,
        created_at=when,
        next_attempt_at=when,
        sent_at=when + timedelta(seconds=30),
    )


def audit_create(ctx: Context) -> None:
    """The decisions a year of use leaves: membership approvals, meetings created and
    published, minutes published."""
    rows = []
    memberships = Membership.objects.filter(
        network_id__in=ctx.network_ids, status=Membership.Status.ACTIVE
    ).values_list("pk", "network_id", "decided_at")
    for pk, network_id, decided_at in memberships.iterator(chunk_size=5000):
        rows.append(
            AuditEvent(
                created_at=decided_at,
                actor_id=ctx.coordinators.get(network_id, [None])[0],
                action="membership.approved",
                target_type="network.membership",
                target_id=str(pk),
                target_repr=f"membership {pk}",
                network_id=network_id,
            )
        )
    meetings = Meeting.objects.filter(network_id__in=ctx.network_ids).values_list(
        "pk",
        "network_id",
        "title",
        "created_at",
        "published_at",
        "minutes_published_at",
        "created_by_id",
    )
    for pk, network_id, title, created, published, minutes, actor in meetings.iterator(
        chunk_size=5000
    ):
        for action, when in (
            ("meeting.created", created),
            ("meeting.published", published),
            ("meeting.minutes_published", minutes),
        ):
            if when is None:
                continue
            rows.append(
                AuditEvent(
                    created_at=when,
                    actor_id=actor,
                    action=action,
                    target_type="meetings.meeting",
                    target_id=str(pk),
                    target_repr=title[:255],
                    network_id=network_id,
                )
            )
    bulk(AuditEvent, rows)
    ctx.count("audit_events", len(rows))
