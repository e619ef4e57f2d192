"""The demo shows issue 14's pinboard and news: public news in every public network's
feed where there are any (seed 000's meeting in Schermbeck), a stand-in request with an
answer mailed to the poster, and a job-shadowing offer (seed 004)."""

import io

import feedparser
import pytest
from django.core.management import call_command

from network.models import Network
from news.models import NewsItem
from notifications.models import OutgoingMail
from pinboard.models import Post

pytestmark = pytest.mark.django_db


def test_demo_has_public_news_in_the_feeds_and_pinboard_posts(client, settings):
    settings.SITE_URL = "https://portal.example.org"
    call_command("load_demo", stdout=io.StringIO())

    wesel = Network.objects.get(slug="traegerverbund-kreis-wesel")
    feed = feedparser.parse(client.get(f"/networks/{wesel.slug}/news.atom").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == [
        "Nächstes Kooperations-Treffen in Schermbeck – interessierte Träger willkommen"
    ]
    assert "https://portal.example.org/meetings/" in feed.entries[0].summary
    assert NewsItem.objects.filter(network=wesel, visibility="members").exists()
    for network in Network.objects.filter(visibility=Network.Visibility.PUBLIC):
        feed = feedparser.parse(client.get(f"/networks/{network.slug}/news.atom").content)
        assert not feed.bozo and feed.version == "atom10", network
        public = set(NewsItem.objects.public().filter(network=network).values_list("title"))
        assert {(entry.title,) for entry in feed.entries} == public

    home = client.get("/").content.decode()
    assert "Kooperations-Treffen in Schermbeck" in home

    stand_in = Post.objects.get(kind=Post.Kind.STAND_IN)
    assert stand_in.networks.get() == wesel and stand_in.answers.exists()
    assert OutgoingMail.objects.filter(kind="pinboard-answer").exists()
    assert Post.objects.filter(kind=Post.Kind.JOB_SHADOWING, direction="offer").exists()
