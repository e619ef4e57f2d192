"""Query budget of the delivery view (issue 12): pinned, the same on a larger world. The world
and how it grows: tests/support/query_budget.py."""

import pytest

from tests.support.query_budget import assert_budget, key_world

pytestmark = pytest.mark.django_db


def test_delivery_view(client):
    world = key_world()
    url = f"/notifications/meetings/{world.meeting_a.pk}/delivery/"
    # 1 user, 2 meeting, 3 coordinated networks, 4 sub-networks (tree), 5 answers of all
    # invitations (counted in Python), 6 count, 7 the page of invitations with answers,
    # 8 the invitation mails of the page, 9 mails by status, 10 failed mails.
    assert_budget(client, world, url, world.users["coordinator"], 10)
