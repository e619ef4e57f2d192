"""The meeting page: the person's own state, seats, agenda and measures."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from core.sections import page_sections
from network.models import Measure
from providers.access import admin_organisation_ids

from ..models import Invitation, Meeting, Registration
from ..permissions import (
    can_give_feedback,
    can_manage_meeting,
    can_propose_topic,
    can_read_minutes,
    can_register,
    can_register_colleagues,
)


def active_registration(meeting: Meeting, user) -> Registration | None:
    """The person's registration or waiting-list place (not a cancelled one): one query."""
    return (
        Registration.objects.filter(meeting=meeting, user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def invitation_of(meeting: Meeting, user) -> Invitation | None:
    return Invitation.objects.filter(meeting=meeting, user=user).first()


def colleagues_registrations(meeting: Meeting, user) -> list[Registration]:
    """Registrations of the people of the organisations the person administers (not their
    own): one query, none if they administer no organisation."""
    admin_ids = admin_organisation_ids(user)
    if not admin_ids:
        return []
    return list(
        Registration.objects.filter(meeting=meeting, organisation_id__in=admin_ids)
        .exclude(status=Registration.Status.CANCELLED)
        .exclude(user=user)
        .select_related("user", "organisation")
    )


def seat_counts(meeting: Meeting) -> dict[str, int]:
    """``{"registered": …, "waiting": …}``: one query."""
    return meeting.registrations.aggregate(
        registered=Count("pk", filter=Q(status=Registration.Status.REGISTERED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )


def agenda_items(meeting: Meeting, *, with_topics: bool = False):
    """The meeting's agenda items in order, with the measure each reviews (and the topic
    proposal each came from). Lazy; one query."""
    related = ("measure", "topic") if with_topics else ("measure",)
    return meeting.agenda_items.select_related(*related).order_by("position", "pk")


def agenda_with_times(meeting: Meeting, items) -> list[tuple]:
    """(item, local start time) pairs, the agenda's running clock."""
    clock = timezone.localtime(meeting.start)
    rows = []
    for item in items:
        rows.append((item, clock))
        clock += timedelta(minutes=item.duration_minutes)
    return rows


def meeting_measures(meeting: Meeting):
    """The measures decided at the meeting, with who is responsible. Lazy; one query."""
    return Measure.objects.filter(meeting=meeting).select_related(
        "responsible_person", "responsible_organisation"
    )


def coordination_step(meeting: Meeting, agenda: list[tuple]) -> str:
    """The one next step of the coordination, from what the page has loaded (no query):

    ``publish`` a draft → ``publish_agenda`` → (``participants`` until the meeting is over)
    → ``minutes`` → ``publish_minutes`` → ``next_date``; ``""`` for a cancelled meeting.
    """
    if meeting.status == Meeting.Status.CANCELLED:
        return ""
    if meeting.status == Meeting.Status.DRAFT:
        return "publish"
    if meeting.minutes_published_at is not None:
        return "next_date"
    if not meeting.has_started:
        if not meeting.is_case_conference and meeting.agenda_published_at is None:
            return "publish_agenda"
        return "participants"
    if not meeting.has_ended:
        return "participants"
    written = bool(meeting.minutes) or any(
        item.minutes or item.decisions for item, _start in agenda
    )
    return "publish_minutes" if written else "minutes"


def meeting_detail_context(user, meeting: Meeting) -> dict:
    """What the meeting page shows to this person, and what they may do there.

    A fixed number of queries, independent of the number of registrations, agenda items and
    measures: own registration, invitation, colleagues' registrations (organisation admins),
    seat counts, agenda with measures, measures (when the minutes are visible), and the
    permission checks (the person's organisations and networks once per request).
    """
    manage = can_manage_meeting(user, meeting)
    own_registration = None
    invitation = None
    organisation_registrations = []
    if user.is_authenticated:
        own_registration = active_registration(meeting, user)
        invitation = invitation_of(meeting, user)
        organisation_registrations = colleagues_registrations(meeting, user)
    counts = seat_counts(meeting)
    agenda = []
    measures = []
    minutes_visible = can_read_minutes(user, meeting)
    if not meeting.is_case_conference:
        agenda = agenda_with_times(meeting, agenda_items(meeting))
        if minutes_visible:
            measures = list(meeting_measures(meeting))
    is_registered = bool(own_registration) and (
        own_registration.status == Registration.Status.REGISTERED
    )
    return {
        "meeting": meeting,
        "can_manage": manage,
        "next_step": coordination_step(meeting, agenda) if manage else "",
        # Members see the agenda once it is published (or the minutes are).
        "agenda_visible": manage
        or meeting.agenda_published_at is not None
        or meeting.minutes_published_at is not None,
        "own_registration": own_registration,
        "invitation": invitation,
        "organisation_registrations": organisation_registrations,
        "counts": counts,
        "seats_left": (
            None if meeting.capacity is None else max(meeting.capacity - counts["registered"], 0)
        ),
        "agenda": agenda,
        "measures": measures,
        "minutes_visible": minutes_visible,
        "show_online_link": manage or is_registered,
        "can_register": can_register(user, meeting) and own_registration is None,
        "can_register_colleagues": can_register_colleagues(user, meeting),
        "can_propose_topic": can_propose_topic(user, meeting),
        "can_give_feedback": can_give_feedback(user, meeting),
        # Upper apps add to the page (reports: attendance lists, certificates, PDFs).
        "sections": page_sections("meetings.meeting", user=user, meeting=meeting, manage=manage),
        "can_decline": (
            invitation is not None
            and invitation.declined_at is None
            and meeting.status == Meeting.Status.PUBLISHED
            and not meeting.has_started
        ),
    }
