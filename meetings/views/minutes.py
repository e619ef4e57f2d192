"""Minutes: attendance, walk-ins, measures and their review, publishing, and feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.models import Measure
from network.services import measure_set_status

from .. import selectors, services
from ..forms import FeedbackForm, MeasureForm, MinutesForm, WalkInForm
from ..models import Meeting
from ..permissions import can_give_feedback, can_manage_meeting, get_meeting_for
from ..services import MeetingError
from .common import confirm, posted, show_error


@login_required
def minutes(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if not meeting.has_started or meeting.status == Meeting.Status.CANCELLED:
        messages.info(request, _("Minutes can be written once the meeting has started."))
        return redirect(meeting.get_absolute_url())
    sheet = selectors.minutes_sheet(meeting)
    # Without JavaScript a people picker's "Search" posts its small form here: it comes back
    # with the matches, the minutes form stays as stored.
    searching = request.method == "POST" and (
        "responsible_person_search" in request.POST or "person_search" in request.POST
    )
    form = MinutesForm(
        None if searching else posted(request),
        meeting=meeting,
        items=sheet["items"],
        registrations=sheet["registrations"],
    )
    measure_data = request.POST if "responsible_person_search" in request.POST else None
    walk_in_data = request.POST if "person_search" in request.POST else None
    if request.method == "POST" and form.is_valid():
        services.minutes_save(
            meeting=meeting,
            by=request.user,
            minutes=form.cleaned_data.get("minutes", ""),
            items=form.item_data(),
            attendance=form.attendance_data(),
        )
        messages.success(request, _("The minutes have been saved."))
        return redirect("meetings:minutes", pk=meeting.pk)
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "form": form,
            "measure_form": MeasureForm(measure_data, network=meeting.network, meeting=meeting),
            "walk_in_form": WalkInForm(walk_in_data, meeting=meeting),
            "measures": sheet["measures"],
            "review_items": [item for item in form.items if item.measure_id],
            "measure_statuses": Measure.Status.choices,
        },
    )


@require_POST
@login_required
def measure_add(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    form = MeasureForm(request.POST, network=meeting.network, meeting=meeting)
    if form.is_valid():
        services.minutes_measure_add(meeting=meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("The measure has been added."))
    else:
        messages.error(request, _("Please describe the measure."))
    return redirect("meetings:minutes", pk=meeting.pk)


@require_POST
@login_required
def attendance_walk_in(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    form = WalkInForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Please choose the person who came."))
        return redirect("meetings:minutes", pk=meeting.pk)
    try:
        services.attendance_record_walk_in(
            meeting=meeting, by=request.user, user=form.cleaned_data["person"]
        )
    except MeetingError as error:
        show_error(request, error)
    else:
        messages.success(request, _("The person has been added to the attendance."))
    return redirect("meetings:minutes", pk=meeting.pk)


@require_POST
@login_required
def measure_status(request, pk: int, measure_pk: int):
    """Review of an earlier measure during this meeting: set its status."""
    meeting = get_meeting_for(request, pk, action="manage")
    measure = get_object_or_404(selectors.network_measures(meeting), pk=measure_pk)
    status = request.POST.get("status", "")
    if status in Measure.Status.values:
        measure_set_status(measure=measure, by=request.user, status=status)
        messages.success(request, _("The status of the measure has been saved."))
    return redirect("meetings:minutes", pk=meeting.pk)


@login_required
def minutes_publish(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if request.method == "POST":
        try:
            services.minutes_publish(meeting=meeting, by=request.user)
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("The minutes have been published to the network."))
        return redirect(meeting.get_absolute_url())
    return confirm(
        request,
        meeting,
        title=_("Publish minutes"),
        text=_("The network's members can read the minutes and are told by email."),
        button=_("Publish minutes"),
        action=request.path,
    )


@login_required
def feedback(request, pk: int):
    meeting = get_meeting_for(request, pk)
    manage = can_manage_meeting(request.user, meeting)
    may_give = can_give_feedback(request.user, meeting)
    if not manage and not may_give:
        raise PermissionDenied
    form = None
    if may_give:
        own = selectors.own_feedback(meeting, request.user)
        form = FeedbackForm(
            posted(request),
            initial={"rating": own.rating, "comment": own.comment} if own else None,
        )
        if request.method == "POST" and form.is_valid():
            services.feedback_give(meeting=meeting, user=request.user, **form.cleaned_data)
            messages.success(request, _("Thank you for your feedback."))
            return redirect(meeting.get_absolute_url())
    elif request.method == "POST":
        raise PermissionDenied
    summary = (
        selectors.feedback_summary(meeting)
        if manage
        else {"summary": None, "distribution": [], "comments": []}
    )
    return render(request, "meetings/feedback.html", {"meeting": meeting, "form": form, **summary})
