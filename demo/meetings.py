"""How the demo runs a meeting, in the steps a coordinator takes in the portal.

Publishing writes the invitations of the audience (each with the organisation the person
represents) and queues the invitation mails; registrations take a seat or a place on the
waiting list; minutes record who came, name the measures and, once published, tell the
audience. The meetings themselves are in ``history`` (past) and ``upcoming``.
"""

from meetings.models import Meeting, Registration
from meetings.services import (
    feedback_give,
    meeting_create,
    meeting_publish,
    minutes_save,
    registration_register,
)


def meeting_announce(*, network, by, kind: str, title: str, start, end, **fields) -> Meeting:
    """A draft from the template of its kind, published straight away."""
    meeting = meeting_create(
        network=network, by=by, kind=kind, title=title, start=start, end=end, **fields
    )
    return meeting_publish(meeting=meeting, by=by)


def people_register(meeting: Meeting, people: list) -> list[Registration]:
    """Each person registers, in this order: once the seats are taken, the waiting list."""
    return [registration_register(meeting=meeting, user=person) for person in people]


def minutes_record(meeting: Meeting, *, by, minutes: str, absent=()) -> None:
    """The general part of the minutes; every registered person came except ``absent``."""
    absent_ids = {person.pk for person in absent}
    registered = meeting.registrations.filter(status=Registration.Status.REGISTERED)
    minutes_save(
        meeting=meeting,
        by=by,
        minutes=minutes,
        attendance={r.pk: r.user_id not in absent_ids for r in registered},
    )


def feedback_collect(meeting: Meeting, ratings: list[tuple[object, int, str]]) -> None:
    """(person, rating 1–5, comment): anonymous to the other members."""
    for person, rating, comment in ratings:
        feedback_give(meeting=meeting, user=person, rating=rating, comment=comment)
