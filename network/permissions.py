"""Who may do what in a network. Every check about networks lives here."""

from django.db.models import Q

from providers.models import OrganisationMember

from .models import Membership, Network


def is_site_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_coordinator(user, network: Network) -> bool:
    """Named coordinators of the network (or of a parent network) and site admins."""
    if not user.is_authenticated:
        return False
    if is_site_admin(user):
        return True
    ids = [network.pk, *ancestor_ids(network)]
    return Network.coordinators.through.objects.filter(network_id__in=ids, user_id=user.pk).exists()


def ancestor_ids(network: Network) -> list[int]:
    ids, current, seen = [], network.parent_id, set()
    while current and current not in seen:
        seen.add(current)
        ids.append(current)
        current = Network.objects.filter(pk=current).values_list("parent_id", flat=True).first()
    return ids


def member_network_ids(user) -> set[int]:
    """Networks in which one of the user's organisations is an active member."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(
            status=Membership.Status.ACTIVE,
            organisation__members__user=user,
        ).values_list("network_id", flat=True)
    )


def is_network_member(user, network: Network) -> bool:
    """The user works for an organisation that is an active member of the network."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        network=network, status=Membership.Status.ACTIVE, organisation__members__user=user
    ).exists()


def is_organisation_admin_in_network(user, network: Network) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        network=network,
        status=Membership.Status.ACTIVE,
        organisation__members__user=user,
        organisation__members__role=OrganisationMember.Role.ADMIN,
    ).exists()


def can_view_network(user, network: Network) -> bool:
    return (
        network.visibility == Network.Visibility.PUBLIC
        or is_network_member(user, network)
        or is_coordinator(user, network)
    )


def visible_networks_q(user) -> Q:
    """Filter for ``Network.objects``: public ones, plus member/coordinated ones."""
    q = Q(visibility=Network.Visibility.PUBLIC)
    if user.is_authenticated:
        if is_site_admin(user):
            return Q()
        q |= Q(pk__in=member_network_ids(user)) | Q(coordinators=user)
    return q
