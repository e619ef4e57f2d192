"""Acceptance 3 of issue 14: ``/networks/<slug>/news.atom`` parses as Atom with a feed
library, lists only public news, for every public network; public news on the network page
and the home page, members-only news only for members."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from meetings.models import MeetingKind
from network.models import Network
from news import services
from news.models import NewsItem
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationMemberFactory,
    UserFactory,
)

SITE = "https://portal.example.org"


@pytest.fixture
def world(db, settings):
    settings.SITE_URL = SITE
    wesel = NetworkFactory(
        name="Trägerverbund Kreis Wesel",
        slug="traegerverbund-kreis-wesel",
        is_open_for_members=True,
        open_for_members_text="Träger der Kinder- und Jugendhilfe, die kooperieren wollen",
    )
    closed = NetworkFactory(name="Kinderschutz intern", slug="kinderschutz", visibility="members")
    coordinator = UserFactory(name="Cora Koordination")
    wesel.coordinators.add(coordinator)
    closed.coordinators.add(coordinator)
    member = OrganisationMemberFactory(user=UserFactory(name="Mia Mitglied")).user
    MembershipFactory(
        network=wesel, organisation=member.organisation_memberships.get().organisation
    )
    meeting = MeetingFactory(
        network=wesel, title="Kooperationstreffen in Schermbeck", audience="public"
    )
    case_conference = MeetingFactory(
        network=wesel, title="Fallkonferenz Familie K.", kind=MeetingKind.CASE_CONFERENCE
    )
    public = services.news_publish(
        network=wesel,
        by=coordinator,
        title="Nächstes Kooperationstreffen am Mittwoch in Schermbeck",
        text="Interessierte **Träger** sind herzlich willkommen.",
        meeting=meeting,
        membership_call=True,
    )
    internal = services.news_publish(
        network=wesel,
        by=coordinator,
        title="Interne Absprache zur Vertretungsliste",
        text="Nur für Mitglieder.",
        visibility=NewsItem.Visibility.MEMBERS,
    )
    hidden_network_news = services.news_publish(
        network=closed, by=coordinator, title="Geheimes Netzwerk", text="intern"
    )
    return {
        "wesel": wesel,
        "closed": closed,
        "coordinator": coordinator,
        "member": member,
        "meeting": meeting,
        "case_conference": case_conference,
        "public": public,
        "internal": internal,
        "hidden_network_news": hidden_network_news,
    }


def test_feed_of_every_public_network_is_atom_with_only_public_news(client, world):
    wesel = world["wesel"]
    other = NetworkFactory(name="Frühe Hilfen Olsberg", slug="olsberg")
    for network in Network.objects.filter(visibility=Network.Visibility.PUBLIC):
        response = client.get(f"/networks/{network.slug}/news.atom")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "atom10"
        assert feed.feed.link == f"{SITE}/networks/{network.slug}/"
        expected = [n.title for n in NewsItem.objects.public().filter(network=network)]
        assert [entry.title for entry in feed.entries] == expected
    feed = feedparser.parse(client.get(f"/networks/{wesel.slug}/news.atom").content)
    assert [entry.title for entry in feed.entries] == [world["public"].title]
    entry = feed.entries[0]
    assert entry.link == f"{SITE}/news/{world['public'].pk}/"
    assert "<strong>Träger</strong>" in entry.summary
    assert f"{SITE}/meetings/{world['meeting'].pk}/" in entry.summary
    assert f"{SITE}/networks/{wesel.slug}/apply/" in entry.summary
    body = client.get(f"/networks/{wesel.slug}/news.atom").content.decode()
    assert "Vertretungsliste" not in body
    assert "Fallkonferenz" not in body
    assert client.get(f"/networks/{other.slug}/news.atom").status_code == 200


def test_feed_of_a_members_only_network_does_not_exist(client, world):
    assert client.get(f"/networks/{world['closed'].slug}/news.atom").status_code == 404
    client.force_login(world["coordinator"])
    assert client.get(f"/networks/{world['closed'].slug}/news.atom").status_code == 404
    assert client.get("/networks/gibt-es-nicht/news.atom").status_code == 404


def test_a_case_conference_is_never_linked(world):
    with pytest.raises(services.NewsError):
        services.news_publish(
            network=world["wesel"],
            by=world["coordinator"],
            title="Fallkonferenz",
            text="x",
            meeting=world["case_conference"],
        )


def test_public_news_on_the_network_page_members_only_news_for_members(client, world):
    wesel = world["wesel"]
    page = client.get(wesel.get_absolute_url()).content.decode()
    assert world["public"].title in page
    assert world["internal"].title not in page
    assert '<link rel="alternate" type="application/atom+xml"' in page
    # Members-only news: the (digest's) link asks a visitor to log in, and tells nothing.
    internal_url = world["internal"].get_absolute_url()
    assert client.get(internal_url)["Location"] == f"/accounts/login/?next={internal_url}"
    hidden_url = world["hidden_network_news"].get_absolute_url()
    assert client.get(hidden_url)["Location"] == f"/accounts/login/?next={hidden_url}"
    detail = client.get(world["public"].get_absolute_url()).content.decode()
    assert f"/networks/{wesel.slug}/apply/" in detail
    assert "Kooperationstreffen in Schermbeck" in detail

    client.force_login(world["member"])
    page = client.get(wesel.get_absolute_url()).content.decode()
    assert world["internal"].title in page
    assert client.get(world["hidden_network_news"].get_absolute_url()).status_code == 404
    assert client.get(world["internal"].get_absolute_url()).status_code == 200
    assert world["internal"].title in client.get("/news/").content.decode()


def test_only_coordinators_publish(client, world):
    wesel = world["wesel"]
    client.force_login(world["member"])
    assert client.get(f"/news/networks/{wesel.slug}/new/").status_code == 403
    client.force_login(world["coordinator"])
    page = client.get(f"/news/networks/{wesel.slug}/new/").content.decode()
    assert "Fallkonferenz" not in page  # not offered as the linked meeting
    response = client.post(
        f"/news/networks/{wesel.slug}/new/",
        {"title": "Neue Fortbildung", "text": "Im März", "visibility": "public"},
    )
    assert response.status_code == 302
    assert NewsItem.objects.filter(title="Neue Fortbildung", created_by=world["coordinator"])


def test_home_page_is_the_front_door(client, world, django_assert_num_queries):
    MeetingFactory(
        network=world["wesel"],
        title="Verschoben",
        start=timezone.now() - timedelta(days=3),
        audience="public",
    )
    # Three queries: upcoming public meetings, the latest public news, open networks.
    with django_assert_num_queries(3):
        page = client.get("/").content.decode()
    assert "Kooperationstreffen in Schermbeck" in page
    assert "Fallkonferenz" not in page
    assert "Verschoben" not in page  # past
    assert world["public"].title in page
    assert world["internal"].title not in page
    assert "Geheimes Netzwerk" not in page
    assert world["wesel"].name in page  # open for members
    assert "/networks/traegerverbund-kreis-wesel/apply/" in page
    assert 'action="/providers/"' in page


def test_a_case_conference_linked_behind_the_services_back_reaches_no_channel(client, world):
    """Even a news item that links a case conference (say, changed in the database) shows
    it in no feed and on no page for anyone but the conference's people."""
    item = NewsItem.objects.create(
        network=world["wesel"],
        title="Hinweis",
        text="Siehe Termin",
        meeting=world["case_conference"],
    )
    conference = world["case_conference"]
    feed = client.get(f"/networks/{world['wesel'].slug}/news.atom").content.decode()
    assert "Fallkonferenz" not in feed and f"/meetings/{conference.pk}/" not in feed
    for user in (None, world["member"]):
        client.logout()
        if user:
            client.force_login(user)
        page = client.get(item.get_absolute_url()).content.decode()
        assert "Fallkonferenz" not in page and f"/meetings/{conference.pk}/" not in page
