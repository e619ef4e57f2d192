"""Acceptance 5: topics collected in the open (supports, comments, ranking), or seen by the
coordination only; case conferences take no topics."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import MeetingKind, TopicProposal, TopicSupport
from meetings.services import MeetingError
from network.models import TopicVisibility

pytestmark = pytest.mark.django_db


def _meeting(world, **fields):
    meeting = services.meeting_create(
        network=world.network,
        by=world.coordinator,
        kind=fields.pop("kind", MeetingKind.NETWORK),
        title="Netzwerktreffen Herbst",
        start=timezone.now() + timedelta(days=30),
        **fields,
    )
    return services.meeting_publish(meeting=meeting, by=world.coordinator)


def _order_on_page(html: str, *titles: str) -> list[str]:
    found = [(html.find(f">{title}</a>"), title) for title in titles]
    assert all(index >= 0 for index, _title in found), found
    return [title for _index, title in sorted(found)]


def _topic_url(meeting, topic, suffix=""):
    return f"/meetings/{meeting.pk}/topics/{topic.pk}/{suffix}"


@pytest.fixture
def open_world(world):
    world.network.topic_visibility = TopicVisibility.MEMBERS
    world.network.save()
    return world


def test_in_the_open_members_see_support_and_comment_and_topics_are_ranked_by_support(
    client, open_world
):
    world = open_world
    meeting = _meeting(world)
    assert meeting.topics_open  # defaulted from the network
    staff = services.topic_propose(meeting=meeting, by=world.member, title="Fachkräftemangel")
    protection = services.topic_propose(meeting=meeting, by=world.contact, title="Kinderschutz")
    training = services.topic_propose(meeting=meeting, by=world.contact, title="Fortbildung")

    # Paul (a colleague of the proposer) sees everyone's proposals and supports two.
    client.force_login(world.colleague)
    page = client.get(f"/meetings/{meeting.pk}/topics/").content.decode()
    assert "Kinderschutz" in page and "Fachkräftemangel" in page
    client.post(_topic_url(meeting, protection, "support/"))
    client.post(_topic_url(meeting, training, "support/"))
    # Dave supports "Kinderschutz" too, Olga as well, then changes her mind.
    client.force_login(world.member)
    client.post(_topic_url(meeting, protection, "support/"))
    client.force_login(world.org_admin)
    client.post(_topic_url(meeting, protection, "support/"))
    client.post(_topic_url(meeting, protection, "support/"))
    client.post(_topic_url(meeting, training, "support/"))

    # One support per person, counted independently.
    supports = {
        topic.pk: TopicSupport.objects.filter(topic=topic).count()
        for topic in (staff, protection, training)
    }
    assert supports == {staff.pk: 0, protection.pk: 2, training.pk: 2}
    assert TopicSupport.objects.filter(topic=protection, user=world.org_admin).count() == 0

    # The coordinator sees them ranked by support (ties: first proposed first).
    client.force_login(world.coordinator)
    page = client.get(f"/meetings/{meeting.pk}/topics/").content.decode()
    assert _order_on_page(page, "Fachkräftemangel", "Kinderschutz", "Fortbildung") == [
        "Kinderschutz",
        "Fortbildung",
        "Fachkräftemangel",
    ]
    assert "2 Unterstützungen" in page

    # A comment is plain text, shown with its author and organisation to whoever sees it.
    client.force_login(world.colleague)
    response = client.post(
        _topic_url(meeting, staff),
        {"text": "Wir haben **drei** offene Stellen <b>seit Mai</b>."},
        follow=True,
    )
    assert response.status_code == 200
    client.force_login(world.contact)
    page = client.get(_topic_url(meeting, staff)).content.decode()
    assert "Wir haben **drei** offene Stellen &lt;b&gt;seit Mai&lt;/b&gt;." in page
    assert "<strong>drei</strong>" not in page
    organisation = world.colleague.organisation_memberships.get().organisation
    assert re.search(rf"Paul\S*\s*\({re.escape(organisation.name)}\)", page)

    # A member of another network knows nothing of them.
    client.force_login(world.outsider)
    assert client.get(_topic_url(meeting, staff)).status_code == 404
    assert client.post(_topic_url(meeting, staff, "support/")).status_code == 404


def test_for_the_coordination_only_members_see_just_their_own_proposals(client, world):
    meeting = _meeting(world)
    assert not meeting.topics_open  # the default
    own = services.topic_propose(meeting=meeting, by=world.member, title="Fachkräftemangel")
    services.topic_propose(meeting=meeting, by=world.contact, title="Kinderschutz")

    client.force_login(world.colleague)
    page = client.get(f"/meetings/{meeting.pk}/topics/").content.decode()
    assert "Fachkräftemangel" not in page and "Kinderschutz" not in page
    assert client.get(_topic_url(meeting, own)).status_code == 404
    assert client.post(_topic_url(meeting, own, "support/")).status_code == 404
    assert client.post(_topic_url(meeting, own), {"text": "Hallo"}).status_code == 404

    client.force_login(world.member)
    page = client.get(f"/meetings/{meeting.pk}/topics/").content.decode()
    assert "Fachkräftemangel" in page and "Kinderschutz" not in page
    assert client.get(_topic_url(meeting, own)).status_code == 200
    # No supports where topics are not collected in the open.
    assert client.post(_topic_url(meeting, own, "support/")).status_code == 403
    with pytest.raises(MeetingError):
        services.topic_support_toggle(topic=own, meeting=meeting, by=world.member)

    client.force_login(world.coordinator)
    page = client.get(f"/meetings/{meeting.pk}/topics/").content.decode()
    assert "Fachkräftemangel" in page and "Kinderschutz" in page


def test_a_meeting_can_open_its_topics_although_the_network_does_not(client, world):
    meeting = _meeting(world, topic_visibility=TopicVisibility.MEMBERS)
    services.topic_propose(meeting=meeting, by=world.contact, title="Kinderschutz")
    client.force_login(world.member)
    assert "Kinderschutz" in client.get(f"/meetings/{meeting.pk}/topics/").content.decode()


def test_case_conferences_take_no_topics(client, world):
    world.network.topic_visibility = TopicVisibility.MEMBERS
    world.network.save()
    conference = services.meeting_create(
        network=world.network,
        by=world.coordinator,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz",
        start=timezone.now() + timedelta(days=3),
    )
    services.invitation_add(meeting=conference, by=world.coordinator, users=[world.member])
    services.meeting_publish(meeting=conference, by=world.coordinator)
    assert not conference.topics_open

    with pytest.raises(MeetingError):
        services.topic_propose(meeting=conference, by=world.member, title="Fall besprechen")
    # Even a topic slipped in by other means is reachable nowhere.
    topic = TopicProposal.objects.create(
        network=world.network, meeting=conference, title="Fall besprechen"
    )
    for user in (world.member, world.coordinator):
        client.force_login(user)
        assert client.get(f"/meetings/{conference.pk}/topics/").status_code == 404
        assert client.post(f"/meetings/{conference.pk}/topics/", {"title": "x"}).status_code == 404
        assert client.get(_topic_url(conference, topic)).status_code == 404
        assert client.post(_topic_url(conference, topic, "support/")).status_code == 404
        page = client.get(conference.get_absolute_url()).content.decode()
        assert f"/meetings/{conference.pk}/topics/" not in page
