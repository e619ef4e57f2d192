"""Recording someone who came without registering, from the minutes page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Registration

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_meeting(world):
    start = timezone.now() - timedelta(hours=3)
    return MeetingFactory(
        network=world.network, status="published", start=start, end=start + timedelta(hours=2)
    )


def test_coordinator_adds_a_member_who_came_without_registering(client, world, past_meeting):
    client.force_login(world.coordinator)
    page = client.get(f"/meetings/{past_meeting.pk}/minutes/").content.decode()
    assert "Person, die ohne Anmeldung teilgenommen hat" in page

    response = client.post(
        f"/meetings/{past_meeting.pk}/minutes/attendance/", {"person": world.member.pk}
    )

    assert response.status_code == 302
    registration = Registration.objects.get(meeting=past_meeting, user=world.member)
    assert registration.attended is True
    assert registration.status == Registration.Status.REGISTERED
    assert registration.organisation is not None  # counts for the member's organisation


def test_outsiders_cannot_be_added_and_outsiders_cannot_add(client, world, past_meeting):
    client.force_login(world.coordinator)
    client.post(f"/meetings/{past_meeting.pk}/minutes/attendance/", {"person": world.outsider.pk})
    assert not Registration.objects.filter(meeting=past_meeting).exists()

    client.force_login(world.outsider)
    response = client.post(
        f"/meetings/{past_meeting.pk}/minutes/attendance/", {"person": world.member.pk}
    )
    assert response.status_code == 404
    assert not Registration.objects.filter(meeting=past_meeting).exists()
