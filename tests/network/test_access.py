"""The person's organisations and networks are looked up once per request (issue 11,
acceptance 3): every further permission check in the request costs no query."""

import pytest
from django.test import RequestFactory

from meetings.permissions import can_view_meeting
from network.access import member_network_ids
from network.permissions import can_see_internal, can_view_network, is_coordinator
from providers.permissions import can_see_staff_contacts
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationMemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    county = NetworkFactory(visibility="members")
    town = NetworkFactory(parent=county, visibility="members")
    other = NetworkFactory(visibility="members")
    person = UserFactory()
    member = OrganisationMemberFactory(user=person)
    MembershipFactory(network=town, organisation=member.organisation)
    county.coordinators.add(person)
    neighbour = MembershipFactory(network=town).organisation
    return person, county, town, other, neighbour


def _request_user(person):
    """The user object as one request sees it (a fresh instance, nothing remembered)."""
    request = RequestFactory().get("/")
    request.user = type(person).objects.get(pk=person.pk)
    return request.user


def test_two_permission_checks_in_one_request_query_the_person_once(
    world, django_assert_num_queries
):
    person, county, town, other, neighbour = world
    user = _request_user(person)
    # The first checks look the person up: the networks they coordinate (1), the
    # sub-networks below those (1, one recursive CTE) and the networks they belong to (1).
    with django_assert_num_queries(3):
        assert is_coordinator(user, town)
        assert not can_see_internal(user, other)
    # Every further check in the same request is answered from memory.
    with django_assert_num_queries(0):
        assert is_coordinator(user, county)
        assert not is_coordinator(user, other)
        assert can_view_network(user, county)
        assert not can_view_network(user, other)
        assert can_see_internal(user, county)


def test_organisation_checks_are_remembered_too(world, django_assert_num_queries):
    person, county, town, other, neighbour = world
    user = _request_user(person)
    # The person's organisations (1), their networks (1), the organisations in those (1).
    with django_assert_num_queries(3):
        assert can_see_staff_contacts(user, neighbour)
    with django_assert_num_queries(0):
        assert can_see_staff_contacts(user, neighbour)
        assert member_network_ids(user) == {town.pk}


def test_a_change_to_memberships_is_seen_by_the_next_check(world):
    person, county, town, other, neighbour = world
    user = _request_user(person)
    assert not can_view_network(user, other)
    MembershipFactory(
        network=other, organisation=person.organisation_memberships.get().organisation
    )
    assert can_view_network(user, other)


def test_the_meeting_visibility_rule_uses_the_remembered_networks(world, django_assert_num_queries):
    person, county, town, other, neighbour = world
    first = MeetingFactory(network=town, status="published")
    second = MeetingFactory(network=county, status="published")
    user = _request_user(person)
    assert can_view_meeting(user, first)  # looks the person up
    with django_assert_num_queries(1):  # the meeting query itself, nothing about the person
        assert can_view_meeting(user, second)
