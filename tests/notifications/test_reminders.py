"""Time travel: the clock is set by the test (django.utils.timezone.now), never by sleeping."""

from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from meetings.models import AgendaItem, Invitation, Meeting, Registration
from network.models import CooperationAgreement, Measure
from notifications.models import NotificationSettings, OutgoingMail
from notifications.reminders import send_due_reminders
from providers.models import OrganisationMember

from .factories import (
    MeetingFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


class Clock:
    def __init__(self, now):
        self.now = now

    def set(self, *args):
        self.now = datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def clock():
    clock = Clock(datetime(2027, 3, 1, 9, 0, tzinfo=BERLIN))
    with mock.patch("django.utils.timezone.now", lambda: clock.now):
        yield clock


def tick(django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders()
    return {m.to[0]: m for m in mail.outbox}


@pytest.fixture
def meeting(clock):
    network = NetworkFactory()
    meeting = MeetingFactory(
        network=network,
        status=Meeting.Status.PUBLISHED,
        start=datetime(2027, 3, 20, 14, 0, tzinfo=BERLIN),
        end=datetime(2027, 3, 20, 16, 0, tzinfo=BERLIN),
        reminder_offsets=[168, 24],
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Fachkräftemangel")
    return meeting


def _register(meeting, user, *, status=Registration.Status.REGISTERED):
    return Registration.objects.create(
        meeting=meeting,
        user=user,
        status=status,
        created_at=datetime(2027, 3, 1, 9, 0, tzinfo=BERLIN),
    )


def test_meeting_reminders_7_days_and_1_day_before_with_agenda(
    clock, meeting, django_capture_on_commit_callbacks
):
    german, english, waiting = UserFactory(), UserFactory(preferred_language="en"), UserFactory()
    _register(meeting, german)
    _register(meeting, english)
    _register(meeting, waiting, status=Registration.Status.WAITING)

    clock.set(2027, 3, 13, 13, 55)  # 7 days before minus 5 minutes: not yet
    assert tick(django_capture_on_commit_callbacks) == {}
    clock.set(2027, 3, 13, 14, 0)
    sent = tick(django_capture_on_commit_callbacks)
    assert sorted(sent) == sorted([german.email, english.email])
    assert sent[german.email].subject.startswith("Erinnerung")
    assert sent[english.email].subject.startswith("Reminder")
    assert "Fachkräftemangel" in sent[english.email].body
    assert sent[german.email].extra_headers["Auto-Submitted"] == "auto-generated"

    clock.set(2027, 3, 15, 10, 0)  # between the two: nothing new
    assert tick(django_capture_on_commit_callbacks) == {}
    clock.set(2027, 3, 19, 14, 0)
    assert sorted(tick(django_capture_on_commit_callbacks)) == sorted([german.email, english.email])
    keys = set(OutgoingMail.objects.filter(kind="reminder").values_list("key", flat=True))
    assert f"reminder:{meeting.pk}:{german.pk}:168h" in keys
    assert f"reminder:{meeting.pk}:{german.pk}:24h" in keys


def test_beat_tick_twice_in_the_same_minute_sends_each_reminder_once(
    clock, meeting, django_capture_on_commit_callbacks
):
    user = UserFactory()
    _register(meeting, user)
    clock.set(2027, 3, 19, 14, 1)
    assert list(tick(django_capture_on_commit_callbacks)) == [user.email]
    assert tick(django_capture_on_commit_callbacks) == {}
    assert OutgoingMail.objects.filter(recipient=user).count() == 1


def test_reminders_can_be_switched_off(clock, meeting, django_capture_on_commit_callbacks):
    user = UserFactory()
    _register(meeting, user)
    NotificationSettings.objects.create(user=user, meeting_reminders=False)
    clock.set(2027, 3, 19, 14, 1)
    assert tick(django_capture_on_commit_callbacks) == {}


def test_registration_deadline_reminder_to_invited_people_without_answer(
    clock, meeting, django_capture_on_commit_callbacks
):
    Meeting.objects.filter(pk=meeting.pk).update(
        registration_deadline=datetime(2027, 3, 10, 12, 0, tzinfo=BERLIN), reminder_offsets=[]
    )
    silent, registered, declined = (
        UserFactory(preferred_language="en"),
        UserFactory(),
        UserFactory(),
    )
    for user in (silent, registered, declined):
        Invitation.objects.create(meeting=meeting, user=user)
    _register(meeting, registered)
    Invitation.objects.filter(user=declined).update(declined_at=clock.now)

    clock.set(2027, 3, 8, 11, 55)
    assert tick(django_capture_on_commit_callbacks) == {}
    clock.set(2027, 3, 8, 12, 0)
    sent = tick(django_capture_on_commit_callbacks)
    assert list(sent) == [silent.email]
    assert sent[silent.email].subject.startswith("Please answer")
    assert "/notifications/rsvp/" in sent[silent.email].body
    clock.set(2027, 3, 10, 12, 1)  # deadline passed
    assert tick(django_capture_on_commit_callbacks) == {}


def test_topic_call_before_the_topic_deadline(clock, meeting, django_capture_on_commit_callbacks):
    Meeting.objects.filter(pk=meeting.pk).update(
        topic_deadline=datetime(2027, 3, 12, 18, 0, tzinfo=BERLIN), reminder_offsets=[]
    )
    invited, opted_out = UserFactory(), UserFactory()
    Invitation.objects.create(meeting=meeting, user=invited)
    Invitation.objects.create(meeting=meeting, user=opted_out)
    NotificationSettings.objects.create(user=opted_out, topic_calls=False)

    clock.set(2027, 3, 5, 17, 55)
    assert tick(django_capture_on_commit_callbacks) == {}
    clock.set(2027, 3, 5, 18, 0)
    sent = tick(django_capture_on_commit_callbacks)
    assert list(sent) == [invited.email]
    assert sent[invited.email].subject.startswith("Themen gesucht")


def test_measures_due_in_three_days_and_overdue_go_to_the_responsible_person(
    clock, django_capture_on_commit_callbacks
):
    network = NetworkFactory()
    owner, english_owner = UserFactory(), UserFactory(preferred_language="en")
    due = Measure.objects.create(
        network=network, title="Flyer drucken", responsible_person=owner, due_date=date(2027, 3, 4)
    )
    Measure.objects.create(
        network=network,
        title="Erledigt",
        responsible_person=owner,
        due_date=date(2027, 3, 4),
        status=Measure.Status.DONE,
    )
    overdue = Measure.objects.create(
        network=network,
        title="Bericht an den Ausschuss",
        responsible_person=english_owner,
        due_date=date(2027, 2, 26),
    )

    clock.set(2027, 3, 1, 6, 55)  # not before the morning
    assert tick(django_capture_on_commit_callbacks) == {}
    clock.set(2027, 3, 1, 7, 0)
    sent = tick(django_capture_on_commit_callbacks)
    assert sorted(sent) == sorted([owner.email, english_owner.email])
    assert sent[owner.email].subject == f"Fällig am 4. März 2027: {due.title}"
    assert sent[english_owner.email].subject == f"Overdue: {overdue.title}"
    clock.set(2027, 3, 2, 7, 5)  # the next morning: each was sent once
    assert tick(django_capture_on_commit_callbacks) == {}


def test_agreement_review_date_near_goes_to_coordinators_and_party_admins(
    clock, django_capture_on_commit_callbacks
):
    network = NetworkFactory()
    coordinator = UserFactory(preferred_language="en")
    network.coordinators.add(coordinator)
    party = OrganisationFactory()
    admin, staff = UserFactory(), UserFactory()
    OrganisationMember.objects.create(
        organisation=party, user=admin, role=OrganisationMember.Role.ADMIN
    )
    OrganisationMember.objects.create(organisation=party, user=staff)
    agreement = CooperationAgreement.objects.create(
        network=network, title="Jugendamt Herten und Jobcenter", review_date=date(2027, 4, 15)
    )
    agreement.parties.add(party)

    clock.set(2027, 3, 15, 7, 0)  # 31 days before
    assert tick(django_capture_on_commit_callbacks) == {}
    clock.set(2027, 3, 16, 7, 0)
    sent = tick(django_capture_on_commit_callbacks)
    assert sorted(sent) == sorted([coordinator.email, admin.email])
    assert sent[coordinator.email].subject.startswith("Review due")
    assert sent[admin.email].subject.startswith("Überprüfung")


def test_moved_meeting_moves_its_reminders(clock, meeting, django_capture_on_commit_callbacks):
    user = UserFactory()
    _register(meeting, user)
    Meeting.objects.filter(pk=meeting.pk).update(
        start=meeting.start + timedelta(days=7), end=meeting.end + timedelta(days=7)
    )
    clock.set(2027, 3, 13, 14, 0)  # the old 7-day mark
    assert tick(django_capture_on_commit_callbacks) == {}
    clock.set(2027, 3, 20, 14, 0)
    assert list(tick(django_capture_on_commit_callbacks)) == [user.email]
    assert timezone.now() == clock.now
