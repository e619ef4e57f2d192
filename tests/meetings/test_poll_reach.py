"""Date polls that reach people (issue 13): the audience, the personal link, the limits,
the ranking, the reminder and the mails."""

import re
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.signing import dumps
from django.utils import timezone

from meetings import poll_links, services
from meetings.models import DatePoll, PollInvitation
from meetings.poll_forms import parse_dates
from meetings.selectors import poll_responses, poll_tally, rank_slots
from meetings.services import MeetingError
from network.models import WorkingGroup
from notifications.models import OutgoingMail
from notifications.reminders import send_due_reminders

from .factories import NetworkFactory, member_of

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def slots(count=2, *, days=10):
    first = (timezone.localtime(timezone=BERLIN) + timedelta(days=days)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    return [(first + timedelta(days=n), first + timedelta(days=n, hours=2)) for n in range(count)]


def open_poll(world, *, closes_in=timedelta(days=5), **kwargs):
    kwargs.setdefault("slots", slots(3))
    return services.poll_create(
        network=world.network,
        by=world.coordinator,
        title="Netzwerktreffen Frühjahr",
        closes_at=timezone.now() + closes_in,
        **kwargs,
    )


def test_opening_invites_the_audience_and_mails_each_a_personal_link(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        poll = open_poll(world)
    asked = {i.user.email: i for i in poll.invitations.select_related("user", "organisation")}
    assert set(asked) == {
        "dave@example.org",
        "olga@example.org",
        "paul@example.org",
        "carol@example.org",
    }
    assert all(invitation.organisation is not None for invitation in asked.values())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(asked)
    for message in mail.outbox:
        # The signed link carries a timestamp: compare whom it names, not its text.
        (token,) = re.findall(r"/meetings/polls/answer/([^/\s]+)/", message.body)
        assert poll_links.invitation_from_token(token) == asked[message.to[0]]
        assert "Europe/Berlin" in message.body
    # The outsider (another network) is not asked and must not know the poll exists.
    assert not PollInvitation.objects.filter(user=world.outsider).exists()


def test_a_working_group_poll_asks_its_members_only_and_stays_hidden_from_the_others(world, client):
    group = WorkingGroup.objects.create(network=world.network, name="AG Fortbildung")
    group.members.add(world.member, world.contact)
    poll = open_poll(world, audience=DatePoll.Audience.WORKING_GROUP, working_group=group)
    assert set(poll.invitations.values_list("user_id", flat=True)) == {
        world.member.pk,
        world.contact.pk,
    }
    client.force_login(world.colleague)  # member of the network, not of the group
    assert client.get(f"/meetings/polls/{poll.pk}/").status_code == 404
    client.force_login(world.member)
    assert client.get(f"/meetings/polls/{poll.pk}/").status_code == 200


def test_chosen_people_are_asked_and_a_meeting_from_the_poll_invites_them(world):
    poll = open_poll(world, audience=DatePoll.Audience.PEOPLE, people=[world.org_admin])
    assert list(poll.invitations.values_list("user_id", flat=True)) == [world.org_admin.pk]
    meeting = services.poll_to_meeting(
        poll=poll, slot=poll.slots.first(), by=world.coordinator, publish=True
    )
    assert list(meeting.invitations.values_list("user_id", flat=True)) == [world.org_admin.pk]


def test_a_poll_with_sub_networks_asks_their_representatives_too(world):
    town = NetworkFactory(name="Frühe Hilfen Brüggen", slug="fh-brueggen", parent=world.network)
    local = member_of(town, name="Lena")
    poll = open_poll(world, audience=DatePoll.Audience.WITH_SUBNETWORKS)
    assert poll.invitations.filter(user=local).exists()
    assert not open_poll(world).invitations.filter(user=local).exists()


def test_case_conferences_take_no_poll(world):
    with pytest.raises(MeetingError):
        open_poll(world, kind="case_conference")
    assert not DatePoll.objects.exists()


def test_the_personal_link_is_refused_when_tampered_revoked_or_for_another_poll(world):
    poll = open_poll(world)
    other = open_poll(world)
    invitation = poll.invitations.get(user=world.member)
    token = poll_links.poll_token(invitation)
    assert poll_links.invitation_from_token(token) == invitation

    with pytest.raises(poll_links.InvalidToken):
        poll_links.invitation_from_token(token[:-2] + ("A" if token[-1] != "A" else "B") + "x")
    # Signed correctly, but naming the other poll with this invitation's key.
    forged = dumps(
        {"p": other.pk, "u": world.member.pk, "n": invitation.nonce},
        salt=poll_links.SALT,
        compress=True,
    )
    with pytest.raises(poll_links.InvalidToken):
        poll_links.invitation_from_token(forged)
    # Another person's key with this person's id.
    colleague_nonce = poll.invitations.get(user=world.colleague).nonce
    forged = dumps(
        {"p": poll.pk, "u": world.member.pk, "n": colleague_nonce},
        salt=poll_links.SALT,
        compress=True,
    )
    with pytest.raises(poll_links.InvalidToken):
        poll_links.invitation_from_token(forged)

    services.poll_link_revoke(invitation=invitation, by=world.coordinator)
    with pytest.raises(poll_links.InvalidToken):
        poll_links.invitation_from_token(token)


def test_the_link_page_answers_without_login_and_dies_when_the_poll_closes(world, client):
    poll = open_poll(world)
    invitation = poll.invitations.get(user=world.member)
    url = f"/meetings/polls/answer/{poll_links.poll_token(invitation)}/"
    page = client.get(url)
    assert page.status_code == 200 and "Netzwerktreffen Frühjahr" in page.content.decode()
    answers = {f"slot_{slot.pk}": "maybe" for slot in poll.slots.all()}
    response = client.post(url, {**answers, "comment": "Nur vormittags"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.answered_at is not None and invitation.comment == "Nur vormittags"
    assert "_auth_user_id" not in client.session  # the link does not log anyone in

    services.poll_close(poll=poll, slot=poll.slots.first(), by=world.coordinator)
    assert client.get(url).status_code == 410
    assert client.post(url, answers).status_code == 410
    # A link the coordinator revoked is unknown: 404.
    other = poll.invitations.get(user=world.colleague)
    other.revoked_at = timezone.now()
    other.save()
    assert client.get(f"/meetings/polls/answer/{poll_links.poll_token(other)}/").status_code == 404


def test_thirty_dates_at_most_with_a_german_error(world, client, settings):
    start = timezone.localdate(timezone=BERLIN) + timedelta(days=5)
    lines = [f"{start + timedelta(days=n):%d.%m.%Y} 14:00–16:00" for n in range(31)]
    assert len(parse_dates("\n".join(lines[:30]))[0]) == 30
    client.force_login(world.coordinator)
    response = client.post(
        "/meetings/polls/new/",
        {
            "network": world.network.pk,
            "title": "Zu viele Termine",
            "kind": "network",
            "audience": "network",
            "dates": "\n".join(lines),
            "closes_at": (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
            "reminder_hours": "48",
        },
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bitte schlagen Sie höchstens 30 Termine vor (Sie haben 31 angegeben)." in page
    assert "Zu viele Termine" in page  # bad input loses nothing
    assert not DatePoll.objects.exists()
    with pytest.raises(MeetingError):
        open_poll(world, slots=slots(31))


def test_dates_with_and_without_time_in_german_time():
    soon = timezone.localdate(timezone=BERLIN) + timedelta(days=3)
    parsed, errors = parse_dates(
        f"{soon:%d.%m.%Y}\nMo, {soon:%d.%m.%Y} 9:30\n{soon:%Y-%m-%d} 14:00–16:00\nnächste Woche"
    )
    assert parsed[0] == soon
    assert parsed[1] == (datetime(soon.year, soon.month, soon.day, 9, 30, tzinfo=BERLIN), None)
    assert parsed[2][1].hour == 16 and parsed[2][1].tzinfo == BERLIN
    assert [str(error) for error in errors] == [
        "Zeile 4: „nächste Woche“ ist kein Datum. Bitte schreiben Sie zum Beispiel "
        "14.12.2026 14:00–16:00 oder 14.12.2026 für den ganzen Tag."
    ]


def test_whole_days_are_labelled_without_time_and_become_a_morning_meeting(world):
    day = timezone.localdate(timezone=BERLIN) + timedelta(days=8)
    poll = open_poll(world, slots=[day, day + timedelta(days=1)])
    first = poll.slots.first()
    assert ":" not in first.label
    meeting = services.poll_to_meeting(poll=poll, slot=first, by=world.coordinator)
    local = timezone.localtime(meeting.start, BERLIN)
    assert (local.date(), local.hour) == (day, 10)


def test_ranking_yes_first_then_if_need_be(world):
    poll = open_poll(world, slots=slots(3))
    a, b, c = poll.slots.all()
    rows = {
        world.member: {a.pk: "yes", b.pk: "yes", c.pk: "no"},
        world.org_admin: {a.pk: "maybe", b.pk: "yes", c.pk: "yes"},
        world.colleague: {a.pk: "yes", b.pk: "maybe", c.pk: "yes"},
    }
    for person, answers in rows.items():
        services.poll_answer(poll=poll, user=person, answers=answers)
    tally = poll_tally(poll, world.coordinator)
    # a: 2 yes 1 maybe; b: 2 yes 1 maybe; c: 2 yes 0 maybe → a, b (earlier first), then c
    assert [row[0] for row in tally.ranking] == [a, b, c]
    assert [row[1:] for row in tally.ranking] == [(2, 1, 0), (2, 1, 0), (2, 0, 1)]
    assert [row[0].pk for row in rank_slots([(c, 3, 0, 0), (a, 1, 2, 0), (b, 1, 3, 0)])] == [
        c.pk,
        b.pk,
        a.pk,
    ]
    responses = poll_responses(poll, tally)
    assert (responses.invited, responses.answered, responses.rate) == (4, 3, 75)
    by_name = {group.name: group for group in responses.organisations}
    assert sorted(g.answered for g in by_name.values()) == [0, 3]


def test_every_date_must_be_answered(world):
    poll = open_poll(world)
    first = poll.slots.first()
    with pytest.raises(MeetingError):
        services.poll_answer(poll=poll, user=world.member, answers={first.pk: "yes"})


class Clock:
    def __init__(self, now):
        self.now = now


def test_the_reminder_goes_once_to_those_who_have_not_answered(
    world, django_capture_on_commit_callbacks
):
    clock = Clock(timezone.now())
    with mock.patch("django.utils.timezone.now", lambda: clock.now):
        poll = open_poll(world, closes_in=timedelta(days=5), slots=slots(2, days=20))
        services.poll_answer(
            poll=poll, user=world.member, answers={s.pk: "yes" for s in poll.slots.all()}
        )
        revoked = poll.invitations.get(user=world.org_admin)
        services.poll_link_revoke(invitation=revoked, by=world.coordinator)
        mail.outbox.clear()

        clock.now += timedelta(days=2, hours=23)  # 2 days and 1 hour before closing
        with django_capture_on_commit_callbacks(execute=True):
            send_due_reminders()
        assert mail.outbox == []

        clock.now += timedelta(hours=2)  # 47 hours before closing
        with django_capture_on_commit_callbacks(execute=True):
            send_due_reminders()
            send_due_reminders()  # the next tick, or a second beat, queues nothing new
        assert sorted(m.to[0] for m in mail.outbox) == ["carol@example.org", "paul@example.org"]
        paul = next(m for m in mail.outbox if m.to[0] == "paul@example.org")
        (token,) = re.findall(r"/meetings/polls/answer/([^/\s]+)/", paul.body)
        assert poll_links.invitation_from_token(token).user == world.colleague
        assert OutgoingMail.objects.filter(kind="poll-reminder").count() == 2

        clock.now += timedelta(hours=10)
        with django_capture_on_commit_callbacks(execute=True):
            send_due_reminders()
        assert OutgoingMail.objects.filter(kind="poll-reminder").count() == 2


def test_closing_mails_the_chosen_date_to_everyone_asked(world, django_capture_on_commit_callbacks):
    poll = open_poll(world)
    chosen = poll.slots.last()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.poll_close(poll=poll, slot=chosen, by=world.coordinator)
    assert len(mail.outbox) == 4
    assert all(chosen.label in message.body for message in mail.outbox)
    with pytest.raises(MeetingError):
        services.poll_close(poll=poll, slot=chosen, by=world.coordinator)


def test_the_overview_lists_polls_until_answered_and_the_coordinators_answer_rate(world, client):
    poll = open_poll(world)
    client.force_login(world.member)
    assert "Netzwerktreffen Frühjahr" in client.get("/dashboard/").content.decode()
    services.poll_answer(
        poll=poll, user=world.member, answers={s.pk: "no" for s in poll.slots.all()}
    )
    assert "Netzwerktreffen Frühjahr" not in client.get("/dashboard/").content.decode()
    client.force_login(world.outsider)
    assert "Netzwerktreffen Frühjahr" not in client.get("/dashboard/").content.decode()
    client.force_login(world.coordinator)
    page = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Netzwerktreffen Frühjahr" in page and "1 von 4 geantwortet" in page


def test_a_late_answer_after_closing_time_is_refused(world):
    poll = open_poll(world, closes_in=timedelta(hours=1))
    later = datetime.now(BERLIN) + timedelta(hours=2)
    answers = {s.pk: "yes" for s in poll.slots.all()}
    with mock.patch("django.utils.timezone.now", lambda: later), pytest.raises(MeetingError):
        services.poll_answer(poll=poll, user=world.member, answers=answers)


def _queries_of(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_poll_page_costs_the_same_for_many_people(world, client):
    poll = open_poll(world)
    client.force_login(world.coordinator)
    path = f"/meetings/polls/{poll.pk}/"
    _queries_of(client, path)  # the session and the caches of the first request
    few = _queries_of(client, path)
    for number in range(8):
        person = member_of(world.network, name=f"Person{number}")
        services.poll_answer(
            poll=poll, user=person, answers={s.pk: "yes" for s in poll.slots.all()}
        )
    many = _queries_of(client, path)
    assert many == few <= 15
    client.force_login(world.member)
    _queries_of(client, path)
    assert _queries_of(client, path) <= 15
    token_path = f"/meetings/polls/answer/{poll_links.poll_token(poll.invitations.first())}/"
    assert _queries_of(client, token_path) <= 15


def test_a_poll_past_its_closing_time_asks_the_coordinator_for_the_date(world, client):
    poll = open_poll(world, closes_in=timedelta(hours=1))
    DatePoll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(world.member)
    assert "Netzwerktreffen Frühjahr" not in client.get("/dashboard/").content.decode()
    client.force_login(world.coordinator)
    page = client.get("/dashboard/").content.decode()
    assert f'href="/meetings/polls/{poll.pk}/close/"' in page
