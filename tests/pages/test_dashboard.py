"""Acceptance 3 of issue 13: the overview says what to do next.

Each item's count is checked against a count computed here in plain Python over the objects
the test created (not the dashboard's query), and the number of queries is pinned: at most
15 for the coordinator's and the member's overview, the same for three times the data.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from circulars.models import Circular, CircularRecipient
from meetings.models import Invitation, Meeting, MeetingKind, Registration, TopicProposal
from network.models import Measure, Membership
from notifications.models import OutgoingMail
from tests.meetings.factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    RegistrationFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
OPEN = (Measure.Status.OPEN, Measure.Status.IN_PROGRESS)


@dataclass
class World:
    coordinator: object
    member: object
    organisation: object
    coordinated: set = field(default_factory=set)  # network ids
    meetings: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    applications: list = field(default_factory=list)
    mails: list = field(default_factory=list)
    circulars: list = field(default_factory=list)  # (circular, recipient user ids)


def _meeting(world, network, *, days, **fields):
    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    meeting = MeetingFactory(network=network, start=start, end=start + timedelta(hours=2), **fields)
    world.meetings.append(meeting)
    return meeting


def build(tag: str, scale: int) -> World:
    """A county network (coordinated) with a town network, and a network nobody here
    coordinates; ``scale`` multiplies every kind of row."""
    county = NetworkFactory(name=f"Kreis {tag}")
    town = NetworkFactory(name=f"Stadt {tag}", parent=county)
    elsewhere = NetworkFactory(name=f"Anderswo {tag}")
    coordinator = UserFactory(name=f"Kim {tag}", email=f"kim-{tag}@example.org")
    county.coordinators.add(coordinator)
    member = member_of(county, name=f"Dana{tag}")
    organisation = member.organisation_memberships.get().organisation
    other = member_of(county, name=f"Olaf{tag}")
    world = World(coordinator, member, organisation, coordinated={county.pk, town.pk})
    Status = Registration.Status

    for index in range(scale):
        # Upcoming: published with seats, registrations and a waiting list; a draft; a
        # cancelled one; one of another network; a case conference of the county.
        full = _meeting(world, county, days=10 + index, capacity=10)
        for status in [Status.REGISTERED] * 3 + [Status.WAITING] * 2 + [Status.CANCELLED]:
            world.registrations.append(RegistrationFactory(meeting=full, status=status))
        world.registrations.append(RegistrationFactory(meeting=full, user=member))
        world.invitations.append(Invitation.objects.create(meeting=full, user=member))
        _meeting(world, town, days=20 + index, status=Meeting.Status.DRAFT)
        _meeting(world, county, days=5, status=Meeting.Status.CANCELLED)
        foreign = _meeting(world, elsewhere, days=7)
        invited = _meeting(world, county, days=30 + index)
        world.invitations.append(Invitation.objects.create(meeting=invited, user=member))
        declined = _meeting(world, county, days=31 + index)
        world.invitations.append(
            Invitation.objects.create(meeting=declined, user=member, declined_at=timezone.now())
        )
        waiting = _meeting(world, town, days=33 + index)
        world.registrations.append(
            RegistrationFactory(meeting=waiting, user=member, status=Status.WAITING)
        )
        conference = _meeting(world, county, days=12, kind=MeetingKind.CASE_CONFERENCE)
        conference_for_others = _meeting(world, county, days=13, kind=MeetingKind.CASE_CONFERENCE)
        world.invitations.append(Invitation.objects.create(meeting=conference, user=member))
        world.invitations.append(
            Invitation.objects.create(meeting=conference_for_others, user=other)
        )

        # Past: minutes not written, written but not published, published; one elsewhere.
        _meeting(world, county, days=-10 - index)
        held = _meeting(world, town, days=-20 - index, status=Meeting.Status.HELD)
        held.minutes = "Protokoll im Entwurf"
        held.save()
        _meeting(world, county, days=-30 - index, minutes_published_at=timezone.now())
        _meeting(world, elsewhere, days=-15)
        past = _meeting(world, county, days=-40 - index)
        world.registrations.append(RegistrationFactory(meeting=past, user=member))

        # Topics: waiting ones of the county and of elsewhere; the member's own.
        for meeting, status, by in [
            (full, TopicProposal.Status.PROPOSED, other),
            (full, TopicProposal.Status.PROPOSED, member),
            (full, TopicProposal.Status.ACCEPTED, member),
            (invited, TopicProposal.Status.REJECTED, member),
            (foreign, TopicProposal.Status.PROPOSED, other),
            (held, TopicProposal.Status.PROPOSED, other),  # past meeting: no decision due
        ]:
            world.topics.append(
                TopicProposal.objects.create(
                    network=meeting.network,
                    meeting=meeting,
                    title="Thema",
                    status=status,
                    proposed_by=by,
                )
            )

        # Measures.
        today = timezone.localdate()
        for network, status, due, responsible in [
            (county, Measure.Status.OPEN, today - timedelta(days=3), {}),
            (town, Measure.Status.IN_PROGRESS, today - timedelta(days=1), {}),
            (county, Measure.Status.DONE, today - timedelta(days=3), {}),
            (county, Measure.Status.OPEN, today + timedelta(days=3), {}),
            (elsewhere, Measure.Status.OPEN, today - timedelta(days=3), {}),
            (
                county,
                Measure.Status.OPEN,
                today + timedelta(days=9),
                {"responsible_organisation": organisation},
            ),
            (
                county,
                Measure.Status.OPEN,
                today - timedelta(days=9),
                {"responsible_organisation": organisation},
            ),
            (county, Measure.Status.DONE, None, {"responsible_organisation": organisation}),
            (elsewhere, Measure.Status.OPEN, None, {"responsible_person": member}),
        ]:
            world.measures.append(
                Measure.objects.create(
                    network=network, title="Maßnahme", status=status, due_date=due, **responsible
                )
            )
        restricted = Measure.objects.create(
            network=county,
            meeting=conference_for_others,
            title="Fall",
            responsible_organisation=organisation,
            is_restricted=True,  # as meetings.services.minutes writes them
        )
        world.measures.append(restricted)

        # Applications.
        for network in (county, county, town, elsewhere):
            world.applications.append(
                MembershipFactory(network=network, status=Membership.Status.APPLIED)
            )

        # Mails of meetings: failed and sent.
        for meeting, status in [
            (full, OutgoingMail.Status.FAILED),
            (full, OutgoingMail.Status.FAILED),
            (full, OutgoingMail.Status.SENT),
            (held, OutgoingMail.Status.FAILED),
            (foreign, OutgoingMail.Status.FAILED),
        ]:
            world.mails.append(
                OutgoingMail.objects.create(
                    key=f"test:{tag}:{len(world.mails)}",
                    kind="invitation",
                    reference=f"meeting:{meeting.pk}",
                    to_email="x@example.org",
                    subject="x",
                    body_text="x",
                    status=status,
                )
            )

        # Circulars: two new to the member, one older, one to others only.
        for days_ago, to_member in [(2, True), (20, True), (40, True), (1, False)]:
            circular = Circular.objects.create(
                network=county,
                subject=f"Rundschreiben {days_ago}",
                text="Text",
                status=Circular.Status.SENT,
                sent_at=timezone.now() - timedelta(days=days_ago),
            )
            people = [member.pk] if to_member else [other.pk]
            for user_id in people:
                CircularRecipient.objects.create(circular=circular, user_id=user_id)
            world.circulars.append((circular, people))
    return world


# --- What the test expects, computed in plain Python ----------------------------------------


def expected_coordinator(world: World) -> dict:
    now, today = timezone.now(), timezone.localdate()
    managed = [m for m in world.meetings if m.network_id in world.coordinated]
    upcoming = [m for m in managed if m.end >= now and m.status in ("draft", "published")]
    per_meeting = {
        m.pk: (
            sum(
                1 for r in world.registrations if r.meeting_id == m.pk and r.status == "registered"
            ),
            sum(1 for r in world.registrations if r.meeting_id == m.pk and r.status == "waiting"),
        )
        for m in upcoming
    }
    upcoming_ids = {m.pk for m in managed if m.end >= now and m.status != "cancelled"}
    return {
        "meetings": len(upcoming),
        "per_meeting": per_meeting,
        "topics": sum(
            1 for t in world.topics if t.status == "proposed" and t.meeting_id in upcoming_ids
        ),
        "minutes": sum(
            1
            for m in managed
            if m.end < now and m.status in ("published", "held") and not m.minutes_published_at
        ),
        "overdue": sum(
            1
            for x in world.measures
            if x.network_id in world.coordinated
            and x.status in OPEN
            and x.due_date
            and x.due_date < today
        ),
        "applications": sum(1 for a in world.applications if a.network_id in world.coordinated),
        "undelivered": sum(
            1
            for mail in world.mails
            if mail.status == "failed"
            and int(mail.reference.split(":")[1]) in {m.pk for m in managed}
        ),
    }


def expected_member(world: World) -> dict:
    now = timezone.now()
    member = world.member
    invited = {
        i.meeting_id for i in world.invitations if i.user_id == member.pk and not i.declined_at
    }
    registered = {
        r.meeting_id
        for r in world.registrations
        if r.user_id == member.pk and r.status in ("registered", "waiting")
    }
    return {
        "meetings": sum(
            1
            for m in world.meetings
            if m.pk in invited | registered and m.status == "published" and m.end >= now
        ),
        "topics": sum(1 for t in world.topics if t.proposed_by_id == member.pk),
        "measures": sum(
            1
            for x in world.measures
            if x.status in OPEN
            and (
                x.responsible_person_id == member.pk
                or (x.responsible_organisation_id == world.organisation.pk and not x.is_restricted)
            )
        ),
        "circulars": sum(
            1
            for circular, people in world.circulars
            if member.pk in people and circular.sent_at >= now - timedelta(days=30)
        ),
    }


def _overview(client, user):
    client.force_login(user)
    client.get("/dashboard/")  # the first request after logging in records the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/dashboard/")
    assert response.status_code == 200
    return response, len(queries)


def test_the_coordinators_overview_counts_what_is_to_do(client):
    world = build("a", 1)
    expected = expected_coordinator(world)
    assert all(expected.values()), expected  # the world has something of every item
    response, _queries = _overview(client, world.coordinator)
    context = response.context

    assert context["coordinated_meetings"]["total"] == expected["meetings"]
    for meeting in context["coordinated_meetings"]["rows"]:
        registered, waiting = expected["per_meeting"][meeting.pk]
        assert (meeting.registered_count, meeting.waiting_count) == (registered, waiting)
    assert context["topics_waiting_total"] == expected["topics"]
    assert context["minutes_due"]["total"] == expected["minutes"]
    assert context["overdue_measures"]["total"] == expected["overdue"]
    assert context["applications_total"] == expected["applications"]
    assert context["undelivered_mails_total"] == expected["undelivered"]

    html = response.content.decode()
    assert "4 angemeldet / 10 Plätze · 2 auf der Warteliste" in html
    assert "2 offene Aufnahmeanträge" in html
    assert "2 E-Mails nicht zugestellt" in html
    assert "noch nicht geschrieben" in html and "geschrieben, noch nicht veröffentlicht" in html
    for meeting in context["minutes_due"]["rows"]:
        assert f"/meetings/{meeting.pk}/minutes/" in html


def test_the_members_overview_counts_what_is_ahead(client):
    world = build("b", 1)
    expected = expected_member(world)
    assert all(expected.values()), expected
    response, _queries = _overview(client, world.member)
    context = response.context

    assert context["next_meetings"]["total"] == expected["meetings"]
    statuses = {m.my_status for m in context["next_meetings"]["rows"]}
    assert statuses == {"registered", "waiting", None}
    assert context["my_topics"]["total"] == expected["topics"]
    assert context["measures"]["total"] == expected["measures"]
    assert context["new_circulars"]["total"] == expected["circulars"]
    assert not context["is_coordinator"]
    html = response.content.decode()
    assert "Ihre Koordination" not in html
    # A case conference only for its invitees: the member sees the one she is invited to.
    titles = {m.pk for m in context["next_meetings"]["rows"]}
    conferences = [m for m in world.meetings if m.kind == MeetingKind.CASE_CONFERENCE]
    assert conferences[0].pk in titles and conferences[1].pk not in titles
    assert "Rundschreiben 40" not in html and "Rundschreiben 1<" not in html


def test_empty_overviews_say_what_to_do(client):
    coordinator = UserFactory(name="Neu Koordination")
    NetworkFactory().coordinators.add(coordinator)
    html = _overview(client, coordinator)[0].content.decode()
    assert "Treffen planen" in html
    assert "Sie haben noch kein Thema vorgeschlagen" in html


def test_the_query_count_is_pinned_and_does_not_grow_with_the_data(client):
    small, large = build("s", 1), build("l", 3)
    for role in ("coordinator", "member"):
        small_count = _overview(client, getattr(small, role))[1]
        large_count = _overview(client, getattr(large, role))[1]
        assert small_count <= QUERY_BUDGET, role
        assert small_count == large_count, role
    # And the larger world's counts are still right.
    response = _overview(client, large.coordinator)[0]
    assert response.context["overdue_measures"]["total"] == expected_coordinator(large)["overdue"]
    response = _overview(client, large.member)[0]
    assert response.context["next_meetings"]["total"] == expected_member(large)["meetings"]
