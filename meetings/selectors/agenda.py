"""Topic proposals and the agenda."""

from django.db.models import Q

from ..models import AgendaItem, Meeting, TopicProposal
from .meeting_page import agenda_items, agenda_with_times


def topic_proposals(user, meeting: Meeting, *, manage: bool) -> dict:
    """``proposals``: the meeting's topic proposals (all for those who manage it, otherwise the
    person's own); ``deferred``: for managers, the network's topics deferred at other meetings.
    Lazy; one query each."""
    proposals = meeting.topic_proposals.select_related("proposed_by", "organisation")
    if not manage:
        return {"proposals": proposals.filter(proposed_by=user), "deferred": []}
    deferred = (
        TopicProposal.objects.filter(network=meeting.network, status=TopicProposal.Status.DEFERRED)
        .exclude(meeting=meeting)
        .select_related("proposed_by", "organisation", "meeting")
    )
    return {"proposals": proposals, "deferred": deferred}


def decidable_topics(meeting: Meeting):
    """Topics a manager of the meeting may decide on: its own proposals and the network's
    deferred ones. Lazy."""
    return TopicProposal.objects.filter(network=meeting.network).filter(
        Q(meeting=meeting) | Q(status=TopicProposal.Status.DEFERRED)
    )


def meeting_agenda_items(meeting: Meeting):
    """The meeting's agenda items, each with its meeting: to look one up by id. Lazy."""
    return AgendaItem.objects.select_related("meeting").filter(meeting=meeting)


def agenda_context(meeting: Meeting) -> dict:
    """The agenda with the running clock, its total length and the meeting's planned length.
    One query, whatever the number of items."""
    items = agenda_with_times(meeting, agenda_items(meeting, with_topics=True))
    return {
        "meeting": meeting,
        "items": items,
        "total": sum(item.duration_minutes for item, _start in items),
        "planned": int((meeting.end - meeting.start).total_seconds() // 60),
    }
