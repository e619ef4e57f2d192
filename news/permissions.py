"""Who may read and write a network's news."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from network.permissions import can_see_internal, can_view_network, is_coordinator

from .models import NewsItem

VIEW = "view"
EDIT = "edit"


def can_view_news(user, item: NewsItem) -> bool:
    """Public news: whoever may see the network; members-only news: its members and
    coordinators. Coordinators also see news scheduled for later."""
    if is_coordinator(user, item.network):
        return True
    if item.published_at > timezone.now():
        return False
    if item.is_public:
        return can_view_network(user, item.network)
    return can_see_internal(user, item.network)


def can_publish(user, network) -> bool:
    return is_coordinator(user, network)


def get_news_for(request, pk: int, *, action: str = VIEW) -> NewsItem:
    item = get_object_or_404(
        NewsItem.objects.select_related("network", "meeting", "created_by"), pk=pk
    )
    if not can_view_news(request.user, item):
        raise Http404
    if action == EDIT and not can_publish(request.user, item.network):
        raise PermissionDenied
    return item
