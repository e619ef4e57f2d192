"""Date polls: open a poll for an audience (everyone asked gets a personal link), collect
answers, close it with the chosen date, and turn that date into a meeting in one step."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from network.models import Network, WorkingGroup

from .. import events
from ..models import (
    POLL_TIME_ZONE,
    DatePoll,
    DatePollAnswer,
    DatePollSlot,
    Meeting,
    MeetingKind,
    PollInvitation,
)
from .errors import MeetingError
from .invitations import _first_organisation_id, audience_people
from .scheduling import check_times, meeting_create, meeting_publish

# A meeting made from a proposed whole day starts at this local time.
WHOLE_DAY_MEETING_START = time(10, 0)


def poll_audience(poll: DatePoll, *, user_ids=None) -> dict[int, int | None]:
    """Who the poll asks: person → organisation, by the meetings' audience rule."""
    return audience_people(
        poll.network,
        include_subnetworks=poll.audience == DatePoll.Audience.WITH_SUBNETWORKS,
        working_group=poll.working_group
        if poll.audience == DatePoll.Audience.WORKING_GROUP
        else None,
        user_ids=user_ids if poll.audience == DatePoll.Audience.PEOPLE else None,
    )


def _slot(item) -> DatePollSlot:
    """A proposed date from ``(start, end)``, ``(start, None)`` or a whole ``date``."""
    if isinstance(item, date) and not isinstance(item, datetime):
        start = datetime.combine(item, time(0, 0), tzinfo=POLL_TIME_ZONE)
        return DatePollSlot(start=start, end=None, has_time=False)
    start, end = item
    if end is not None:
        check_times(start, end)
    return DatePollSlot(start=start, end=end, has_time=True)


@transaction.atomic
def poll_create(
    *,
    network: Network,
    by,
    title: str,
    slots: list,
    description: str = "",
    kind: str = MeetingKind.NETWORK,
    audience: str = DatePoll.Audience.NETWORK,
    working_group: WorkingGroup | None = None,
    people=(),
    closes_at: datetime | None = None,
    reminder_hours: int = DatePoll.DEFAULT_REMINDER_HOURS,
) -> DatePoll:
    """Open a poll: one invitation per person of the audience (with their organisation) and
    ``poll_opened`` announced, upon which everyone gets a mail with their personal link."""
    if kind == MeetingKind.CASE_CONFERENCE:
        # A poll reaches a whole audience; a case conference only the people named for it.
        raise MeetingError(
            _("Case conferences are scheduled with the people named for them, not by a poll.")
        )
    if len(slots) < 2:
        raise MeetingError(_("Please propose at least two dates."))
    if len(slots) > DatePoll.MAX_SLOTS:
        raise MeetingError(
            _("Please propose at most %(max)s dates (you proposed %(count)s).")
            % {"max": DatePoll.MAX_SLOTS, "count": len(slots)}
        )
    if audience == DatePoll.Audience.WORKING_GROUP and (
        working_group is None or working_group.network_id != network.pk
    ):
        raise MeetingError(_("Please choose a working group of the network."))
    if audience == DatePoll.Audience.PEOPLE and not people:
        raise MeetingError(_("Please choose the people to ask."))
    if closes_at is not None and closes_at <= timezone.now():
        raise MeetingError(_("The poll must close in the future."))
    prepared = sorted((_slot(item) for item in slots), key=lambda slot: slot.start)
    poll = DatePoll.objects.create(
        network=network,
        title=title,
        description=description,
        kind=kind,
        audience=audience,
        working_group=working_group if audience == DatePoll.Audience.WORKING_GROUP else None,
        closes_at=closes_at,
        reminder_hours=reminder_hours,
        created_by=by,
    )
    for slot in prepared:
        slot.poll = poll
    DatePollSlot.objects.bulk_create(prepared)
    asked = poll_audience(poll, user_ids=[person.pk for person in people])
    PollInvitation.objects.bulk_create(
        [
            PollInvitation(poll=poll, user_id=user_id, organisation_id=organisation_id)
            for user_id, organisation_id in asked.items()
        ],
        batch_size=500,
    )
    audit_log(
        actor=by, action="date_poll.opened", target=poll, network_id=network.pk, asked=len(asked)
    )
    events.poll_opened.send_event(poll=poll)
    return poll


@transaction.atomic
def poll_answer(
    *, poll: DatePoll, user, answers: dict[int, str], comment: str = "", invitation=None
) -> PollInvitation:
    """Store the person's answer to every proposed date (replacing earlier answers) and
    their comment. Someone of the audience who answers without having been asked (a member
    who joined later) is added to those asked."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if not poll.is_open:
        raise MeetingError(_("This date poll is closed."))
    slot_ids = set(poll.slots.values_list("pk", flat=True))
    if set(answers) != slot_ids or not set(answers.values()) <= set(DatePollAnswer.Answer.values):
        raise MeetingError(_("Please answer every proposed date."))
    for slot_id, answer in answers.items():
        DatePollAnswer.objects.update_or_create(
            slot_id=slot_id, user=user, defaults={"answer": answer}
        )
    if invitation is None:
        invitation, _created = PollInvitation.objects.get_or_create(
            poll=poll, user=user, defaults={"organisation_id": _first_organisation_id(user)}
        )
    invitation.answered_at = timezone.now()
    invitation.comment = comment.strip()[:1000]
    invitation.save(update_fields=["answered_at", "comment"])
    return invitation


@transaction.atomic
def poll_link_revoke(*, invitation: PollInvitation, by) -> None:
    """The person's personal link stops working (logging in still works for the audience)."""
    invitation = PollInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.revoked_at is not None:
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_log(
        actor=by,
        action="date_poll.link_revoked",
        target=invitation.poll,
        network_id=invitation.poll.network_id,
        person=invitation.user_id,
    )


def _close(poll: DatePoll, slot: DatePollSlot, by) -> None:
    if poll.status != DatePoll.Status.OPEN:
        raise MeetingError(_("This date poll is closed."))
    if slot.poll_id != poll.pk:
        raise MeetingError(_("This date does not belong to the poll."))
    poll.status = DatePoll.Status.CLOSED
    poll.chosen_slot = slot
    poll.closed_at = timezone.now()
    poll.save(update_fields=["status", "chosen_slot", "closed_at"])
    audit_log(actor=by, action="date_poll.closed", target=poll, network_id=poll.network_id)
    events.poll_closed.send_event(poll=poll)


@transaction.atomic
def poll_close(*, poll: DatePoll, slot: DatePollSlot, by) -> DatePoll:
    """Close the poll with the chosen date; ``poll_closed`` mails it to everyone asked."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    _close(poll, slot, by)
    return poll


def _meeting_times(slot: DatePollSlot) -> tuple[datetime, datetime | None]:
    if slot.has_time:
        return slot.start, slot.end
    day = timezone.localtime(slot.start, POLL_TIME_ZONE).date()
    return datetime.combine(day, WHOLE_DAY_MEETING_START, tzinfo=POLL_TIME_ZONE), None


@transaction.atomic
def poll_to_meeting(
    *, poll: DatePoll, slot: DatePollSlot | None = None, by, publish: bool = False
) -> Meeting:
    """Schedule the meeting at the chosen date, in one step: an open poll is closed with
    ``slot`` first. The meeting addresses the poll's audience; ``publish`` publishes it at
    once, which invites that audience."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if poll.meeting_id:
        raise MeetingError(_("The meeting for this date poll has already been scheduled."))
    if poll.status == DatePoll.Status.OPEN:
        if slot is None:
            raise MeetingError(_("Please choose a date."))
        _close(poll, slot, by)
    elif poll.chosen_slot_id is None or (slot is not None and slot.pk != poll.chosen_slot_id):
        raise MeetingError(_("This date poll is closed."))
    slot = poll.chosen_slot
    start, end = _meeting_times(slot)
    meeting = meeting_create(
        network=poll.network,
        by=by,
        kind=poll.kind,
        title=poll.title,
        start=start,
        end=end,
        description=poll.description,
        audience=(
            Meeting.Audience.WITH_SUBNETWORKS
            if poll.audience == DatePoll.Audience.WITH_SUBNETWORKS
            else Meeting.Audience.NETWORK
        ),
        working_group=poll.working_group,
    )
    poll.meeting = meeting
    poll.save(update_fields=["meeting"])
    audit_log(actor=by, action="date_poll.scheduled", target=poll, network_id=poll.network_id)
    if publish:
        meeting = meeting_publish(meeting=meeting, by=by)
    return meeting
