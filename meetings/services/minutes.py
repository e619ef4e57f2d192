"""After the meeting: attendance, minutes, measures, publication of the minutes, feedback."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from network.models import Measure
from network.services import measure_create, working_group_results_presented
from providers.models import Organisation

from .. import events
from ..models import AgendaItem, Feedback, Meeting, Registration
from ..permissions import audience_organisation_ids_for
from .errors import MeetingError
from .registration import locked


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    by,
    minutes: str,
    items: dict[int, dict] | None = None,
    attendance: dict[int, bool] | None = None,
) -> Meeting:
    """Attendance per registration, minutes per agenda item and the general part."""
    meeting = locked(meeting)
    if not meeting.has_started:
        raise MeetingError(_("Minutes can be written once the meeting has started."))
    if meeting.status == Meeting.Status.CANCELLED:
        raise MeetingError(_("A cancelled meeting has no minutes."))
    meeting.minutes = "" if meeting.is_case_conference else minutes
    meeting.save(update_fields=["minutes", "updated_at"])
    if items and not meeting.is_case_conference:
        for item in AgendaItem.objects.filter(meeting=meeting, pk__in=list(items)):
            item.minutes = items[item.pk].get("minutes", "")
            item.decisions = items[item.pk].get("decisions", "")
            item.save(update_fields=["minutes", "decisions"])
    if attendance:
        registrations = Registration.objects.filter(
            meeting=meeting, pk__in=list(attendance), status=Registration.Status.REGISTERED
        )
        for registration in registrations:
            registration.attended = attendance[registration.pk]
        Registration.objects.bulk_update(registrations, ["attended"])
    return meeting


@transaction.atomic
def attendance_record_walk_in(*, meeting: Meeting, by, user) -> Registration:
    """Someone came without registering: they are recorded as registered and present."""
    meeting = locked(meeting)
    if not meeting.has_started or meeting.status == Meeting.Status.CANCELLED:
        raise MeetingError(_("Attendance can be recorded once the meeting has started."))
    registration = Registration.objects.filter(meeting=meeting, user=user).first()
    if registration is None:
        registration = Registration(meeting=meeting, user=user, registered_by=by)
    if registration.organisation_id is None:
        org_ids = audience_organisation_ids_for(user, meeting)
        registration.organisation = Organisation.objects.filter(pk__in=org_ids[:1]).first()
    registration.status = Registration.Status.REGISTERED
    registration.waiting_since = None
    registration.attended = True
    registration.save()
    audit_log(
        actor=by,
        action="meeting.attendance_walk_in",
        target=meeting,
        network_id=meeting.network_id,
        person=user.pk,
    )
    return registration


@transaction.atomic
def minutes_measure_add(
    *,
    meeting: Meeting,
    by,
    title: str,
    responsible_person=None,
    responsible_organisation: Organisation | None = None,
    due_date: date | None = None,
    description: str = "",
) -> Measure:
    """A measure agreed in the meeting; it joins the network's list of measures.

    A case conference's measures are restricted: only coordinators and the responsible
    person see them outside the meeting (the case-conference rule, see Meeting.objects.visible_to).
    """
    return measure_create(
        network=meeting.network,
        by=by,
        title=title,
        description=description,
        responsible_person=responsible_person,
        responsible_organisation=responsible_organisation,
        due_date=due_date,
        meeting_id=meeting.pk,
        is_restricted=meeting.is_case_conference,
    )


@transaction.atomic
def minutes_publish(*, meeting: Meeting, by) -> Meeting:
    """Publish the minutes to the network's members; the meeting counts as held."""
    meeting = locked(meeting)
    if not meeting.has_started or meeting.status == Meeting.Status.CANCELLED:
        raise MeetingError(_("Minutes can be published only for a meeting that took place."))
    meeting.minutes_published_at = timezone.now()
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["minutes_published_at", "status", "updated_at"])
    working_group_results_presented(
        result_ids=meeting.agenda_items.filter(working_group_result__isnull=False).values(
            "working_group_result_id"
        ),
        meeting_id=meeting.pk,
    )
    audit_log(
        actor=by, action="meeting.minutes_published", target=meeting, network_id=meeting.network_id
    )
    events.minutes_published.send_event(meeting=meeting)
    return meeting


@transaction.atomic
def feedback_give(*, meeting: Meeting, user, rating: int, comment: str = "") -> Feedback:
    if not 1 <= rating <= 5:
        raise MeetingError(_("Please give a rating from 1 to 5."))
    feedback, _created = Feedback.objects.update_or_create(
        meeting=meeting, user=user, defaults={"rating": rating, "comment": comment}
    )
    return feedback
