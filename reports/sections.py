"""What the reports app adds to the pages of lower apps (core/sections.py): the report link
on the network page; attendance lists, certificates and PDFs on the meeting page."""

from core.sections import register_section
from network.access import is_coordinator

from . import papers
from .permissions import (
    certificates_available,
    may_print_invitation,
    may_print_minutes,
)


def network_report_section(*, user, network, **kwargs):
    """The "Report" link, for the network's coordinators. No query beyond the access layer."""
    if not is_coordinator(user, network):
        return None
    return {"network": network}


def meeting_papers_section(*, user, meeting, manage=False, **kwargs):
    """Links to the meeting's papers the person may have. At most one query (the person's own
    attendance, for a certifiable meeting)."""
    coordinator = is_coordinator(user, meeting.network)
    certificates = certificates_available(meeting)
    own_certificate = (
        certificates and user.is_authenticated and bool(papers.attendees(meeting, user=user))
    )
    context = {
        "meeting": meeting,
        "coordinator": coordinator,
        "invitation": may_print_invitation(user, meeting),
        "minutes": may_print_minutes(user, meeting),
        "certificates": certificates and coordinator,
        "own_certificate": own_certificate,
    }
    if not any(context[k] for k in ("coordinator", "invitation", "minutes", "own_certificate")):
        return None
    return context


def register():
    register_section(
        "network.profile",
        template="reports/fragments/network_report_link.html",
        context=network_report_section,
        order=90,
    )
    register_section(
        "meetings.meeting",
        template="reports/fragments/meeting_papers.html",
        context=meeting_papers_section,
        order=50,
    )
