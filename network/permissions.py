"""Who may do what in a network. Every check about networks lives here."""

from django.db import connection
from django.db.models import Q

from providers.models import OrganisationMember

from .models import CooperationAgreement, Measure, Membership, Network


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
    """Parent, grandparent … of the network, nearest first; one recursive query."""
    if not network.parent_id:
        return []
    table = Network._meta.db_table
    sql = (
        f"WITH RECURSIVE up(id, parent_id, depth) AS ("  # noqa: S608 - model table name only
        f"SELECT id, parent_id, 0 FROM {table} WHERE id = %s "
        f"UNION SELECT n.id, n.parent_id, up.depth + 1 FROM {table} n "
        f"JOIN up ON n.id = up.parent_id WHERE up.depth < 50"
        f") SELECT id FROM up ORDER BY depth"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [network.parent_id])
        return [row[0] for row in cursor.fetchall()]


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


# --- Organisations the user speaks for ------------------------------------------------------


def admin_organisation_ids(user) -> set[int]:
    """Organisations in which the user is an organisation admin."""
    if not user.is_authenticated:
        return set()
    return set(
        OrganisationMember.objects.filter(
            user=user, role=OrganisationMember.Role.ADMIN
        ).values_list("organisation_id", flat=True)
    )


def is_organisation_admin(user, organisation_id: int) -> bool:
    return organisation_id in admin_organisation_ids(user)


def can_apply(user, network: Network) -> bool:
    """Organisation admins may apply for their organisation while the network is open."""
    return bool(network.is_open_for_members and admin_organisation_ids(user))


def can_decide_applications(user, network: Network) -> bool:
    return is_coordinator(user, network)


def can_end_membership(user, membership: Membership) -> bool:
    """Coordinators end any membership; an organisation admin may leave for their own."""
    return is_coordinator(user, membership.network) or is_organisation_admin(
        user, membership.organisation_id
    )


def can_see_internal(user, network: Network) -> bool:
    """Working groups, agreements and measures are for members and coordinators."""
    return is_network_member(user, network) or is_coordinator(user, network)


def can_update_measure(user, measure: Measure) -> bool:
    if not user.is_authenticated:
        return False
    return measure.responsible_person_id == user.pk or is_coordinator(user, measure.network)


def can_view_agreement(user, agreement: CooperationAgreement) -> bool:
    """Members of the agreement's network, coordinators, and people of the parties."""
    if not user.is_authenticated:
        return False
    if is_site_admin(user):
        return True
    if agreement.network_id and can_see_internal(user, agreement.network):
        return True
    return agreement.parties.filter(members__user=user).exists()
