"""The coordinator's meeting list, opened by someone who coordinates nothing (found by QA):
it says so and points to their own meetings instead of asking them to plan one."""

import pytest

from .factories import NetworkFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_member_who_coordinates_nothing_is_sent_to_their_own_meetings(client):
    member = member_of(NetworkFactory(), name="Tara")
    client.force_login(member)

    html = client.get("/meetings/manage/").content.decode()

    assert "Sie koordinieren kein Netzwerk" in html
    assert 'href="/meetings/"' in html
    assert "Keine anstehenden Treffen" not in html  # the coordinator's empty state
