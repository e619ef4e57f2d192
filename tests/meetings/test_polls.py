"""Date polls: slots, answers, and one step from the chosen slot to a meeting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import DatePoll, DatePollAnswer, Meeting

from .factories import member_of


def slot_fields(days):
    start = (timezone.localtime() + timedelta(days=days)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    return start, start + timedelta(hours=3)


def poll_form(network, title, kind, slots):
    """The poll form as a coordinator fills it in: one proposed date per line."""
    lines = [f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}" for start, end in slots]
    closes = timezone.localtime() + timedelta(days=3)
    return {
        "network": network.pk,
        "title": title,
        "kind": kind,
        "audience": "network",
        "dates": "\n".join(lines),
        "closes_at": closes.strftime("%Y-%m-%dT%H:%M"),
        "reminder_hours": "48",
    }


@pytest.mark.django_db
def test_poll_with_three_slots_and_five_answers_becomes_a_meeting(client, world):
    client.force_login(world.coordinator)
    slots = [slot_fields(20), slot_fields(21), slot_fields(27)]
    data = poll_form(world.network, "Netzwerktreffen Herbst", "network", slots)
    response = client.post("/meetings/polls/new/", data)
    poll = DatePoll.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/meetings/polls/{poll.pk}/"
    slot_ids = list(poll.slots.values_list("pk", flat=True))
    assert len(slot_ids) == 3

    people = [world.member, world.org_admin, world.colleague, world.contact]
    people.append(member_of(world.network, name="Erik"))
    answers = [
        ("yes", "no", "maybe"),
        ("no", "yes", "yes"),
        ("maybe", "yes", "no"),
        ("no", "yes", "yes"),
        ("yes", "yes", "no"),
    ]
    for person, row in zip(people, answers, strict=True):
        client.force_login(person)
        form = {f"slot_{pk}": answer for pk, answer in zip(slot_ids, row, strict=True)}
        assert client.post(f"/meetings/polls/{poll.pk}/", form).status_code == 302
    assert DatePollAnswer.objects.count() == 15
    # An outsider neither sees nor answers the poll.
    client.force_login(world.outsider)
    assert client.get(f"/meetings/polls/{poll.pk}/").status_code == 404

    client.force_login(world.coordinator)
    page = client.get(f"/meetings/polls/{poll.pk}/").content.decode()
    assert "Erik" in page  # the coordinator sees the table with names
    chosen = poll.slots.get(pk=slot_ids[1])
    response = client.post(f"/meetings/polls/{poll.pk}/schedule/", {"slot": chosen.pk})
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    assert (meeting.start, meeting.end) == (chosen.start, chosen.end)
    assert meeting.title == "Netzwerktreffen Herbst" and meeting.network == world.network
    assert meeting.agenda_items.exists()  # the network-meeting template's outline
    poll.refresh_from_db()
    assert poll.status == DatePoll.Status.CLOSED and poll.meeting == meeting
    # A second click does not create a second meeting.
    client.post(f"/meetings/polls/{poll.pk}/schedule/", {"slot": chosen.pk})
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_members_see_counts_but_not_names(client, world):
    from meetings import services

    poll = services.poll_create(
        network=world.network,
        by=world.coordinator,
        title="Termin",
        slots=[slot_fields(5), slot_fields(6)],
    )
    services.poll_answer(
        poll=poll, user=world.colleague, answers={s.pk: "yes" for s in poll.slots.all()}
    )
    client.force_login(world.member)
    page = client.get(f"/meetings/polls/{poll.pk}/").content.decode()
    assert "Paul" not in page
    assert client.post(f"/meetings/polls/{poll.pk}/schedule/", {"slot": 1}).status_code == 403


@pytest.mark.django_db
def test_the_kind_chosen_in_the_poll_form_is_saved_and_scheduled(client, world):
    """Issue 10: the poll form's kind of meeting must reach the poll and the meeting."""
    client.force_login(world.coordinator)
    data = poll_form(
        world.network, "Fortbildung Kinderschutz", "training", [slot_fields(30), slot_fields(31)]
    )
    assert client.post("/meetings/polls/new/", data).status_code == 302
    poll = DatePoll.objects.get()
    assert poll.kind == "training"
    assert "Fortbildung" in client.get(f"/meetings/polls/{poll.pk}/").content.decode()

    client.post(f"/meetings/polls/{poll.pk}/schedule/", {"slot": poll.slots.first().pk})
    meeting = Meeting.objects.get()
    assert meeting.kind == "training"
    # The training template's agenda outline, not the network meeting's.
    assert list(meeting.agenda_items.values_list("title", flat=True))[:2] == [
        "Begrüßung",
        "Fachlicher Input",
    ]
