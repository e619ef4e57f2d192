"""Query budget of the directory and the organisation page (issue 12): pinned, the same on a
larger world. The world and how it grows: tests/support/query_budget.py."""

import pytest

from tests.support.query_budget import assert_budget, key_world

pytestmark = pytest.mark.django_db

# 1 user, 2 municipalities with their counties (filter), 3 the person's organisations,
# 4 member networks, 5 organisations sharing a network (the visibility id set, once),
# 6 fields of work, 7 target groups and 8 planning regions with their counties (filters),
# 9 the page of organisations with "is my organisation" and the total (COUNT(*) OVER (),
# core/pagination.py: no COUNT query of its own), 10 their fields of work,
# 11 municipalities, 12 active offers, 13 the offers' target groups, 14 their municipalities.
DIRECTORY = 14


def test_directory(client):
    world = key_world()
    assert_budget(client, world, "/providers/", world.users["org_admin"], DIRECTORY)


def test_directory_search(client):
    world = key_world()
    # As above, and before the page: the organisations whose active offers match (an id set,
    # so every branch of the search can use the trigram indexes on PostgreSQL).
    url = "/providers/?q=Tr%C3%A4ger"
    assert_budget(client, world, url, world.users["org_admin"], DIRECTORY + 1)


def test_organisation_page(client):
    world = key_world()
    # 1 user, 2 the person's organisations, 3 member networks, 4 organisations sharing a
    # network, 5 the organisation (visibility), 6 its people (the person's own place among
    # them), 7 offers, 8-10 their target groups, municipalities and fields of work,
    # 11 coordinated networks, 12 the organisation's networks (network's section),
    # 13 fields of work, 14 municipalities, 15 jurisdiction.
    assert_budget(client, world, "/providers/traeger-a/", world.users["org_admin"], 15)
