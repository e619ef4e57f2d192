"""Query budget of the pages app's key pages (issue 12): pinned, the same on a larger world.
The world and how it grows: tests/support/query_budget.py."""

import pytest

from tests.support.query_budget import assert_budget, key_world

pytestmark = pytest.mark.django_db


def test_home(client):
    world = key_world()
    # 1 the signed-in user (the session comes from the cache).
    assert_budget(client, world, "/", world.users["org_admin"], 1)


@pytest.mark.parametrize("role", ["org_admin", "coordinator"])
def test_dashboard(client, role):
    world = key_world()
    # 1 user, 2 upcoming registrations with their meetings, 3 the person's organisations,
    # 4 coordinated networks with open applications, 5 measures the person is responsible for.
    assert_budget(client, world, "/dashboard/", world.users[role], 5)
