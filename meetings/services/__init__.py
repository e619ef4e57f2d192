"""Everything that changes meetings, by area. Each function is one business operation in one
transaction, named ``<entity>_<action>``, with the acting person as ``by=``. What other apps
should react to is announced through ``meetings.events`` inside the transaction.

- ``scheduling``: create, publish, change, cancel, next date of a series
- ``invitations``: who is invited (the audience, named people, new members)
- ``registration``: seats and the waiting list
- ``agenda``: topic proposals and agenda items
- ``minutes``: attendance, minutes, measures, feedback
- ``polls``: date polls
"""

from .agenda import (
    agenda_add_review_items,
    agenda_item_add,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_update,
    agenda_publish,
    topic_comment_add,
    topic_decide,
    topic_propose,
    topic_support_toggle,
)
from .errors import MeetingError
from .invitations import invitation_add
from .minutes import (
    attendance_record_walk_in,
    feedback_give,
    minutes_measure_add,
    minutes_publish,
    minutes_save,
)
from .polls import poll_answer, poll_close, poll_create, poll_link_revoke, poll_to_meeting
from .registration import registration_cancel, registration_decline, registration_register
from .scheduling import (
    meeting_cancel,
    meeting_create,
    meeting_create_next,
    meeting_publish,
    meeting_update,
    next_start,
    template_for,
)

__all__ = [
    "MeetingError",
    "agenda_add_review_items",
    "agenda_publish",
    "agenda_item_add",
    "agenda_item_delete",
    "agenda_item_move",
    "agenda_item_update",
    "attendance_record_walk_in",
    "feedback_give",
    "invitation_add",
    "meeting_cancel",
    "meeting_create",
    "meeting_create_next",
    "meeting_publish",
    "meeting_update",
    "minutes_measure_add",
    "minutes_publish",
    "minutes_save",
    "next_start",
    "poll_answer",
    "poll_close",
    "poll_create",
    "poll_link_revoke",
    "poll_to_meeting",
    "registration_cancel",
    "registration_decline",
    "registration_register",
    "template_for",
    "topic_comment_add",
    "topic_decide",
    "topic_propose",
    "topic_support_toggle",
]
