"""Topic proposals, the coordinator's decisions on them, and the agenda."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import AgendaItemForm, TopicCommentForm, TopicForm
from ..models import AgendaItem, Meeting, TopicProposal
from ..permissions import (
    can_manage_meeting,
    can_propose_topic,
    can_see_all_topics,
    can_support_topics,
    get_meeting_for,
)
from ..services import MeetingError
from .common import confirm, posted, show_error


@login_required
def topics(request, pk: int):
    meeting = get_meeting_for(request, pk)
    if meeting.is_case_conference:
        raise Http404
    manage = can_manage_meeting(request.user, meeting)
    see_all = can_see_all_topics(request.user, meeting)
    may_propose = can_propose_topic(request.user, meeting)
    form = TopicForm(posted(request)) if may_propose else None
    if request.method == "POST":
        if not may_propose:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.topic_propose(meeting=meeting, by=request.user, **form.cleaned_data)
            except MeetingError as error:
                show_error(request, error)
            else:
                messages.success(request, _("Thank you, your topic has been proposed."))
                return redirect("meetings:topics", pk=meeting.pk)
    return render(
        request,
        "meetings/topics.html",
        {
            "meeting": meeting,
            "form": form,
            **selectors.topic_proposals(request.user, meeting, manage=manage, see_all=see_all),
            "can_manage": manage,
            "see_all": see_all,
            "can_support": can_support_topics(request.user, meeting),
            "decisions": [
                (TopicProposal.Status.ACCEPTED, _("Accept")),
                (TopicProposal.Status.DEFERRED, _("Defer")),
                (TopicProposal.Status.REJECTED, _("Reject")),
            ],
        },
    )


def _topic_for(request, pk: int, topic_pk: int):
    """The meeting and one of its topic proposals the person may see, or 404."""
    meeting = get_meeting_for(request, pk)
    if meeting.is_case_conference:
        raise Http404
    see_all = can_see_all_topics(request.user, meeting)
    topic = get_object_or_404(
        selectors.visible_topics(request.user, meeting, see_all=see_all), pk=topic_pk
    )
    return meeting, topic


@login_required
def topic_detail(request, pk: int, topic_pk: int):
    """One topic: its support and its comments; whoever sees the topic may comment."""
    meeting, topic = _topic_for(request, pk, topic_pk)
    form = TopicCommentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_comment_add(
                topic=topic, meeting=meeting, by=request.user, text=form.cleaned_data["text"]
            )
        except MeetingError as error:
            show_error(request, error)
        else:
            messages.success(request, _("Your comment has been added."))
            return redirect("meetings:topic", pk=meeting.pk, topic_pk=topic.pk)
    return render(
        request,
        "meetings/topic_detail.html",
        {
            "meeting": meeting,
            **selectors.topic_page(topic, request.user),
            "form": form,
            "can_support": can_support_topics(request.user, meeting),
        },
    )


@require_POST
@login_required
def topic_support(request, pk: int, topic_pk: int):
    meeting, topic = _topic_for(request, pk, topic_pk)
    if not can_support_topics(request.user, meeting):
        raise PermissionDenied
    try:
        supported = services.topic_support_toggle(topic=topic, meeting=meeting, by=request.user)
    except MeetingError as error:
        show_error(request, error)
    else:
        if supported:
            messages.success(request, _("You support “%(title)s”.") % {"title": topic.title})
        else:
            messages.success(
                request, _("You no longer support “%(title)s”.") % {"title": topic.title}
            )
    if request.POST.get("next") == "topic":
        return redirect("meetings:topic", pk=meeting.pk, topic_pk=topic.pk)
    return redirect("meetings:topics", pk=meeting.pk)


@require_POST
@login_required
def topic_decide(request, pk: int, topic_pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    topic = get_object_or_404(selectors.decidable_topics(meeting), pk=topic_pk)
    try:
        services.topic_decide(
            topic=topic,
            meeting=meeting,
            by=request.user,
            decision=request.POST.get("decision", ""),
            note=request.POST.get("note", ""),
        )
    except MeetingError as error:
        show_error(request, error)
    else:
        messages.success(request, _("The decision has been saved."))
    return redirect("meetings:topics", pk=meeting.pk)


@login_required
def agenda(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if meeting.is_case_conference:
        raise Http404
    form = AgendaItemForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.agenda_item_add(meeting=meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("The agenda item has been added."))
        return redirect("meetings:agenda", pk=meeting.pk)
    return render(
        request, "meetings/agenda.html", {**selectors.agenda_context(meeting), "form": form}
    )


def _agenda_item_for(request, pk: int, item_pk: int) -> AgendaItem:
    meeting = get_meeting_for(request, pk, action="manage")
    return get_object_or_404(selectors.meeting_agenda_items(meeting), pk=item_pk)


@require_POST
@login_required
def agenda_move(request, pk: int, item_pk: int):
    item = _agenda_item_for(request, pk, item_pk)
    services.agenda_item_move(item=item, by=request.user, direction=request.POST.get("direction"))
    return redirect("meetings:agenda", pk=pk)


@require_POST
@login_required
def agenda_item_edit(request, pk: int, item_pk: int):
    item = _agenda_item_for(request, pk, item_pk)
    # The form validates into a copy; the service gets the item as it is stored.
    form = AgendaItemForm(request.POST, instance=copy(item))
    if form.is_valid():
        services.agenda_item_update(item=item, by=request.user, **form.cleaned_data)
        messages.success(request, _("The agenda item has been saved."))
    else:
        messages.error(request, _("Please give a title and a duration in minutes."))
    return redirect("meetings:agenda", pk=pk)


@login_required
def agenda_item_delete(request, pk: int, item_pk: int):
    item = _agenda_item_for(request, pk, item_pk)
    if request.method == "POST":
        services.agenda_item_delete(item=item, by=request.user)
        messages.success(request, _("The agenda item has been removed."))
        return redirect("meetings:agenda", pk=pk)
    return confirm(
        request,
        item.meeting,
        title=_("Remove agenda item"),
        text=_(
            "Remove “%(title)s” from the agenda? A proposed topic goes back to the deferred topics."
        )
        % {"title": item.title},
        button=_("Remove"),
        action=request.path,
        danger=True,
    )


@require_POST
@login_required
def agenda_review_items(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    added = services.agenda_add_review_items(meeting=meeting)
    messages.success(request, _("%(count)s items added for review.") % {"count": len(added)})
    return redirect("meetings:agenda", pk=pk)


@login_required
def agenda_publish(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if meeting.is_case_conference:
        raise Http404
    if request.method == "POST":
        try:
            services.agenda_publish(meeting=meeting, by=request.user)
        except MeetingError as error:
            show_error(request, error)
        else:
            if meeting.status == Meeting.Status.PUBLISHED:
                messages.success(
                    request, _("The agenda has been published and sent to the invited people.")
                )
            else:
                messages.success(
                    request, _("The agenda has been published: the invitations will carry it.")
                )
        return redirect(meeting.get_absolute_url())
    return confirm(
        request,
        meeting,
        title=_("Publish agenda"),
        text=(
            _("Everyone invited or registered receives the agenda by email.")
            if meeting.status == Meeting.Status.PUBLISHED
            else _("The invitations will carry the agenda when you publish the meeting.")
        ),
        button=_("Publish agenda"),
        action=request.path,
    )
