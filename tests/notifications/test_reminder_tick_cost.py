"""The reminder tick with nothing new to send (issue 12): it asks the outbox which reminders
exist before composing any, so it renders no mail and runs the same number of queries for a
few meetings as for many."""

from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import (
    DatePoll,
    DatePollSlot,
    Invitation,
    Meeting,
    PollInvitation,
    Registration,
)
from network.models import CooperationAgreement, Measure
from notifications import mails
from notifications.models import OutgoingMail
from notifications.reminders import send_due_reminders
from providers.models import OrganisationMember

from .factories import MeetingFactory, NetworkFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2027, 3, 14, 9, 0, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def clock():
    with mock.patch("django.utils.timezone.now", lambda: NOW):
        yield


@pytest.fixture
def composed(monkeypatch):
    """Counts composed mails (the real composer runs)."""
    calls = []
    original = mails.compose

    def counting(**kwargs):
        calls.append(kwargs["key"])
        return original(**kwargs)

    monkeypatch.setattr(mails, "compose", counting)
    return calls


def add_meetings(network, count: int, people):
    """Meetings in six days: the 7-day reminder, the deadline reminder and the topic call are
    due; each person registered for some, invited to all; a measure due per meeting."""
    for index in range(count):
        meeting = MeetingFactory(
            network=network,
            status=Meeting.Status.PUBLISHED,
            start=datetime(2027, 3, 20, 14, 0, tzinfo=BERLIN),
            end=datetime(2027, 3, 20, 16, 0, tzinfo=BERLIN),
            reminder_offsets=[168, 24],
            registration_deadline=datetime(2027, 3, 15, 12, 0, tzinfo=BERLIN),
            topic_deadline=datetime(2027, 3, 18, 12, 0, tzinfo=BERLIN),
        )
        for number, person in enumerate(people):
            Invitation.objects.create(meeting=meeting, user=person)
            if number % 2 == 0:
                Registration.objects.create(
                    meeting=meeting,
                    user=person,
                    status=Registration.Status.REGISTERED,
                    created_at=datetime(2027, 3, 1, 9, 0, tzinfo=BERLIN),
                )
        Measure.objects.create(
            network=network,
            meeting=meeting,
            title=f"Maßnahme {index}",
            responsible_person=people[index % len(people)],
            due_date=date(2027, 3, 16),
        )
        # An agreement to review, one of whose parties' admins is among the people.
        party = OrganisationFactory()
        OrganisationMember.objects.create(
            organisation=party,
            user=people[index % len(people)],
            role=OrganisationMember.Role.ADMIN,
        )
        agreement = CooperationAgreement.objects.create(
            network=network, title=f"Vereinbarung {index}", review_date=date(2027, 4, 1)
        )
        agreement.parties.add(party)
        # A date poll closing tomorrow: its reminder is due for everyone who has not answered.
        poll = DatePoll.objects.create(
            network=network,
            title=f"Terminfindung {index}",
            reminder_hours=48,
            closes_at=datetime(2027, 3, 15, 12, 0, tzinfo=BERLIN),
        )
        DatePollSlot.objects.create(
            poll=poll,
            start=datetime(2027, 4, 1, 14, 0, tzinfo=BERLIN),
            end=datetime(2027, 4, 1, 16, 0, tzinfo=BERLIN),
        )
        for number, person in enumerate(people):
            PollInvitation.objects.create(
                poll=poll, user=person, answered_at=NOW if number == 0 else None
            )


def second_tick(django_capture_on_commit_callbacks, composed):
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders()
    assert composed, "the first tick sends the reminders"
    composed.clear()
    mail.outbox.clear()
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert send_due_reminders() == 0
    assert composed == [] and mail.outbox == []
    return len(queries)


def test_a_tick_with_nothing_new_renders_nothing_and_costs_the_same(
    django_capture_on_commit_callbacks, composed
):
    network = NetworkFactory()
    network.coordinators.add(UserFactory())
    people = [UserFactory() for _ in range(4)]
    add_meetings(network, 2, people)
    small = second_tick(django_capture_on_commit_callbacks, composed)
    rows = OutgoingMail.objects.count()
    kinds = set(OutgoingMail.objects.values_list("kind", flat=True))
    assert kinds == {
        "reminder",
        "deadline-reminder",
        "topic-call",
        "measure-due",
        "agreement-review",
        "poll-reminder",
    }

    add_meetings(network, 10, people)
    large = second_tick(django_capture_on_commit_callbacks, composed)
    assert OutgoingMail.objects.count() > rows * 4
    # meeting reminders: meetings, registrations, outbox keys; deadline reminders: meetings,
    # unanswered invitations, outbox keys; topic calls: meetings, invitations, outbox keys;
    # measures: due, overdue, outbox keys; agreements: the agreements in review, their
    # parties, the parties' admins, the networks' coordinators, outbox keys; date-poll
    # reminders: the polls, their unanswered invitations, outbox keys.
    assert small == large == 20
