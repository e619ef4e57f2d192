"""Date polls: propose dates, collect answers, turn the chosen date into a meeting."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from network.models import Network

from ..models import DatePoll, DatePollAnswer, DatePollSlot, Meeting, MeetingKind
from .errors import MeetingError
from .scheduling import check_times, meeting_create


@transaction.atomic
def poll_create(
    *,
    network: Network,
    by,
    title: str,
    slots: list[tuple[datetime, datetime]],
    description: str = "",
    kind: str = MeetingKind.NETWORK,
) -> DatePoll:
    if kind == MeetingKind.CASE_CONFERENCE:
        # A poll is seen by the whole network; a case conference by its invitees only.
        raise MeetingError(
            _("Case conferences are scheduled with the people named for them, not by a poll.")
        )
    if len(slots) < 2:
        raise MeetingError(_("Please propose at least two dates."))
    for start, end in slots:
        check_times(start, end)
    poll = DatePoll.objects.create(
        network=network, title=title, description=description, kind=kind, created_by=by
    )
    DatePollSlot.objects.bulk_create(
        DatePollSlot(poll=poll, start=start, end=end) for start, end in sorted(slots)
    )
    return poll


@transaction.atomic
def poll_answer(*, poll: DatePoll, user, answers: dict[int, str]) -> None:
    """Store the person's answer to every slot (replacing earlier answers)."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if poll.status != DatePoll.Status.OPEN:
        raise MeetingError(_("This date poll is closed."))
    slot_ids = set(poll.slots.values_list("pk", flat=True))
    for slot_id, answer in answers.items():
        if slot_id not in slot_ids or answer not in DatePollAnswer.Answer.values:
            raise MeetingError(_("Please answer every proposed date."))
        DatePollAnswer.objects.update_or_create(
            slot_id=slot_id, user=user, defaults={"answer": answer}
        )


@transaction.atomic
def poll_to_meeting(*, poll: DatePoll, slot: DatePollSlot, by) -> Meeting:
    """Close the poll and schedule a draft meeting at the chosen slot, in one step."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if poll.status != DatePoll.Status.OPEN or poll.meeting_id:
        raise MeetingError(_("This date poll is closed."))
    if slot.poll_id != poll.pk:
        raise MeetingError(_("This date does not belong to the poll."))
    meeting = meeting_create(
        network=poll.network,
        by=by,
        kind=poll.kind,
        title=poll.title,
        start=slot.start,
        end=slot.end,
        description=poll.description,
    )
    poll.meeting = meeting
    poll.status = DatePoll.Status.CLOSED
    poll.save(update_fields=["meeting", "status"])
    audit_log(actor=by, action="date_poll.scheduled", target=poll, network_id=poll.network_id)
    return meeting
