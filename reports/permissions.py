"""Who may see a report, an attendance list, a certificate or a printable paper.

Built on the network and meeting rules below: ``network.permissions.get_network_for``,
``meetings.permissions.get_meeting_for`` (the meeting visibility rule, case conferences
included) and ``network.access.is_coordinator``.
"""

from django.http import Http404

from meetings.models import Meeting
from meetings.permissions import can_read_minutes, get_meeting_for
from network.access import is_coordinator
from network.permissions import get_network_for

COORDINATE = "coordinate"


def get_network_for_report(request, slug: str):
    """The network for its report: coordinators only (404 if the network is hidden from the
    person, 403 if they see it but do not coordinate it)."""
    return get_network_for(request, slug, action=COORDINATE)


def coordinates_meeting(user, meeting: Meeting) -> bool:
    return is_coordinator(user, meeting.network)


def get_meeting_for_coordinator(request, pk: int) -> Meeting:
    """Attendance lists and certificates in bulk: coordinators of the meeting's network (or a
    parent network) only; 404 for everybody else."""
    meeting = get_meeting_for(request, pk)
    if not coordinates_meeting(request.user, meeting):
        raise Http404
    return meeting


def may_print_invitation(user, meeting: Meeting) -> bool:
    """The printable invitation: whoever sees the meeting (never a case conference's)."""
    return not meeting.is_case_conference and meeting.status != Meeting.Status.DRAFT


def get_meeting_for_invitation(request, pk: int) -> Meeting:
    meeting = get_meeting_for(request, pk)
    if meeting.is_case_conference or (
        meeting.status == Meeting.Status.DRAFT and not coordinates_meeting(request.user, meeting)
    ):
        raise Http404
    return meeting


def may_print_minutes(user, meeting: Meeting) -> bool:
    return (
        not meeting.is_case_conference
        and meeting.has_started
        and meeting.status != Meeting.Status.CANCELLED
        and can_read_minutes(user, meeting)
    )


def get_meeting_for_minutes(request, pk: int) -> Meeting:
    meeting = get_meeting_for(request, pk)
    if not may_print_minutes(request.user, meeting):
        raise Http404
    return meeting


def certificates_available(meeting: Meeting) -> bool:
    return (
        meeting.certifiable
        and not meeting.is_case_conference
        and meeting.has_started
        and meeting.status in (Meeting.Status.PUBLISHED, Meeting.Status.HELD)
    )
