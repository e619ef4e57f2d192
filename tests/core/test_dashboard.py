"""The overview after login: next meetings, organisations, coordination, measures."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.models import Measure, Membership
from tests.meetings.factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    RegistrationFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


def test_a_member_sees_their_next_meetings_organisation_and_measures(client):
    network = NetworkFactory(name="Netzwerk Frühe Hilfen Viersen")
    dave = member_of(network, name="Dave")
    meeting = MeetingFactory(network=network, title="Netzwerktreffen im Frühjahr")
    RegistrationFactory(meeting=meeting, user=dave)
    past = MeetingFactory(
        network=network,
        title="Treffen vom letzten Jahr",
        start=timezone.now() - timedelta(days=300),
        end=timezone.now() - timedelta(days=300, hours=-2),
    )
    RegistrationFactory(meeting=past, user=dave)
    Measure.objects.create(network=network, title="Flyer übersetzen", responsible_person=dave)
    Measure.objects.create(
        network=network, title="Erledigt", responsible_person=dave, status=Measure.Status.DONE
    )
    client.force_login(dave)

    html = client.get("/dashboard/").content.decode()

    assert "Netzwerktreffen im Frühjahr" in html
    assert "Treffen vom letzten Jahr" not in html
    assert dave.organisation_memberships.get().organisation.name in html
    assert "Flyer übersetzen" in html
    assert "Erledigt" not in html
    assert "Netzwerke, die Sie koordinieren" not in html


def test_a_coordinator_sees_open_applications(client):
    network = NetworkFactory(name="Trägerverbund Kreis Wesel")
    kim = UserFactory(name="Kim")
    network.coordinators.add(kim)
    MembershipFactory(network=network, status=Membership.Status.APPLIED)
    MembershipFactory(network=network, status=Membership.Status.APPLIED)
    client.force_login(kim)

    html = client.get("/dashboard/").content.decode()

    assert "Trägerverbund Kreis Wesel" in html
    assert "2 offene Aufnahmeanträge" in html
    assert f"/networks/{network.slug}/applications/" in html


def _queries_for(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/dashboard/").status_code == 200
    return len(queries)


def test_the_overview_runs_the_same_number_of_queries_for_more_data(client):
    def person_with(count):
        network = NetworkFactory()
        person = member_of(network, name=f"Person{count}")
        network.coordinators.add(person)
        for index in range(count):
            RegistrationFactory(meeting=MeetingFactory(network=network), user=person)
            Measure.objects.create(network=network, title=f"M{index}", responsible_person=person)
            MembershipFactory(network=network, status=Membership.Status.APPLIED)
        return person

    # Session and user, then registrations, organisations, coordinated networks with their
    # application counts, measures — each one query whatever the amount.
    assert _queries_for(client, person_with(1)) == _queries_for(client, person_with(8))
