"""What the portal mails when something happens elsewhere.

The other apps call these functions from their services, inside the transaction of the
change; each one queues the mails that change causes (through ``notifications.services``),
so the mails exist exactly when the change does. Every mail has an idempotency key: calling
a hook twice queues nothing new.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import mails
from .services import mail_enqueue_many


def _audience_representatives(meeting) -> dict[int, int]:
    """user id → organisation id for every representative and deputy in the audience."""
    from meetings.models import Meeting
    from network.models import Representative
    from network.selectors import audience_memberships

    memberships = audience_memberships(
        meeting.network,
        include_subnetworks=meeting.audience == Meeting.Audience.WITH_SUBNETWORKS,
    )
    people = {}
    for user_id, organisation_id in (
        Representative.objects.filter(membership__in=memberships, person__user__is_active=True)
        .order_by("person__user_id", "membership__organisation_id")
        .values_list("person__user_id", "membership__organisation_id")
    ):
        people.setdefault(user_id, organisation_id)
    return people


def _invite(meeting, people: dict[int, int]) -> list[int]:
    """Invitation rows and one invitation mail per person; returns the new mail ids."""
    from meetings.models import Invitation

    if not people:
        return []
    with transaction.atomic():
        Invitation.objects.bulk_create(
            [
                Invitation(meeting=meeting, user_id=user_id, organisation_id=organisation_id)
                for user_id, organisation_id in people.items()
            ],
            batch_size=500,
            ignore_conflicts=True,
        )
        invitations = (
            Invitation.objects.filter(meeting=meeting, user_id__in=list(people))
            .select_related("user")
            .order_by("user_id")
        )
        composer = mails.InvitationComposer(meeting)
        prepared = [composer.mail_for(invitation) for invitation in invitations]
        return mail_enqueue_many([mail for mail in prepared if mail is not None])


def _invited_or_registered(meeting):
    """Everyone who has the meeting in their calendar: invited (not declined) or registered."""
    from meetings.models import Registration

    invited = meeting.invitations.filter(declined_at__isnull=True).values("user_id")
    registered = meeting.registrations.filter(
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING]
    ).values("user_id")
    # Two IN subqueries, not a UNION: SQLite refuses ORDER BY (the models' default
    # ordering) inside a compound subquery.
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(pk__in=invited) | Q(pk__in=registered))
        .order_by("pk")
    )


def on_membership_activated(membership) -> None:
    """An organisation became an active member: invite its representatives to upcoming meetings."""
    from meetings.models import Meeting
    from network.models import Representative
    from network.permissions import ancestor_ids

    representatives = dict(
        Representative.objects.filter(membership=membership, person__user__is_active=True)
        .order_by("person__user_id")
        .values_list("person__user_id", "membership__organisation_id")
    )
    if not representatives:
        return
    # Meetings of this network, and of parent networks that address their sub-networks.
    addressed = Q(network_id=membership.network_id) | Q(
        network_id__in=ancestor_ids(membership.network),
        audience=Meeting.Audience.WITH_SUBNETWORKS,
    )
    meetings = Meeting.objects.filter(
        addressed, status=Meeting.Status.PUBLISHED, start__gt=timezone.now()
    )
    for meeting in meetings.select_related("network", "contact_person"):
        _invite(meeting, representatives)


def on_meeting_published(meeting) -> None:
    """Invite every representative and deputy in the meeting's audience.

    Case conferences invite only the people named for them (their Invitation rows).
    """
    people = {} if meeting.is_case_conference else _audience_representatives(meeting)
    for user_id, organisation_id in meeting.invitations.filter(
        user__isnull=False, user__is_active=True
    ).values_list("user_id", "organisation_id"):
        people.setdefault(user_id, organisation_id)
    _invite(meeting, people)


def on_meeting_changed(meeting, *, changed_fields: list[str]) -> None:
    """Time or place changed (sequence already increased): send calendar updates."""
    calendars = mails.PersonalCalendars(meeting, method="REQUEST")
    prepared = [
        mails.update_mail(meeting, user, changed_fields=changed_fields, calendars=calendars)
        for user in _invited_or_registered(meeting)
    ]
    mail_enqueue_many([mail for mail in prepared if mail is not None])


def on_meeting_cancelled(meeting) -> None:
    """Send METHOD:CANCEL to everyone invited."""
    calendars = mails.cancellation_calendars(meeting)
    prepared = [
        mails.cancellation_mail(meeting, user, calendars=calendars)
        for user in _invited_or_registered(meeting)
    ]
    mail_enqueue_many([mail for mail in prepared if mail is not None])


def on_registration_promoted(registration) -> None:
    """A place became free and this person moved up from the waiting list."""
    mail = mails.promotion_mail(registration)
    if mail is not None:
        mail_enqueue_many([mail])


def on_minutes_published(meeting) -> None:
    """Tell the network's members that the minutes are available."""
    people = _audience_representatives(meeting)
    users = get_user_model().objects.filter(pk__in=list(people)).order_by("pk")
    opted_out = mails.opted_out_user_ids("minutes-published", people)
    prepared = [
        mails.minutes_published_mail(meeting, user) for user in users if user.pk not in opted_out
    ]
    mail_enqueue_many([mail for mail in prepared if mail is not None])
