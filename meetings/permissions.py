"""Who may see and do what around a meeting. Every check about meetings lives here.

Visibility (``visible_meetings_q`` / ``can_view_meeting``):
- coordinators of the network (or of a parent network), the contact person and site admins
  see every meeting, drafts included;
- case conferences: besides those, only invited people — everyone else must not know they exist;
- other published, cancelled or held meetings: everyone if the audience is public or the
  network's profile is public; otherwise members of the network (and of its sub-networks when
  the audience includes them), invited and registered people.
"""

from django.db.models import Q
from django.utils import timezone

from network.models import Membership, Network
from network.permissions import is_coordinator, is_site_admin, member_network_ids
from providers.models import OrganisationMember

from .models import Invitation, Meeting, MeetingKind, Registration

ANNOUNCED = (Meeting.Status.PUBLISHED, Meeting.Status.CANCELLED, Meeting.Status.HELD)


def _with_descendants(ids: set[int]) -> set[int]:
    """The networks and all their sub-networks, one query per level."""
    found, frontier = set(ids), set(ids)
    while frontier:
        frontier = set(
            Network.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        found |= frontier
    return found


def _with_ancestors(ids: set[int]) -> set[int]:
    """The networks and all their parents, one query per level."""
    found, frontier = set(ids), set(ids)
    while frontier:
        frontier = {
            parent_id
            for parent_id in Network.objects.filter(pk__in=frontier).values_list(
                "parent_id", flat=True
            )
            if parent_id and parent_id not in found
        }
        found |= frontier
    return found


def coordinated_network_ids(user) -> set[int]:
    """Networks the user coordinates, directly or as coordinator of a parent network."""
    if not user.is_authenticated:
        return set()
    # Asked several times per request (lists, visibility): remembered on the user object.
    cached = getattr(user, "_coordinated_network_ids", None)
    if cached is not None:
        return cached
    direct = set(
        Network.coordinators.through.objects.filter(user_id=user.pk).values_list(
            "network_id", flat=True
        )
    )
    user._coordinated_network_ids = _with_descendants(direct) if direct else set()
    return user._coordinated_network_ids


def visible_meetings_q(user) -> Q:
    public = Q(audience=Meeting.Audience.PUBLIC) | Q(network__visibility=Network.Visibility.PUBLIC)
    announced = Q(status__in=ANNOUNCED)
    not_case = ~Q(kind=MeetingKind.CASE_CONFERENCE)
    if not user.is_authenticated:
        return announced & not_case & public
    if is_site_admin(user):
        return Q()
    managed = Q(network_id__in=coordinated_network_ids(user)) | Q(contact_person_id=user.pk)
    invited = Q(pk__in=Invitation.objects.filter(user_id=user.pk).values("meeting_id"))
    registered = Q(
        pk__in=Registration.objects.filter(user_id=user.pk)
        .exclude(status=Registration.Status.CANCELLED)
        .values("meeting_id")
    )
    member_ids = member_network_ids(user)
    in_audience = Q(network_id__in=member_ids)
    if member_ids:
        in_audience |= Q(
            audience=Meeting.Audience.WITH_SUBNETWORKS, network_id__in=_with_ancestors(member_ids)
        )
    return (
        managed
        | (announced & not_case & (public | in_audience | invited | registered))
        | (announced & Q(kind=MeetingKind.CASE_CONFERENCE) & invited)
    )


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
    """The user's organisations that belong to the meeting's audience (best first)."""
    if not user.is_authenticated:
        return []
    own = list(
        OrganisationMember.objects.filter(user_id=user.pk)
        .order_by("joined_at", "pk")
        .values_list("organisation_id", flat=True)
    )
    if meeting.audience == Meeting.Audience.PUBLIC:
        return own
    network_ids = {meeting.network_id}
    if meeting.audience == Meeting.Audience.WITH_SUBNETWORKS:
        network_ids = _with_descendants(network_ids)
    members = set(
        Membership.objects.filter(
            network_id__in=network_ids,
            status=Membership.Status.ACTIVE,
            organisation_id__in=own,
        ).values_list("organisation_id", flat=True)
    )
    return [org_id for org_id in own if org_id in members]


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


def admin_organisation_ids(user) -> list[int]:
    if not user.is_authenticated:
        return []
    return list(
        OrganisationMember.objects.filter(
            user_id=user.pk, role=OrganisationMember.Role.ADMIN
        ).values_list("organisation_id", flat=True)
    )


def can_register_colleagues(user, meeting: Meeting) -> bool:
    """Organisation admins whose organisation is in the audience (never for case conferences)."""
    if meeting.is_case_conference or not registration_is_open(meeting):
        return False
    admin_ids = set(admin_organisation_ids(user))
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


def polls_visible_q(user) -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    if is_site_admin(user):
        return Q()
    return Q(network_id__in=coordinated_network_ids(user) | member_network_ids(user))


def can_view_poll(user, poll) -> bool:
    if not user.is_authenticated:
        return False
    return is_coordinator(user, poll.network) or poll.network_id in member_network_ids(user)


def can_answer_poll(user, poll) -> bool:
    return poll.status == poll.Status.OPEN and can_view_poll(user, poll)
