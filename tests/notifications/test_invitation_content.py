"""Acceptance 4: invitations people can act on.

The invitation carries the agenda (or says that it follows, and the agenda is mailed when it
is published), the contact person and the registration deadline, and replies go to the
contact person. Before publishing, the coordinator sees how many people from how many
organisations will be invited.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetings import services as meeting_services
from meetings.models import AgendaItem, Meeting, MeetingKind
from meetings.services import MeetingError
from network.models import Membership, Representative
from notifications import receivers
from notifications.models import OutgoingMail
from providers.models import OrganisationMember

from .factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    add_member_organisation,
)
from .helpers import calendar_of, parse, text_body, the_event

pytestmark = pytest.mark.django_db


def _messages():
    return [parse(m.message().as_bytes()) for m in mail.outbox]


def _html_body(parsed) -> str:
    return parsed.get_body(preferencelist=("html",)).get_content()


@pytest.fixture
def network(settings):
    settings.SITE_URL = "https://portal.example"
    return NetworkFactory(name="Netzwerk Frühe Hilfen Kreis Viersen")


@pytest.fixture
def contact(network):
    """Clara, contact person of the meeting, from the youth office (a member)."""
    youth_office = OrganisationFactory(name="Kreisjugendamt Viersen")
    MembershipFactory(network=network, organisation=youth_office)
    clara = UserFactory(name="Clara Koordination", email="clara@example.org")
    OrganisationMember.objects.create(organisation=youth_office, user=clara, phone="02162 39-1234")
    return clara


def _meeting_with_agenda(network, contact, **fields):
    meeting = MeetingFactory(
        network=network,
        contact_person=contact,
        registration_deadline=timezone.now().replace(microsecond=0) + timedelta(days=7),
        **fields,
    )
    for position, title in enumerate(
        ["Begrüßung", "Bericht der Koordination", "Verschiedenes und nächster Termin"], start=1
    ):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    return meeting


def _in_order(text: str, *parts: str) -> bool:
    positions = [text.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


def test_the_invitation_carries_agenda_contact_person_deadline_and_reply_to(
    network, contact, django_capture_on_commit_callbacks
):
    _, people = add_member_organisation(network, people=2)
    meeting = _meeting_with_agenda(network, contact)
    meeting_services.agenda_publish(meeting=meeting, by=contact)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=meeting, by=contact)

    assert sorted(m["To"] for m in _messages()) == sorted(p.email for p in people)
    deadline = timezone.localtime(meeting.registration_deadline)
    for parsed in _messages():
        text, html = text_body(parsed), _html_body(parsed)
        assert _in_order(
            text,
            "1. Begrüßung",
            "2. Bericht der Koordination",
            "3. Verschiedenes und nächster Termin",
        )
        assert _in_order(html, "<li>Begrüßung", "<li>Bericht der Koordination", "<li>Verschiedenes")
        assert "Tagesordnung folgt" not in text
        for body in (text, html):
            assert "Clara Koordination" in body
            assert "Kreisjugendamt Viersen" in body
            assert "clara@example.org" in body
            assert "02162 39-1234" in body
            assert deadline.strftime("%d.%m.%Y") in body or f"{deadline.day}." in body
        assert deadline.strftime("%H:%M") in text
        assert parsed["Reply-To"].addresses[0].addr_spec == "clara@example.org"
        assert parsed["Reply-To"].addresses[0].display_name == "Clara Koordination"
        # The calendar file is still a valid invitation.
        event = the_event(calendar_of(parsed))
        assert str(event["summary"]) == meeting.title
        assert event.decoded("dtstart") == meeting.start


def test_without_a_published_agenda_the_invitation_says_it_follows_and_it_is_mailed_later(
    network, contact, django_capture_on_commit_callbacks
):
    _, people = add_member_organisation(network, people=2)
    meeting = _meeting_with_agenda(network, contact)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=meeting, by=contact)
    for parsed in _messages():
        assert "Die Tagesordnung folgt" in text_body(parsed)
        assert "Bericht der Koordination" not in text_body(parsed)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.agenda_publish(meeting=meeting, by=contact)

    received = _messages()
    assert sorted(m["To"] for m in received) == sorted(p.email for p in people)
    for parsed in received:
        assert "Tagesordnung" in parsed["Subject"]
        assert _in_order(text_body(parsed), "1. Begrüßung", "2. Bericht der Koordination")
        assert "Clara Koordination" in text_body(parsed)
        assert parsed["Reply-To"].addresses[0].addr_spec == "clara@example.org"

    # Once per publication: the event again queues nothing, a second publication is refused.
    queued = OutgoingMail.objects.filter(kind="agenda").count()
    assert queued == len(people)
    receivers.on_agenda_published(sender=None, meeting=Meeting.objects.get(pk=meeting.pk))
    assert OutgoingMail.objects.filter(kind="agenda").count() == queued
    with pytest.raises(MeetingError):
        meeting_services.agenda_publish(meeting=meeting, by=contact)


def test_replies_go_to_the_publishing_coordinator_without_a_contact_person(
    network, django_capture_on_commit_callbacks
):
    add_member_organisation(network, people=1)
    coordinator = UserFactory(name="Kim Koordination", email="kim@example.org")
    network.coordinators.add(coordinator)
    meeting = MeetingFactory(network=network, contact_person=None)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=meeting, by=coordinator)
    (parsed,) = _messages()
    assert parsed["Reply-To"].addresses[0].addr_spec == "kim@example.org"


def test_the_publish_confirmation_names_people_and_organisations(
    client, network, contact, django_capture_on_commit_callbacks
):
    coordinator = UserFactory(name="Kim Koordination", email="kim@example.org")
    network.coordinators.add(coordinator)
    add_member_organisation(network, people=2, deputies=1)
    add_member_organisation(network, people=1)
    add_member_organisation(network, people=3)
    # Not invited: an organisation that only applied, and a member of another network.
    applied, _ = add_member_organisation(network, people=1)
    Membership.objects.filter(pk=applied.pk).update(status=Membership.Status.APPLIED)
    add_member_organisation(NetworkFactory(name="Anderes Netzwerk"), people=2)
    meeting = _meeting_with_agenda(network, contact)

    # Counted independently: the active representatives and deputies of the network.
    representatives = Representative.objects.filter(
        membership__network=network, membership__status=Membership.Status.ACTIVE
    )
    people = {r.person.user_id for r in representatives}
    organisations = {r.membership.organisation_id for r in representatives}
    assert (len(people), len(organisations)) == (7, 3)

    client.force_login(coordinator)
    page = client.get(f"/meetings/{meeting.pk}/publish/").content.decode()
    assert "7 Personen aus 3 Organisationen" in page
    assert "<details" in page and "<summary>" in page
    for representative in representatives:
        assert representative.person.user.get_full_name() in page
    applicant = Representative.objects.get(membership=applied).person.user
    assert applicant.get_full_name() not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/meetings/{meeting.pk}/publish/", follow=True)
    assert "7 Personen aus 3 Organisationen" in response.content.decode()
    assert len(mail.outbox) == 7


def test_a_case_conference_invitation_has_no_agenda_but_replies_reach_the_contact_person(
    network, contact, django_capture_on_commit_callbacks
):
    invitee = UserFactory(name="Dana Jobcenter", email="dana@example.org")
    conference = MeetingFactory(
        network=network, kind=MeetingKind.CASE_CONFERENCE, contact_person=contact
    )
    meeting_services.invitation_add(meeting=conference, by=contact, users=[invitee])
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=conference, by=contact)
    (parsed,) = _messages()
    assert "Tagesordnung" not in text_body(parsed)
    assert parsed["Reply-To"].addresses[0].addr_spec == "clara@example.org"
    with pytest.raises(MeetingError):
        meeting_services.agenda_publish(meeting=conference, by=contact)
