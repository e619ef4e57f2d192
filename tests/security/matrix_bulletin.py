"""The pinboard post and the news item of the permission matrix's world (issue 14), made
on first use: a post of Träger A to network A (members only) and a news item of network A."""

from datetime import timedelta

from django.utils import timezone

from news.models import NewsItem
from pinboard.models import Post


def post_a(world) -> Post:
    if not hasattr(world, "post_a"):
        world.post_a = Post.objects.create(
            organisation=world.org_a,
            kind=Post.Kind.STAND_IN,
            title="Vertretung gesucht",
            text="Für zwei Wochen",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=14),
            created_by=world.users["org_admin"],
        )
        world.post_a.networks.add(world.network_a)
    return world.post_a


def news_a(world) -> NewsItem:
    if not hasattr(world, "news_a"):
        world.news_a = NewsItem.objects.create(
            network=world.network_a,
            title="Neuigkeit A",
            text="Text",
            created_by=world.users["coordinator"],
        )
    return world.news_a


def post_kwargs(world) -> dict:
    return {"pk": post_a(world).pk}


def news_kwargs(world) -> dict:
    return {"pk": news_a(world).pk}
