"""Registration: for oneself and for colleagues, cancelling, declining, the participant list,
and the personal RSVP link from the invitation mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import rsvp as rsvp_links
from .. import selectors, services
from ..forms import ColleagueRegistrationForm, RegistrationForm
from ..models import Registration
from ..permissions import (
    can_cancel_registration,
    can_manage_meeting,
    can_register,
    can_register_colleagues,
    get_meeting_for,
)
from ..services import MeetingError
from .common import confirm, posted, show_error


def _registration_message(request, registration: Registration) -> None:
    if registration.status == Registration.Status.WAITING:
        messages.info(
            request,
            _("The meeting is full: you are on the waiting list and move up automatically."),
        )
    else:
        messages.success(request, _("The registration has been saved."))


@login_required
def registration_create(request, pk: int):
    meeting = get_meeting_for(request, pk)
    if selectors.active_registration(meeting, request.user) is not None:
        messages.info(request, _("You are already registered or on the waiting list."))
        return redirect(meeting.get_absolute_url())
    if not can_register(request.user, meeting):
        raise PermissionDenied
    form = RegistrationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_register(
                meeting=meeting, user=request.user, notes=form.cleaned_data["notes"]
            )
        except MeetingError as error:
            show_error(request, error)
        else:
            _registration_message(request, registration)
            return redirect(meeting.get_absolute_url())
    return render(request, "meetings/registration_form.html", {"meeting": meeting, "form": form})


@login_required
def registration_colleague(request, pk: int):
    meeting = get_meeting_for(request, pk)
    if not can_register_colleagues(request.user, meeting):
        raise PermissionDenied
    form = ColleagueRegistrationForm(
        posted(request),
        organisation_ids=selectors.colleague_organisation_ids(request.user, meeting),
    )
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            registration = services.registration_register(
                meeting=meeting,
                user=person,
                organisation=form.organisation_for(person),
                registered_by=request.user,
                notes=form.cleaned_data["notes"],
            )
        except MeetingError as error:
            show_error(request, error)
        else:
            _registration_message(request, registration)
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "meetings/registration_form.html",
        {"meeting": meeting, "form": form, "for_colleague": True},
    )


@login_required
def registration_cancel(request, pk: int):
    registration = get_object_or_404(selectors.registrations_with_meeting(), pk=pk)
    meeting = get_meeting_for(request, registration.meeting_id)
    if not can_cancel_registration(request.user, registration):
        raise Http404
    if request.method == "POST":
        services.registration_cancel(registration=registration, by=request.user)
        messages.success(request, _("The registration has been cancelled."))
        if can_manage_meeting(request.user, meeting) and registration.user != request.user:
            return redirect("meetings:participants", pk=meeting.pk)
        return redirect(meeting.get_absolute_url())
    waiting = registration.status == Registration.Status.WAITING
    return confirm(
        request,
        meeting,
        title=_("Leave the waiting list") if waiting else _("Cancel registration"),
        text=_("%(person)s: the place is given to the next person on the waiting list.")
        % {"person": registration.user}
        if not waiting
        else _("%(person)s leaves the waiting list.") % {"person": registration.user},
        button=_("Leave the waiting list") if waiting else _("Cancel registration"),
        action=request.path,
        danger=True,
    )


@login_required
def registration_decline(request, pk: int):
    meeting = get_meeting_for(request, pk)
    if request.method == "POST":
        try:
            services.registration_decline(meeting=meeting, user=request.user)
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("You have declined the invitation."))
        return redirect(meeting.get_absolute_url())
    return confirm(
        request,
        meeting,
        title=_("Decline invitation"),
        text=_("The contact person sees that you will not come."),
        button=_("Decline"),
        action=request.path,
    )


@login_required
def participants(request, pk: int):
    """Registrations, waiting list and attendance per organisation, for the coordinator."""
    meeting = get_meeting_for(request, pk, action="manage")
    return render(request, "meetings/participants.html", selectors.participants_context(meeting))


def rsvp(request, token: str):
    """Register or decline without logging in; GET shows the meeting, POST acts.

    At /notifications/rsvp/<token>/ (routed in config/urls.py): the links in mails already
    sent point there."""
    try:
        invitation = rsvp_links.invitation_from_token(token)
    except rsvp_links.InvalidToken as error:
        raise Http404 from error
    except rsvp_links.ExpiredToken:
        return render(request, "meetings/rsvp_expired.html", status=410)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "register":
                registration = rsvp_links.rsvp_register(invitation=invitation)
                if registration.status == Registration.Status.WAITING:
                    messages.info(request, _("The meeting is full: you are on the waiting list."))
                else:
                    messages.success(request, _("You are registered. Thank you!"))
            elif action == "decline":
                if rsvp_links.rsvp_decline(invitation=invitation):
                    messages.success(request, _("You have declined the invitation."))
                else:
                    messages.warning(request, _("You have already declined this invitation."))
        except MeetingError as error:
            show_error(request, error)
        return redirect("rsvp", token=token)
    return render(request, "meetings/rsvp.html", selectors.rsvp_context(invitation))
