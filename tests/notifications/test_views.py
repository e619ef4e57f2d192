import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import services as meeting_services
from meetings.models import Meeting
from notifications.models import NotificationSettings, OutgoingMail

from .factories import MeetingFactory, NetworkFactory, UserFactory, add_member_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    network = NetworkFactory()
    alice = UserFactory(email="alice@example.org", name="Alice Koordination")
    network.coordinators.add(alice)
    add_member_organisation(network, people=2, deputies=1)
    meeting = MeetingFactory(network=network, contact_person=alice)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=meeting, by=alice)
    return meeting, alice


def _url(meeting):
    return f"/notifications/meetings/{meeting.pk}/delivery/"


def test_coordinator_sees_who_was_invited_and_what_was_delivered(client, published):
    meeting, alice = published
    OutgoingMail.objects.filter(kind="invitation").order_by("pk").first()
    failed = OutgoingMail.objects.filter(kind="invitation").order_by("pk").first()
    OutgoingMail.objects.filter(pk=failed.pk).update(
        status=OutgoingMail.Status.FAILED, last_error="SMTPRecipientsRefused: 550 no such user"
    )
    client.force_login(alice)
    response = client.get(_url(meeting))
    assert response.status_code == 200
    html = response.content.decode()
    assert failed.to_email in html
    assert "550 no such user" in html
    assert "keine Antwort" in html
    assert 'action="/notifications/meetings/' in html


def test_outsiders_do_not_learn_the_delivery_page_exists(client, published):
    meeting, _ = published
    bob = UserFactory(email="bob@example.org")
    client.force_login(bob)
    assert client.get(_url(meeting)).status_code == 404
    assert client.post(_url(meeting) + "retry/").status_code == 404
    client.logout()
    assert client.get(_url(meeting)).status_code == 302  # to the login page


def test_retry_button_sends_failed_mails_again(
    client, published, django_capture_on_commit_callbacks
):
    meeting, alice = published
    failed = OutgoingMail.objects.filter(kind="invitation").order_by("pk").first()
    OutgoingMail.objects.filter(pk=failed.pk).update(
        status=OutgoingMail.Status.FAILED, attempts=6, sent_at=None, last_error="timeout"
    )
    mail.outbox.clear()
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(meeting) + "retry/")
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == OutgoingMail.Status.SENT
    assert [m.to[0] for m in mail.outbox] == [failed.to_email]


def test_delivery_page_query_count_does_not_grow_with_invitees(
    client, django_capture_on_commit_callbacks
):
    def count_for(people):
        network = NetworkFactory()
        alice = UserFactory()
        network.coordinators.add(alice)
        add_member_organisation(network, people=people)
        meeting = MeetingFactory(network=network, contact_person=alice)
        with django_capture_on_commit_callbacks(execute=True):
            meeting_services.meeting_publish(meeting=meeting, by=alice)
        client.force_login(alice)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(meeting)).status_code == 200
        return len(queries)

    # session + user, meeting, permission, answers, page count + page, invitation mails,
    # mail counts, pending count + page — the same for 2 and 30 people.
    assert count_for(2) == count_for(30)


def test_settings_switch_off_optional_mails(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get("/notifications/settings/")
    assert response.status_code == 200
    assert "Einladungen zu Treffen Ihrer Netzwerke" in response.content.decode()
    response = client.post(
        "/notifications/settings/",
        {"meeting_reminders": "", "topic_calls": "on", "measure_reminders": "on"},
    )
    assert response.status_code == 302
    settings = NotificationSettings.objects.get(user=user)
    assert settings.meeting_reminders is False
    assert settings.topic_calls is True
    assert settings.minutes_notices is False  # unchecked box


def test_settings_need_login(client):
    assert client.get("/notifications/settings/").status_code == 302


def test_invitations_and_changes_cannot_be_switched_off(
    published, django_capture_on_commit_callbacks
):
    meeting, alice = published
    invited = meeting.invitations.first().user
    NotificationSettings.objects.create(
        user=invited,
        meeting_reminders=False,
        topic_calls=False,
        measure_reminders=False,
        agreement_reminders=False,
        minutes_notices=False,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_cancel(meeting=Meeting.objects.get(pk=meeting.pk), by=alice)
    assert invited.email in [m.to[0] for m in mail.outbox]
