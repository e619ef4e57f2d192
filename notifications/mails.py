"""One composing function per kind of mail. Each returns a ``PreparedMail`` (or None when the
person switched that kind off); callers store them with ``outbox.mail_enqueue_many``.

Case conferences carry only title, time and place: no description and no agenda, neither in
the mail nor in the attached calendar event. Mails a person can switch off carry one-click
``List-Unsubscribe`` headers (``unsubscribe.py``); the others do not.
"""

import copy
from email.utils import formataddr

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from icalendar import Event, vCalAddress, vText

from meetings import rsvp
from meetings.calendar import meeting_ical
from meetings.models import Meeting
from meetings.selectors import agenda_items, contact_details

from .models import NotificationSettings
from .outbox import AUTOMATIC_HEADERS, PreparedMail, mail_render
from .unsubscribe import unsubscribe_headers


def language_of(user) -> str:
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def opted_out_user_ids(kind: str, user_ids) -> set[int]:
    """People who switched ``kind`` off (one query; none for kinds that cannot be switched off)."""
    flag = NotificationSettings.OPTIONAL_KINDS.get(kind)
    if flag is None:
        return set()
    return set(
        NotificationSettings.objects.filter(
            user_id__in=list(user_ids), **{flag: False}
        ).values_list("user_id", flat=True)
    )


def compose(
    *,
    kind: str,
    key: str,
    user,
    context: dict,
    reference: str = "",
    template: str | None = None,
    attachments: list | None = None,
) -> PreparedMail | None:
    if user is None or not user.email or not user.is_active:
        return None
    language = language_of(user)
    subject, body_text, body_html = mail_render(
        template=template or kind, context=context, language=language, user=user
    )
    return PreparedMail(
        key=key,
        kind=kind,
        to_email=user.email,
        language=language,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        recipient=user,
        reference=reference,
        headers={**AUTOMATIC_HEADERS, **unsubscribe_headers(user, kind)},
        attachments=attachments or [],
    )


# --- Calendar attachments -----------------------------------------------------------------


class PersonalCalendars:
    """The meeting's .ics with one ATTENDEE per recipient.

    Building the calendar (with its VTIMEZONE) takes milliseconds; for 2,000 invitees it is
    built once and only the ATTENDEE line differs, produced by icalendar as in
    ``meetings.calendar.meeting_event``.
    """

    def __init__(self, meeting: Meeting, *, method: str):
        self.method = method
        self.base = meeting_ical(meeting, method=method).decode()

    def attachment_for(self, user) -> dict:
        address = vCalAddress(f"mailto:{user.email}")
        address.params["cn"] = vText(user.get_full_name())
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("FALSE")
        event = Event()
        event.add("attendee", address)
        lines = event.to_ical().decode().split("\r\n")  # BEGIN:VEVENT, ATTENDEE…, END:VEVENT
        attendee = "\r\n".join(lines[1:-2]) + "\r\n"
        content = self.base.replace("END:VEVENT\r\n", attendee + "END:VEVENT\r\n", 1)
        filename = "cancellation.ics" if self.method == "CANCEL" else "invitation.ics"
        return {
            "filename": filename,
            "content": content,
            "mimetype": "text/calendar",
            "method": self.method,
        }


# --- Meetings -----------------------------------------------------------------------------


def meeting_context(meeting: Meeting) -> dict:
    location = ", ".join(filter(None, [meeting.venue_name, meeting.venue_address]))
    return {
        "meeting": meeting,
        "network": meeting.network,
        "location": location,
        "meeting_url": f"{settings.SITE_URL}{meeting.get_absolute_url()}",
        # Case conferences: title, time and place only.
        "show_details": not meeting.is_case_conference,
    }


def reply_to_person(person) -> dict:
    """The header that sends replies to ``person`` (none without a person or address)."""
    if person is None or not person.email:
        return {}
    return {"Reply-To": formataddr((person.get_full_name(), person.email))}


def reply_to_headers(meeting: Meeting) -> dict:
    """Replies go to the meeting's contact person, else to the coordinator who published it."""
    return reply_to_person(meeting.contact_person or meeting.published_by)


def invitation_details(meeting: Meeting) -> dict:
    """What an invitation carries besides time and place: the published agenda in order (or
    that it follows), the contact person and the registration deadline. Case conferences
    carry title, time and place only (replies still reach the contact person). Two queries."""
    if meeting.is_case_conference:
        return {"agenda_items": [], "agenda_follows": False, "contact": None}
    published = meeting.agenda_published_at is not None
    return {
        "agenda_items": list(agenda_items(meeting)) if published else [],
        "agenda_follows": not published,
        "contact": contact_details(meeting),
    }


def _reference(meeting: Meeting) -> str:
    return f"meeting:{meeting.pk}"


class _Recipient:
    """Stands in for the person while a mail is rendered once per language."""

    def __init__(self, name):
        self.name = name

    def get_full_name(self):
        return self.name


NAME_SLOT = "ZZRECIPIENTNAMEZZ"
LINK_SLOT = "ZZRSVPLINKZZ"


class InvitationComposer:
    """Invitations to one meeting. The templates are rendered once per language with slots
    for name and personal link, which are filled in per person: 2,000 invitations cost two
    renderings, not 2,000."""

    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        self.calendars = PersonalCalendars(meeting, method="REQUEST")
        self.context = {
            **meeting_context(meeting),
            **invitation_details(meeting),
            "rsvp_url": LINK_SLOT,
        }
        self.headers = {**AUTOMATIC_HEADERS, **reply_to_headers(meeting)}
        self.rendered: dict[str, tuple[str, str, str]] = {}

    def _render(self, language: str) -> tuple[str, str, str]:
        if language not in self.rendered:
            self.rendered[language] = mail_render(
                template="invitation",
                context=self.context,
                language=language,
                user=_Recipient(NAME_SLOT),
            )
        return self.rendered[language]

    def mail_for(self, invitation) -> PreparedMail | None:
        user = invitation.user
        if user is None or not user.email or not user.is_active:
            return None
        language = language_of(user)
        subject, body_text, body_html = self._render(language)
        name, link = user.get_full_name(), rsvp.rsvp_url(invitation)
        return PreparedMail(
            key=f"invitation:{self.meeting.pk}:{user.pk}:{self.meeting.sequence}",
            kind="invitation",
            to_email=user.email,
            language=language,
            subject=subject,
            body_text=body_text.replace(NAME_SLOT, name).replace(LINK_SLOT, link),
            body_html=body_html.replace(NAME_SLOT, escape(name)).replace(LINK_SLOT, escape(link)),
            recipient=user,
            reference=_reference(self.meeting),
            headers=dict(self.headers),
            attachments=[self.calendars.attachment_for(user)],
        )


def agenda_mail(meeting: Meeting, user, *, details: dict, headers: dict):
    """The agenda, published after the invitation said that it follows. Once per
    publication of the agenda."""
    stamp = int(meeting.agenda_published_at.timestamp())
    mail = compose(
        kind="agenda",
        key=f"agenda:{meeting.pk}:{user.pk}:{stamp}",
        user=user,
        context={**meeting_context(meeting), **details},
        reference=_reference(meeting),
    )
    if mail is not None:
        mail.headers.update(headers)
    return mail


def update_mail(meeting: Meeting, user, *, changed_fields, calendars: PersonalCalendars):
    return compose(
        kind="update",
        key=f"update:{meeting.pk}:{user.pk}:{meeting.sequence}",
        user=user,
        context={
            **meeting_context(meeting),
            "time_changed": bool({"start", "end"} & set(changed_fields)),
            "place_changed": bool(
                {"venue_name", "venue_address", "online_url", "format"} & set(changed_fields)
            ),
        },
        reference=_reference(meeting),
        attachments=[calendars.attachment_for(user)],
    )


def cancellation_calendars(meeting: Meeting) -> PersonalCalendars:
    if meeting.status != Meeting.Status.CANCELLED:
        meeting = copy.copy(meeting)
        meeting.status = Meeting.Status.CANCELLED
    return PersonalCalendars(meeting, method="CANCEL")


def cancellation_mail(meeting: Meeting, user, *, calendars: PersonalCalendars):
    return compose(
        kind="cancellation",
        key=f"cancellation:{meeting.pk}:{user.pk}",
        user=user,
        context=meeting_context(meeting),
        reference=_reference(meeting),
        attachments=[calendars.attachment_for(user)],
    )


def promotion_mail(registration):
    meeting = registration.meeting
    stamp = int((registration.updated_at or timezone.now()).timestamp())
    return compose(
        kind="promotion",
        key=f"promotion:{registration.pk}:{stamp}",
        user=registration.user,
        context=meeting_context(meeting),
        reference=_reference(meeting),
        attachments=[
            PersonalCalendars(meeting, method="REQUEST").attachment_for(registration.user)
        ],
    )


# The idempotency keys of the reminders: the reminder tick asks the outbox which of them exist
# before it composes anything (notifications/reminders.py).


def reminder_key(meeting_id: int, user_id: int, offset_hours: int) -> str:
    return f"reminder:{meeting_id}:{user_id}:{offset_hours}h"


def deadline_reminder_key(meeting_id: int, user_id: int) -> str:
    return f"deadline-reminder:{meeting_id}:{user_id}"


def topic_call_key(meeting_id: int, user_id: int) -> str:
    return f"topic-call:{meeting_id}:{user_id}"


def measure_key(kind: str, measure) -> str:
    return f"{kind}:{measure.pk}:{measure.due_date.isoformat()}"


def agreement_review_key(agreement, user_id: int) -> str:
    return f"agreement-review:{agreement.pk}:{user_id}:{agreement.review_date.isoformat()}"


def reminder_mail(meeting: Meeting, user, *, offset_hours: int, agenda_items):
    return compose(
        kind="reminder",
        key=reminder_key(meeting.pk, user.pk, offset_hours),
        user=user,
        context={
            **meeting_context(meeting),
            "days": offset_hours // 24,
            "hours": offset_hours,
            "agenda_items": agenda_items if not meeting.is_case_conference else [],
        },
        reference=_reference(meeting),
    )


def deadline_reminder_mail(meeting: Meeting, invitation):
    return compose(
        kind="deadline-reminder",
        key=deadline_reminder_key(meeting.pk, invitation.user_id),
        user=invitation.user,
        context={**meeting_context(meeting), "rsvp_url": rsvp.rsvp_url(invitation)},
        reference=_reference(meeting),
    )


def topic_call_mail(meeting: Meeting, user):
    return compose(
        kind="topic-call",
        key=topic_call_key(meeting.pk, user.pk),
        user=user,
        context=meeting_context(meeting),
        reference=_reference(meeting),
    )


def minutes_published_mail(meeting: Meeting, user):
    return compose(
        kind="minutes-published",
        key=f"minutes:{meeting.pk}:{user.pk}",
        user=user,
        context=meeting_context(meeting),
        reference=_reference(meeting),
    )


# --- Measures and agreements --------------------------------------------------------------


def _measure_context(measure) -> dict:
    return {
        "measure": measure,
        "network": measure.network,
        "network_url": f"{settings.SITE_URL}{measure.network.get_absolute_url()}",
    }


def measure_due_mail(measure):
    return compose(
        kind="measure-due",
        key=measure_key("measure-due", measure),
        user=measure.responsible_person,
        context=_measure_context(measure),
        reference=f"measure:{measure.pk}",
    )


def measure_overdue_mail(measure):
    return compose(
        kind="measure-overdue",
        key=measure_key("measure-overdue", measure),
        user=measure.responsible_person,
        context=_measure_context(measure),
        reference=f"measure:{measure.pk}",
    )


def agreement_review_mail(agreement, user):
    return compose(
        kind="agreement-review",
        key=agreement_review_key(agreement, user.pk),
        user=user,
        context={"agreement": agreement, "network": agreement.network},
        reference=f"agreement:{agreement.pk}",
    )
