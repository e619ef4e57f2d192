"""The people and organisations the meeting forms offer to choose from.

Each is a lazy queryset of one query (its sub-selects included), ordered for a picker.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from network.models import Membership, Network
from providers.models import Organisation, OrganisationMember

from ..models import Meeting, Registration


def network_people(network: Network):
    """People of the network's active member organisations and its coordinators."""
    organisation_ids = Membership.objects.filter(
        network=network, status=Membership.Status.ACTIVE
    ).values("organisation_id")
    return (
        get_user_model()
        .objects.filter(
            Q(organisation_memberships__organisation_id__in=organisation_ids)
            | Q(coordinated_networks=network),
            is_active=True,
        )
        .distinct()
        .order_by("name", "email")
    )


def network_organisations(network: Network):
    """The network's active member organisations, by name."""
    return Organisation.objects.filter(
        network_memberships__network=network,
        network_memberships__status=Membership.Status.ACTIVE,
    ).order_by("name")


def invitable_people(meeting: Meeting):
    """People of the meeting's network who are not invited yet."""
    return network_people(meeting.network).exclude(pk__in=meeting.invitations.values("user_id"))


def walk_in_candidates(meeting: Meeting):
    """People of the meeting's network who are not registered: those who may have come
    without registering."""
    registered = meeting.registrations.filter(status=Registration.Status.REGISTERED).values(
        "user_id"
    )
    return network_people(meeting.network).exclude(pk__in=registered)


def colleagues(organisation_ids):
    """Active people of the given organisations (an organisation admin's colleagues)."""
    return (
        get_user_model()
        .objects.filter(
            organisation_memberships__organisation_id__in=organisation_ids, is_active=True
        )
        .distinct()
        .order_by("name", "email")
    )


def organisation_of_colleague(user, organisation_ids) -> Organisation | None:
    """The first of the given organisations the person works for: one query."""
    membership = (
        OrganisationMember.objects.filter(user=user, organisation_id__in=organisation_ids)
        .select_related("organisation")
        .first()
    )
    return membership.organisation if membership else None


# The people pickers (meetings/widgets.py): what each picker field offers. The fields of a
# meeting's forms need the meeting; the contact person of a new meeting only its network.
PICKER_FIELDS = {
    "contact_person": "network",
    "responsible_person": "network",
    "people": "invitable",
    "person": "walk_in",
}


def picker_people(field: str, *, network: Network, meeting: Meeting | None = None):
    """The people the picker ``field`` offers (lazy), or None for a field it does not know."""
    source = PICKER_FIELDS.get(field)
    if source == "network":
        return network_people(network)
    if meeting is None:
        return None
    if source == "invitable":
        return invitable_people(meeting)
    if source == "walk_in":
        return walk_in_candidates(meeting)
    return None


def network_by_id(network_id) -> Network | None:
    """One query; None for an id that is not a number or not a network."""
    if not str(network_id).isdigit():
        return None
    return Network.objects.filter(pk=int(network_id)).first()
