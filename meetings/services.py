"""Everything that changes meetings: scheduling, registration, agenda, minutes, polls.

Each function is one business operation in one transaction. Notification hooks are called
inside the transaction: they only queue outbox rows, which are delivered after the commit.
"""

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from core.models import new_calendar_token
from network.models import Measure, Network, WorkingGroupResult
from network.selectors import audience_people
from notifications import hooks
from providers.models import Organisation

from .models import (
    AgendaItem,
    DatePoll,
    DatePollAnswer,
    DatePollSlot,
    Feedback,
    Invitation,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingTemplate,
    Registration,
    TopicProposal,
)
from .permissions import audience_organisation_ids_for, registration_is_open


class MeetingError(Exception):
    """A rule of the domain was broken; ``message`` is shown to the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# Changes a calendar must learn about (RFC 5545 SEQUENCE).
CALENDAR_FIELDS = ("start", "end", "venue_name", "venue_address", "online_url", "format")
EDITABLE_FIELDS = (
    "title",
    "description",
    "case_reference",
    "start",
    "end",
    "format",
    "venue_name",
    "venue_address",
    "online_url",
    "capacity",
    "registration_deadline",
    "topic_deadline",
    "contact_person",
    "audience",
    "working_group",
    "reminder_offsets",
    "data_protection_notice",
)
RECURRENCE_STEPS = {
    MeetingSeries.Recurrence.MONTHLY: relativedelta(months=1),
    MeetingSeries.Recurrence.QUARTERLY: relativedelta(months=3),
    MeetingSeries.Recurrence.HALF_YEARLY: relativedelta(months=6),
    MeetingSeries.Recurrence.YEARLY: relativedelta(years=1),
}


def _check_times(start: datetime, end: datetime) -> None:
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
    _check_times(start, end)
    unknown = set(fields) - set(EDITABLE_FIELDS) - {"series"}
    if unknown:
        raise TypeError(f"meeting_create() got unexpected fields: {sorted(unknown)}")
    if template is not None:
        fields.setdefault("reminder_offsets", list(template.reminder_offsets))
        fields.setdefault("data_protection_notice", template.data_protection_notice)
    if kind == MeetingKind.CASE_CONFERENCE:
        # Nothing but a case reference may describe a case conference.
        fields["description"] = ""
    fields.setdefault("contact_person", by)
    meeting = Meeting.objects.create(
        network=network, kind=kind, title=title, start=start, end=end, created_by=by, **fields
    )
    if template is not None and kind != MeetingKind.CASE_CONFERENCE:
        outline = [line.strip() for line in template.agenda_outline.splitlines() if line.strip()]
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, position=position, title=line[:200])
            for position, line in enumerate(outline, start=1)
        )
    if kind != MeetingKind.CASE_CONFERENCE:
        agenda_add_review_items(meeting=meeting)
    audit_log(actor=by, action="meeting.created", target=meeting, network_id=network.pk)
    return meeting


@transaction.atomic
def meeting_publish(*, meeting: Meeting, by) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.DRAFT:
        raise MeetingError(_("Only a draft can be published."))
    meeting.status = Meeting.Status.PUBLISHED
    meeting.published_at = timezone.now()
    meeting.save(update_fields=["status", "published_at", "updated_at"])
    if not meeting.is_case_conference:
        # Case conferences invite named people only; other meetings their whole audience.
        people = audience_people(
            meeting.network,
            include_subnetworks=meeting.audience == Meeting.Audience.WITH_SUBNETWORKS,
        )
        Invitation.objects.bulk_create(
            [Invitation(meeting=meeting, user=person) for person in people],
            ignore_conflicts=True,
        )
    audit_log(actor=by, action="meeting.published", target=meeting, network_id=meeting.network_id)
    hooks.on_meeting_published(meeting)
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
    _check_times(meeting.start, meeting.end)
    calendar_changes = [name for name in changed if name in CALENDAR_FIELDS]
    if calendar_changes:
        meeting.sequence += 1
    if not changed:
        return meeting
    meeting.save()
    if "capacity" in changed:
        _fill_free_seats(meeting)
    if meeting.status == Meeting.Status.PUBLISHED:
        audit_log(
            actor=by,
            action="meeting.changed",
            target=meeting,
            network_id=meeting.network_id,
            fields=changed,
        )
        if calendar_changes:
            hooks.on_meeting_changed(meeting, changed_fields=calendar_changes)
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
        hooks.on_meeting_cancelled(meeting)
    return meeting


def next_start(meeting: Meeting, recurrence: str) -> datetime:
    """Same weekday-independent calendar date one step later, same local time of day."""
    local = timezone.localtime(meeting.start)
    naive = local.replace(tzinfo=None) + RECURRENCE_STEPS[recurrence]
    return timezone.make_aware(naive)


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
    start = next_start(meeting, series.recurrence)
    shift = start - meeting.start

    def shifted(value):
        return value + shift if value else None

    return meeting_create(
        network=meeting.network,
        by=by,
        kind=meeting.kind,
        title=meeting.title,
        start=start,
        end=meeting.end + shift,
        series=series,
        description=meeting.description,
        format=meeting.format,
        venue_name=meeting.venue_name,
        venue_address=meeting.venue_address,
        online_url=meeting.online_url,
        capacity=meeting.capacity,
        registration_deadline=shifted(meeting.registration_deadline),
        topic_deadline=shifted(meeting.topic_deadline),
        contact_person=meeting.contact_person,
        audience=meeting.audience,
        working_group=meeting.working_group,
        reminder_offsets=meeting.reminder_offsets,
        data_protection_notice=meeting.data_protection_notice,
    )


@transaction.atomic
def invitation_add(*, meeting: Meeting, by, users) -> int:
    """Invite named people (case conferences); returns how many were new."""
    existing = set(
        Invitation.objects.filter(meeting=meeting, user__in=users).values_list("user_id", flat=True)
    )
    new = [Invitation(meeting=meeting, user=u) for u in users if u.pk not in existing]
    Invitation.objects.bulk_create(new, ignore_conflicts=True)
    if new:
        audit_log(
            actor=by,
            action="meeting.invited",
            target=meeting,
            network_id=meeting.network_id,
            people=[u.pk for u in new],
        )
        if meeting.status == Meeting.Status.PUBLISHED:
            # Named after publication: they get their invitation mail now (sent once per person).
            hooks.on_meeting_published(meeting)
    return len(new)


# --- Registration -------------------------------------------------------------------------


def _locked(meeting: Meeting) -> Meeting:
    """Lock the meeting row: every change to its seats passes this lock one at a time."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _seats_taken(meeting: Meeting) -> int:
    return Registration.objects.filter(
        meeting=meeting, status=Registration.Status.REGISTERED
    ).count()


def _fill_free_seats(meeting: Meeting) -> list[Registration]:
    """Move people up from the waiting list while seats are free; caller holds the lock."""
    promoted = []
    waiting = Registration.objects.filter(
        meeting=meeting, status=Registration.Status.WAITING
    ).order_by("waiting_since", "pk")
    free = None if meeting.capacity is None else meeting.capacity - _seats_taken(meeting)
    for registration in waiting.select_for_update():
        if free is not None and free <= 0:
            break
        registration.status = Registration.Status.REGISTERED
        registration.waiting_since = None
        registration.save(update_fields=["status", "waiting_since", "updated_at"])
        hooks.on_registration_promoted(registration)
        promoted.append(registration)
        if free is not None:
            free -= 1
    return promoted


@transaction.atomic
def registration_register(
    *,
    meeting: Meeting,
    user,
    organisation: Organisation | None = None,
    registered_by=None,
    notes: str = "",
) -> Registration:
    """A seat if one is free, otherwise a place at the end of the waiting list."""
    meeting = _locked(meeting)
    if not registration_is_open(meeting):
        raise MeetingError(_("Registration for this meeting is closed."))
    registration = Registration.objects.filter(meeting=meeting, user=user).first()
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        raise MeetingError(_("This person is already registered or on the waiting list."))
    if organisation is None:
        org_ids = audience_organisation_ids_for(user, meeting)
        organisation = Organisation.objects.filter(pk__in=org_ids[:1]).first()
    now = timezone.now()
    has_seat = meeting.capacity is None or _seats_taken(meeting) < meeting.capacity
    if registration is None:
        registration = Registration(meeting=meeting, user=user)
    registration.organisation = organisation
    registration.registered_by = registered_by or user
    registration.notes = notes
    registration.created_at = now
    registration.attended = None
    registration.status = (
        Registration.Status.REGISTERED if has_seat else Registration.Status.WAITING
    )
    registration.waiting_since = None if has_seat else now
    registration.save()
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, by) -> Registration:
    """Cancel a seat (the first waiting person moves up) or leave the waiting list."""
    meeting = _locked(registration.meeting)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return registration
    had_seat = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.waiting_since = None
    registration.save(update_fields=["status", "waiting_since", "updated_at"])
    if had_seat and meeting.status == Meeting.Status.PUBLISHED and not meeting.has_started:
        _fill_free_seats(meeting)
    return registration


@transaction.atomic
def registration_decline(*, meeting: Meeting, user) -> Invitation:
    """The invited person says no: the invitation is marked declined, a seat is given back."""
    invitation = Invitation.objects.filter(meeting=meeting, user=user).first()
    if invitation is None:
        if meeting.is_case_conference:
            raise MeetingError(_("You are not invited to this meeting."))
        invitation = Invitation(meeting=meeting, user=user)
    invitation.declined_at = timezone.now()
    invitation.save()
    registration = Registration.objects.filter(meeting=meeting, user=user).first()
    if registration is not None:
        registration_cancel(registration=registration, by=user)
    return invitation


# --- Topics and agenda --------------------------------------------------------------------


def _next_position(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def topic_propose(
    *,
    meeting: Meeting,
    by,
    title: str,
    description: str = "",
    duration_minutes: int = 15,
) -> TopicProposal:
    deadline = meeting.topic_deadline or meeting.start
    if deadline <= timezone.now():
        raise MeetingError(_("The deadline for topic proposals has passed."))
    if meeting.is_case_conference:
        raise MeetingError(_("Case conferences have no topic proposals."))
    org_ids = audience_organisation_ids_for(by, meeting)
    return TopicProposal.objects.create(
        network=meeting.network,
        meeting=meeting,
        title=title,
        description=description,
        duration_minutes=duration_minutes,
        proposed_by=by,
        organisation_id=org_ids[0] if org_ids else None,
    )


@transaction.atomic
def topic_decide(
    *, topic: TopicProposal, meeting: Meeting, by, decision: str, note: str = ""
) -> TopicProposal:
    """Accept (onto this meeting's agenda), reject or defer (to a later meeting)."""
    topic = TopicProposal.objects.select_for_update().get(pk=topic.pk)
    if decision not in TopicProposal.Status.values or decision == TopicProposal.Status.PROPOSED:
        raise MeetingError(_("Unknown decision."))
    if topic.status == TopicProposal.Status.ACCEPTED and topic.meeting_id == meeting.pk:
        raise MeetingError(_("This topic is already on the agenda."))
    topic.status = decision
    topic.decision_note = note
    if decision == TopicProposal.Status.ACCEPTED:
        topic.meeting = meeting
        AgendaItem.objects.create(
            meeting=meeting,
            position=_next_position(meeting),
            kind=AgendaItem.Kind.TOPIC,
            title=topic.title,
            description=topic.description,
            duration_minutes=topic.duration_minutes,
            topic=topic,
        )
    topic.save()
    return topic


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, by, title: str, duration_minutes: int = 15, description: str = ""
) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=meeting,
        position=_next_position(meeting),
        title=title,
        description=description,
        duration_minutes=duration_minutes,
    )


@transaction.atomic
def agenda_add_review_items(*, meeting: Meeting) -> list[AgendaItem]:
    """Open measures of earlier meetings and working-group results marked for the plenary."""
    on_agenda = AgendaItem.objects.filter(meeting=meeting)
    measures = (
        Measure.objects.filter(
            network=meeting.network,
            status__in=[Measure.Status.OPEN, Measure.Status.IN_PROGRESS],
        )
        .exclude(meeting=meeting)
        .exclude(pk__in=on_agenda.filter(measure__isnull=False).values("measure_id"))
        .order_by("due_date", "pk")
    )
    results = (
        WorkingGroupResult.objects.filter(
            working_group__network=meeting.network,
            for_plenary=True,
            presented_at__isnull=True,
        )
        .exclude(
            pk__in=on_agenda.filter(working_group_result__isnull=False).values(
                "working_group_result_id"
            )
        )
        .select_related("working_group")
        .order_by("created_at", "pk")
    )
    position = _next_position(meeting)
    items = []
    for measure in measures:
        items.append(
            AgendaItem(
                meeting=meeting,
                position=position,
                kind=AgendaItem.Kind.MEASURE_REVIEW,
                title=measure.title[:200],
                duration_minutes=5,
                measure=measure,
            )
        )
        position += 1
    for result in results:
        items.append(
            AgendaItem(
                meeting=meeting,
                position=position,
                kind=AgendaItem.Kind.WORKING_GROUP_REPORT,
                title=f"{result.working_group.name}: {result.title}"[:200],
                description=result.text,
                duration_minutes=15,
                working_group_result=result,
            )
        )
        position += 1
    return AgendaItem.objects.bulk_create(items)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by, direction: str) -> None:
    """Swap the item with its neighbour above ("up") or below ("down")."""
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting_id=item.meeting_id)
        .order_by("position", "pk")
    )
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, agenda_item in enumerate(items, start=1):
        agenda_item.position = position
    AgendaItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, by, **changes) -> AgendaItem:
    for name in ("title", "duration_minutes", "description"):
        if name in changes:
            setattr(item, name, changes[name])
    item.save()
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, by) -> None:
    if item.topic_id:
        TopicProposal.objects.filter(pk=item.topic_id).update(status=TopicProposal.Status.DEFERRED)
    item.delete()


# --- Minutes ------------------------------------------------------------------------------


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
    meeting = _locked(meeting)
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
    meeting = _locked(meeting)
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
def measure_create(
    *,
    meeting: Meeting,
    by,
    title: str,
    responsible_person=None,
    responsible_organisation: Organisation | None = None,
    due_date: date | None = None,
    description: str = "",
) -> Measure:
    measure = Measure.objects.create(
        network=meeting.network,
        meeting=meeting,
        title=title,
        description=description,
        responsible_person=responsible_person,
        responsible_organisation=responsible_organisation,
        due_date=due_date,
    )
    audit_log(actor=by, action="measure.created", target=measure, network_id=meeting.network_id)
    return measure


@transaction.atomic
def measure_set_status(*, measure: Measure, by, status: str) -> Measure:
    measure.status = status
    measure.done_at = timezone.now() if status == Measure.Status.DONE else None
    measure.save(update_fields=["status", "done_at"])
    return measure


@transaction.atomic
def minutes_publish(*, meeting: Meeting, by) -> Meeting:
    """Publish the minutes to the network's members; the meeting counts as held."""
    meeting = _locked(meeting)
    if not meeting.has_started or meeting.status == Meeting.Status.CANCELLED:
        raise MeetingError(_("Minutes can be published only for a meeting that took place."))
    meeting.minutes_published_at = timezone.now()
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["minutes_published_at", "status", "updated_at"])
    WorkingGroupResult.objects.filter(
        pk__in=meeting.agenda_items.filter(working_group_result__isnull=False).values(
            "working_group_result_id"
        )
    ).update(presented_at=meeting)
    audit_log(
        actor=by, action="meeting.minutes_published", target=meeting, network_id=meeting.network_id
    )
    hooks.on_minutes_published(meeting)
    return meeting


# --- Feedback -----------------------------------------------------------------------------


@transaction.atomic
def feedback_give(*, meeting: Meeting, user, rating: int, comment: str = "") -> Feedback:
    if not 1 <= rating <= 5:
        raise MeetingError(_("Please give a rating from 1 to 5."))
    feedback, _created = Feedback.objects.update_or_create(
        meeting=meeting, user=user, defaults={"rating": rating, "comment": comment}
    )
    return feedback


# --- Calendar feed ------------------------------------------------------------------------


@transaction.atomic
def calendar_token_regenerate(*, user) -> str:
    """A new secret feed address; the old one stops working at once."""
    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])
    audit_log(actor=user, action="calendar_feed.regenerated", target=user)
    return user.calendar_token


# --- Date polls ---------------------------------------------------------------------------


@transaction.atomic
def poll_create(
    *,
    network: Network,
    by,
    title: str,
    slots: list[tuple[datetime, datetime]],
    description: str = "",
    kind: str = MeetingKind.NETWORK,
) -> DatePoll:
    if len(slots) < 2:
        raise MeetingError(_("Please propose at least two dates."))
    for start, end in slots:
        _check_times(start, end)
    poll = DatePoll.objects.create(
        network=network, title=title, description=description, kind=kind, created_by=by
    )
    DatePollSlot.objects.bulk_create(
        DatePollSlot(poll=poll, start=start, end=end) for start, end in sorted(slots)
    )
    return poll


@transaction.atomic
def poll_answer(*, poll: DatePoll, user, answers: dict[int, str]) -> None:
    """Store the person's answer to every slot (replacing earlier answers)."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if poll.status != DatePoll.Status.OPEN:
        raise MeetingError(_("This date poll is closed."))
    slot_ids = set(poll.slots.values_list("pk", flat=True))
    for slot_id, answer in answers.items():
        if slot_id not in slot_ids or answer not in DatePollAnswer.Answer.values:
            raise MeetingError(_("Please answer every proposed date."))
        DatePollAnswer.objects.update_or_create(
            slot_id=slot_id, user=user, defaults={"answer": answer}
        )


@transaction.atomic
def poll_to_meeting(*, poll: DatePoll, slot: DatePollSlot, by) -> Meeting:
    """Close the poll and schedule a draft meeting at the chosen slot, in one step."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if poll.status != DatePoll.Status.OPEN or poll.meeting_id:
        raise MeetingError(_("This date poll is closed."))
    if slot.poll_id != poll.pk:
        raise MeetingError(_("This date does not belong to the poll."))
    meeting = meeting_create(
        network=poll.network,
        by=by,
        kind=poll.kind,
        title=poll.title,
        start=slot.start,
        end=slot.end,
        description=poll.description,
    )
    poll.meeting = meeting
    poll.status = DatePoll.Status.CLOSED
    poll.save(update_fields=["meeting", "status"])
    audit_log(actor=by, action="date_poll.scheduled", target=poll, network_id=poll.network_id)
    return meeting
