"""Words a member reads around a meeting (issue 10): "anmelden" means registering for a
meeting, "einloggen" logging in; minutes are "Protokoll"; who is invited is "Eingeladen sind",
not the "Zielgruppe" of an offer."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import AgendaItem, Invitation, Meeting

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_visitors_log_in_and_members_register_for_the_meeting(client, world):
    meeting = MeetingFactory(network=world.network, audience=Meeting.Audience.PUBLIC)
    visitor = text_of(client.get(meeting.get_absolute_url()))
    assert "Einloggen und zum Treffen anmelden" in visitor
    assert "Zum Anmelden einloggen" not in visitor

    Invitation.objects.create(meeting=meeting, user=world.member)
    client.force_login(world.member)
    member = text_of(client.get(meeting.get_absolute_url()))
    assert "Zum Treffen anmelden" in member and "Ausloggen" in member
    form = text_of(client.get(f"/meetings/{meeting.pk}/register/"))
    assert "Zum Treffen anmelden" in form


def test_the_minutes_are_a_protokoll_and_agenda_durations_minutes(client, world):
    meeting = MeetingFactory(
        network=world.network,
        start=timezone.now() - timedelta(hours=3),
        end=timezone.now() - timedelta(hours=1),
        minutes="Alle waren da.",
        minutes_published_at=timezone.now(),
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Begrüßung")
    client.force_login(world.coordinator)
    minutes = client.get(f"/meetings/{meeting.pk}/minutes/").content.decode()
    assert re.search(r"<title>\s*Protokoll ·", minutes)
    assert "Minuten" not in re.search(r"<title>.*?</title>", minutes, re.S).group()
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert "<h2>Protokoll</h2>" in detail and "<h2>Minuten</h2>" not in detail
    assert '<th scope="col">Minuten</th>' in detail  # the agenda's durations stay minutes


def test_who_is_invited_is_not_a_target_group(client, world):
    client.force_login(world.coordinator)
    response = client.get("/meetings/new/", {"network": world.network.pk, "kind": "network"})
    page = text_of(response)
    assert "Zielgruppe" not in page
    assert "Eingeladen sind" in page
    choices = dict(response.context["form"].fields["audience"].choices)
    assert choices == {
        "network": "die Mitglieder des Netzwerks",
        "with_subnetworks": "die Mitglieder des Netzwerks und seiner Teilnetzwerke",
        "public": "alle: auch Organisationen außerhalb des Netzwerks können sich zum Treffen "
        "anmelden",
    }
