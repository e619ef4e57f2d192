"""Reads about circulars: their audience, the archive of a network, the network page's link."""

from django.contrib.auth import get_user_model

from meetings.models import Meeting, MeetingKind, Registration
from network.access import member_networks_with_parents
from network.models import Membership, Network, WorkingGroup
from network.selectors import audience_representatives
from network.tree import subtree_subquery
from providers.models import OrganisationMember

from . import permissions
from .models import Circular, CircularOptOut, NetworkCircularSettings


def is_mandatory(network: Network) -> bool:
    """One query: may this network's circulars be switched off?"""
    return NetworkCircularSettings.objects.filter(network=network, mandatory=True).exists()


def mandatory_network_ids(network_ids) -> set[int]:
    return set(
        NetworkCircularSettings.objects.filter(
            network_id__in=list(network_ids), mandatory=True
        ).values_list("network_id", flat=True)
    )


def opted_out_network_ids(user) -> set[int]:
    return set(CircularOptOut.objects.filter(user=user).values_list("network_id", flat=True))


def meetings_to_address(network: Network):
    """Meetings whose registrants a circular of ``network`` may address: the network's own
    and its sub-networks' announced meetings, never case conferences (their participants
    talk through the meeting, nowhere else)."""
    return (
        Meeting.objects.filter(
            network_id__in=subtree_subquery(network.pk), status__in=Meeting.ANNOUNCED
        )
        .exclude(kind=MeetingKind.CASE_CONFERENCE)
        .order_by("-start")
    )


def working_groups_to_address(network: Network):
    return WorkingGroup.objects.filter(network=network).order_by("name")


def _organisation_of(user_ids, network: Network) -> dict[int, int]:
    """person → an organisation of theirs that is an active member of the network (lowest id)."""
    people: dict[int, int] = {}
    for user_id, organisation_id in (
        OrganisationMember.objects.filter(
            user_id__in=list(user_ids),
            organisation__network_memberships__network_id__in=subtree_subquery(network.pk),
            organisation__network_memberships__status=Membership.Status.ACTIVE,
        )
        .order_by("user_id", "organisation_id")
        .values_list("user_id", "organisation_id")
    ):
        people.setdefault(user_id, organisation_id)
    return people


def circular_audience(
    *, network: Network, audience: str, working_group=None, meeting=None
) -> dict[int, int | None]:
    """person (user id) → organisation, for everyone the circular would reach, without the
    people who switched this network's circulars off (unless the network made them
    mandatory). A handful of queries, independent of the number of people."""
    Audience = Circular.Audience
    if audience in (Audience.NETWORK, Audience.WITH_SUBNETWORKS):
        people: dict[int, int | None] = dict(
            audience_representatives(
                network, include_subnetworks=audience == Audience.WITH_SUBNETWORKS
            )
        )
    elif audience == Audience.WORKING_GROUP:
        if working_group is None:
            return {}
        user_ids = list(working_group.members.filter(is_active=True).values_list("pk", flat=True))
        organisations = _organisation_of(user_ids, network)
        people = {user_id: organisations.get(user_id) for user_id in user_ids}
    elif audience == Audience.MEETING:
        if meeting is None or meeting.is_case_conference:
            return {}
        people = {}
        for user_id, organisation_id in (
            Registration.objects.filter(
                meeting=meeting,
                user__is_active=True,
                status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            )
            .order_by("user_id")
            .values_list("user_id", "organisation_id")
        ):
            people.setdefault(user_id, organisation_id)
    else:
        return {}
    if people and not is_mandatory(network):
        opted_out = set(
            CircularOptOut.objects.filter(network=network, user_id__in=list(people)).values_list(
                "user_id", flat=True
            )
        )
        people = {k: v for k, v in people.items() if k not in opted_out}
    return people


def audience_summary(people: dict[int, int | None]) -> dict:
    """How many people from how many organisations; the people by name (for the preview)."""
    users = get_user_model().objects.filter(pk__in=list(people)).order_by("name", "email")
    return {
        "people_count": len(people),
        "organisation_count": len({o for o in people.values() if o is not None}),
        "people": users,
    }


def archive(user, network: Network):
    """Sent circulars the person may read, newest first (lazy; paginated by the view)."""
    return (
        permissions.visible_circulars(user, network)
        .select_related("created_by")
        .order_by("-sent_at", "-pk")
    )


def drafts(user, network: Network):
    if not permissions.can_write_circulars(user, network):
        return Circular.objects.none()
    return Circular.objects.filter(network=network, status=Circular.Status.DRAFT).order_by(
        "-created_at"
    )


def network_circulars_section(*, user, network: Network) -> dict | None:
    """The network page: a link to the archive and the latest circulars, for those who may
    read them. One query for members (the latest three; their links use the page's network
    instead of loading it again), none for everybody else."""
    if not permissions.can_read_archive(user, network):
        return None
    latest = list(archive(user, network)[:3])
    for circular in latest:
        circular.network = network
    return {
        "network": network,
        "latest": latest,
        "can_write": permissions.can_write_circulars(user, network),
    }


def circulars_for_settings(user) -> list[dict]:
    """The networks whose circulars can reach the person, each with its switch: on/off and
    whether the network made them mandatory. Three queries."""
    network_ids = member_networks_with_parents(user)
    if not network_ids:
        return []
    mandatory = mandatory_network_ids(network_ids)
    opted_out = opted_out_network_ids(user)
    return [
        {
            "network": network,
            "receives": network.pk not in opted_out or network.pk in mandatory,
            "mandatory": network.pk in mandatory,
        }
        for network in Network.objects.filter(pk__in=network_ids).order_by("name")
    ]


def new_circulars_for(user, *, since):
    """Sent circulars the person received since ``since``, newest first (lazy)."""
    return (
        Circular.objects.filter(
            status=Circular.Status.SENT,
            sent_at__gte=since,
            recipients__user_id=user.pk,
        )
        .select_related("network")
        .order_by("-sent_at", "-pk")
    )
