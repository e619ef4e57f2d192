"""The coordination's one next step, per state (the browser journey walks the main line),
and what members see of an agenda before it is published."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import AgendaItem, Meeting, MeetingKind
from meetings.selectors.meeting_page import coordination_step

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _step(meeting):
    return coordination_step(meeting, [(item, None) for item in meeting.agenda_items.all()])


def test_the_next_step_follows_the_state(world):
    meeting = MeetingFactory(network=world.network, status=Meeting.Status.DRAFT)
    assert _step(meeting) == "publish"
    meeting.status = Meeting.Status.PUBLISHED
    assert _step(meeting) == "publish_agenda"
    meeting.agenda_published_at = timezone.now()
    assert _step(meeting) == "participants"
    meeting.start, meeting.end = (
        timezone.now() - timedelta(hours=3),
        timezone.now() - timedelta(hours=1),
    )
    assert _step(meeting) == "minutes"
    # Minutes of one agenda item count as written minutes.
    AgendaItem.objects.create(meeting=meeting, title="Berichte", minutes="Alle berichten.")
    assert _step(meeting) == "publish_minutes"
    meeting.minutes_published_at = timezone.now()
    assert _step(meeting) == "next_date"
    meeting.status = Meeting.Status.CANCELLED
    assert _step(meeting) == ""


def test_a_case_conference_has_no_agenda_step(world):
    conference = MeetingFactory(network=world.network, kind=MeetingKind.CASE_CONFERENCE)
    assert _step(conference) == "participants"


def test_members_see_the_agenda_once_it_is_published(client, world):
    meeting = services.meeting_create(
        network=world.network,
        by=world.coordinator,
        kind=MeetingKind.NETWORK,
        title="Netzwerktreffen",
        start=timezone.now() + timedelta(days=20),
    )
    services.meeting_publish(meeting=meeting, by=world.coordinator)
    client.force_login(world.member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Die Tagesordnung folgt" in page
    assert "Bericht der Koordination" not in page
    assert "Weitere Aktionen" not in page  # the coordination box is for the coordination

    services.agenda_publish(meeting=meeting, by=world.coordinator)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Die Tagesordnung folgt" not in page
    assert "Bericht der Koordination" in page
