"""The .ics outputs parse with icalendar and behave like calendar clients expect."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from meetings import services
from meetings.models import Invitation, Meeting, MeetingKind

from .factories import MeetingFactory, RegistrationFactory


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


@pytest.mark.django_db
def test_meeting_ics_has_berlin_timezone_stable_uid_and_sequence(client, world):
    meeting = MeetingFactory(network=world.network, contact_person=world.contact)
    RegistrationFactory(meeting=meeting, user=world.colleague)
    client.force_login(world.member)
    url = f"/meetings/{meeting.pk}/calendar.ics"

    calendar = parse(client.get(url))
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Berlin"]
    event = only_event(calendar)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == meeting.start
    uid, sequence = str(event["UID"]), int(event["SEQUENCE"])
    assert sequence == 0
    # No other attendee's address leaks into a download.
    assert b"paul@example.org" not in client.get(url).content
    assert "ATTENDEE" not in event

    services.meeting_update(meeting=meeting, by=world.coordinator, title="Neuer Titel")
    event = only_event(parse(client.get(url)))
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 0

    services.meeting_update(
        meeting=meeting,
        by=world.coordinator,
        start=meeting.start + timedelta(days=1),
        end=meeting.end + timedelta(days=1),
    )
    event = only_event(parse(client.get(url)))
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 1
    assert str(event["STATUS"]) == "CONFIRMED"

    services.meeting_cancel(meeting=meeting, by=world.coordinator)
    event = only_event(parse(client.get(url)))
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 2
    assert str(event["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_vtimezone_covers_a_meeting_years_ahead(client, world):
    meeting = MeetingFactory(network=world.network)
    meeting.start = meeting.start + timedelta(days=3 * 365)
    meeting.end = meeting.start + timedelta(hours=2)
    meeting.save()
    client.force_login(world.member)
    calendar = parse(client.get(f"/meetings/{meeting.pk}/calendar.ics"))
    transitions = [component.decoded("DTSTART").year for component in calendar.walk("DAYLIGHT")] + [
        rdate.dt.year
        for component in calendar.walk("DAYLIGHT")
        for rdates in ([component["RDATE"]] if "RDATE" in component else [])
        for group in (rdates if isinstance(rdates, list) else [rdates])
        for rdate in group.dts
    ]
    assert meeting.start.year in transitions


@pytest.mark.django_db
def test_case_conference_ics_has_only_title_time_and_place(client, world):
    meeting = MeetingFactory(
        network=world.network,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz",
        case_reference="FK-2025-07",
        contact_person=world.coordinator,
        description="geheim",
    )
    Invitation.objects.create(meeting=meeting, user=world.member)
    client.force_login(world.member)
    event = only_event(parse(client.get(f"/meetings/{meeting.pk}/calendar.ics")))
    assert set(event.keys()) <= {
        "SUMMARY",
        "DTSTART",
        "DTEND",
        "DTSTAMP",
        "UID",
        "SEQUENCE",
        "STATUS",
        "LOCATION",
    }
    assert "FK-2025-07" not in str(event.to_ical())


@pytest.mark.django_db
def test_personal_feed_lists_registered_meetings_and_is_revocable(client, world):
    registered = MeetingFactory(network=world.network, title="Angemeldet")
    RegistrationFactory(meeting=registered, user=world.member)
    MeetingFactory(network=world.network, title="Nicht angemeldet")
    draft = MeetingFactory(network=world.network, title="Entwurf", status=Meeting.Status.DRAFT)
    RegistrationFactory(meeting=draft, user=world.member)
    token = world.member.calendar_token

    calendar = parse(client.get(f"/meetings/feed/{token}.ics"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Angemeldet"]
    assert calendar.walk("VTIMEZONE")

    client.force_login(world.member)
    page = client.get("/meetings/feed/")
    assert token in page.content.decode()
    client.post("/meetings/feed/regenerate/")
    assert client.get(f"/meetings/feed/{token}.ics").status_code == 404
    world.member.refresh_from_db()
    assert client.get(f"/meetings/feed/{world.member.calendar_token}.ics").status_code == 200
