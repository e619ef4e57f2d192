"""Reminders, driven by beat: every few minutes, look at the database and queue what is due.

No reminder waits in the broker for days; what is due follows from the rows as they are now
(a moved meeting moves its reminders). Every reminder has its own idempotency key, so a tick
that runs twice, or two ticks at once, queue each reminder once.
"""

from datetime import time, timedelta

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from meetings.models import DatePoll, Meeting, Registration
from network.models import CooperationAgreement, Measure
from providers.models import OrganisationMember

from . import mails, mails_polls
from .outbox import mail_enqueue_many

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


def due_offset(meeting, now) -> int | None:
    """The reminder (hours before the start) due now: the nearest one whose time has come."""
    offsets = sorted(int(h) for h in (meeting.reminder_offsets or []) if int(h) > 0)
    due = [hours for hours in offsets if meeting.start - timedelta(hours=hours) <= now]
    return due[0] if due else None


def meeting_reminders_due(now) -> int:
    """7 days / 1 day (Meeting.reminder_offsets) before the start, to registered people."""
    queued = 0
    for meeting in _upcoming_meetings(now).filter(start__lte=now + LONGEST_OFFSET):
        offset = due_offset(meeting, now)
        if offset is None:
            continue
        # Who registered after the reminder time has just seen the meeting; no reminder.
        registrations = meeting.registrations.filter(
            status=Registration.Status.REGISTERED,
            user__isnull=False,
            created_at__lte=meeting.start - timedelta(hours=offset),
        ).select_related("user")
        users = [registration.user for registration in registrations]
        if not users:
            continue
        opted_out = mails.opted_out_user_ids("reminder", [user.pk for user in users])
        agenda = list(meeting.agenda_items.order_by("position", "id"))
        queued += _queue(
            mails.reminder_mail(meeting, user, offset_hours=offset, agenda_items=agenda)
            for user in users
            if user.pk not in opted_out
        )
    return queued


def deadline_reminders_due(now) -> int:
    """Invited people who have not answered, before the registration deadline."""
    queued = 0
    meetings = _upcoming_meetings(now).filter(
        registration_deadline__gt=now, registration_deadline__lte=now + DEADLINE_REMINDER_LEAD
    )
    for meeting in meetings:
        answered = meeting.registrations.filter(user__isnull=False).values("user_id")
        invitations = (
            meeting.invitations.filter(declined_at__isnull=True, user__is_active=True)
            .exclude(user_id__in=answered)
            .select_related("user")
        )
        invitations = list(invitations)
        opted_out = mails.opted_out_user_ids("deadline-reminder", [i.user_id for i in invitations])
        queued += _queue(
            mails.deadline_reminder_mail(meeting, invitation)
            for invitation in invitations
            if invitation.user_id not in opted_out
        )
    return queued


def topic_calls_due(now) -> int:
    """Call for agenda topics to everyone invited, before the topic deadline."""
    queued = 0
    meetings = _upcoming_meetings(now).filter(
        topic_deadline__gt=now, topic_deadline__lte=now + TOPIC_CALL_LEAD
    )
    for meeting in meetings:
        users = list(
            get_user_model()
            .objects.filter(
                is_active=True,
                pk__in=meeting.invitations.filter(declined_at__isnull=True).values("user_id"),
            )
            .order_by("pk")
        )
        opted_out = mails.opted_out_user_ids("topic-call", [user.pk for user in users])
        queued += _queue(
            mails.topic_call_mail(meeting, user) for user in users if user.pk not in opted_out
        )
    return queued


def poll_reminders_due(now) -> int:
    """Open date polls whose reminder time has come (``DatePoll.reminder_hours`` before
    they close): one mail to each person asked who has not answered, once per person and
    poll (the key ``poll-reminder:<poll>:<person>``). Revoked links get no reminder."""
    queued = 0
    polls = DatePoll.objects.filter(
        status=DatePoll.Status.OPEN,
        reminder_hours__gt=0,
        closes_at__gt=now,
        closes_at__lte=now + LONGEST_POLL_REMINDER,
    ).select_related("network", "chosen_slot")
    for poll in polls:
        if poll.closes_at - timedelta(hours=poll.reminder_hours) > now:
            continue
        invitations = list(
            poll.invitations.filter(
                answered_at__isnull=True, revoked_at__isnull=True, user__is_active=True
            )
            .select_related("user")
            .order_by("pk")
        )
        if not invitations:
            continue
        opted_out = mails.opted_out_user_ids("poll-reminder", [i.user_id for i in invitations])
        composer = mails_polls.PollMailComposer(poll, kind="poll-reminder")
        queued += _queue(
            composer.mail_for(invitation)
            for invitation in invitations
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
    opted_out = mails.opted_out_user_ids(
        "measure-due", [m.responsible_person_id for m in due + overdue]
    )
    return _queue(
        mails.measure_due_mail(m) for m in due if m.responsible_person_id not in opted_out
    ) + _queue(
        mails.measure_overdue_mail(m) for m in overdue if m.responsible_person_id not in opted_out
    )


def agreement_recipients(agreement) -> list:
    """The network's coordinators and the admins of the parties, each person once."""
    users = get_user_model().objects.filter(is_active=True)
    ids = set(
        OrganisationMember.objects.filter(
            organisation__in=agreement.parties.all(), role=OrganisationMember.Role.ADMIN
        ).values_list("user_id", flat=True)
    )
    if agreement.network_id:
        ids.update(agreement.network.coordinators.values_list("pk", flat=True))
    return list(users.filter(pk__in=ids).order_by("pk"))


def agreement_reminders_due(today) -> int:
    """Cooperation agreements whose review date is within 30 days."""
    queued = 0
    agreements = CooperationAgreement.objects.filter(
        review_date__gte=today,
        review_date__lte=today + timedelta(days=AGREEMENT_REVIEW_LEAD_DAYS),
    ).select_related("network")
    for agreement in agreements:
        users = agreement_recipients(agreement)
        opted_out = mails.opted_out_user_ids("agreement-review", [user.pk for user in users])
        queued += _queue(
            mails.agreement_review_mail(agreement, user)
            for user in users
            if user.pk not in opted_out
        )
    return queued
