"""What the portal records as it is used: the outbox (invitation mails and minutes notices
with the idempotency keys the portal writes) and the audit log."""

from datetime import timedelta

from django.conf import settings

from core.models import AuditEvent
from meetings.models import Meeting
from notifications.models import OutgoingMail

from .context import Context, bulk


def outbox_create(ctx: Context, target: int) -> None:
    """Up to ``target`` sent mails: invitations of announced meetings, then minutes notices."""
    rows = []
    for meeting, person in ctx.invited:
        if len(rows) >= target:
            break
        rows.append(
            _mail(
                ctx,
                "invitation",
                f"invitation:{meeting.pk}:{person}:0",
                meeting,
                person,
                f"Einladung: {meeting.title}",
                meeting.published_at,
            )
        )
    for meeting, person in ctx.registered:
        if len(rows) >= target:
            break
        if meeting.status != Meeting.Status.HELD:
            continue
        rows.append(
            _mail(
                ctx,
                "minutes-published",
                f"minutes:{meeting.pk}:{person}",
                meeting,
                person,
                f"Protokoll: {meeting.title}",
                meeting.minutes_published_at,
            )
        )
    bulk(OutgoingMail, rows)
    ctx.count("outbox", len(rows))


def _mail(ctx, kind, key, meeting, person, subject, when) -> OutgoingMail:
    return OutgoingMail(
        key=key,
        kind=kind,
        reference=f"meeting:{meeting.pk}",
        recipient_id=person,
        to_email=ctx.emails[person],
        from_email=settings.DEFAULT_FROM_EMAIL,
        language="de",
        subject=subject[:255],
        body_text=f"Guten Tag,\n\n{subject}\n\n{settings.SITE_URL}/meetings/{meeting.pk}/\n",
        status=OutgoingMail.Status.SENT,
        attempts=1,
        created_at=when,
        next_attempt_at=when,
        sent_at=when + timedelta(seconds=30),
    )


def audit_create(ctx: Context, meetings: list[Meeting]) -> None:
    """The decisions a year of use leaves: membership approvals, meetings created and
    published, minutes published."""
    rows = [
        AuditEvent(
            created_at=ctx.now - timedelta(days=690),
            actor_id=ctx.coordinators.get(network_id, [None])[0],
            action="membership.approved",
            target_type="network.membership",
            target_id=str(pk),
            target_repr=f"membership {pk}",
            network_id=network_id,
        )
        for pk, network_id in ctx.memberships
    ]
    for meeting in meetings:
        for action, when in (
            ("meeting.created", meeting.created_at),
            ("meeting.published", meeting.published_at),
            ("meeting.minutes_published", meeting.minutes_published_at),
        ):
            if when is None:
                continue
            rows.append(
                AuditEvent(
                    created_at=when,
                    actor_id=meeting.created_by_id,
                    action=action,
                    target_type="meetings.meeting",
                    target_id=str(meeting.pk),
                    target_repr=meeting.title[:255],
                    network_id=meeting.network_id,
                )
            )
    bulk(AuditEvent, rows)
    ctx.count("audit_events", len(rows))
