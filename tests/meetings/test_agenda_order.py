"""Items added to an agenda later go before its closing items ("Verschiedenes und nächster
Termin"), not after them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import MeetingKind, TopicProposal
from network.models import Measure, WorkingGroup, WorkingGroupResult

pytestmark = pytest.mark.django_db


def _titles(meeting):
    return list(meeting.agenda_items.order_by("position", "pk").values_list("title", flat=True))


def test_review_items_topics_and_new_items_go_before_the_closing_items(world):
    Measure.objects.create(network=world.network, title="Notfallliste erstellen")
    group = WorkingGroup.objects.create(network=world.network, name="AG Fortbildung")
    WorkingGroupResult.objects.create(
        working_group=group, title="Fortbildungsplan", for_plenary=True
    )
    meeting = services.meeting_create(
        network=world.network,
        by=world.coordinator,
        kind=MeetingKind.NETWORK,
        title="Netzwerktreffen",
        start=timezone.now() + timedelta(days=30),
    )
    assert _titles(meeting) == [
        "Begrüßung und Genehmigung der Tagesordnung",
        "Bericht der Koordination",
        "Notfallliste erstellen",
        "AG Fortbildung: Fortbildungsplan",
        "Verschiedenes und nächster Termin",
    ]
    assert meeting.agenda_items.get(title="Verschiedenes und nächster Termin").is_closing

    # Added later: a measure for review, an accepted topic, an item by hand.
    Measure.objects.create(network=world.network, title="Flyer drucken")
    services.agenda_add_review_items(meeting=meeting)
    topic = services.topic_propose(meeting=meeting, by=world.member, title="Kinderschutz")
    services.topic_decide(
        topic=topic, meeting=meeting, by=world.coordinator, decision=TopicProposal.Status.ACCEPTED
    )
    services.agenda_item_add(meeting=meeting, by=world.coordinator, title="Pause")

    titles = _titles(meeting)
    assert titles[-1] == "Verschiedenes und nächster Termin"
    assert titles.index("Flyer drucken") < titles.index("Kinderschutz") < titles.index("Pause")
    positions = list(meeting.agenda_items.values_list("position", flat=True))
    assert len(set(positions)) == len(positions)  # no two items share a place
