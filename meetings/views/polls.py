"""Date polls: list, start, answer, and turn the chosen date into a meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.permissions import coordinated_networks

from .. import selectors, services
from ..forms import PollAnswerForm, PollForm
from ..permissions import can_answer_poll, can_manage_poll, get_poll_for
from ..services import MeetingError
from .common import page_of, posted, show_error


@login_required
def poll_list(request):
    return render(
        request,
        "meetings/poll_list.html",
        {
            "page": page_of(request, selectors.polls_to_list(request.user)),
            "can_create": selectors.may_schedule(request.user),
        },
    )


@login_required
def poll_create(request):
    if not selectors.may_schedule(request.user):
        raise PermissionDenied
    form = PollForm(posted(request), networks=coordinated_networks(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            poll = services.poll_create(
                network=data["network"],
                by=request.user,
                title=data["title"],
                description=data["description"],
                kind=data["kind"],
                slots=data["slots"],
            )
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("The date poll is open for answers."))
            return redirect("meetings:poll", pk=poll.pk)
    return render(request, "meetings/poll_form.html", {"form": form})


@login_required
def poll_detail(request, pk: int):
    poll = get_poll_for(request, pk)
    manage = can_manage_poll(request.user, poll)
    tally = selectors.poll_tally(poll, request.user)
    form = None
    if can_answer_poll(request.user, poll):
        form = PollAnswerForm(
            posted(request), poll=poll, slots=tally.slots, current=tally.own_answers
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.poll_answer(poll=poll, user=request.user, answers=form.answers())
            except MeetingError as error:
                show_error(request, error)
            else:
                messages.success(request, _("Your answer has been saved."))
                return redirect("meetings:poll", pk=poll.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "meetings/poll_detail.html",
        {
            "poll": poll,
            "slots": tally.slots,
            "summary": tally.summary,
            # Who answered what is for the coordinators; members see the totals.
            "rows": tally.rows if manage else [],
            "form": form,
            "can_manage": manage,
        },
    )


@require_POST
@login_required
def poll_schedule(request, pk: int):
    """Turn the chosen slot into a draft meeting, in one step."""
    poll = get_poll_for(request, pk, action="manage")
    slot_id = request.POST.get("slot", "")
    slot = get_object_or_404(
        selectors.poll_slots(poll), pk=int(slot_id) if slot_id.isdigit() else 0
    )
    try:
        meeting = services.poll_to_meeting(poll=poll, slot=slot, by=request.user)
    except MeetingError as error:
        show_error(request, error)
        return redirect("meetings:poll", pk=poll.pk)
    messages.success(
        request, _("The meeting has been scheduled as a draft. Check it and publish it.")
    )
    return redirect(meeting.get_absolute_url())
