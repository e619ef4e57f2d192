"""Query budget of the pages app's key pages (issue 12): pinned, the same on a larger world.
The world and how it grows: tests/support/query_budget.py."""

import pytest

from tests.support.query_budget import assert_budget, key_world

pytestmark = pytest.mark.django_db


def test_home(client):
    world = key_world()
    # 1 the signed-in user (the session comes from the cache), 2 upcoming public meetings,
    # 3 latest public news, 4 public networks open for members.
    assert_budget(client, world, "/", world.users["org_admin"], 4)


def test_home_for_a_visitor(client):
    world = key_world()
    # No user query for an anonymous visitor: 1 upcoming public meetings, 2 latest public
    # news, 3 public networks open for members.
    assert_budget(client, world, "/", None, 3)


def test_dashboard_as_member(client):
    world = key_world()
    # 1 user, 2 the person's organisations, 3 coordinated networks (none), 4 member networks,
    # 5 their parent networks (tree), 6 next meetings with the person's registration status
    # and total, 7 the person's topic proposals, 8 open measures of the person and their
    # organisations, 9 circulars received lately, 10 date polls waiting for the person.
    assert_budget(client, world, "/dashboard/", world.users["org_admin"], 10)


def test_dashboard_as_coordinator(client):
    world = key_world()
    # 1 user, 2 the person's organisations, 3 coordinated networks, 4 their sub-networks
    # (tree), 5 member networks (none: no parents to look up), 6 next meetings, 7 topic
    # proposals, 8 open measures, 9 circulars received lately; coordination: 10 upcoming
    # meetings with registrations and waiting topics, 11 meetings awaiting minutes,
    # 12 overdue measures, 13 coordinated networks with open applications, 14 meetings with
    # undelivered mails; 15 date polls (waiting for the person, and the coordinated networks'
    # open ones).
    assert_budget(client, world, "/dashboard/", world.users["coordinator"], 15)
