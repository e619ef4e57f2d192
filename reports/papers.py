"""Reads for the meeting papers: attendance lists, certificates, invitation and minutes.

Each function runs a fixed number of queries (given in its docstring), whatever the number of
registrations or agenda items.
"""

import base64
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from meetings.models import Meeting, Registration
from meetings.selectors.meeting_page import agenda_items, agenda_with_times, meeting_measures
from network.models import Network


def registered_people(meeting: Meeting) -> list[Registration]:
    """Registered people (not the waiting list), by name, with their organisation: one query."""
    return list(
        meeting.registrations.filter(status=Registration.Status.REGISTERED)
        .select_related("user", "organisation")
        .order_by("user__name", "user__email", "pk")
    )


def attendees(meeting: Meeting, *, user=None) -> list[Registration]:
    """Registrations recorded as present (only the person's own with ``user``): one query."""
    registrations = meeting.registrations.filter(
        status=Registration.Status.REGISTERED, attended=True, user__isnull=False
    )
    if user is not None:
        registrations = registrations.filter(user_id=user.pk)
    return list(
        registrations.select_related("user", "organisation").order_by(
            "user__name", "user__email", "pk"
        )
    )


def attendance_recorded(registrations) -> bool:
    return any(r.attended is not None for r in registrations)


def issuing_coordinator(meeting: Meeting) -> str:
    """The name signing a certificate: the first coordinator of the meeting's network (by
    name), else of its parent network. One or two queries."""
    network = meeting.network
    while network is not None:
        person = network.coordinators.order_by("name", "email").first()
        if person is not None:
            return person.get_full_name()
        network = network.parent
    return ""


def duration_text(meeting: Meeting) -> tuple[int, int]:
    """(hours, minutes) of the meeting."""
    minutes = int((meeting.end - meeting.start).total_seconds() // 60)
    return divmod(minutes, 60)


@dataclass(frozen=True)
class Letterhead:
    name: str
    logo: str  # a data: URI, or ""


def letterhead(network: Network) -> Letterhead:
    """The network's name and its logo, embedded (the PDF fetches nothing). No query."""
    logo = ""
    field = getattr(network, "logo", None)
    if field:
        try:
            with field.open("rb") as handle:
                data = handle.read()
        except OSError:
            data = b""
        if data.startswith(b"\x89PNG"):
            logo = "data:image/png;base64," + base64.b64encode(data).decode()
        elif data.startswith(b"\xff\xd8"):
            logo = "data:image/jpeg;base64," + base64.b64encode(data).decode()
    return Letterhead(network.name, logo)


def invitation_context(meeting: Meeting) -> dict:
    """Invitation with agenda: one query (agenda items)."""
    return {
        "meeting": meeting,
        "letterhead": letterhead(meeting.network),
        "agenda": agenda_with_times(meeting, agenda_items(meeting)),
        "site_url": settings.SITE_URL.rstrip("/"),
    }


def minutes_context(meeting: Meeting) -> dict:
    """Minutes: agenda with minutes, measures, attendance. Three queries."""
    present = attendees(meeting)
    return {
        "meeting": meeting,
        "letterhead": letterhead(meeting.network),
        "agenda": agenda_with_times(meeting, agenda_items(meeting)),
        "measures": list(meeting_measures(meeting)),
        "present": present,
        "present_organisations": sorted(
            {r.organisation.name for r in present if r.organisation_id}
        ),
        "generated": timezone.now(),
    }
