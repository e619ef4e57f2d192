"""Scheduling, registration with waiting list, topics, minutes and series (services)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import AuditEvent
from core.services import calendar_token_regenerate
from meetings import services
from meetings.models import AgendaItem, Invitation, Meeting, MeetingKind, Registration
from meetings.services import MeetingError
from network.models import Measure

from .factories import MeetingFactory, UserFactory


def in_days(days, hour=17):
    return (timezone.localtime() + timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


@pytest.mark.django_db
def test_meeting_create_copies_the_template(world):
    meeting = services.meeting_create(
        network=world.network,
        by=world.coordinator,
        kind=MeetingKind.NETWORK,
        title="Netzwerktreffen Frühjahr",
        start=in_days(30),
    )
    assert meeting.status == Meeting.Status.DRAFT
    assert meeting.end - meeting.start == timedelta(minutes=180)
    assert meeting.contact_person == world.coordinator
    titles = list(meeting.agenda_items.values_list("title", flat=True))
    assert titles[0] == "Begrüßung und Genehmigung der Tagesordnung"
    assert meeting.reminder_offsets == [168, 24]
    assert "personenbezogenen Daten" in meeting.data_protection_notice


@pytest.mark.django_db
def test_case_conference_keeps_no_description_or_agenda(world):
    meeting = services.meeting_create(
        network=world.network,
        by=world.coordinator,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz",
        case_reference="FK-2025-07",
        description="Familie Müller",
        start=in_days(3),
    )
    assert meeting.description == ""
    assert not meeting.agenda_items.exists()
    assert "Fallzeichen" in meeting.data_protection_notice


@pytest.mark.django_db
def test_publish_invites_representatives_and_is_audited(world):
    meeting = MeetingFactory(network=world.network, status=Meeting.Status.DRAFT)
    services.meeting_publish(meeting=meeting, by=world.coordinator)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED
    invited = set(Invitation.objects.filter(meeting=meeting).values_list("user__name", flat=True))
    assert invited == {"Dave", "Olga", "Paul", "Carol"}
    assert AuditEvent.objects.filter(action="meeting.published", target_id=str(meeting.pk)).exists()


@pytest.mark.django_db
def test_update_raises_sequence_only_for_calendar_changes(world):
    meeting = MeetingFactory(network=world.network)
    services.meeting_update(meeting=meeting, by=world.coordinator, title="Neuer Titel")
    meeting.refresh_from_db()
    assert meeting.sequence == 0
    services.meeting_update(
        meeting=meeting,
        by=world.coordinator,
        start=meeting.start + timedelta(hours=1),
        end=meeting.end + timedelta(hours=1),
    )
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert AuditEvent.objects.filter(action="meeting.changed").count() == 2


@pytest.mark.django_db
def test_waiting_list_and_promotion(world):
    meeting = MeetingFactory(network=world.network, capacity=1)
    first = services.registration_register(meeting=meeting, user=world.member)
    second = services.registration_register(meeting=meeting, user=world.colleague)
    assert first.status == Registration.Status.REGISTERED
    assert second.status == Registration.Status.WAITING
    assert first.organisation.pk == world.member.organisation_memberships.get().organisation_id
    with pytest.raises(MeetingError):
        services.registration_register(meeting=meeting, user=world.member)
    services.registration_cancel(registration=first, by=world.member)
    second.refresh_from_db()
    assert second.status == Registration.Status.REGISTERED
    # Registering again after a cancellation reuses the row; the seat is taken now.
    again = services.registration_register(meeting=meeting, user=world.member)
    assert again.pk == first.pk and again.status == Registration.Status.WAITING
    # Leaving the waiting list promotes nobody and frees nothing.
    services.registration_cancel(registration=again, by=world.member)
    assert meeting.registrations.filter(status=Registration.Status.REGISTERED).count() == 1


@pytest.mark.django_db
def test_more_capacity_promotes_waiting_people(world):
    meeting = MeetingFactory(network=world.network, capacity=1)
    services.registration_register(meeting=meeting, user=world.member)
    waiting = services.registration_register(meeting=meeting, user=world.colleague)
    services.meeting_update(meeting=meeting, by=world.coordinator, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.REGISTERED


@pytest.mark.django_db
def test_registration_closes_at_the_deadline(world):
    meeting = MeetingFactory(
        network=world.network, registration_deadline=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(MeetingError):
        services.registration_register(meeting=meeting, user=world.member)


@pytest.mark.django_db
def test_decline_marks_the_invitation_and_frees_the_seat(world):
    meeting = MeetingFactory(network=world.network, capacity=1)
    Invitation.objects.create(meeting=meeting, user=world.member)
    services.registration_register(meeting=meeting, user=world.member)
    waiting = services.registration_register(meeting=meeting, user=world.colleague)
    services.registration_decline(meeting=meeting, user=world.member)
    assert Invitation.objects.get(meeting=meeting, user=world.member).declined_at is not None
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.REGISTERED


@pytest.mark.django_db
def test_cancel_raises_sequence(world):
    meeting = MeetingFactory(network=world.network)
    services.meeting_cancel(meeting=meeting, by=world.coordinator)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED and meeting.sequence == 1


@pytest.mark.django_db
def test_topics_deferred_are_offered_to_the_next_meeting(world):
    first = MeetingFactory(network=world.network)
    topic = services.topic_propose(meeting=first, by=world.member, title="Fachkräftemangel")
    services.topic_decide(topic=topic, meeting=first, by=world.coordinator, decision="deferred")
    second = MeetingFactory(
        network=world.network,
        start=first.start + timedelta(days=90),
        end=first.end + timedelta(days=90),
    )
    services.topic_decide(topic=topic, meeting=second, by=world.coordinator, decision="accepted")
    item = AgendaItem.objects.get(topic=topic)
    assert item.meeting == second and item.kind == AgendaItem.Kind.TOPIC


@pytest.mark.django_db
def test_topic_deadline(world):
    meeting = MeetingFactory(network=world.network, topic_deadline=timezone.now())
    with pytest.raises(MeetingError):
        services.topic_propose(meeting=meeting, by=world.member, title="Zu spät")


@pytest.mark.django_db
def test_agenda_move(world):
    meeting = MeetingFactory(network=world.network)
    a = services.agenda_item_add(meeting=meeting, by=world.coordinator, title="A")
    b = services.agenda_item_add(meeting=meeting, by=world.coordinator, title="B")
    services.agenda_item_move(item=b, by=world.coordinator, direction="up")
    assert list(meeting.agenda_items.order_by("position").values_list("title", flat=True)) == [
        "B",
        "A",
    ]
    assert a.pk


@pytest.mark.django_db
def test_open_measures_become_review_items_of_the_next_date(world):
    past = MeetingFactory(
        network=world.network,
        start=timezone.now() - timedelta(days=2),
        end=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )
    services.minutes_measure_add(
        meeting=past,
        by=world.coordinator,
        title="Flyer übersetzen",
        responsible_person=world.member,
    )
    services.minutes_publish(meeting=past, by=world.coordinator)
    nxt = services.meeting_create_next(meeting=past, by=world.coordinator, recurrence="half_yearly")
    assert timezone.localtime(nxt.start).hour == timezone.localtime(past.start).hour
    assert nxt.series == Meeting.objects.get(pk=past.pk).series
    review = nxt.agenda_items.get(kind=AgendaItem.Kind.MEASURE_REVIEW)
    assert review.measure == Measure.objects.get(title="Flyer übersetzen")
    assert AuditEvent.objects.filter(action="meeting.minutes_published").exists()


@pytest.mark.django_db
def test_feedback_is_one_per_person(world):
    meeting = MeetingFactory(
        network=world.network,
        start=timezone.now() - timedelta(hours=3),
        end=timezone.now() - timedelta(hours=1),
    )
    services.feedback_give(meeting=meeting, user=world.member, rating=4)
    services.feedback_give(meeting=meeting, user=world.member, rating=5, comment="Gut")
    assert meeting.feedback.get().rating == 5
    with pytest.raises(MeetingError):
        services.feedback_give(meeting=meeting, user=world.member, rating=6)


@pytest.mark.django_db
def test_calendar_token_regenerate(world):
    old = world.member.calendar_token
    new = calendar_token_regenerate(user=world.member)
    assert new != old
    assert UserFactory._meta.model.objects.get(pk=world.member.pk).calendar_token == new
