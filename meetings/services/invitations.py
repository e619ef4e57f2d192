"""Who is invited to a meeting. Each invitation is written once, with the organisation the
person represents; the invitation mails follow from the events (``meetings.events``).

- Publishing invites the audience: the representatives and deputies of the network's active
  member organisations (and of its sub-networks when the meeting addresses them).
- Case conferences invite only the people named for them (``invitation_add``).
- An organisation that joins a network later, or a person named its representative later, is
  invited to the upcoming published meetings that address them (``invite_representatives``).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.audit import audit_log
from network.models import Membership, Network, WorkingGroup
from network.selectors import (
    audience_organisation_ids,
    audience_representatives,
    membership_representatives,
)
from network.tree import ancestor_ids
from providers.access import organisation_ids
from providers.models import OrganisationMember

from .. import events
from ..models import DatePoll, Invitation, Meeting, MeetingKind


def audience_people(
    network: Network,
    *,
    include_subnetworks: bool = False,
    working_group: WorkingGroup | None = None,
    user_ids=None,
) -> dict[int, int | None]:
    """THE audience rule of meetings and date polls: person (user id) → the organisation
    they take part for.

    - a network, with or without its sub-networks: the active representatives and deputies
      of the member organisations (one query);
    - a working group: its members; chosen people (``user_ids``): those people. Each with
      the organisation that is a member of the network, else their first one (two queries).
    """
    if user_ids is None and working_group is None:
        return audience_representatives(network, include_subnetworks=include_subnetworks)
    if user_ids is None:
        user_ids = working_group.members.values_list("pk", flat=True)
    members = audience_organisation_ids(network, include_subnetworks=True)
    people: dict[int, int | None] = {}
    for user_id, organisation_id in (
        OrganisationMember.objects.filter(user_id__in=list(user_ids), user__is_active=True)
        .order_by("user_id", "organisation_id")
        .values_list("user_id", "organisation_id")
    ):
        if user_id not in people or (people[user_id] not in members and organisation_id in members):
            people[user_id] = organisation_id
    # Chosen people without an organisation (a coordinator, say) are asked all the same.
    active = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True)
    for user_id in active.values_list("pk", flat=True):
        people.setdefault(user_id, None)
    return people


def audience_of(meeting: Meeting) -> dict[int, int | None]:
    """person (user id) → organisation they represent, for the meeting's audience.

    A meeting made from a date poll that asked a working group or chosen people invites the
    people the poll asked (the poll's audience is the meeting's)."""
    poll = (
        DatePoll.objects.filter(
            meeting=meeting,
            audience__in=[DatePoll.Audience.WORKING_GROUP, DatePoll.Audience.PEOPLE],
        )
        .only("pk")
        .first()
    )
    if poll is not None:
        return dict(poll.invitations.values_list("user_id", "organisation_id"))
    return audience_people(
        meeting.network,
        include_subnetworks=meeting.audience == Meeting.Audience.WITH_SUBNETWORKS,
    )


def publication_invitees(meeting: Meeting) -> dict[int, int | None]:
    """person (user id) → organisation: everyone publishing the meeting invites (and mails).
    The people already named for it, and, except for case conferences, its audience. The
    publish confirmation counts these; ``meeting_publish`` writes them. Two queries."""
    people = dict(
        Invitation.objects.filter(meeting=meeting, user__isnull=False)
        .order_by("user_id")
        .values_list("user_id", "organisation_id")
    )
    if not meeting.is_case_conference:
        for user_id, organisation_id in audience_of(meeting).items():
            people.setdefault(user_id, organisation_id)
    return people


def invitations_write(*, meeting: Meeting, people: dict[int, int | None]) -> list[int]:
    """Invite the people (user id → organisation id) not invited yet; returns their ids."""
    if not people:
        return []
    invited = set(
        Invitation.objects.filter(meeting=meeting, user_id__in=list(people)).values_list(
            "user_id", flat=True
        )
    )
    new = [user_id for user_id in people if user_id not in invited]
    Invitation.objects.bulk_create(
        [
            Invitation(meeting=meeting, user_id=user_id, organisation_id=people[user_id])
            for user_id in new
        ],
        batch_size=500,
    )
    return new


@transaction.atomic
def invitation_add(*, meeting: Meeting, by, users) -> int:
    """Invite named people (case conferences); returns how many were new.

    Once the meeting is published, the newly named get their invitation mail right away.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    people = {user.pk: _first_organisation_id(user) for user in users}
    new = invitations_write(meeting=meeting, people=people)
    if new:
        audit_log(
            actor=by,
            action="meeting.invited",
            target=meeting,
            network_id=meeting.network_id,
            people=new,
        )
        if meeting.status == Meeting.Status.PUBLISHED:
            events.invitations_added.send_event(meeting=meeting, user_ids=new)
    return len(new)


def _first_organisation_id(user) -> int | None:
    own = organisation_ids(user)
    return own[0] if own else None


def invite_representatives(*, membership: Membership, people: dict[int, int]) -> None:
    """Invite representatives of a member organisation to the upcoming published meetings
    that address it: those of its network, and those of parent networks that include their
    sub-networks. Case conferences invite named people only."""
    if not people or membership.status != Membership.Status.ACTIVE:
        return
    addressed = Q(network_id=membership.network_id) | Q(
        network_id__in=ancestor_ids(membership.network),
        audience=Meeting.Audience.WITH_SUBNETWORKS,
    )
    upcoming = (
        Meeting.objects.filter(addressed, status=Meeting.Status.PUBLISHED, start__gt=timezone.now())
        .exclude(kind=MeetingKind.CASE_CONFERENCE)
        .select_related("network", "contact_person")
    )
    for meeting in upcoming:
        new = invitations_write(meeting=meeting, people=people)
        if new:
            events.invitations_added.send_event(meeting=meeting, user_ids=new)


def on_membership_accepted(sender, *, membership, **kwargs) -> None:
    """network.events.membership_accepted: the new member's representatives are invited."""
    invite_representatives(membership=membership, people=membership_representatives(membership))


def on_representative_added(sender, *, representative, **kwargs) -> None:
    """network.events.representative_added: the newly named person is invited."""
    membership = representative.membership
    people = {representative.person.user_id: membership.organisation_id}
    invite_representatives(membership=membership, people=people)
