"""Key pages run the same number of queries for one meeting and for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Invitation
from network.models import Measure

from .factories import MeetingFactory, RegistrationFactory, UserFactory


def count_queries(client, url):
    client.get(url)  # the first request of a session also records the user session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(world, meeting, *, people):
    """Registrations (seats and waiting list), agenda items and measures for one meeting."""
    organisation = world.member.organisation_memberships.get().organisation
    for _ in range(people):
        RegistrationFactory(meeting=meeting, user=UserFactory(), organisation=organisation)
        meeting.agenda_items.create(title="TOP", position=1)
        Measure.objects.create(network=world.network, meeting=meeting, title="Maßnahme")


def make_meetings(world, count, *, people):
    meetings = [MeetingFactory(network=world.network) for _ in range(count)]
    for meeting in meetings:
        fill(world, meeting, people=people)
        RegistrationFactory(meeting=meeting, user=world.member)
        Invitation.objects.create(meeting=meeting, user=world.member)
    return meetings


@pytest.mark.django_db
def test_my_meetings_query_count_is_independent_of_data(client, world):
    make_meetings(world, 1, people=1)
    client.force_login(world.member)
    small = count_queries(client, "/meetings/")
    make_meetings(world, 30, people=5)
    large = count_queries(client, "/meetings/")
    # session, user, memberships of the user, coordinated networks (x2: my page and
    # visible_to), registrations, invitations, upcoming meetings (count + page), past.
    assert small == large


@pytest.mark.django_db
def test_manage_list_query_count_is_independent_of_data(client, world):
    make_meetings(world, 1, people=1)
    client.force_login(world.coordinator)
    small = count_queries(client, "/meetings/manage/")
    make_meetings(world, 30, people=5)
    large = count_queries(client, "/meetings/manage/")
    # session, user, coordinated networks (+ sub-network level), count, page with
    # registration counts annotated, "may create" check.
    assert small == large


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "org_admin", "coordinator"])
def test_meeting_page_query_count_is_independent_of_data(client, world, role):
    small_meeting = make_meetings(world, 1, people=1)[0]
    large_meeting = make_meetings(world, 1, people=40)[0]
    client.force_login(getattr(world, role))
    small = count_queries(client, f"/meetings/{small_meeting.pk}/")
    large = count_queries(client, f"/meetings/{large_meeting.pk}/")
    # session, user, meeting, visibility, manage check, own registration, invitation,
    # colleagues' registrations, seat counts, agenda with measures, measures, etc.
    assert small == large
