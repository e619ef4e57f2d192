"""Topic proposals and the agenda."""

from django.db.models import Count, Exists, OuterRef, Q

from ..models import AgendaItem, Meeting, TopicProposal, TopicSupport
from .meeting_page import agenda_items, agenda_with_times


def _with_support(topics, user):
    """Each topic with ``support_count``, ``comment_count`` and ``supported`` (by the person),
    ranked by support, then oldest first. Still one query."""
    return topics.annotate(
        support_count=Count("supports", distinct=True),
        comment_count=Count("comments", distinct=True),
        supported=Exists(TopicSupport.objects.filter(topic=OuterRef("pk"), user_id=user.pk)),
    ).order_by("-support_count", "created_at", "pk")


def visible_topics(user, meeting: Meeting, *, see_all: bool):
    """The meeting's topic proposals the person sees: all (``see_all``: the coordination, or
    invited members when topics are collected in the open) or their own. Lazy."""
    topics = meeting.topic_proposals.all()
    return topics if see_all else topics.filter(proposed_by_id=user.pk)


def topic_proposals(user, meeting: Meeting, *, manage: bool, see_all: bool = False) -> dict:
    """``proposals``: the meeting's topic proposals the person sees, ranked by support;
    ``deferred``: for managers, the network's topics deferred at other meetings.
    Lazy; one query each."""
    proposals = _with_support(
        visible_topics(user, meeting, see_all=see_all or manage), user
    ).select_related("proposed_by", "organisation")
    if not manage:
        return {"proposals": proposals, "deferred": []}
    deferred = (
        TopicProposal.objects.filter(network=meeting.network, status=TopicProposal.Status.DEFERRED)
        .exclude(meeting=meeting)
        .select_related("proposed_by", "organisation", "meeting")
    )
    return {"proposals": proposals, "deferred": deferred}


def topic_page(topic: TopicProposal, user) -> dict:
    """One topic with its support and its comments (author and organisation). Two queries."""
    topic = _with_support(TopicProposal.objects.filter(pk=topic.pk), user).select_related(
        "proposed_by", "organisation"
    )[0]
    comments = topic.comments.select_related("author", "organisation")
    return {"topic": topic, "comments": list(comments)}


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
