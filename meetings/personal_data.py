"""What the meetings app holds about a person (see ``core.privacy``).

Erasure empties the free text only the person wrote (registration notes may name health or
dietary needs; feedback comments may name people); the rows stay, without the person, so
counts per organisation and ratings remain.
"""

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import (
    DatePoll,
    DatePollAnswer,
    Feedback,
    Invitation,
    Meeting,
    PollInvitation,
    Registration,
    TopicComment,
    TopicProposal,
    TopicSupport,
)


def _empty_registration_notes(user, emails) -> None:
    Registration.objects.filter(user=user).update(notes="")


def _empty_feedback_comments(user, emails) -> None:
    Feedback.objects.filter(user=user).update(comment="")


def _empty_topic_comments(user, emails) -> None:
    TopicComment.objects.filter(author=user).update(text="")


def _empty_poll_comments(user, emails) -> None:
    PollInvitation.objects.filter(user=user).update(comment="")


def register() -> None:
    for name, model, lookups, erase in [
        ("meetings.meeting", Meeting, ("contact_person", "created_by"), None),
        ("meetings.invitation", Invitation, ("user",), None),
        (
            "meetings.registration",
            Registration,
            ("user", "registered_by"),
            _empty_registration_notes,
        ),
        ("meetings.topicproposal", TopicProposal, ("proposed_by",), None),
        ("meetings.topicsupport", TopicSupport, ("user",), None),
        ("meetings.topiccomment", TopicComment, ("author",), _empty_topic_comments),
        ("meetings.feedback", Feedback, ("user",), _empty_feedback_comments),
        ("meetings.datepoll", DatePoll, ("created_by",), None),
        ("meetings.datepollanswer", DatePollAnswer, ("user",), None),
        ("meetings.pollinvitation", PollInvitation, ("user",), _empty_poll_comments),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups), erase))
