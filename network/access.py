"""The networks a person belongs to or coordinates: computed once per request.

Built on ``providers.access`` (the person's organisations) and ``core.request_cache``.
``network.permissions`` and the upper apps' permission modules ask these functions.

Coordinating a network includes its sub-networks: the county youth office that coordinates
the county network coordinates every local network below it.
"""

from core.permissions import is_site_admin
from core.request_cache import remembered
from providers.access import admin_organisation_ids

from .models import Membership, Network
from .tree import with_parents, with_subnetworks


def member_network_ids(user) -> set[int]:
    """Networks in which one of the person's organisations is an active member."""
    if not user.is_authenticated:
        return set()
    return remembered(
        user,
        "network.member_network_ids",
        lambda: set(
            Membership.objects.filter(
                status=Membership.Status.ACTIVE, organisation__members__user_id=user.pk
            )
            .order_by()  # an id set: no joins for the default ordering
            .values_list("network_id", flat=True)
        ),
    )


def member_networks_with_parents(user) -> set[int]:
    """Networks the person is a member of, and every network above them (whose meetings
    "with sub-networks" address them)."""
    if not user.is_authenticated:
        return set()
    return remembered(
        user,
        "network.member_networks_with_parents",
        lambda: with_parents(member_network_ids(user)),
    )


def directly_coordinated_network_ids(user) -> set[int]:
    """Networks that name the person as coordinator."""
    if not user.is_authenticated:
        return set()
    return remembered(
        user,
        "network.directly_coordinated_network_ids",
        lambda: set(
            Network.coordinators.through.objects.filter(user_id=user.pk).values_list(
                "network_id", flat=True
            )
        ),
    )


def coordinated_network_ids(user) -> set[int]:
    """Networks the person coordinates, directly or as coordinator of a parent network."""
    direct = directly_coordinated_network_ids(user)
    if not direct:
        return set()
    return remembered(user, "network.coordinated_network_ids", lambda: with_subnetworks(direct))


def is_coordinator(user, network: Network) -> bool:
    """Named coordinators of the network (or of a parent network) and site admins."""
    if not user.is_authenticated:
        return False
    return is_site_admin(user) or network.pk in coordinated_network_ids(user)


def is_network_member(user, network: Network) -> bool:
    """The person works for an organisation that is an active member of the network."""
    return network.pk in member_network_ids(user)


def organisations_sharing_a_network(user) -> set[int]:
    """Organisations that are active members of a network the person's organisation is in
    (registered with ``providers.access``: they may see each other's staff contacts)."""
    network_ids = member_network_ids(user)
    if not network_ids:
        return set()
    return remembered(
        user,
        "network.organisations_sharing_a_network",
        lambda: set(
            Membership.objects.filter(status=Membership.Status.ACTIVE, network_id__in=network_ids)
            .order_by()
            .values_list("organisation_id", flat=True)
        ),
    )


def coordinates_any_network(user) -> bool:
    """Registered with ``core.registry``: coordinators must use two-factor authentication."""
    return bool(directly_coordinated_network_ids(user))


def administered_open_memberships(
    user, network: Network, *, open_memberships=None
) -> dict[int, Membership]:
    """The applied or active memberships in the network of the organisations the person
    administers, by organisation: one query per request and network (the profile page and
    the network's tabs both ask). A caller that has already loaded the network's open
    memberships (with their organisations) passes them as ``open_memberships``: then no
    query at all."""
    admin_ids = admin_organisation_ids(user)
    if not admin_ids:
        return {}

    def compute():
        memberships = open_memberships
        if memberships is None:
            memberships = (
                Membership.objects.filter(
                    network=network,
                    organisation_id__in=list(admin_ids),
                    status__in=Membership.OPEN_STATUSES,
                )
                .select_related("organisation")
                .order_by()
            )
        return {m.organisation_id: m for m in memberships if m.organisation_id in admin_ids}

    return remembered(user, f"network.administered_open_memberships:{network.pk}", compute)
