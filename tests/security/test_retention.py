"""Acceptance 3: attendance and feedback older than the retention period are anonymised."""

import datetime as dt
from unittest import mock

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from meetings.models import Feedback, Invitation, MeetingKind, MeetingTemplate, Registration
from meetings.retention import retention_anonymise
from meetings.tasks import retention_run

from .factories import (
    FeedbackFactory,
    InvitationFactory,
    MeetingFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def meeting_ended(months_ago: float, kind=MeetingKind.NETWORK):
    end = NOW - dt.timedelta(days=round(30.5 * months_ago))
    return MeetingFactory(kind=kind, start=end - dt.timedelta(hours=2), end=end, status="held")


@pytest.fixture
def people(db):
    return UserFactory(name="Alma Alt"), UserFactory(name="Nils Neu")


def attend(meeting, user, org):
    InvitationFactory(meeting=meeting, user=user)
    RegistrationFactory(
        meeting=meeting, user=user, organisation=org, attended=True, notes="Rollstuhl"
    )
    FeedbackFactory(meeting=meeting, user=user, rating=4, comment="Sehr hilfreich, danke an Frau X")


def test_old_attendance_and_feedback_are_anonymised_newer_untouched(people, settings):
    MeetingTemplate.objects.all().delete()  # the default period applies
    settings.RETENTION_MONTHS_DEFAULT = 24
    alma, nils = people
    org = OrganisationFactory()
    today = timezone.now()
    older = MeetingFactory(
        start=today - dt.timedelta(days=60, hours=2), end=today - dt.timedelta(days=60)
    )
    newer = MeetingFactory(
        start=today - dt.timedelta(days=1, hours=2), end=today - dt.timedelta(days=1)
    )
    attend(older, alma, org)
    attend(newer, nils, org)
    assert retention_run.delay().get() == {"registrations": 0, "invitations": 0, "feedback": 0}

    # The clock moves forward 23 months: the older meeting ended 25 months ago, the newer
    # 23 months and a day.
    later = today + relativedelta(months=23)
    with mock.patch("django.utils.timezone.now", return_value=later):
        counts = retention_run.delay().get()
    assert counts == {"registrations": 1, "invitations": 1, "feedback": 1}

    old_registration = Registration.objects.get(meeting=older)
    assert (old_registration.user, old_registration.notes) == (None, "")
    assert (old_registration.organisation, old_registration.attended) == (org, True)
    assert Invitation.objects.get(meeting=older).user is None
    old_feedback = Feedback.objects.get(meeting=older)
    assert (old_feedback.user, old_feedback.comment, old_feedback.rating) == (None, "", 4)

    new_registration = Registration.objects.get(meeting=newer)
    assert (new_registration.user, new_registration.notes) == (nils, "Rollstuhl")
    assert Invitation.objects.get(meeting=newer).user == nils
    new_feedback = Feedback.objects.get(meeting=newer)
    assert (new_feedback.user, new_feedback.comment) == (nils, "Sehr hilfreich, danke an Frau X")


def test_moving_the_clock_further_anonymises_the_rest(people):
    alma, nils = people
    org = OrganisationFactory()
    attend(meeting_ended(months_ago=25), alma, org)
    attend(meeting_ended(months_ago=23), nils, org)
    retention_anonymise(now=NOW)
    assert Registration.objects.filter(user__isnull=False).count() == 1
    retention_anonymise(now=NOW + dt.timedelta(days=90))
    assert Registration.objects.filter(user__isnull=False).count() == 0
    # Running again changes nothing.
    assert retention_anonymise(now=NOW + dt.timedelta(days=90)) == {
        "registrations": 0,
        "invitations": 0,
        "feedback": 0,
    }


def test_case_conferences_are_kept_shorter(people):
    MeetingTemplate.objects.filter(kind=MeetingKind.CASE_CONFERENCE).delete()  # the default
    alma, nils = people
    org = OrganisationFactory()
    conference = meeting_ended(months_ago=7, kind=MeetingKind.CASE_CONFERENCE)
    network_meeting = meeting_ended(months_ago=7, kind=MeetingKind.NETWORK)
    attend(conference, alma, org)
    attend(network_meeting, nils, org)
    retention_anonymise(now=NOW)
    assert Registration.objects.get(meeting=conference).user is None
    assert Registration.objects.get(meeting=network_meeting).user == nils


def test_the_meeting_template_sets_the_period_per_kind(people):
    alma, _ = people
    MeetingTemplate.objects.update_or_create(
        kind=MeetingKind.TRAINING, defaults={"retention_months": 3}
    )
    training = meeting_ended(months_ago=4, kind=MeetingKind.TRAINING)
    attend(training, alma, OrganisationFactory())
    retention_anonymise(now=NOW)
    assert Registration.objects.get(meeting=training).user is None


def test_beat_runs_the_job(settings):
    entries = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "meetings.tasks.retention_run" in entries
    from config.celery_app import app

    assert "meetings.tasks.retention_run" in app.tasks
