"""Key pages run the same number of queries for one meeting and for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Invitation
from network.models import Measure
from tests.support.query_budget import assert_budget, key_world

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


# --- The pinned budget of the key pages (issue 12) -----------------------------------------
# The world and how it grows: tests/support/query_budget.py.

ACCESS_MEMBER = 4  # user, coordinated networks, member networks, their parents (tree)
ACCESS_COORDINATOR = 4  # user, coordinated networks, their sub-networks (tree), member networks


@pytest.mark.django_db
def test_budget_my_meetings(client):
    world = key_world()
    # access (4), 5 count of upcoming meetings, 6 registrations, 7 invitations, 8 the page,
    # 9 past registrations.
    assert_budget(client, world, "/meetings/", world.users["org_admin"], ACCESS_MEMBER + 5)


@pytest.mark.django_db
def test_budget_meeting_page_as_member(client):
    world = key_world()
    # access (4), 5 the meeting (visible_to), 6 own registration, 7 invitation, 8 the person's
    # organisations, 9 colleagues' registrations, 10 seat counts, 11 agenda with measures,
    # 12 the audience's organisations (once for register, colleagues and topics).
    url = f"/meetings/{world.meeting_a.pk}/"
    assert_budget(client, world, url, world.users["org_admin"], ACCESS_MEMBER + 8)


@pytest.mark.django_db
def test_budget_meeting_page_as_coordinator(client):
    world = key_world()
    # access (4), 5 the meeting, 6 own registration, 7 invitation, 8 the person's
    # organisations, 9 seat counts, 10 agenda with measures, 11 measures, 12 "is invited".
    url = f"/meetings/{world.meeting_a.pk}/"
    assert_budget(client, world, url, world.users["coordinator"], ACCESS_COORDINATOR + 8)


@pytest.mark.django_db
def test_budget_meeting_edit(client):
    world = key_world()
    # access (4), 5 the meeting, 6 the contact person chosen (the picker lists nobody else),
    # 7 working groups.
    url = f"/meetings/{world.meeting_a.pk}/edit/"
    assert_budget(client, world, url, world.users["coordinator"], ACCESS_COORDINATOR + 3)


@pytest.mark.django_db
def test_budget_minutes(client):
    world = key_world()
    # access (4), 5 the meeting, 6 agenda, 7 registrations, 8 "anyone to add who came
    # without registering" (the pickers list nobody until searched), 9 measures,
    # 10 member organisations (responsible organisation).
    url = f"/meetings/{world.past_meeting.pk}/minutes/"
    assert_budget(client, world, url, world.users["coordinator"], ACCESS_COORDINATOR + 6)


@pytest.mark.django_db
def test_budget_invitations_page(client):
    world = key_world()
    # access (4), 5 the meeting, 6 invitations with people, 7 "anyone left to invite" (the
    # picker lists nobody until searched).
    url = f"/meetings/{world.meeting_a.pk}/invitations/"
    assert_budget(client, world, url, world.users["coordinator"], ACCESS_COORDINATOR + 3)


@pytest.mark.django_db
def test_budget_poll_page(client):
    world = key_world()
    # 1 user, 2 member networks, 3 their parent networks (tree; polls "with sub-networks"),
    # 4 coordinated networks, 5 poll (visibility rule, with network, meeting, chosen slot,
    # working group), 6 slots, 7 answers with people, 8 the person's own poll invitation.
    url = f"/meetings/polls/{world.poll.pk}/"
    assert_budget(client, world, url, world.users["org_admin"], 8)


@pytest.mark.django_db
def test_budget_personal_calendar_feed(client):
    world = key_world()
    # 1 the feed's owner by token, 2 the meetings they registered for.
    url = f"/meetings/feed/{world.users['org_admin'].calendar_token}.ics"
    assert_budget(client, world, url, None, 2)
