"""iCalendar output for meetings (RFC 5545 / 5546) with the icalendar library."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from core.markdown import markdown_to_text

from .models import Meeting

PRODID = "-//Netzwerkportal Jugendhilfe//DE"


def _timezone_component(meetings) -> Timezone:
    """VTIMEZONE with the transitions that cover every meeting in the calendar."""
    starts = [m.start for m in meetings] or [timezone.now()]
    ends = [m.end for m in meetings] or [timezone.now()]
    return Timezone.from_tzinfo(
        ZoneInfo(settings.TIME_ZONE),
        first_date=(min(starts) - timedelta(days=366)).date(),
        last_date=(max(ends) + timedelta(days=366)).date(),
    )


def _new_calendar(method: str | None, meetings) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add_component(_timezone_component(meetings))
    return calendar


def meeting_event(meeting: Meeting, *, attendee=None, include_details: bool = True) -> Event:
    """One VEVENT, without other attendees' addresses and without the online link.

    Case conferences carry only title, time and place: no description, link or organiser.
    """
    tz = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.start, tz))
    event.add("dtend", timezone.localtime(meeting.end, tz))
    event.add("summary", meeting.title)
    location = ", ".join(filter(None, [meeting.venue_name, meeting.venue_address]))
    if location:
        event.add("location", location)
    if not meeting.is_case_conference:
        event.add("url", f"{settings.SITE_URL}{meeting.get_absolute_url()}")
    if include_details and meeting.description and not meeting.is_case_conference:
        event.add("description", markdown_to_text(meeting.description))
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    contact = meeting.contact_person
    if contact is not None and not meeting.is_case_conference:
        organizer = vCalAddress(f"mailto:{contact.email}")
        organizer.params["cn"] = vText(contact.get_full_name())
        event.add("organizer", organizer)
    if attendee is not None:
        address = vCalAddress(f"mailto:{attendee.email}")
        address.params["cn"] = vText(attendee.get_full_name())
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("FALSE")
        event.add("attendee", address)
    return event


def meeting_ical(meeting: Meeting, *, method: str | None = None, attendee=None) -> bytes:
    """A calendar with one event; ``method`` REQUEST/CANCEL for mails, None for downloads."""
    calendar = _new_calendar(method, [meeting])
    calendar.add_component(meeting_event(meeting, attendee=attendee))
    return calendar.to_ical()


def meetings_ical(meetings, *, name: str) -> bytes:
    """A feed of several meetings (network calendar, personal feed)."""
    meetings = list(meetings)
    calendar = _new_calendar(None, meetings)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    return calendar.to_ical()
