"""Who may do what in a network. Every check about networks lives here.

The person's organisations and networks come from ``providers.access`` and ``network.access``
(computed once per request); ``get_network_for`` is the one way views get a network.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.permissions import is_site_admin
from providers.access import admin_organisation_ids, is_organisation_admin, organisation_ids

from .access import (
    coordinated_network_ids,
    is_coordinator,
    is_network_member,
    member_network_ids,
)
from .models import CooperationAgreement, Measure, Membership, Network

__all__ = [
    "can_apply",
    "can_decide_applications",
    "can_end_membership",
    "can_see_internal",
    "can_update_measure",
    "can_view_agreement",
    "can_view_network",
    "get_network_for",
    "is_coordinator",
    "is_network_member",
    "visible_measures",
    "visible_networks_q",
]

VIEW = "view"  # the profile: public networks for everybody, others for members
INTERNAL = "internal"  # working groups, agreements, measures: members and coordinators
COORDINATE = "coordinate"  # coordinators only
ACTIONS = (VIEW, INTERNAL, COORDINATE)


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
        q |= Q(pk__in=member_network_ids(user) | coordinated_network_ids(user))
    return q


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


def visible_measures(user, network: Network):
    """The network's measures the person may see: all for coordinators; restricted ones
    (from case conferences) otherwise only for the person responsible for them."""
    measures = Measure.objects.filter(network=network)
    if is_coordinator(user, network):
        return measures
    return measures.filter(Q(is_restricted=False) | Q(responsible_person_id=user.pk))


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
    party_ids = set(agreement.parties.values_list("pk", flat=True))
    return bool(party_ids & set(organisation_ids(user)))


def coordinated_networks(user):
    """The networks the person coordinates (all of them for site admins), by name."""
    if is_site_admin(user):
        return Network.objects.order_by("name")
    return Network.objects.filter(pk__in=coordinated_network_ids(user)).order_by("name")


def get_network_for(request, slug: str, *, action: str = VIEW) -> Network:
    """The network, or 404 if the user must not know it exists, or 403 if they may not act.

    ``view``: the public profile; ``internal``: working groups, agreements, measures (members
    and coordinators); ``coordinate``: coordinators only.
    """
    if action not in ACTIONS:
        raise ValueError(action)
    network = get_object_or_404(Network.objects.select_related("parent"), slug=slug)
    user = request.user
    if not can_view_network(user, network):
        raise Http404
    if action == INTERNAL and not can_see_internal(user, network):
        raise PermissionDenied
    if action == COORDINATE and not is_coordinator(user, network):
        raise PermissionDenied
    return network
