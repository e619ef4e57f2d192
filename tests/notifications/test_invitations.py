from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetings import services as meeting_services
from meetings.models import Invitation, Meeting, MeetingKind, Registration
from meetings.services import invitations
from notifications import receivers
from notifications.models import OutgoingMail

from .factories import MeetingFactory, NetworkFactory, UserFactory, add_member_organisation
from .helpers import attendees, calendar_of, parse, rsvp_path, text_body, the_event

pytestmark = pytest.mark.django_db


def _messages():
    return [parse(m.message().as_bytes()) for m in mail.outbox]


def _by_recipient():
    return {p["To"]: p for p in _messages()}


@pytest.fixture
def county(settings):
    settings.SITE_URL = "https://portal.example"
    county = NetworkFactory(name="Frühe Hilfen Kreis")
    town = NetworkFactory(name="Frühe Hilfen Olsberg", parent=county)
    _, county_people = add_member_organisation(county, people=1, deputies=1)
    _, town_people = add_member_organisation(town, people=1, language="en")
    outsider = UserFactory(email="bob@example.org")
    return county, county_people + town_people, outsider


def _publish(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=meeting, by=meeting.contact_person)


def test_publishing_invites_every_representative_and_deputy_once(
    county, django_capture_on_commit_callbacks
):
    network, people, outsider = county
    meeting = MeetingFactory(network=network, audience=Meeting.Audience.WITH_SUBNETWORKS)
    _publish(meeting, django_capture_on_commit_callbacks)

    received = _by_recipient()
    assert sorted(received) == sorted(u.email for u in people)
    assert outsider.email not in received
    assert len(mail.outbox) == len(people)
    for user in people:
        parsed = received[user.email]
        assert parsed["Auto-Submitted"] == "auto-generated"
        (part,) = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
        assert part.get_param("method") == "REQUEST"
        calendar = calendar_of(parsed)
        assert calendar["method"] == "REQUEST"
        event = the_event(calendar)
        assert attendees(event) == [user.email]
        assert str(event["uid"]) == meeting.uid
        assert event["dtstart"].params["TZID"] == "Europe/Berlin"
        assert str(event["organizer"]).lower() == f"mailto:{meeting.contact_person.email}"
        assert "/notifications/settings/" in text_body(parsed)
    assert Invitation.objects.filter(meeting=meeting).count() == len(people)


def test_without_subnetworks_only_the_networks_own_members_are_invited(
    county, django_capture_on_commit_callbacks
):
    network, people, _ = county
    meeting = MeetingFactory(network=network, audience=Meeting.Audience.NETWORK)
    _publish(meeting, django_capture_on_commit_callbacks)
    assert sorted(_by_recipient()) == sorted(u.email for u in people[:2])


def test_invitation_is_written_in_the_recipients_language(
    county, django_capture_on_commit_callbacks
):
    network, people, _ = county
    meeting = MeetingFactory(network=network, audience=Meeting.Audience.WITH_SUBNETWORKS)
    _publish(meeting, django_capture_on_commit_callbacks)
    received = _by_recipient()
    assert received[people[0].email]["Subject"].startswith("Einladung")
    assert received[people[2].email]["Subject"].startswith("Invitation")
    assert "You are invited" in text_body(received[people[2].email])


def test_publishing_twice_or_calling_the_hook_again_sends_nothing_new(
    county, django_capture_on_commit_callbacks
):
    network, people, _ = county
    meeting = MeetingFactory(network=network, audience=Meeting.Audience.WITH_SUBNETWORKS)
    _publish(meeting, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        receivers.on_meeting_published(None, meeting=meeting)
    assert len(mail.outbox) == len(people)
    assert OutgoingMail.objects.filter(kind="invitation").count() == len(people)


def test_register_link_works_without_logging_in(county, client, django_capture_on_commit_callbacks):
    network, people, _ = county
    meeting = MeetingFactory(network=network)
    _publish(meeting, django_capture_on_commit_callbacks)
    link = rsvp_path(_by_recipient()[people[0].email])

    page = client.get(link)
    assert page.status_code == 200
    assert meeting.title in page.content.decode()
    response = client.post(link, {"action": "register"})
    assert response.status_code == 302
    registration = Registration.objects.get(meeting=meeting, user=people[0])
    assert registration.status == Registration.Status.REGISTERED
    assert "_auth_user_id" not in client.session


def test_decline_link_works_once(county, client, django_capture_on_commit_callbacks):
    network, people, _ = county
    meeting = MeetingFactory(network=network)
    _publish(meeting, django_capture_on_commit_callbacks)
    link = rsvp_path(_by_recipient()[people[1].email])

    client.post(link, {"action": "decline"})
    invitation = Invitation.objects.get(meeting=meeting, user=people[1])
    first_decline = invitation.declined_at
    assert first_decline is not None
    response = client.post(link, {"action": "decline"}, follow=True)
    assert "bereits abgelehnt" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.declined_at == first_decline


def test_link_of_a_past_meeting_has_expired(county, client, django_capture_on_commit_callbacks):
    network, people, _ = county
    meeting = MeetingFactory(network=network)
    _publish(meeting, django_capture_on_commit_callbacks)
    link = rsvp_path(_by_recipient()[people[0].email])
    Meeting.objects.filter(pk=meeting.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1)
    )
    assert client.get(link).status_code == 410
    assert client.post(link, {"action": "register"}).status_code == 410
    assert not Registration.objects.filter(meeting=meeting).exists()


def test_a_forged_or_altered_link_is_not_found(county, client, django_capture_on_commit_callbacks):
    network, people, _ = county
    meeting = MeetingFactory(network=network)
    _publish(meeting, django_capture_on_commit_callbacks)
    link = rsvp_path(_by_recipient()[people[0].email])
    token = link.split("/")[-2]
    assert client.get(f"/notifications/rsvp/{token[:-2]}xy/").status_code == 404
    assert client.get("/notifications/rsvp/not-a-token/").status_code == 404


def test_case_conference_mail_and_calendar_carry_no_details(
    county, django_capture_on_commit_callbacks
):
    network, people, outsider = county
    meeting = MeetingFactory(
        network=network, kind=MeetingKind.CASE_CONFERENCE, description="Geheimer Fallbericht"
    )
    meeting_services.invitation_add(meeting=meeting, by=meeting.contact_person, users=[people[0]])
    _publish(meeting, django_capture_on_commit_callbacks)
    # Only the named person, not the whole network.
    assert list(_by_recipient()) == [people[0].email]
    (message,) = mail.outbox
    raw = message.message().as_bytes()
    parsed = parse(raw)
    assert "Geheimer Fallbericht" not in text_body(parsed)
    assert "description" not in the_event(calendar_of(parsed))


def test_moving_the_start_sends_updates_with_higher_sequence(
    county, django_capture_on_commit_callbacks
):
    network, people, _ = county
    meeting = MeetingFactory(network=network)
    _publish(meeting, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(
            meeting=meeting,
            by=meeting.contact_person,
            start=meeting.start + timedelta(days=1),
            end=meeting.end + timedelta(days=1),
        )
    received = _by_recipient()
    assert sorted(received) == sorted(u.email for u in people[:2])
    for parsed in received.values():
        event = the_event(calendar_of(parsed))
        assert str(event["uid"]) == meeting.uid
        assert int(event["sequence"]) == meeting.sequence + 1


def test_cancelling_sends_method_cancel(county, django_capture_on_commit_callbacks):
    network, people, _ = county
    meeting = MeetingFactory(network=network)
    _publish(meeting, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_cancel(meeting=meeting, by=meeting.contact_person)
    received = _by_recipient()
    assert sorted(received) == sorted(u.email for u in people[:2])
    for parsed in received.values():
        calendar = calendar_of(parsed)
        assert calendar["method"] == "CANCEL"
        assert the_event(calendar)["status"] == "CANCELLED"


def test_promotion_from_the_waiting_list_is_mailed(county, django_capture_on_commit_callbacks):
    network, people, _ = county
    meeting = MeetingFactory(network=network, capacity=1)
    _publish(meeting, django_capture_on_commit_callbacks)
    first = meeting_services.registration_register(meeting=meeting, user=people[0])
    meeting_services.registration_register(meeting=meeting, user=people[1])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.registration_cancel(registration=first, by=people[0])
    (parsed,) = _messages()
    assert parsed["To"] == people[1].email
    assert "Warteliste" in text_body(parsed)


def test_organisation_joining_later_is_invited_to_upcoming_meetings(
    county, django_capture_on_commit_callbacks
):
    network, people, _ = county
    upcoming = MeetingFactory(network=network)
    past = MeetingFactory(
        network=network,
        start=timezone.now() - timedelta(days=2),
        end=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )
    Meeting.objects.filter(pk__in=[upcoming.pk, past.pk]).update(status=Meeting.Status.PUBLISHED)
    membership, newcomers = add_member_organisation(network, people=1)
    with django_capture_on_commit_callbacks(execute=True):
        invitations.on_membership_accepted(None, membership=membership)
    (parsed,) = _messages()
    assert parsed["To"] == newcomers[0].email
    assert upcoming.title in parsed["Subject"]


def test_minutes_published_reaches_members_who_want_it(county, django_capture_on_commit_callbacks):
    from notifications.models import NotificationSettings

    network, people, _ = county
    meeting = MeetingFactory(network=network, status=Meeting.Status.HELD)
    NotificationSettings.objects.create(user=people[1], minutes_notices=False)
    with django_capture_on_commit_callbacks(execute=True):
        receivers.on_minutes_published(None, meeting=meeting)
    assert list(_by_recipient()) == [people[0].email]
