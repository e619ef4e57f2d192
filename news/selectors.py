"""Reads for the news pages, the network page's section, the feed and the home page."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils import timezone

from core.permissions import is_site_admin
from meetings.models import Meeting, MeetingKind
from network.access import coordinated_network_ids, member_network_ids
from network.models import Network
from network.permissions import can_see_internal, is_coordinator, visible_networks_q

from .models import NewsItem

SECTION_SIZE = 5


def news_visible_to(user):
    """News the person may read: public news of the networks they may see, members-only
    news of their networks; everything of the networks they coordinate."""
    now = timezone.now()
    if is_site_admin(user):
        return NewsItem.objects.all()
    q = Q(
        visibility=NewsItem.Visibility.PUBLIC,
        network__in=Network.objects.filter(visible_networks_q(user)),
        published_at__lte=now,
    )
    if user.is_authenticated:
        q |= Q(network_id__in=member_network_ids(user), published_at__lte=now)
        q |= Q(network_id__in=coordinated_network_ids(user))
    return NewsItem.objects.filter(q)


def news_list(user):
    """The news page: one query for the page of news (with network) and a COUNT."""
    return news_visible_to(user).select_related("network")


def network_news(user, network):
    """The network's news the person may read, newest first."""
    news = NewsItem.objects.filter(network=network)
    if is_coordinator(user, network):
        return news
    news = news.filter(published_at__lte=timezone.now())
    if can_see_internal(user, network):
        return news
    return news.filter(visibility=NewsItem.Visibility.PUBLIC)


def network_news_section(*, user, network) -> dict:
    """The network page's news (one query) and, for public networks, the feed's address."""
    return {
        "network": network,
        "news": list(network_news(user, network)[:SECTION_SIZE]),
        "can_publish": is_coordinator(user, network),
        "has_feed": network.visibility == Network.Visibility.PUBLIC,
    }


def feed_items(network, *, limit=20):
    """The public news of a public network for its Atom feed, with the linked meetings that
    visitors may see (never a case conference): two queries."""
    items = list(
        NewsItem.objects.public()
        .filter(network=network)
        .select_related("meeting", "network")[:limit]
    )
    meeting_ids = {item.meeting_id for item in items if item.meeting_id}
    public_meetings = set(
        Meeting.objects.visible_to(AnonymousUser())
        .filter(pk__in=meeting_ids)
        .values_list("pk", flat=True)
    )
    for item in items:
        item.public_meeting = item.meeting if item.meeting_id in public_meetings else None
    return items


def latest_public_news(*, limit=5):
    """The home page: the latest public news of public networks (one query)."""
    return NewsItem.objects.public().select_related("network")[:limit]


def linkable_meetings(user, network):
    """Meetings a news item may link: the network's announced meetings that are not case
    conferences, within what the coordinator sees."""
    return (
        Meeting.objects.visible_to(user)
        .filter(network=network, status__in=Meeting.ANNOUNCED, end__gte=timezone.now())
        .exclude(kind=MeetingKind.CASE_CONFERENCE)
        .order_by("start")
    )


def visible_meeting(user, item):
    """The linked meeting if the person may see it."""
    if item.meeting_id is None:
        return None
    return Meeting.objects.visible_to(user).filter(pk=item.meeting_id).first()
