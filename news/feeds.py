"""The Atom feed of a network's public news: ``/networks/<slug>/news.atom``.

Only public networks have one (others: 404); it lists only public news and links only
meetings that visitors may see, never a case conference. Every link is absolute, built from
``SITE_URL``.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from network.models import Network

from . import selectors


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


class NetworkNewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        network = get_object_or_404(Network, slug=slug)
        if network.visibility != Network.Visibility.PUBLIC:
            raise Http404
        return network

    def title(self, network):
        return _("News of %(network)s") % {"network": network.name}

    def subtitle(self, network):
        return network.description[:300] or None

    def link(self, network):
        return absolute(network.get_absolute_url())

    def feed_url(self, network):
        return absolute(f"{network.get_absolute_url()}news.atom")

    def feed_guid(self, network):
        return self.feed_url(network)

    def author_name(self, network):
        return network.name

    def items(self, network):
        return selectors.feed_items(network)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return render_to_string(
            "news/feed_item.html",
            {
                "item": item,
                "meeting": item.public_meeting,
                "meeting_url": absolute(item.public_meeting.get_absolute_url())
                if item.public_meeting
                else "",
                "apply_url": absolute(f"{item.network.get_absolute_url()}apply/")
                if item.membership_call and item.network.is_open_for_members
                else "",
            },
        )

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)
