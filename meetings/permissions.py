"""Who may see and do what around a meeting. Every check about meetings lives here.

Visibility — including the case-conference rule — is ``Meeting.objects.visible_to(user)``
(meetings/models.py); every check here builds on it and on the person's organisations and
networks from ``providers.access`` and ``network.access`` (computed once per request).
``get_meeting_for`` and ``get_poll_for`` are the one way views get a meeting or a poll.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from core.audit import audit_log
from core.permissions import is_site_admin
from core.request_cache import remembered
from network.access import (
    coordinated_network_ids,
    is_coordinator,
    member_network_ids,
    member_networks_with_parents,
)
from network.models import Membership
from network.tree import with_subnetworks
from providers.access import admin_organisation_ids, organisation_ids

from .models import DatePoll, Invitation, Meeting, PollInvitation, Registration

VIEW = "view"
MANAGE = "manage"


def can_view_meeting(user, meeting: Meeting) -> bool:
    return Meeting.objects.visible_to(user).filter(pk=meeting.pk).exists()


def can_manage_meeting(user, meeting: Meeting) -> bool:
    """Coordinators of the network (or a parent network), site admins and the contact person."""
    if not user.is_authenticated:
        return False
    if meeting.contact_person_id == user.pk:
        return True
    return is_coordinator(user, meeting.network)


def is_invited(user, meeting: Meeting) -> bool:
    return (
        user.is_authenticated
        and Invitation.objects.filter(meeting=meeting, user_id=user.pk).exists()
    )


def audience_organisation_ids_for(user, meeting: Meeting) -> list[int]:
    """The person's organisations that belong to the meeting's audience (best first)."""
    own = organisation_ids(user)
    if not own or meeting.audience == Meeting.Audience.PUBLIC:
        return own

    def compute() -> list[int]:
        network_ids = {meeting.network_id}
        if meeting.audience == Meeting.Audience.WITH_SUBNETWORKS:
            network_ids = with_subnetworks(network_ids)
        members = set(
            Membership.objects.filter(
                network_id__in=network_ids,
                status=Membership.Status.ACTIVE,
                organisation_id__in=own,
            )
            .order_by()
            .values_list("organisation_id", flat=True)
        )
        return [org_id for org_id in own if org_id in members]

    # Asked up to three times per meeting page (register, colleagues, topics): once per request.
    key = f"meetings.audience:{meeting.pk}:{meeting.network_id}:{meeting.audience}"
    return remembered(user, key, compute)


def is_in_audience(user, meeting: Meeting) -> bool:
    if meeting.is_case_conference:
        return is_invited(user, meeting)
    return bool(audience_organisation_ids_for(user, meeting)) or is_invited(user, meeting)


def registration_is_open(meeting: Meeting) -> bool:
    now = timezone.now()
    return (
        meeting.status == Meeting.Status.PUBLISHED
        and meeting.start > now
        and (meeting.registration_deadline is None or meeting.registration_deadline > now)
    )


def can_register(user, meeting: Meeting) -> bool:
    """May register themselves now: published, before the deadline, in the audience."""
    if not user.is_authenticated or not registration_is_open(meeting):
        return False
    return is_in_audience(user, meeting)


def can_register_colleagues(user, meeting: Meeting) -> bool:
    """Organisation admins whose organisation is in the audience (never for case conferences)."""
    if meeting.is_case_conference or not registration_is_open(meeting):
        return False
    admin_ids = admin_organisation_ids(user)
    return bool(admin_ids & set(audience_organisation_ids_for(user, meeting)))


def can_cancel_registration(user, registration: Registration) -> bool:
    if not user.is_authenticated:
        return False
    if registration.user_id == user.pk or registration.registered_by_id == user.pk:
        return True
    if registration.organisation_id in admin_organisation_ids(user):
        return True
    return can_manage_meeting(user, registration.meeting)


def can_propose_topic(user, meeting: Meeting) -> bool:
    """Members of the audience, before the topic deadline (or the start)."""
    if meeting.is_case_conference or meeting.status not in (
        Meeting.Status.DRAFT,
        Meeting.Status.PUBLISHED,
    ):
        return False
    deadline = meeting.topic_deadline or meeting.start
    if deadline <= timezone.now():
        return False
    return can_manage_meeting(user, meeting) or bool(audience_organisation_ids_for(user, meeting))


def can_see_all_topics(user, meeting: Meeting) -> bool:
    """Everyone's topic proposals: the coordination; and the invited members when the
    meeting collects topics in the open. Others see their own proposals only; case
    conferences have none."""
    if meeting.is_case_conference or not user.is_authenticated:
        return False
    if can_manage_meeting(user, meeting):
        return True
    return meeting.topics_open and is_in_audience(user, meeting)


def can_support_topics(user, meeting: Meeting) -> bool:
    """One-click support: in the open, before the meeting starts."""
    return (
        meeting.topics_open
        and meeting.status in (Meeting.Status.DRAFT, Meeting.Status.PUBLISHED)
        and not meeting.has_started
        and can_see_all_topics(user, meeting)
    )


def can_read_minutes(user, meeting: Meeting) -> bool:
    if can_manage_meeting(user, meeting):
        return True
    return meeting.minutes_published_at is not None and can_view_meeting(user, meeting)


def attended_or_registered(user, meeting: Meeting) -> bool:
    """Took part: marked as attended, or registered while attendance was not recorded."""
    if not user.is_authenticated:
        return False
    return (
        Registration.objects.filter(
            meeting=meeting, user_id=user.pk, status=Registration.Status.REGISTERED
        )
        .exclude(attended=False)
        .exists()
    )


def can_give_feedback(user, meeting: Meeting) -> bool:
    return (
        meeting.has_ended
        and meeting.status in (Meeting.Status.PUBLISHED, Meeting.Status.HELD)
        and attended_or_registered(user, meeting)
    )


def can_manage_poll(user, poll) -> bool:
    return is_coordinator(user, poll.network)


def visible_polls(user):
    """Date polls the person may know about, by the meetings' audience rule: coordinators of
    the network (or a parent network); everyone asked; for a poll to a network, the members
    of the network (and of its sub-networks when the poll includes them). A poll to a
    working group or chosen people is seen by those asked only."""
    if not user.is_authenticated:
        return DatePoll.objects.none()
    if is_site_admin(user):
        return DatePoll.objects.all()
    asked = Q(pk__in=PollInvitation.objects.filter(user_id=user.pk).values("poll_id"))
    in_audience = Q(
        audience__in=[DatePoll.Audience.NETWORK, DatePoll.Audience.WITH_SUBNETWORKS],
        network_id__in=member_network_ids(user),
    ) | Q(
        audience=DatePoll.Audience.WITH_SUBNETWORKS,
        network_id__in=member_networks_with_parents(user),
    )
    return DatePoll.objects.filter(
        Q(network_id__in=coordinated_network_ids(user)) | asked | in_audience
    )


def can_view_poll(user, poll) -> bool:
    return visible_polls(user).filter(pk=poll.pk).exists()


def can_answer_poll(user, poll, *, known_visible: bool = False) -> bool:
    """An open poll the person may see. ``known_visible``: the caller got the poll through
    ``get_poll_for`` in this request, which already checked visibility (no second query)."""
    return poll.is_open and (known_visible or can_view_poll(user, poll))


# --- The one way views get a meeting or a poll ----------------------------------------------


def get_meeting_for(request, pk: int, *, action: str = VIEW) -> Meeting:
    """The meeting, or 404 if the user must not know it, or 403 if they may not ``manage`` it.

    Every look at a case conference is written to the audit log.
    """
    meeting = (
        Meeting.objects.visible_to(request.user)
        .select_related("network", "contact_person", "working_group", "series")
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    if action == MANAGE and not can_manage_meeting(request.user, meeting):
        raise PermissionDenied
    if meeting.is_case_conference and request.method == "GET":
        audit_log(
            actor=request.user,
            action="meeting.case_conference_viewed",
            target=meeting,
            network_id=meeting.network_id,
            request=request,
            path=request.path,
        )
    return meeting


def get_poll_for(request, pk: int, *, action: str = VIEW) -> DatePoll:
    poll = (
        visible_polls(request.user)
        .select_related("network", "meeting", "chosen_slot", "working_group")
        .filter(pk=pk)
        .first()
    )
    if poll is None:
        raise Http404
    if action == MANAGE and not can_manage_poll(request.user, poll):
        raise PermissionDenied
    return poll
