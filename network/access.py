"""The one place where views get a network (and the objects inside it) for a request."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Network
from .permissions import can_see_internal, can_view_network, is_coordinator

ACTIONS = ("view", "internal", "coordinate")


def get_network_for(request, slug: str, *, action: str = "view") -> Network:
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
    if action == "internal" and not can_see_internal(user, network):
        raise PermissionDenied
    if action == "coordinate" and not is_coordinator(user, network):
        raise PermissionDenied
    return network
