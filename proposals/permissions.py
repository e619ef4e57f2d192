"""Who may see and do what with proposals. Every check about proposals lives here.

Proposals are the network's internal business: only its members (people of an active member
organisation) and its coordinators know they exist; everyone else gets 404, even on a public
network. Built on ``network.access`` (computed once per request).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from network.access import is_coordinator, is_network_member
from network.models import Network

from .models import Proposal


def can_see_proposals(user, network: Network) -> bool:
    return is_network_member(user, network) or is_coordinator(user, network)


def can_submit(user, network: Network) -> bool:
    """Members submit, comment and support; coordinators too."""
    return can_see_proposals(user, network)


def can_move(user, network: Network) -> bool:
    """Moving, putting on an agenda and recording decisions: the network's coordinators."""
    return is_coordinator(user, network)


def get_network_for_proposals(request, slug: str, *, coordinate: bool = False) -> Network:
    """The network whose proposals the person may see, else 404; 403 if ``coordinate`` and
    they may not move proposals."""
    network = get_object_or_404(Network, slug=slug)
    if not can_see_proposals(request.user, network):
        raise Http404
    if coordinate and not can_move(request.user, network):
        raise PermissionDenied
    return network


def get_proposal_for(request, slug: str, pk: int, *, coordinate: bool = False) -> Proposal:
    """The proposal of the network, or 404 (403 for members on a coordinator's action)."""
    network = get_network_for_proposals(request, slug, coordinate=coordinate)
    proposal = get_object_or_404(
        Proposal.objects.select_related("stage", "planning_region", "author", "organisation"),
        network=network,
        pk=pk,
    )
    proposal.network = network
    return proposal
