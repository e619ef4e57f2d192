"""What the portal mails when something happens in the apps below.

The lower apps announce their events (``core.events``) inside the transaction of the change;
the receivers here compose the mails from the objects the events name and store them in the
outbox (``outbox.mail_enqueue_many``) in that same transaction, so the mails exist exactly
when the change does. Every mail has an idempotency key: a repeated event queues nothing new.

Connected in ``NotificationsConfig.ready``.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from circulars import events as circular_events
from meetings import events as meeting_events
from meetings.models import Invitation, Meeting, PollInvitation, Registration
from meetings.services.invitations import audience_of
from network import events as network_events
from pinboard import events as pinboard_events
from proposals import events as proposal_events
from proposals.selectors import proposal_followers
from providers import events as provider_events

from . import (
    mails,
    mails_bulletin,
    mails_circulars,
    mails_organisations,
    mails_polls,
    mails_proposals,
)
from .outbox import mail_enqueue_many


def _queue(prepared) -> None:
    mail_enqueue_many([mail for mail in prepared if mail is not None])


# --- Meetings -----------------------------------------------------------------------------


def _mail_invitations(meeting: Meeting, *, user_ids=None) -> None:
    """One invitation mail per invited person (all of the meeting, or ``user_ids``)."""
    invitations = Invitation.objects.filter(
        meeting=meeting, user__isnull=False, user__is_active=True
    )
    if user_ids is not None:
        invitations = invitations.filter(user_id__in=list(user_ids))
    composer = mails.InvitationComposer(meeting)
    _queue(composer.mail_for(invitation) for invitation in invitations.select_related("user"))


def on_meeting_published(sender, *, meeting, **kwargs) -> None:
    _mail_invitations(meeting)


def on_invitations_added(sender, *, meeting, user_ids, **kwargs) -> None:
    _mail_invitations(meeting, user_ids=user_ids)


def _invited_or_registered(meeting: Meeting):
    """Everyone who has the meeting in their calendar: invited (not declined) or registered."""
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


def on_meeting_changed(sender, *, meeting, changed_fields, **kwargs) -> None:
    """Time or place changed (sequence already raised): calendar updates to everyone."""
    calendars = mails.PersonalCalendars(meeting, method="REQUEST")
    _queue(
        mails.update_mail(meeting, user, changed_fields=changed_fields, calendars=calendars)
        for user in _invited_or_registered(meeting)
    )


def on_meeting_cancelled(sender, *, meeting, **kwargs) -> None:
    """METHOD:CANCEL to everyone who has the meeting in their calendar."""
    calendars = mails.cancellation_calendars(meeting)
    _queue(
        mails.cancellation_mail(meeting, user, calendars=calendars)
        for user in _invited_or_registered(meeting)
    )


def on_agenda_published(sender, *, meeting, **kwargs) -> None:
    """The agenda of a published meeting: to everyone invited (not declined) or registered."""
    details = mails.invitation_details(meeting)
    headers = mails.reply_to_headers(meeting)
    _queue(
        mails.agenda_mail(meeting, user, details=details, headers=headers)
        for user in _invited_or_registered(meeting)
    )


def on_registration_promoted(sender, *, registration, **kwargs) -> None:
    _queue([mails.promotion_mail(registration)])


def _minutes_readers(meeting: Meeting) -> dict[int, int | None]:
    """Who is told that the minutes are available: the representatives of the audience; for
    a case conference only its invitees and participants (nothing reaches anyone else)."""
    if meeting.is_case_conference:
        invited = meeting.invitations.filter(user__isnull=False).values_list("user_id", flat=True)
        registered = meeting.registrations.filter(
            user__isnull=False, status=Registration.Status.REGISTERED
        ).values_list("user_id", flat=True)
        return dict.fromkeys([*invited, *registered])
    return audience_of(meeting)


def on_minutes_published(sender, *, meeting, **kwargs) -> None:
    people = _minutes_readers(meeting)
    opted_out = mails.opted_out_user_ids("minutes-published", people)
    users = get_user_model().objects.filter(pk__in=list(people), is_active=True).order_by("pk")
    _queue(
        mails.minutes_published_mail(meeting, user) for user in users if user.pk not in opted_out
    )


# --- Date polls ----------------------------------------------------------------------------


def _poll_invitations(poll):
    return (
        PollInvitation.objects.filter(poll=poll, user__is_active=True)
        .select_related("user")
        .order_by("pk")
    )


def on_poll_opened(sender, *, poll, **kwargs) -> None:
    """One mail per person asked, with their personal link."""
    composer = mails_polls.PollMailComposer(poll, kind="poll-invitation")
    _queue(composer.mail_for(invitation) for invitation in _poll_invitations(poll))


def on_poll_closed(sender, *, poll, **kwargs) -> None:
    """The chosen date to everyone asked."""
    composer = mails_polls.PollMailComposer(poll, kind="poll-closed")
    _queue(composer.mail_for(invitation) for invitation in _poll_invitations(poll))


# --- Circulars -----------------------------------------------------------------------------


def on_circular_sent(sender, *, circular, **kwargs) -> None:
    """One mail per recipient the service wrote (opt-outs already left out there)."""
    _queue(mails_circulars.circular_mails(circular))


# --- Networks and organisations -------------------------------------------------------------


def on_membership_changed(sender, *, membership, **kwargs) -> None:
    """Applied, accepted, declined or ended: both sides are told."""
    _queue(mails_organisations.membership_mails(membership))


def on_member_invited(sender, *, invitation, **kwargs) -> None:
    _queue([mails_organisations.organisation_invitation_mail(invitation)])


def on_join_request_created(sender, *, join_request, **kwargs) -> None:
    _queue(mails_organisations.join_request_mails(join_request))


def on_join_request_decided(sender, *, join_request, **kwargs) -> None:
    _queue([mails_organisations.join_request_decided_mail(join_request)])


# --- Pinboard ------------------------------------------------------------------------------


def on_pinboard_answer_posted(sender, *, answer, **kwargs) -> None:
    """The poster's organisation gets the answer, with Reply-To the person who answered."""
    _queue(mails_bulletin.answer_mails(answer))


def on_pinboard_post_reported(sender, *, report, **kwargs) -> None:
    _queue(mails_bulletin.report_mails(report))


# --- Proposals ----------------------------------------------------------------------------


def on_proposal_moved(sender, *, move, **kwargs) -> None:
    """One mail per follower who may still see the proposal; not to the person who moved it."""
    _queue(
        mails_proposals.proposal_moved_mail(move, follower.user)
        for follower in proposal_followers(move.proposal)
        if follower.user_id != move.by_id
    )


def connect() -> None:
    for event, receiver in [
        (meeting_events.meeting_published, on_meeting_published),
        (meeting_events.invitations_added, on_invitations_added),
        (meeting_events.meeting_changed, on_meeting_changed),
        (meeting_events.meeting_cancelled, on_meeting_cancelled),
        (meeting_events.registration_promoted, on_registration_promoted),
        (meeting_events.minutes_published, on_minutes_published),
        (meeting_events.agenda_published, on_agenda_published),
        (meeting_events.poll_opened, on_poll_opened),
        (meeting_events.poll_closed, on_poll_closed),
        (circular_events.circular_sent, on_circular_sent),
        (network_events.membership_applied, on_membership_changed),
        (network_events.membership_accepted, on_membership_changed),
        (network_events.membership_declined, on_membership_changed),
        (network_events.membership_ended, on_membership_changed),
        (provider_events.member_invited, on_member_invited),
        (provider_events.join_request_created, on_join_request_created),
        (provider_events.join_request_decided, on_join_request_decided),
        (proposal_events.proposal_moved, on_proposal_moved),
        (pinboard_events.answer_posted, on_pinboard_answer_posted),
        (pinboard_events.post_reported, on_pinboard_post_reported),
    ]:
        event.connect(receiver, dispatch_uid=f"notifications.{receiver.__name__}")
