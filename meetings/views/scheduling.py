"""The meeting page and scheduling: create, edit, publish, cancel, next date, invitations."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from network.models import Network
from network.permissions import coordinated_networks

from .. import selectors, services
from ..forms import CaseConferenceForm, InvitationForm, MeetingForm, MeetingStartForm, NextDateForm
from ..models import Meeting, MeetingKind
from ..permissions import get_meeting_for
from ..services import MeetingError
from .common import confirm, people_from_organisations, posted, show_error


def meeting_detail(request, pk: int):
    try:
        meeting = get_meeting_for(request, pk)
    except Http404:
        # Mails link here: someone not logged in logs in first (any hidden or unknown id, so
        # nothing is told); a logged-in person who must not see it gets the 404.
        if request.user.is_authenticated:
            raise
        return redirect_to_login(request.get_full_path())
    context = selectors.meeting_detail_context(request.user, meeting)
    return render(request, "meetings/meeting_detail.html", context)


def _form_class(kind: str):
    return CaseConferenceForm if kind == MeetingKind.CASE_CONFERENCE else MeetingForm


def _form_kwargs(kind: str, network: Network, meeting: Meeting | None = None) -> dict:
    kwargs = {"network": network}
    if kind == MeetingKind.CASE_CONFERENCE:
        if meeting is not None:
            kwargs["notice"] = meeting.data_protection_notice
        else:
            template = services.template_for(kind)
            kwargs["notice"] = template.data_protection_notice if template else ""
    return kwargs


@login_required
def meeting_create(request):
    if not selectors.may_schedule(request.user):
        raise PermissionDenied
    start_form = MeetingStartForm(
        request.GET if "network" in request.GET else None,
        networks=coordinated_networks(request.user),
    )
    if not start_form.is_valid():
        return render(request, "meetings/meeting_start.html", {"form": start_form})
    network = start_form.cleaned_data["network"]
    kind = start_form.cleaned_data["kind"]
    template = services.template_for(kind)
    form = _form_class(kind)(
        posted(request),
        initial={
            "title": MeetingKind(kind).label,
            "contact_person": request.user.pk,
            "topic_visibility": network.topic_visibility,
            "certifiable": kind == MeetingKind.TRAINING,
        },
        **_form_kwargs(kind, network),
    )
    if request.method == "POST" and form.is_valid():
        # Empty fields take the service's defaults: the usual length of the kind, the creator
        # as contact person.
        fields = {name: value for name, value in form.cleaned_data.items() if value is not None}
        try:
            meeting = services.meeting_create(network=network, by=request.user, kind=kind, **fields)
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(
                request, _("The meeting has been saved as a draft. Publish it when it is ready.")
            )
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "form": form,
            "network": network,
            "kind_label": MeetingKind(kind).label,
            "template": template,
            "meeting": None,
        },
    )


@login_required
def meeting_edit(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if meeting.status == Meeting.Status.CANCELLED:
        raise PermissionDenied
    form = _form_class(meeting.kind)(
        posted(request),
        # The form validates into a copy: the page shows, and the service gets, the meeting
        # as it is stored.
        instance=copy(meeting),
        **_form_kwargs(meeting.kind, meeting.network, meeting),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "form": form,
            "network": meeting.network,
            "kind_label": meeting.get_kind_display(),
            "meeting": meeting,
        },
    )


@login_required
def meeting_publish(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if request.method == "POST":
        try:
            services.meeting_publish(meeting=meeting, by=request.user)
        except MeetingError as error:
            show_error(request, error)
        else:
            counts = selectors.invitation_counts(meeting)
            messages.success(
                request,
                _("The meeting has been published; %(invited)s are invited by email.")
                % {"invited": people_from_organisations(**counts)},
            )
        return redirect(meeting.get_absolute_url())
    return confirm(
        request,
        meeting,
        title=_("Publish meeting"),
        text=_("After publishing, the meeting's audience is invited by email and can register."),
        button=_("Publish and invite"),
        action=request.path,
        audience=selectors.audience_preview(meeting),
    )


@login_required
def meeting_cancel(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if request.method == "POST":
        try:
            services.meeting_cancel(meeting=meeting, by=request.user)
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("The meeting has been cancelled."))
        return redirect(meeting.get_absolute_url())
    return confirm(
        request,
        meeting,
        title=_("Cancel meeting"),
        text=_(
            "Everyone invited is told that the meeting does not take place. This cannot be undone."
        ),
        button=_("Cancel the meeting"),
        action=request.path,
        danger=True,
    )


@login_required
def meeting_next(request, pk: int):
    """The next date of a series, with the settings of this one."""
    meeting = get_meeting_for(request, pk, action="manage")
    form = NextDateForm(
        posted(request),
        initial={"recurrence": meeting.series.recurrence if meeting.series else "yearly"},
    )
    if meeting.series:
        del form.fields["recurrence"]
    if request.method == "POST" and form.is_valid():
        try:
            new = services.meeting_create_next(
                meeting=meeting,
                by=request.user,
                recurrence=form.cleaned_data.get("recurrence"),
            )
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("The next date has been created as a draft."))
            return redirect(new.get_absolute_url())
    return confirm(
        request,
        meeting,
        title=_("Create the next date"),
        text=_(
            "A new draft is created with the settings of this meeting, one step of the series "
            "later. Open measures and deferred topics are offered for its agenda."
        ),
        button=_("Create next date"),
        action=request.path,
        form=form,
    )


@login_required
def meeting_invitations(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    form = InvitationForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        count = services.invitation_add(
            meeting=meeting, by=request.user, users=list(form.cleaned_data["people"])
        )
        messages.success(request, _("%(count)s people invited.") % {"count": count})
        return redirect("meetings:invitations", pk=meeting.pk)
    return render(
        request,
        "meetings/invitations.html",
        {
            "meeting": meeting,
            "invitations": selectors.meeting_invitations(meeting),
            "form": form,
        },
    )
