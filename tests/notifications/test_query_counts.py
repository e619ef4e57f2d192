"""Query budget of the delivery view (issue 12): pinned, the same on a larger world. The world
and how it grows: tests/support/query_budget.py."""

import pytest

from notifications.models import OutgoingMail
from tests.factories import UserFactory
from tests.support.query_budget import assert_budget, key_world, queries

pytestmark = pytest.mark.django_db


def test_delivery_view(client):
    world = key_world()
    url = f"/notifications/meetings/{world.meeting_a.pk}/delivery/"
    # 1 user, 2 meeting, 3 coordinated networks, 4 sub-networks (tree), 5 answers of all
    # invitations (counted in Python), 6 count, 7 the page of invitations with answers,
    # 8 the invitation mails of the page, 9 mails by status, 10 failed mails.
    assert_budget(client, world, url, world.users["coordinator"], 10)


def _outbox_rows(count: int, kind: str):
    OutgoingMail.objects.bulk_create(
        OutgoingMail(
            key=f"{kind}:{index}",
            kind=kind,
            to_email=f"person{index}@example.org",
            subject="Betreff",
            body_text="Text",
        )
        for index in range(count)
    )


def test_outbox_admin_filters_do_not_scan_the_outbox(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    _outbox_rows(10, "invitation")
    small = queries(client, "/admin/notifications/outgoingmail/")
    _outbox_rows(50, "reminder")
    large = queries(client, "/admin/notifications/outgoingmail/")
    # 1 user, 2 count (one, not a second full count), 3 the page (case-conference rows
    # hidden from plain staff do not apply to a superuser). The kind filter has fixed
    # choices: no DISTINCT over the outbox.
    assert len(small) == len(large) == 3, large
    assert not any("DISTINCT" in sql for sql in large)
    filtered = client.get("/admin/notifications/outgoingmail/?kind=reminder")
    assert filtered.context["cl"].result_count == 50
