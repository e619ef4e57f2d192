"""Scheduling: create, publish, change, cancel and repeat meetings."""

from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from network.models import Network

from .. import events
from ..models import (
    EDITABLE_FIELDS,
    TIME_AND_PLACE_FIELDS,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingTemplate,
)
from .agenda import agenda_add_review_items, agenda_add_template_items
from .errors import MeetingError
from .invitations import invitations_write, publication_invitees
from .registration import fill_free_seats

RECURRENCE_STEPS = {
    MeetingSeries.Recurrence.MONTHLY: relativedelta(months=1),
    MeetingSeries.Recurrence.QUARTERLY: relativedelta(months=3),
    MeetingSeries.Recurrence.HALF_YEARLY: relativedelta(months=6),
    MeetingSeries.Recurrence.YEARLY: relativedelta(years=1),
}


def check_times(start: datetime, end: datetime) -> None:
    if end <= start:
        raise MeetingError(_("The meeting must end after it starts."))


def template_for(kind: str) -> MeetingTemplate | None:
    return MeetingTemplate.objects.filter(kind=kind).first()


# --- Scheduling ---------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    network: Network,
    by,
    kind: str,
    title: str,
    start: datetime,
    end: datetime | None = None,
    **fields,
) -> Meeting:
    """A draft meeting from the template of its kind.

    The template gives reminder offsets, the data-protection notice and the agenda outline
    (one agenda item per line); open measures and working-group results for the plenary are
    added to the agenda for review.
    """
    template = template_for(kind)
    if end is None:
        minutes = template.default_duration_minutes if template else 120
        end = start + timedelta(minutes=minutes)
    check_times(start, end)
    unknown = set(fields) - set(EDITABLE_FIELDS) - {"series"}
    if unknown:
        raise TypeError(f"meeting_create() got unexpected fields: {sorted(unknown)}")
    fields.setdefault("topic_visibility", network.topic_visibility)
    if template is not None:
        fields.setdefault("reminder_offsets", list(template.reminder_offsets))
        fields.setdefault("data_protection_notice", template.data_protection_notice)
    if kind == MeetingKind.CASE_CONFERENCE:
        # Nothing but a case reference may describe a case conference.
        fields["description"] = ""
    fields.setdefault("contact_person", by)
    # Trainings get a certificate of attendance unless the coordinator says otherwise.
    fields.setdefault("certifiable", kind == MeetingKind.TRAINING)
    meeting = Meeting.objects.create(
        network=network, kind=kind, title=title, start=start, end=end, created_by=by, **fields
    )
    if kind != MeetingKind.CASE_CONFERENCE:
        agenda_add_template_items(meeting=meeting, template=template)
        agenda_add_review_items(meeting=meeting)
    audit_log(actor=by, action="meeting.created", target=meeting, network_id=network.pk)
    return meeting


@transaction.atomic
def meeting_publish(*, meeting: Meeting, by) -> Meeting:
    """Publish a draft: its audience is invited (written once, each invitation with the
    organisation the person represents) and ``meeting_published`` is announced, upon which
    the invitation mails are queued. Case conferences invite only the people named for them
    (``publication_invitees``, which the publish confirmation counts). The invitation mails
    carry the agenda if it is published, or say that it follows."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.DRAFT:
        raise MeetingError(_("Only a draft can be published."))
    meeting.status = Meeting.Status.PUBLISHED
    meeting.published_at = timezone.now()
    meeting.published_by = by
    meeting.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    invitations_write(meeting=meeting, people=publication_invitees(meeting))
    audit_log(actor=by, action="meeting.published", target=meeting, network_id=meeting.network_id)
    events.meeting_published.send_event(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by, **changes) -> Meeting:
    """Change a meeting; time, place or format changes raise the calendar sequence."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"meeting_update() got unexpected fields: {sorted(unknown)}")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise MeetingError(_("A cancelled meeting cannot be changed."))
    if meeting.is_case_conference:
        changes.pop("description", None)
    changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
    for name in changed:
        setattr(meeting, name, changes[name])
    check_times(meeting.start, meeting.end)
    calendar_changes = [name for name in changed if name in TIME_AND_PLACE_FIELDS]
    if calendar_changes:
        meeting.sequence += 1
    if not changed:
        return meeting
    meeting.save()
    if "capacity" in changed:
        fill_free_seats(meeting)
    if meeting.status == Meeting.Status.PUBLISHED:
        audit_log(
            actor=by,
            action="meeting.changed",
            target=meeting,
            network_id=meeting.network_id,
            fields=changed,
        )
        if calendar_changes:
            events.meeting_changed.send_event(meeting=meeting, changed_fields=calendar_changes)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in (Meeting.Status.DRAFT, Meeting.Status.PUBLISHED):
        raise MeetingError(_("This meeting can no longer be cancelled."))
    was_published = meeting.status == Meeting.Status.PUBLISHED
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_at = timezone.now()
    meeting.sequence += 1
    meeting.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
    audit_log(actor=by, action="meeting.cancelled", target=meeting, network_id=meeting.network_id)
    if was_published:
        events.meeting_cancelled.send_event(meeting=meeting)
    return meeting


def next_start(meeting: Meeting, recurrence: str) -> datetime:
    """Same weekday-independent calendar date one step later, same local time of day."""
    local = timezone.localtime(meeting.start)
    naive = local.replace(tzinfo=None) + RECURRENCE_STEPS[recurrence]
    return timezone.make_aware(naive)


# The next date of a series keeps every editable field of this one, except: the times, which
# move one step of the series on, and the case reference, which names the case of one
# conference (the next may discuss another).
SHIFTED_TO_NEXT_DATE = ("start", "end", "registration_deadline", "topic_deadline")
NOT_CARRIED_TO_NEXT_DATE = ("case_reference",)


@transaction.atomic
def meeting_create_next(*, meeting: Meeting, by, recurrence: str | None = None) -> Meeting:
    """The next date of a series: a draft with the settings of this meeting."""
    series = meeting.series
    if series is None:
        if not recurrence:
            raise MeetingError(_("Please choose how often the meeting repeats."))
        series = MeetingSeries.objects.create(
            network=meeting.network, title=meeting.title, recurrence=recurrence
        )
        Meeting.objects.filter(pk=meeting.pk).update(series=series)
        meeting.series = series
    shift = next_start(meeting, series.recurrence) - meeting.start
    fields = {}
    for name in EDITABLE_FIELDS:
        value = getattr(meeting, name)
        if name in SHIFTED_TO_NEXT_DATE:
            fields[name] = value + shift if value else None
        elif name not in NOT_CARRIED_TO_NEXT_DATE:
            fields[name] = value
    return meeting_create(
        network=meeting.network, by=by, kind=meeting.kind, series=series, **fields
    )
