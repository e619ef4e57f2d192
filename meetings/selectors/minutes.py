"""Minutes, attendance, measures and feedback of a meeting."""

from django.db.models import Avg, Count

from network.models import Measure

from ..models import Feedback, Meeting, Registration
from .meeting_page import agenda_items, meeting_measures


def minutes_sheet(meeting: Meeting) -> dict:
    """What the minutes page works on, lazily (one query each): ``items`` (the agenda with
    the measures under review), ``registrations`` (who registered, by organisation and name,
    for the attendance) and ``measures`` (decided at this meeting)."""
    return {
        "items": agenda_items(meeting),
        "registrations": (
            meeting.registrations.filter(status=Registration.Status.REGISTERED)
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__name")
        ),
        "measures": meeting_measures(meeting),
    }


def network_measures(meeting: Meeting):
    """Every measure of the meeting's network (those reviewed at this meeting among them), to
    look one up by id. Lazy."""
    return Measure.objects.filter(network=meeting.network)


def own_feedback(meeting: Meeting, user) -> Feedback | None:
    return Feedback.objects.filter(meeting=meeting, user=user).first()


def feedback_summary(meeting: Meeting) -> dict:
    """For the coordinator: ``summary`` (count and average rating), ``distribution`` (rating
    5 … 1 with how often it was given) and ``comments`` in random order. No names: the
    coordinator reads what was said, not who said it. Three queries."""
    counts = dict(
        meeting.feedback.values_list("rating").annotate(n=Count("pk")).values_list("rating", "n")
    )
    return {
        "summary": meeting.feedback.aggregate(count=Count("pk"), average=Avg("rating")),
        "distribution": [(rating, counts.get(rating, 0)) for rating in range(5, 0, -1)],
        "comments": list(
            meeting.feedback.exclude(comment="").order_by("?").values_list("comment", flat=True)
        ),
    }
