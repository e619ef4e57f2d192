from django import template

from network import permissions
from network.access import administered_open_memberships

register = template.Library()


@register.inclusion_tag("network/fragments/nav.html", takes_context=True)
def network_nav(context, network, current=""):
    """Tabs of a network's pages; each tab only for those who may open it."""
    user = context["request"].user
    internal = permissions.can_see_internal(user, network)
    return {
        "network": network,
        "current": current,
        "internal": internal,
        "coordinator": permissions.is_coordinator(user, network),
        "representing": bool(administered_open_memberships(user, network)),
    }
