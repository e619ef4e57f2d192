"""Permission matrix: every meeting view and action for six kinds of visitor.

404 where the visitor must not know the meeting exists, 403 where they know it but may not
act, 302 to the login page for anonymous visitors of pages that need an account.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import AuditEvent
from meetings.models import (
    DatePoll,
    Invitation,
    Meeting,
    MeetingKind,
    Registration,
    TopicProposal,
)

from .factories import MeetingFactory, RegistrationFactory

ROLES = ["anonymous", "outsider", "member", "org_admin", "contact", "coordinator"]
LOGIN = 302


@pytest.fixture
def setup(world):
    upcoming = MeetingFactory(network=world.network, contact_person=world.contact)
    past = MeetingFactory(
        network=world.network,
        contact_person=world.contact,
        start=timezone.now() - timedelta(days=1, hours=2),
        end=timezone.now() - timedelta(days=1),
    )
    case = MeetingFactory(
        network=world.network,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz",
        case_reference="FK-1",
        contact_person=world.contact,
    )
    Invitation.objects.create(meeting=case, user=world.member)
    organisation = world.member.organisation_memberships.get().organisation
    registration = RegistrationFactory(
        meeting=upcoming, user=world.member, organisation=organisation
    )
    RegistrationFactory(meeting=past, user=world.member)
    topic = TopicProposal.objects.create(
        network=world.network, meeting=upcoming, title="Thema", proposed_by=world.member
    )
    item = upcoming.agenda_items.create(title="TOP 1", position=1)
    poll = DatePoll.objects.create(network=world.network, title="Termin")
    return {
        "m": upcoming.pk,
        "past": past.pk,
        "case": case.pk,
        "reg": registration.pk,
        "topic": topic.pk,
        "item": item.pk,
        "poll": poll.pk,
    }


def login(client, world, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))


#            path template                          anon  outs  memb  oadm  cont  coord
GET_MATRIX = [
    ("/meetings/", LOGIN, 200, 200, 200, 200, 200),
    ("/meetings/manage/", LOGIN, 200, 200, 200, 200, 200),
    ("/meetings/new/", LOGIN, 403, 403, 403, 403, 200),
    ("/meetings/{m}/", LOGIN, 404, 200, 200, 200, 200),
    ("/meetings/{m}/calendar.ics", 404, 404, 200, 200, 200, 200),
    ("/meetings/{m}/edit/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/publish/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/cancel/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/next/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/invitations/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/participants/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/register/", LOGIN, 404, 302, 200, 200, 403),
    ("/meetings/{m}/register-colleague/", LOGIN, 404, 403, 200, 403, 403),
    ("/meetings/{m}/decline/", LOGIN, 404, 200, 200, 200, 200),
    ("/meetings/registrations/{reg}/cancel/", LOGIN, 404, 200, 200, 200, 200),
    ("/meetings/{m}/topics/", LOGIN, 404, 200, 200, 200, 200),
    ("/meetings/{m}/agenda/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/agenda/{item}/delete/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{m}/feedback/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{past}/", LOGIN, 404, 200, 200, 200, 200),
    ("/meetings/{past}/minutes/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{past}/minutes/publish/", LOGIN, 404, 403, 403, 200, 200),
    ("/meetings/{past}/feedback/", LOGIN, 404, 200, 403, 200, 200),
    ("/meetings/{case}/", LOGIN, 404, 200, 404, 200, 200),
    ("/meetings/{case}/calendar.ics", 404, 404, 200, 404, 200, 200),
    ("/meetings/{case}/topics/", LOGIN, 404, 404, 404, 404, 404),
    ("/meetings/{case}/edit/", LOGIN, 404, 403, 404, 200, 200),
    ("/meetings/feed/", LOGIN, 200, 200, 200, 200, 200),
    ("/meetings/polls/", LOGIN, 200, 200, 200, 200, 200),
    ("/meetings/polls/new/", LOGIN, 403, 403, 403, 403, 200),
    ("/meetings/polls/{poll}/", LOGIN, 404, 200, 200, 200, 200),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_get_matrix(client, world, setup, role):
    login(client, world, role)
    failures = []
    for path, *expected in GET_MATRIX:
        url = path.format(**setup)
        want = expected[ROLES.index(role)]
        got = client.get(url).status_code
        if got != want:
            failures.append(f"{url}: expected {want}, got {got}")
    assert failures == []


#            path template, data                                 anon outs memb oadm cont coord
POST_MATRIX = [
    ("/meetings/{m}/publish/", {}, LOGIN, 404, 403, 403, 302, 302),
    ("/meetings/{m}/agenda/{item}/move/", {"direction": "up"}, LOGIN, 404, 403, 403, 302, 302),
    ("/meetings/{m}/agenda/review-items/", {}, LOGIN, 404, 403, 403, 302, 302),
    (
        "/meetings/{m}/topics/{topic}/decide/",
        {"decision": "rejected"},
        LOGIN,
        404,
        403,
        403,
        302,
        302,
    ),
    ("/meetings/{past}/minutes/measures/", {"title": "X"}, LOGIN, 404, 403, 403, 302, 302),
    (
        "/meetings/{m}/topics/",
        {"title": "Neu", "duration_minutes": 10},
        LOGIN,
        404,
        302,
        302,
        302,
        302,
    ),
    ("/meetings/polls/{poll}/schedule/", {"slot": 0}, LOGIN, 404, 403, 403, 403, 404),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_post_matrix(client, world, setup, role):
    login(client, world, role)
    failures = []
    for path, data, *expected in POST_MATRIX:
        url = path.format(**setup)
        want = expected[ROLES.index(role)]
        got = client.post(url, data).status_code
        if got != want:
            failures.append(f"{url}: expected {want}, got {got}")
    assert failures == []


@pytest.mark.django_db
def test_outsider_cannot_register_and_member_can(client, world, setup):
    client.force_login(world.outsider)
    assert client.post(f"/meetings/{setup['m']}/register/").status_code == 404
    client.force_login(world.colleague)
    assert client.post(f"/meetings/{setup['m']}/register/", {"notes": "vegan"}).status_code == 302
    registration = Registration.objects.get(meeting_id=setup["m"], user=world.colleague)
    assert registration.notes == "vegan"
    # Paul may not cancel Dave's registration and must not learn that it exists.
    assert client.get(f"/meetings/registrations/{setup['reg']}/cancel/").status_code == 404


@pytest.mark.django_db
def test_org_admin_registers_a_colleague(client, world, setup):
    client.force_login(world.org_admin)
    response = client.post(
        f"/meetings/{setup['m']}/register-colleague/", {"person": world.colleague.pk}
    )
    assert response.status_code == 302
    registration = Registration.objects.get(meeting_id=setup["m"], user=world.colleague)
    assert registration.registered_by == world.org_admin
    # Someone outside the admin's organisation is not offered.
    response = client.post(
        f"/meetings/{setup['m']}/register-colleague/", {"person": world.outsider.pk}
    )
    assert response.status_code == 200
    assert not Registration.objects.filter(user=world.outsider).exists()


@pytest.mark.django_db
def test_online_link_only_for_registered_people(client, world, setup):
    Meeting.objects.filter(pk=setup["m"]).update(online_url="https://meet.example.org/abc")
    client.force_login(world.colleague)
    assert "meet.example.org/abc" not in client.get(f"/meetings/{setup['m']}/").content.decode()
    client.force_login(world.member)
    assert "meet.example.org/abc" in client.get(f"/meetings/{setup['m']}/").content.decode()


@pytest.mark.django_db
def test_public_meetings_are_visible_to_visitors_but_drafts_are_not(client, world):
    public = MeetingFactory(network=world.network, audience=Meeting.Audience.PUBLIC)
    draft = MeetingFactory(
        network=world.network, audience=Meeting.Audience.PUBLIC, status=Meeting.Status.DRAFT
    )
    assert client.get(f"/meetings/{public.pk}/").status_code == 200
    # Not shown: the visitor is asked to log in, as for any meeting they cannot see.
    assert client.get(f"/meetings/{draft.pk}/")["Location"].startswith("/accounts/login/")
    # Organisations outside the network may register for a public meeting.
    client.force_login(world.outsider)
    assert client.post(f"/meetings/{public.pk}/register/").status_code == 302


@pytest.mark.django_db
def test_case_conference_views_are_audited(client, world, setup):
    client.force_login(world.member)
    client.get(f"/meetings/{setup['case']}/")
    event = AuditEvent.objects.get(action="meeting.case_conference_viewed")
    assert event.actor == world.member and event.target_id == str(setup["case"])


@pytest.mark.django_db
def test_feedback_is_anonymous_for_the_coordinator(client, world, setup):
    client.force_login(world.member)
    client.post(f"/meetings/{setup['past']}/feedback/", {"rating": 4, "comment": "Sehr hilfreich"})
    client.force_login(world.coordinator)
    page = client.get(f"/meetings/{setup['past']}/feedback/").content.decode()
    assert "Sehr hilfreich" in page
    assert "Dave" not in page


@pytest.mark.django_db
def test_meeting_page_speaks_german_and_case_conference_warns(client, world, setup):
    client.force_login(world.coordinator)
    page = client.get(f"/meetings/{setup['m']}/").content.decode()
    assert "Tagesordnung" in page and "Anmeldung" in page
    Meeting.objects.filter(pk=setup["case"]).update(data_protection_notice="Nur Fallzeichen!")
    form = client.get(f"/meetings/{setup['case']}/edit/").content.decode()
    assert 'name="description"' not in form
    # The warning stands with every input field of a case conference.
    assert form.count("Nur Fallzeichen!") >= 9


@pytest.mark.django_db
def test_a_mail_link_to_a_members_meeting_asks_an_anonymous_visitor_to_log_in(client, world, setup):
    """Invitations and minutes mails link the meeting page; opened without a session it
    answered 404 ("Seite nicht gefunden"). Now the login page comes first, for any id that
    the visitor cannot see (an unknown one too, so nothing is told), and leads back."""
    url = f"/meetings/{setup['m']}/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    assert client.get("/meetings/999999/")["Location"] == "/accounts/login/?next=/meetings/999999/"
    client.force_login(world.member)
    assert client.get(url).status_code == 200
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
