"""Date polls: the list and the tally."""

from dataclasses import dataclass

from ..models import DatePoll, DatePollAnswer, DatePollSlot
from ..permissions import visible_polls


def polls_to_list(user):
    """The date polls the person may see, open ones first, newest first. Lazy; one query for
    a page of them."""
    return (
        visible_polls(user).select_related("network", "meeting").order_by("status", "-created_at")
    )


def poll_slots(poll: DatePoll):
    """The poll's proposed dates. Lazy."""
    return poll.slots.all()


@dataclass(frozen=True)
class PollTally:
    slots: list[DatePollSlot]
    own_answers: dict[int, str]  # slot id → the person's answer
    summary: list[tuple]  # (slot, yes, maybe, no) per slot
    rows: list[tuple]  # (person, [their answer's label or "–" per slot])


def poll_tally(poll: DatePoll, user) -> PollTally:
    """The poll's answers counted per slot and laid out per person: two queries (slots,
    answers with their people), whatever the number of people."""
    slots = list(poll_slots(poll))
    answers = list(
        DatePollAnswer.objects.filter(slot__poll=poll)
        .select_related("user")
        .order_by("user__name", "user__email")
    )
    totals = {slot.pk: dict.fromkeys(DatePollAnswer.Answer.values, 0) for slot in slots}
    table: dict[int, dict] = {}
    for answer in answers:
        totals[answer.slot_id][answer.answer] += 1
        row = table.setdefault(answer.user_id, {"person": answer.user, "answers": {}})
        row["answers"][answer.slot_id] = answer.get_answer_display()
    return PollTally(
        slots=slots,
        own_answers={a.slot_id: a.answer for a in answers if a.user_id == user.pk},
        summary=[
            (slot, totals[slot.pk]["yes"], totals[slot.pk]["maybe"], totals[slot.pk]["no"])
            for slot in slots
        ],
        rows=[
            (row["person"], [row["answers"].get(slot.pk, "–") for slot in slots])
            for row in table.values()
        ],
    )
