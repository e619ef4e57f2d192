"""One-click unsubscribe (RFC 8058): the headers of optional mails and the link behind them."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from meetings import services as meeting_services
from meetings.models import Invitation
from network.models import CooperationAgreement, Measure
from notifications import digest, mails
from notifications.models import NotificationSettings
from notifications.outbox import mail_enqueue_many
from notifications.unsubscribe import unsubscribe_token

from .factories import MeetingFactory, NetworkFactory, UserFactory, add_member_organisation
from .helpers import parse, unsubscribe_path

pytestmark = pytest.mark.django_db

# One composing function per kind of mail a person can switch off.
OPTIONAL_MAILS = {
    "reminder": lambda w: mails.reminder_mail(w.meeting, w.user, offset_hours=24, agenda_items=[]),
    "deadline-reminder": lambda w: mails.deadline_reminder_mail(w.meeting, w.invitation),
    "topic-call": lambda w: mails.topic_call_mail(w.meeting, w.user),
    "measure-due": lambda w: mails.measure_due_mail(w.measure),
    "measure-overdue": lambda w: mails.measure_overdue_mail(w.measure),
    "agreement-review": lambda w: mails.agreement_review_mail(w.agreement, w.user),
    "minutes-published": lambda w: mails.minutes_published_mail(w.meeting, w.user),
    "weekly-digest": lambda w: digest.digest_mail(
        w.user,
        week="2027-W10",
        sections=digest.digest_sections(w.user, timezone.now() - timedelta(days=7), timezone.now()),
        since=timezone.now() - timedelta(days=7),
    ),
}


class World:
    def __init__(self):
        self.user = UserFactory(email="dana@example.org", name="Dana Dietz")
        network = NetworkFactory()
        self.meeting = MeetingFactory(network=network, topic_deadline=timezone.now())
        self.invitation = Invitation.objects.create(meeting=self.meeting, user=self.user)
        self.measure = Measure.objects.create(
            network=network,
            title="Flyer drucken",
            responsible_person=self.user,
            due_date=date.today() + timedelta(days=3),
        )
        self.agreement = CooperationAgreement.objects.create(
            network=network, title="Kooperationsvereinbarung", review_date=date.today()
        )


@pytest.fixture
def world(settings):
    settings.SITE_URL = "https://portal.example"
    return World()


def _received(prepared, django_capture_on_commit_callbacks):
    """The mail as the recipient's mail client reads it, after the outbox delivered it."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mail_enqueue_many([prepared])
    (message,) = mail.outbox
    return parse(message.message().as_bytes())


def test_every_kind_a_person_can_switch_off_is_covered():
    assert set(OPTIONAL_MAILS) == set(NotificationSettings.OPTIONAL_KINDS)


@pytest.mark.parametrize("kind", sorted(OPTIONAL_MAILS))
def test_optional_mail_unsubscribes_with_one_click_without_login(
    world, kind, django_capture_on_commit_callbacks
):
    parsed = _received(OPTIONAL_MAILS[kind](world), django_capture_on_commit_callbacks)
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["List-Unsubscribe"].strip().startswith("<https://portal.example/")
    path = unsubscribe_path(parsed)

    # What a mail client does (RFC 8058): a POST with no cookie and no CSRF token.
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200

    switch = NotificationSettings.OPTIONAL_KINDS[kind]
    preferences = NotificationSettings.objects.get(user=world.user)
    others = set(NotificationSettings.OPTIONAL_KINDS.values()) - {switch}
    assert getattr(preferences, switch) is False
    # None is "the default of the role" (the weekly digest): not switched off either.
    assert all(getattr(preferences, other) is not False for other in others), "only this is off"
    # The next mail of this kind is not composed at all.
    assert world.user.pk in mails.opted_out_user_ids(kind, [world.user.pk])
    # Clicking again changes nothing and answers the same.
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert getattr(NotificationSettings.objects.get(user=world.user), switch) is False


def test_mails_that_cannot_be_switched_off_carry_no_unsubscribe_header(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portal.example"
    network = NetworkFactory()
    _, (dana,) = add_member_organisation(network, people=1)
    meeting = MeetingFactory(network=network)
    by = meeting.contact_person
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=meeting, by=by)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(
            meeting=meeting, by=by, start=meeting.start + timedelta(hours=1), end=meeting.end
        )
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_cancel(meeting=meeting, by=by)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": dana.email})

    subjects = [m.subject for m in mail.outbox]
    assert len(mail.outbox) == 4, subjects  # invitation, update, cancellation, password reset
    for message in mail.outbox:
        parsed = parse(message.message().as_bytes())
        assert parsed["List-Unsubscribe"] is None, parsed["Subject"]
        assert parsed["List-Unsubscribe-Post"] is None, parsed["Subject"]


def test_the_link_opened_in_a_browser_asks_first(world):
    path = f"/notifications/unsubscribe/{unsubscribe_token(world.user, 'topic-call')}/"
    response = Client().get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Aufrufe zu Themenvorschlägen für die Tagesordnung</strong>" in html
    assert 'name="List-Unsubscribe" value="One-Click"' in html
    assert 'href="/notifications/settings/"' in html
    assert world.user.email not in html and world.user.name not in html
    assert not NotificationSettings.objects.filter(user=world.user).exists()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: "eyJ1Ijo1LCJrIjoicmVtaW5kZXIifQ" + token[token.index(":") :],  # payload
        lambda token: "nonsense",
    ],
)
def test_a_tampered_token_changes_nothing(world, mangle):
    token = mangle(unsubscribe_token(world.user, "reminder"))
    path = f"/notifications/unsubscribe/{token}/"
    client = Client(enforce_csrf_checks=True)
    assert client.get(path).status_code == 404
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 404
    assert not NotificationSettings.objects.filter(meeting_reminders=False).exists()


def test_a_token_of_a_salt_other_than_unsubscribe_is_refused(world):
    from django.core import signing

    token = signing.dumps({"u": world.user.pk, "k": "reminder"}, salt="notifications.rsvp")
    response = Client().post(
        f"/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 404
    assert not NotificationSettings.objects.filter(user=world.user).exists()


def test_a_post_without_the_one_click_body_changes_nothing(world):
    path = f"/notifications/unsubscribe/{unsubscribe_token(world.user, 'reminder')}/"
    assert Client().post(path, {}).status_code == 400
    assert not NotificationSettings.objects.filter(user=world.user).exists()
