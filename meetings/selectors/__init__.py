"""Reads about meetings: what the pages and other apps show. Views call one of these for what
a page shows; services write.

Every list of meetings starts from ``Meeting.objects.visible_to(user)``, the one visibility
rule (case conferences included), or from a meeting the view got through ``get_meeting_for``.
Docstrings state the query cost where a page depends on it.

- ``lists``: my meetings, the coordinator's list, the network's public meetings
- ``meeting_page``: the meeting page (own registration, seats, agenda, measures)
- ``registration``: participants, colleagues, invitations, the RSVP page
- ``agenda``: topic proposals and the agenda
- ``minutes``: minutes, measures, feedback
- ``polls``: date polls and their tally
- ``calendar``: the personal calendar feed
- ``people``: the people and organisations the forms offer to choose from
"""

from .agenda import (
    agenda_context,
    decidable_topics,
    meeting_agenda_items,
    topic_page,
    topic_proposals,
    visible_topics,
)
from .calendar import feed_meetings, feed_owner
from .lists import (
    MANAGE_TABS,
    managed_meetings,
    may_schedule,
    my_meetings_context,
    network_meetings_pdf_section,
    network_meetings_section,
    upcoming_public_meetings,
)
from .meeting_page import (
    active_registration,
    agenda_items,
    agenda_with_times,
    meeting_detail_context,
    meeting_measures,
    seat_counts,
)
from .minutes import feedback_summary, minutes_sheet, network_measures, own_feedback
from .people import (
    AudiencePreview,
    audience_preview,
    colleagues,
    contact_details,
    invitable_people,
    invitation_counts,
    network_by_id,
    network_organisations,
    network_people,
    organisation_of_colleague,
    picker_people,
    walk_in_candidates,
)
from .polls import (
    PollResponses,
    PollTally,
    overview_polls,
    poll_candidates,
    poll_invitations,
    poll_page,
    poll_responses,
    poll_slots,
    poll_tally,
    polls_to_list,
    rank_slots,
)
from .registration import (
    colleague_organisation_ids,
    meeting_invitations,
    participants_context,
    registrations_with_meeting,
    rsvp_context,
)

__all__ = [
    "topic_page",
    "visible_topics",
    "AudiencePreview",
    "audience_preview",
    "contact_details",
    "invitation_counts",
    "MANAGE_TABS",
    "PollTally",
    "active_registration",
    "agenda_context",
    "agenda_items",
    "agenda_with_times",
    "colleague_organisation_ids",
    "colleagues",
    "decidable_topics",
    "feed_meetings",
    "feed_owner",
    "feedback_summary",
    "invitable_people",
    "managed_meetings",
    "may_schedule",
    "meeting_agenda_items",
    "meeting_detail_context",
    "meeting_invitations",
    "meeting_measures",
    "minutes_sheet",
    "my_meetings_context",
    "network_measures",
    "network_meetings_pdf_section",
    "network_meetings_section",
    "network_organisations",
    "network_by_id",
    "network_people",
    "picker_people",
    "organisation_of_colleague",
    "own_feedback",
    "participants_context",
    "polls_to_list",
    "overview_polls",
    "poll_responses",
    "poll_invitations",
    "poll_candidates",
    "poll_page",
    "PollResponses",
    "rank_slots",
    "poll_slots",
    "poll_tally",
    "registrations_with_meeting",
    "rsvp_context",
    "seat_counts",
    "topic_proposals",
    "upcoming_public_meetings",
    "walk_in_candidates",
]
