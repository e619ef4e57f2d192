"""Date polls: list, open, answer (logged in or with the personal link), close with the
chosen date, and turn that date into a meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import page_of
from network.permissions import coordinated_networks

from .. import poll_links, selectors, services
from ..models import POLL_TIME_ZONE_NAME
from ..permissions import can_answer_poll, can_manage_poll, get_poll_for
from ..poll_forms import PollAnswerForm, PollForm
from ..services import MeetingError
from .common import posted, show_error


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
    networks = coordinated_networks(request.user)
    form = PollForm(posted(request), networks=networks, people=selectors.poll_candidates(networks))
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
                audience=data["audience"],
                working_group=data["working_group"],
                people=list(data["people"]),
                closes_at=data["closes_at"],
                reminder_hours=data["reminder_hours"],
            )
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("The date poll is open. Everyone asked gets a mail with their personal link."),
            )
            return redirect("meetings:poll", pk=poll.pk)
    return render(
        request, "meetings/poll_form.html", {"form": form, "time_zone": POLL_TIME_ZONE_NAME}
    )


def _answer_form(request, poll, context):
    own = context["own_invitation"]
    return PollAnswerForm(
        posted(request),
        poll=poll,
        slots=context["slots"],
        current=context["tally"].own_answers,
        comment=own.comment if own else "",
    )


@login_required
def poll_detail(request, pk: int):
    poll = get_poll_for(request, pk)
    context = selectors.poll_page(poll, request.user, manage=can_manage_poll(request.user, poll))
    form = None
    # get_poll_for found the poll among those the person may see.
    if can_answer_poll(request.user, poll, known_visible=True):
        form = _answer_form(request, poll, context)
        if request.method == "POST" and form.is_valid():
            try:
                services.poll_answer(
                    poll=poll,
                    user=request.user,
                    answers=form.answers(),
                    comment=form.cleaned_data["comment"],
                )
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
        {**context, "form": form, "time_zone": POLL_TIME_ZONE_NAME},
    )


def poll_answer_link(request, token: str):
    """Answer with the personal link from the mail, without logging in: the page shows only
    this poll and the person's own answer."""
    try:
        invitation = poll_links.invitation_from_token(token)
    except poll_links.InvalidToken as error:
        raise Http404 from error
    except poll_links.ClosedPoll as closed:
        return render(
            request, "meetings/poll_link_closed.html", {"poll": closed.invitation.poll}, status=410
        )
    poll = invitation.poll
    context = selectors.poll_page(poll, invitation.user, manage=False)
    form = _answer_form(request, poll, context)
    if request.method == "POST" and form.is_valid():
        try:
            services.poll_answer(
                poll=poll,
                user=invitation.user,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
                invitation=invitation,
            )
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("Thank you! Your answer has been saved."))
            return redirect("meetings:poll_answer_link", token=token)
    return render(
        request,
        "meetings/poll_answer_link.html",
        {**context, "invitation": invitation, "form": form, "time_zone": POLL_TIME_ZONE_NAME},
    )


@login_required
def poll_close(request, pk: int):
    """Choose the date and close the poll (everyone asked is mailed the date)."""
    poll = get_poll_for(request, pk, action="manage")
    if poll.status != poll.Status.OPEN:
        return redirect("meetings:poll", pk=poll.pk)
    ranking = selectors.poll_tally(poll, request.user).ranking
    if request.method == "POST":
        slot_id = request.POST.get("slot", "")
        slot = next((row[0] for row in ranking if str(row[0].pk) == slot_id), None)
        if slot is None:
            messages.error(request, _("Please choose a date."))
        else:
            try:
                services.poll_close(poll=poll, slot=slot, by=request.user)
            except MeetingError as error:
                show_error(request, error)
            else:
                messages.success(
                    request, _("The poll is closed; everyone asked gets the chosen date.")
                )
                return redirect("meetings:poll", pk=poll.pk)
    return render(request, "meetings/poll_close.html", {"poll": poll, "ranking": ranking})


@login_required
def poll_link_revoke(request, pk: int, invitation_pk: int):
    """Revoke one person's personal link (confirmation page on GET)."""
    poll = get_poll_for(request, pk, action="manage")
    invitation = get_object_or_404(selectors.poll_invitations(poll), pk=invitation_pk)
    if request.method == "POST":
        services.poll_link_revoke(invitation=invitation, by=request.user)
        messages.success(
            request,
            _("The personal link of %(name)s no longer works.")
            % {"name": invitation.user.get_full_name()},
        )
        return redirect("meetings:poll", pk=poll.pk)
    return render(
        request, "meetings/poll_link_revoke.html", {"poll": poll, "invitation": invitation}
    )


@require_POST
@login_required
def poll_schedule(request, pk: int):
    """Turn the chosen date into a meeting, in one step: a draft, or published at once
    (``publish``), which invites the poll's audience. On an open poll, the posted ``slot``
    closes it first."""
    poll = get_poll_for(request, pk, action="manage")
    slot_id = request.POST.get("slot", "")
    slot = None
    if slot_id:
        slot = get_object_or_404(
            selectors.poll_slots(poll), pk=int(slot_id) if slot_id.isdigit() else 0
        )
    publish = request.POST.get("publish") == "1"
    try:
        meeting = services.poll_to_meeting(poll=poll, slot=slot, by=request.user, publish=publish)
    except MeetingError as error:
        show_error(request, error)
        return redirect("meetings:poll", pk=poll.pk)
    if publish:
        messages.success(
            request, _("The meeting has been published; the people asked in the poll are invited.")
        )
    else:
        messages.success(
            request, _("The meeting has been scheduled as a draft. Check it and publish it.")
        )
    return redirect(meeting.get_absolute_url())
