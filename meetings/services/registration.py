"""Registration: a seat or a place on the waiting list, under a lock on the meeting row."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.models import Organisation

from .. import events
from ..models import Invitation, Meeting, Registration
from ..permissions import audience_organisation_ids_for, registration_is_open
from .errors import MeetingError


def locked(meeting: Meeting) -> Meeting:
    """Lock the meeting row: every change to its seats passes this lock one at a time."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _seats_taken(meeting: Meeting) -> int:
    return Registration.objects.filter(
        meeting=meeting, status=Registration.Status.REGISTERED
    ).count()


def fill_free_seats(meeting: Meeting) -> list[Registration]:
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
        events.registration_promoted.send_event(registration=registration)
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
    meeting = locked(meeting)
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
    meeting = locked(registration.meeting)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return registration
    had_seat = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.waiting_since = None
    registration.save(update_fields=["status", "waiting_since", "updated_at"])
    if had_seat and meeting.status == Meeting.Status.PUBLISHED and not meeting.has_started:
        fill_free_seats(meeting)
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
