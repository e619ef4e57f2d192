"""Registrations: the coordinator's participant list, colleagues, invitations, RSVP links."""

from django.db.models import Count, Q

from providers.access import admin_organisation_ids

from ..models import Invitation, Meeting, Registration
from ..permissions import audience_organisation_ids_for


def registrations_with_meeting():
    """Every registration, with its meeting (and network) and person: to look one up by id
    before the access check on its meeting. Lazy."""
    return Registration.objects.select_related("meeting__network", "user")


def meeting_invitations(meeting: Meeting):
    """Who is invited, with the organisation each represents, by name. Lazy; one query."""
    return meeting.invitations.select_related("user", "organisation").order_by(
        "user__name", "user__email"
    )


def participants_context(meeting: Meeting) -> dict:
    """Registrations and the waiting list in order, and the counts per organisation.

    Two queries, whatever the number of registrations.
    """
    registrations = (
        meeting.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("user", "organisation", "registered_by")
        .order_by("status", "waiting_since", "created_at", "pk")
    )
    per_organisation = (
        meeting.registrations.values("organisation__name")
        .annotate(
            registered=Count("pk", filter=Q(status=Registration.Status.REGISTERED)),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
            attended=Count("pk", filter=Q(attended=True)),
        )
        .filter(Q(registered__gt=0) | Q(waiting__gt=0))
        .order_by("organisation__name")
    )
    return {
        "meeting": meeting,
        "registrations": registrations,
        "per_organisation": per_organisation,
    }


def colleague_organisation_ids(user, meeting: Meeting) -> list[int]:
    """The organisations the person administers that belong to the meeting's audience: whose
    people they may register."""
    return sorted(
        set(admin_organisation_ids(user)) & set(audience_organisation_ids_for(user, meeting))
    )


def rsvp_context(invitation: Invitation) -> dict:
    """The personal RSVP page: the invitation as it is now and the person's registration.

    Two queries: the invitation's answer (``declined_at``) as it is now, and the registration.
    """
    meeting = invitation.meeting
    invitation.refresh_from_db(fields=["declined_at"])
    return {
        "invitation": invitation,
        "meeting": meeting,
        "registration": Registration.objects.filter(meeting=meeting, user=invitation.user).first(),
        "is_open": meeting.status == Meeting.Status.PUBLISHED,
        "show_details": not meeting.is_case_conference,
        "location": ", ".join(filter(None, [meeting.venue_name, meeting.venue_address])),
    }
