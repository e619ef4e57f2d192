"""Query budget of the network app's key pages (issue 12): pinned, the same on a larger world
(five times more networks, member organisations, representatives, meetings). The world and
how it grows: tests/support/query_budget.py."""

import pytest

from tests.support.query_budget import assert_budget, key_world

pytestmark = pytest.mark.django_db

NETWORK = "/networks/fruehe-hilfen-a/"


def test_network_list(client):
    world = key_world()
    # 1 user, 2 the person's member networks (access id set), 3 coordinated networks,
    # 4 count of the listed networks, 5 own open memberships, 6 the page of networks with
    # member counts.
    assert_budget(client, world, "/networks/", world.users["org_admin"], 6)


def test_network_page_as_member(client):
    world = key_world()
    # 1 user, 2 network, 3 member networks (access), 4 the person's organisations and roles,
    # 5 the network's applied and active memberships with their organisations (members by
    # sector and the person's own memberships, which the tabs reuse), 6 coordinated networks,
    # 7 the member networks' parents (tree; circulars' audience), 8 latest circulars,
    # 9 latest news, 10 open proposals (count), 11 open pinboard posts (count),
    # 12 municipalities, 13 sub-networks, 14 coordinators, 15 upcoming public meetings.
    assert_budget(client, world, NETWORK, world.users["org_admin"], 15)


def test_network_page_as_coordinator(client):
    world = key_world()
    # 1 user, 2 network, 3 member networks, 4 coordinated networks, 5 their sub-networks
    # (tree), 6 the person's organisations, 7 the network's applied and active memberships
    # with their organisations (members by sector and the count of open applications),
    # 8 latest circulars, 9 latest news, 10 open proposals (count), 11 open pinboard posts
    # (count), 12 municipalities, 13 sub-networks, 14 coordinators, 15 upcoming public
    # meetings.
    assert_budget(client, world, NETWORK, world.users["coordinator"], 15)


def test_members(client):
    world = key_world()
    # 1 user, 2 network, 3 member networks, 4 coordinated networks, 5 sub-networks (tree),
    # 6 count of members, 7 the person's organisations, 8 the page of memberships,
    # 9 their representatives, 10 the representatives' people, 11 their users.
    assert_budget(client, world, NETWORK + "members/", world.users["coordinator"], 11)


def test_measures(client):
    world = key_world()
    # 1 user, 2 network, 3 member networks, 4 coordinated networks, 5 sub-networks (tree),
    # 6 count of open measures, 7 the page of measures, 8 the person's organisations (tabs).
    assert_budget(client, world, NETWORK + "measures/", world.users["coordinator"], 8)


def test_profile_pdf(client):
    world = key_world()
    # 1 user, 2 network, 3 member networks (access), 4 municipalities, 5 sub-networks,
    # 6 member organisations, 7 upcoming public meetings.
    assert_budget(client, world, NETWORK + "profile.pdf", world.users["org_admin"], 7)


def test_admin_membership_changelist(client):
    world = key_world()
    # 1 user, 2 networks for the network filter, 3 counties for the county filter,
    # 4 count, 5 the page with organisation and network, 6 first and last application date,
    # 7 the years of the date hierarchy. No full count (show_full_result_count off).
    assert_budget(client, world, "/admin/network/membership/", world.users["site_admin"], 7)
