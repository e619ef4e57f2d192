"""The people and organisations the meeting forms offer to choose from.

Each is a lazy queryset of one query (its sub-selects included), ordered for a picker.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q

from network.models import Membership, Network
from providers.models import Organisation, OrganisationMember

from ..models import Invitation, Meeting, Registration
from ..services.invitations import publication_invitees


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


@dataclass(frozen=True)
class AudiencePreview:
    """Who publishing a meeting invites: ``people`` as (person, organisation name) pairs,
    sorted by organisation and name."""

    people: list[tuple]

    @property
    def person_count(self) -> int:
        return len(self.people)

    @property
    def organisation_count(self) -> int:
        return len({organisation for _person, organisation in self.people if organisation})


def audience_preview(meeting: Meeting) -> AudiencePreview:
    """The people publishing would invite, from the very function ``meeting_publish`` uses
    (``publication_invitees``). Four queries, whatever the size of the audience."""
    invitees = publication_invitees(meeting)
    users = get_user_model().objects.in_bulk(list(invitees))
    names = dict(
        Organisation.objects.filter(pk__in={o for o in invitees.values() if o}).values_list(
            "pk", "name"
        )
    )
    people = [
        (users[user_id], names.get(organisation_id, ""))
        for user_id, organisation_id in invitees.items()
        if user_id in users
    ]
    people.sort(key=lambda pair: (pair[1].casefold(), pair[0].get_full_name().casefold()))
    return AudiencePreview(people=people)


def contact_details(meeting: Meeting) -> dict | None:
    """The meeting's contact person for invitations: name, organisation, email and work
    phone. Their organisation is the one that is a member of the meeting's network, else
    their first. One query (none without a contact person)."""
    person = meeting.contact_person
    if person is None:
        return None
    in_network = Membership.objects.filter(
        network_id=meeting.network_id,
        status=Membership.Status.ACTIVE,
        organisation_id=OuterRef("organisation_id"),
    )
    member = (
        OrganisationMember.objects.filter(user=person)
        .select_related("organisation")
        .annotate(in_network=Exists(in_network))
        .order_by("-in_network", "organisation__name")
        .first()
    )
    return {
        "name": person.get_full_name(),
        "organisation": member.organisation.name if member else "",
        "email": person.email,
        "phone": member.phone if member else "",
    }


def invitation_counts(meeting: Meeting) -> dict[str, int]:
    """``{"people": …, "organisations": …}`` invited to the meeting: one query."""
    return Invitation.objects.filter(meeting=meeting, user__isnull=False).aggregate(
        people=Count("user_id", distinct=True),
        organisations=Count("organisation_id", distinct=True),
    )


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
