"""The meetings app's models, by area; import them from ``meetings.models``."""

from .agenda import AgendaItem, Feedback, TopicComment, TopicProposal, TopicSupport
from .meeting import (
    CASE_CONFERENCE_FIELDS,
    EDITABLE_FIELDS,
    TIME_AND_PLACE_FIELDS,
    Meeting,
    MeetingKind,
    MeetingQuerySet,
    MeetingSeries,
    MeetingTemplate,
    default_reminder_offsets,
)
from .participation import Invitation, Registration
from .polls import (
    POLL_TIME_ZONE,
    POLL_TIME_ZONE_NAME,
    DatePoll,
    DatePollAnswer,
    DatePollSlot,
    PollInvitation,
)

__all__ = [
    "CASE_CONFERENCE_FIELDS",
    "EDITABLE_FIELDS",
    "TIME_AND_PLACE_FIELDS",
    "AgendaItem",
    "DatePoll",
    "DatePollAnswer",
    "DatePollSlot",
    "Feedback",
    "Invitation",
    "Meeting",
    "MeetingKind",
    "MeetingQuerySet",
    "MeetingSeries",
    "MeetingTemplate",
    "POLL_TIME_ZONE",
    "POLL_TIME_ZONE_NAME",
    "PollInvitation",
    "Registration",
    "TopicComment",
    "TopicProposal",
    "TopicSupport",
    "default_reminder_offsets",
]
