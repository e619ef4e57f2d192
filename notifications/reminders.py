"""Reminders, driven by beat: every few minutes, look at the database and queue what is due.

No reminder waits in the broker for days; what is due follows from the rows as they are now
(a moved meeting moves its reminders). Every reminder has its own idempotency key, so a tick
that runs twice, or two ticks at once, queue each reminder once.
"""

from datetime import time, timedelta
from itertools import groupby

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone

from meetings.models import (
    AgendaItem,
    DatePoll,
    Invitation,
    Meeting,
    PollInvitation,
    Registration,
)
from network.models import CooperationAgreement, Measure, Network
from providers.models import OrganisationMember

from . import mails, mails_polls
from .outbox import keys_in_outbox, mail_enqueue_many

# Registration-deadline reminders go out this long before the deadline.
DEADLINE_REMINDER_LEAD = timedelta(days=2)
# The call for topics goes out this long before the topic deadline.
TOPIC_CALL_LEAD = timedelta(days=7)
MEASURE_DUE_LEAD_DAYS = 3
# Overdue notices only for recently missed dates: no flood for long-forgotten measures.
MEASURE_OVERDUE_WINDOW_DAYS = 7
AGREEMENT_REVIEW_LEAD_DAYS = 30
# Date-based reminders (measures, agreements) are sent from this local hour on, not at night.
MORNING = time(7, 0)
# No date-poll reminder is configured further ahead than this (the form offers one week).
LONGEST_POLL_REMINDER = timedelta(days=14)
# No meeting reminder is configured further ahead than this.
LONGEST_OFFSET = timedelta(days=60)


@shared_task(ignore_result=True)
def send_due_reminders() -> int:
    """Beat's reminder tick (``CELERY_BEAT_SCHEDULE``)."""
    return reminders_send_due()


def reminders_send_due() -> int:
    """Queue every reminder that is due now; returns how many mails were queued."""
    now = timezone.now()
    queued = 0
    queued += meeting_reminders_due(now)
    queued += deadline_reminders_due(now)
    queued += topic_calls_due(now)
    queued += poll_reminders_due(now)
    if timezone.localtime(now).time() >= MORNING:
        today = timezone.localdate(now)
        queued += measure_reminders_due(today)
        queued += agreement_reminders_due(today)
    return queued


def _upcoming_meetings(now):
    return Meeting.objects.filter(status=Meeting.Status.PUBLISHED, start__gt=now).select_related(
        "network", "contact_person"
    )


def _queue(prepared) -> int:
    return len(mail_enqueue_many([mail for mail in prepared if mail is not None]))


def not_yet_queued(keys) -> set[str]:
    """The keys the outbox does not hold yet (``outbox.keys_in_outbox``). The tick composes
    only these; what was sent before costs no rendering."""
    keys = list(dict.fromkeys(keys))
    existing = keys_in_outbox(keys)
    return {key for key in keys if key not in existing}


def due_offset(meeting, now) -> int | None:
    """The reminder (hours before the start) due now: the nearest one whose time has come."""
    offsets = sorted(int(h) for h in (meeting.reminder_offsets or []) if int(h) > 0)
    due = [hours for hours in offsets if meeting.start - timedelta(hours=hours) <= now]
    return due[0] if due else None


def _users_by_id(user_ids) -> dict:
    return get_user_model().objects.in_bulk(list(user_ids))


def meeting_reminders_due(now) -> int:
    """7 days / 1 day (Meeting.reminder_offsets) before the start, to registered people.

    Queries: the meetings within the longest offset, their registrations (ids only), the
    outbox keys; only when something is new: its people, opt-outs and agendas. The same
    number whatever the number of meetings."""
    due = {}
    for meeting in _upcoming_meetings(now).filter(start__lte=now + LONGEST_OFFSET):
        offset = due_offset(meeting, now)
        if offset is not None:
            due[meeting.pk] = (meeting, offset)
    if not due:
        return 0
    wanted = {}
    registrations = (
        Registration.objects.filter(
            meeting_id__in=list(due), status=Registration.Status.REGISTERED, user__isnull=False
        )
        .order_by("meeting_id", "pk")
        .values_list("meeting_id", "user_id", "created_at")
    )
    for meeting_id, user_id, created_at in registrations:
        meeting, offset = due[meeting_id]
        # Who registered after the reminder time has just seen the meeting; no reminder.
        if created_at <= meeting.start - timedelta(hours=offset):
            wanted[mails.reminder_key(meeting_id, user_id, offset)] = (meeting_id, user_id)
    new_keys = not_yet_queued(wanted)
    new = [wanted[key] for key in wanted if key in new_keys]
    if not new:
        return 0
    users = _users_by_id({user_id for _meeting_id, user_id in new})
    opted_out = mails.opted_out_user_ids("reminder", list(users))
    agendas = {}
    for item in AgendaItem.objects.filter(meeting_id__in={m for m, _u in new}).order_by(
        "meeting_id", "position", "id"
    ):
        agendas.setdefault(item.meeting_id, []).append(item)
    return _queue(
        mails.reminder_mail(
            due[meeting_id][0],
            users[user_id],
            offset_hours=due[meeting_id][1],
            agenda_items=agendas.get(meeting_id, []),
        )
        for meeting_id, user_id in new
        if user_id in users and user_id not in opted_out
    )


def deadline_reminders_due(now) -> int:
    """Invited people who have not answered, before the registration deadline. Queries: the
    meetings, the unanswered invitations (ids), the outbox keys; then only what is new."""
    meetings = {
        meeting.pk: meeting
        for meeting in _upcoming_meetings(now).filter(
            registration_deadline__gt=now,
            registration_deadline__lte=now + DEADLINE_REMINDER_LEAD,
        )
    }
    if not meetings:
        return 0
    answered = Registration.objects.filter(
        meeting_id=OuterRef("meeting_id"), user_id=OuterRef("user_id")
    )
    pending = (
        Invitation.objects.filter(
            meeting_id__in=list(meetings), declined_at__isnull=True, user__is_active=True
        )
        .exclude(Exists(answered))
        .order_by("meeting_id", "pk")
        .values_list("pk", "meeting_id", "user_id")
    )
    wanted = {
        mails.deadline_reminder_key(meeting_id, user_id): pk for pk, meeting_id, user_id in pending
    }
    new_keys = not_yet_queued(wanted)
    if not new_keys:
        return 0
    invitations = list(
        Invitation.objects.filter(pk__in=[wanted[key] for key in new_keys])
        .select_related("user")
        .order_by("meeting_id", "pk")
    )
    opted_out = mails.opted_out_user_ids("deadline-reminder", [i.user_id for i in invitations])
    return _queue(
        mails.deadline_reminder_mail(meetings[invitation.meeting_id], invitation)
        for invitation in invitations
        if invitation.user_id not in opted_out
    )


def topic_calls_due(now) -> int:
    """Call for agenda topics to everyone invited, before the topic deadline. Queries: the
    meetings, the invitations (ids), the outbox keys; then only what is new."""
    meetings = {
        meeting.pk: meeting
        for meeting in _upcoming_meetings(now).filter(
            topic_deadline__gt=now, topic_deadline__lte=now + TOPIC_CALL_LEAD
        )
    }
    if not meetings:
        return 0
    invited = (
        Invitation.objects.filter(
            meeting_id__in=list(meetings), declined_at__isnull=True, user__is_active=True
        )
        .order_by("meeting_id", "user_id")
        .values_list("meeting_id", "user_id")
    )
    wanted = {mails.topic_call_key(m, u): (m, u) for m, u in invited}
    new_keys = not_yet_queued(wanted)
    new = [wanted[key] for key in wanted if key in new_keys]
    if not new:
        return 0
    users = _users_by_id({user_id for _m, user_id in new})
    opted_out = mails.opted_out_user_ids("topic-call", list(users))
    return _queue(
        mails.topic_call_mail(meetings[meeting_id], users[user_id])
        for meeting_id, user_id in new
        if user_id in users and user_id not in opted_out
    )


def poll_reminders_due(now) -> int:
    """Open date polls whose reminder time has come (``DatePoll.reminder_hours`` before
    they close): one mail to each person asked who has not answered, once per person and
    poll (the key ``poll-reminder:<poll>:<person>``). Revoked links get no reminder.

    Queries: the polls, their unanswered invitations (ids), the outbox keys; only when
    something is new: those invitations with their people, the opt-outs, and per poll its
    dates (rendered once per language)."""
    polls = {
        poll.pk: poll
        for poll in DatePoll.objects.filter(
            status=DatePoll.Status.OPEN,
            reminder_hours__gt=0,
            closes_at__gt=now,
            closes_at__lte=now + LONGEST_POLL_REMINDER,
        ).select_related("network", "chosen_slot")
        if poll.closes_at - timedelta(hours=poll.reminder_hours) <= now
    }
    if not polls:
        return 0
    unanswered = (
        PollInvitation.objects.filter(
            poll_id__in=list(polls),
            answered_at__isnull=True,
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .order_by("pk")
        .values_list("pk", "poll_id", "user_id")
    )
    wanted = {f"poll-reminder:{poll_id}:{user_id}": pk for pk, poll_id, user_id in unanswered}
    new_keys = not_yet_queued(wanted)
    if not new_keys:
        return 0
    invitations = list(
        PollInvitation.objects.filter(pk__in=[wanted[key] for key in new_keys])
        .select_related("user")
        .order_by("poll_id", "pk")
    )
    opted_out = mails.opted_out_user_ids("poll-reminder", [i.user_id for i in invitations])
    queued = 0
    for poll_id, group in groupby(invitations, key=lambda invitation: invitation.poll_id):
        composer = mails_polls.PollMailComposer(polls[poll_id], kind="poll-reminder")
        queued += _queue(
            composer.mail_for(invitation)
            for invitation in group
            if invitation.user_id not in opted_out
        )
    return queued


def measure_reminders_due(today) -> int:
    """Open measures due within three days, and recently overdue ones, to the responsible."""
    open_measures = Measure.objects.filter(
        status__in=[Measure.Status.OPEN, Measure.Status.IN_PROGRESS],
        responsible_person__isnull=False,
        responsible_person__is_active=True,
    ).select_related("network", "responsible_person")
    due = list(
        open_measures.filter(
            due_date__gte=today, due_date__lte=today + timedelta(days=MEASURE_DUE_LEAD_DAYS)
        )
    )
    overdue = list(
        open_measures.filter(
            due_date__lt=today,
            due_date__gte=today - timedelta(days=MEASURE_OVERDUE_WINDOW_DAYS),
        )
    )
    new = not_yet_queued(
        [mails.measure_key("measure-due", m) for m in due]
        + [mails.measure_key("measure-overdue", m) for m in overdue]
    )
    due = [m for m in due if mails.measure_key("measure-due", m) in new]
    overdue = [m for m in overdue if mails.measure_key("measure-overdue", m) in new]
    if not due and not overdue:
        return 0
    opted_out = mails.opted_out_user_ids(
        "measure-due", [m.responsible_person_id for m in due + overdue]
    )
    return _queue(
        mails.measure_due_mail(m) for m in due if m.responsible_person_id not in opted_out
    ) + _queue(
        mails.measure_overdue_mail(m) for m in overdue if m.responsible_person_id not in opted_out
    )


def agreement_recipient_ids(agreements) -> dict[int, set[int]]:
    """For each agreement: the network's coordinators and the admins of the parties, as user
    ids. Three queries for all agreements."""
    parties = CooperationAgreement.parties.through.objects.filter(
        cooperationagreement_id__in=[a.pk for a in agreements]
    ).values_list("cooperationagreement_id", "organisation_id")
    parties_of: dict[int, set[int]] = {}
    for agreement_id, organisation_id in parties:
        parties_of.setdefault(agreement_id, set()).add(organisation_id)
    admins_of: dict[int, set[int]] = {}
    for organisation_id, user_id in OrganisationMember.objects.filter(
        organisation_id__in=set().union(*parties_of.values()) if parties_of else [],
        role=OrganisationMember.Role.ADMIN,
    ).values_list("organisation_id", "user_id"):
        admins_of.setdefault(organisation_id, set()).add(user_id)
    coordinators_of: dict[int, set[int]] = {}
    for network_id, user_id in Network.coordinators.through.objects.filter(
        network_id__in={a.network_id for a in agreements if a.network_id}
    ).values_list("network_id", "user_id"):
        coordinators_of.setdefault(network_id, set()).add(user_id)
    return {
        agreement.pk: set().union(
            coordinators_of.get(agreement.network_id, set()),
            *(admins_of.get(org_id, set()) for org_id in parties_of.get(agreement.pk, ())),
        )
        for agreement in agreements
    }


def agreement_reminders_due(today) -> int:
    """Cooperation agreements whose review date is within 30 days, to each person once.
    Queries: the agreements; when there are any, their recipients (three), the outbox keys;
    then only what is new."""
    agreements = list(
        CooperationAgreement.objects.filter(
            review_date__gte=today,
            review_date__lte=today + timedelta(days=AGREEMENT_REVIEW_LEAD_DAYS),
        ).select_related("network")
    )
    if not agreements:
        return 0
    recipients = agreement_recipient_ids(agreements)
    wanted = {
        mails.agreement_review_key(agreement, user_id): (agreement, user_id)
        for agreement in agreements
        for user_id in sorted(recipients[agreement.pk])
    }
    new_keys = not_yet_queued(wanted)
    if not new_keys:
        return 0
    new = [wanted[key] for key in wanted if key in new_keys]
    users = {
        pk: user
        for pk, user in _users_by_id({user_id for _a, user_id in new}).items()
        if user.is_active
    }
    opted_out = mails.opted_out_user_ids("agreement-review", list(users))
    return _queue(
        mails.agreement_review_mail(agreement, users[user_id])
        for agreement, user_id in new
        if user_id in users and user_id not in opted_out
    )
