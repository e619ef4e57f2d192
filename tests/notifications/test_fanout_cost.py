"""The invitation fan-out (issue 12): what can be done once per batch is done once. Publishing
costs the same number of queries for 10 and for 50 invitees; delivering costs a fixed part
per batch and two queries per mail (claiming the row, marking it sent), nothing else."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import services as meeting_services
from meetings.models import Invitation
from notifications.delivery import mail_deliver_batch
from notifications.models import OutgoingMail

from .factories import MeetingFactory, NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


def draft_with_invitees(count: int):
    meeting = MeetingFactory(network=NetworkFactory())
    for index in range(count):
        user = UserFactory(preferred_language="en" if index % 3 == 0 else "de")
        Invitation.objects.create(meeting=meeting, user=user)
    return meeting


def publish_queries(count: int, django_capture_on_commit_callbacks, settings) -> int:
    settings.CELERY_TASK_ALWAYS_EAGER = False  # count the publishing, not the delivery
    meeting = draft_with_invitees(count)
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=False),
    ):
        meeting_services.meeting_publish(meeting=meeting, by=meeting.contact_person)
    assert OutgoingMail.objects.filter(reference=f"meeting:{meeting.pk}").count() == count
    return len(queries)


def delivery_queries(count: int) -> int:
    ids = list(
        OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)[:count]
    )
    assert len(ids) == count
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        result = mail_deliver_batch(ids)
    assert result.sent == count and len(mail.outbox) == count
    return len(queries)


def test_publishing_costs_the_same_for_10_and_50_invitees(
    django_capture_on_commit_callbacks, settings
):
    small = publish_queries(10, django_capture_on_commit_callbacks, settings)
    large = publish_queries(50, django_capture_on_commit_callbacks, settings)
    assert small == large


def test_delivery_costs_two_queries_per_mail_and_a_fixed_part_per_batch(
    django_capture_on_commit_callbacks, settings
):
    publish_queries(60, django_capture_on_commit_callbacks, settings)
    small = delivery_queries(10)
    large = delivery_queries(50)
    per_mail = (large - small) / 40
    assert per_mail == 2
    assert small - 2 * 10 == 1  # the rows of the batch, read once
