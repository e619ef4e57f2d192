"""Who may read and write circulars. Built on ``network.access`` (computed once per request).

- Coordinators of the network (or of a parent network) and site admins write circulars and
  see every circular of the network, drafts included.
- Members read the sent circulars addressed to their network: those to the network itself
  (its active member organisations), and those "with sub-networks" of the networks above
  theirs. Circulars to a working group or to a meeting's registrants are read by the people
  who received them.
- Everybody else: 404, for the archive, each circular and each attachment.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from network.access import is_coordinator, member_network_ids, member_networks_with_parents
from network.models import Network

from .models import Circular, CircularRecipient


def can_write_circulars(user, network: Network) -> bool:
    return is_coordinator(user, network)


def can_read_archive(user, network: Network) -> bool:
    """The archive of a network: coordinators, members of it and of its sub-networks."""
    if not user.is_authenticated:
        return False
    return is_coordinator(user, network) or network.pk in member_networks_with_parents(user)


def visible_circulars(user, network: Network):
    """The network's sent circulars the person may read (lazy; one query when evaluated)."""
    circulars = Circular.objects.filter(network=network, status=Circular.Status.SENT)
    if not user.is_authenticated:
        return circulars.none()
    if is_coordinator(user, network):
        return circulars
    readable = Q(pk__in=CircularRecipient.objects.filter(user_id=user.pk).values("circular_id"))
    if network.pk in member_network_ids(user):
        readable |= Q(audience__in=[Circular.Audience.NETWORK, Circular.Audience.WITH_SUBNETWORKS])
    elif network.pk in member_networks_with_parents(user):
        readable |= Q(audience=Circular.Audience.WITH_SUBNETWORKS)
    return circulars.filter(readable)


def get_network_for_circulars(request, slug: str, *, write: bool = False) -> Network:
    """The network if the person may read (or, with ``write``, write) its circulars; 404."""
    network = get_object_or_404(Network.objects.select_related("parent"), slug=slug)
    allowed = (
        can_write_circulars(request.user, network)
        if write
        else can_read_archive(request.user, network)
    )
    if not allowed:
        raise Http404
    return network


def get_circular_for(request, slug: str, pk: int) -> Circular:
    """A sent circular the person may read; 404 for everyone else (they must not know it)."""
    network = get_object_or_404(Network, slug=slug)
    circular = (
        visible_circulars(request.user, network)
        .select_related("network", "created_by", "working_group", "meeting")
        .filter(pk=pk)
        .first()
    )
    if circular is None:
        raise Http404
    return circular


def get_draft_for(request, slug: str, pk: int) -> Circular:
    """A draft of a network the person coordinates; 404 for everyone else."""
    network = get_network_for_circulars(request, slug, write=True)
    return get_object_or_404(
        Circular.objects.select_related("network", "working_group", "meeting"),
        network=network,
        pk=pk,
        status=Circular.Status.DRAFT,
    )
