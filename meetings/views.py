"""Meeting pages. Each view: check access, validate the form, call a service, redirect."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Avg, Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.permissions import is_site_admin
from core.services import calendar_token_regenerate
from network.access import coordinated_network_ids, member_network_ids
from network.models import Measure, Network
from network.permissions import get_network_for
from network.services import measure_set_status

from . import rsvp as rsvp_links
from . import services
from .calendar import meeting_ical, meetings_ical
from .forms import (
    AgendaItemForm,
    CaseConferenceForm,
    ColleagueRegistrationForm,
    FeedbackForm,
    InvitationForm,
    MeasureForm,
    MeetingForm,
    MeetingStartForm,
    MinutesForm,
    NextDateForm,
    PollAnswerForm,
    PollForm,
    RegistrationForm,
    TopicForm,
    WalkInForm,
)
from .models import (
    AgendaItem,
    DatePollAnswer,
    Feedback,
    Invitation,
    Meeting,
    MeetingKind,
    Registration,
    TopicProposal,
)
from .permissions import (
    admin_organisation_ids,
    audience_organisation_ids_for,
    can_answer_poll,
    can_cancel_registration,
    can_give_feedback,
    can_manage_meeting,
    can_manage_poll,
    can_propose_topic,
    can_read_minutes,
    can_register,
    can_register_colleagues,
    get_meeting_for,
    get_poll_for,
    visible_polls,
)
from .selectors import upcoming_public_meetings
from .services import MeetingError

PAGE_SIZE = 25


# --- Access -------------------------------------------------------------------------------


def coordinated_networks(user):
    if is_site_admin(user):
        return Network.objects.all()
    return Network.objects.filter(pk__in=coordinated_network_ids(user))


def posted(request):
    """The submitted data on POST (even when empty), None otherwise."""
    return request.POST if request.method == "POST" else None


def _error(request, error: MeetingError):
    messages.error(request, error.message)


# --- Lists --------------------------------------------------------------------------------


@login_required
def my_meetings(request):
    """Registrations, open invitations and upcoming meetings of my networks."""
    user, now = request.user, timezone.now()
    registrations = (
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            meeting__end__gte=now,
        )
        .exclude(meeting__status=Meeting.Status.DRAFT)
        .select_related("meeting__network")
        .order_by("meeting__start")[:PAGE_SIZE]
    )
    invitations = (
        Invitation.objects.filter(
            user=user,
            declined_at__isnull=True,
            meeting__status=Meeting.Status.PUBLISHED,
            meeting__start__gte=now,
        )
        .exclude(
            meeting__registrations__user=user,
            meeting__registrations__status__in=[
                Registration.Status.REGISTERED,
                Registration.Status.WAITING,
            ],
        )
        .select_related("meeting__network")
        .order_by("meeting__start")[:PAGE_SIZE]
    )
    upcoming = Paginator(
        Meeting.objects.visible_to(user)
        .filter(
            network_id__in=member_network_ids(user),
            status=Meeting.Status.PUBLISHED,
            start__gte=now,
        )
        .select_related("network")
        .order_by("start", "pk"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    past = (
        Registration.objects.filter(
            user=user, status=Registration.Status.REGISTERED, meeting__end__lt=now
        )
        .exclude(attended=False)
        .select_related("meeting__network")
        .order_by("-meeting__start")[:10]
    )
    return render(
        request,
        "meetings/my_meetings.html",
        {
            "registrations": registrations,
            "invitations": invitations,
            "upcoming": upcoming,
            "past": past,
            "is_coordinator": bool(coordinated_network_ids(user)) or is_site_admin(user),
        },
    )


MANAGE_TABS = ("upcoming", "drafts", "past")


@login_required
def manage_list(request):
    """The coordinator's meetings: upcoming, drafts, past."""
    user, now = request.user, timezone.now()
    managed = Q(network_id__in=coordinated_network_ids(user)) | Q(contact_person=user)
    meetings = Meeting.objects.all() if is_site_admin(user) else Meeting.objects.filter(managed)
    tab = request.GET.get("show", "upcoming")
    if tab not in MANAGE_TABS:
        tab = "upcoming"
    if tab == "drafts":
        meetings = meetings.filter(status=Meeting.Status.DRAFT).order_by("start", "pk")
    elif tab == "past":
        meetings = meetings.filter(start__lt=now).exclude(status=Meeting.Status.DRAFT)
        meetings = meetings.order_by("-start", "-pk")
    else:
        meetings = meetings.filter(start__gte=now).exclude(status=Meeting.Status.DRAFT)
        meetings = meetings.order_by("start", "pk")
    meetings = meetings.select_related("network").annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITING)
        ),
    )
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/manage_list.html",
        {
            "page": page,
            "tab": tab,
            "tabs": [("upcoming", _("Upcoming")), ("drafts", _("Drafts")), ("past", _("Past"))],
            "can_create": coordinated_networks(user).exists(),
        },
    )


# --- Meeting page -------------------------------------------------------------------------


def agenda_with_times(meeting: Meeting, items) -> list[tuple]:
    """(item, local start time) pairs, the agenda's running clock."""
    clock = timezone.localtime(meeting.start)
    rows = []
    for item in items:
        rows.append((item, clock))
        clock += timedelta(minutes=item.duration_minutes)
    return rows


def meeting_detail(request, pk: int):
    meeting = get_meeting_for(request, pk)
    user = request.user
    manage = can_manage_meeting(user, meeting)
    own_registration = None
    invitation = None
    organisation_registrations = []
    if user.is_authenticated:
        own_registration = (
            Registration.objects.filter(meeting=meeting, user=user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        invitation = Invitation.objects.filter(meeting=meeting, user=user).first()
        admin_ids = admin_organisation_ids(user)
        if admin_ids:
            organisation_registrations = list(
                Registration.objects.filter(meeting=meeting, organisation_id__in=admin_ids)
                .exclude(status=Registration.Status.CANCELLED)
                .exclude(user=user)
                .select_related("user", "organisation")
            )
    counts = meeting.registrations.aggregate(
        registered=Count("pk", filter=Q(status=Registration.Status.REGISTERED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )
    agenda = []
    measures = []
    minutes_visible = can_read_minutes(user, meeting)
    if not meeting.is_case_conference:
        agenda = agenda_with_times(
            meeting, meeting.agenda_items.select_related("measure").order_by("position", "pk")
        )
        if minutes_visible:
            measures = list(
                Measure.objects.filter(meeting=meeting).select_related(
                    "responsible_person", "responsible_organisation"
                )
            )
    is_registered = bool(own_registration) and (
        own_registration.status == Registration.Status.REGISTERED
    )
    context = {
        "meeting": meeting,
        "can_manage": manage,
        "own_registration": own_registration,
        "invitation": invitation,
        "organisation_registrations": organisation_registrations,
        "counts": counts,
        "seats_left": (
            None if meeting.capacity is None else max(meeting.capacity - counts["registered"], 0)
        ),
        "agenda": agenda,
        "measures": measures,
        "minutes_visible": minutes_visible,
        "show_online_link": manage or is_registered,
        "can_register": can_register(user, meeting) and own_registration is None,
        "can_register_colleagues": can_register_colleagues(user, meeting),
        "can_propose_topic": can_propose_topic(user, meeting),
        "can_give_feedback": can_give_feedback(user, meeting),
        "can_decline": (
            invitation is not None
            and invitation.declined_at is None
            and meeting.status == Meeting.Status.PUBLISHED
            and not meeting.has_started
        ),
    }
    return render(request, "meetings/meeting_detail.html", context)


def meeting_calendar(request, pk: int):
    meeting = get_meeting_for(request, pk)
    response = HttpResponse(meeting_ical(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


# --- Scheduling ---------------------------------------------------------------------------


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
    networks = coordinated_networks(request.user)
    if not networks.exists():
        raise PermissionDenied
    start_form = MeetingStartForm(
        request.GET if "network" in request.GET else None, networks=networks
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
        },
        **_form_kwargs(kind, network),
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if value is not None}
        try:
            meeting = services.meeting_create(network=network, by=request.user, kind=kind, **fields)
        except MeetingError as error:
            _error(request, error)
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
        instance=Meeting.objects.get(pk=meeting.pk),
        **_form_kwargs(meeting.kind, meeting.network, meeting),
    )
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.fields}
        if changes.get("end") is None:
            changes["end"] = changes["start"] + (meeting.end - meeting.start)
        try:
            services.meeting_update(meeting=meeting, by=request.user, **changes)
        except MeetingError as error:
            _error(request, error)
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


def _confirm(request, meeting, *, title, text, button, action, danger=False, form=None):
    return render(
        request,
        "meetings/confirm.html",
        {
            "meeting": meeting,
            "title": title,
            "text": text,
            "button": button,
            "action": action,
            "danger": danger,
            "form": form,
        },
    )


@login_required
def meeting_publish(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if request.method == "POST":
        try:
            services.meeting_publish(meeting=meeting, by=request.user)
        except MeetingError as error:
            _error(request, error)
        else:
            messages.success(request, _("The meeting has been published and invitations sent."))
        return redirect(meeting.get_absolute_url())
    return _confirm(
        request,
        meeting,
        title=_("Publish meeting"),
        text=_("After publishing, the meeting's audience is invited by email and can register."),
        button=_("Publish and invite"),
        action=request.path,
    )


@login_required
def meeting_cancel(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if request.method == "POST":
        try:
            services.meeting_cancel(meeting=meeting, by=request.user)
        except MeetingError as error:
            _error(request, error)
        else:
            messages.success(request, _("The meeting has been cancelled."))
        return redirect(meeting.get_absolute_url())
    return _confirm(
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
            _error(request, error)
        else:
            messages.success(request, _("The next date has been created as a draft."))
            return redirect(new.get_absolute_url())
    return _confirm(
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
    invitations = meeting.invitations.select_related("user", "organisation").order_by(
        "user__name", "user__email"
    )
    form = InvitationForm(
        posted(request),
        network=meeting.network,
        exclude_ids=invitations.values("user_id"),
    )
    if request.method == "POST" and form.is_valid():
        count = services.invitation_add(
            meeting=meeting, by=request.user, users=list(form.cleaned_data["people"])
        )
        messages.success(request, _("%(count)s people invited.") % {"count": count})
        return redirect("meetings:invitations", pk=meeting.pk)
    return render(
        request,
        "meetings/invitations.html",
        {"meeting": meeting, "invitations": invitations, "form": form},
    )


# --- Registration -------------------------------------------------------------------------


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
    if (
        Registration.objects.filter(meeting=meeting, user=request.user)
        .exclude(status=Registration.Status.CANCELLED)
        .exists()
    ):
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
            _error(request, error)
        else:
            _registration_message(request, registration)
            return redirect(meeting.get_absolute_url())
    return render(request, "meetings/registration_form.html", {"meeting": meeting, "form": form})


@login_required
def registration_colleague(request, pk: int):
    meeting = get_meeting_for(request, pk)
    if not can_register_colleagues(request.user, meeting):
        raise PermissionDenied
    organisation_ids = sorted(
        set(admin_organisation_ids(request.user))
        & set(audience_organisation_ids_for(request.user, meeting))
    )
    form = ColleagueRegistrationForm(posted(request), organisation_ids=organisation_ids)
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
            _error(request, error)
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
    registration = get_object_or_404(
        Registration.objects.select_related("meeting__network", "user"), pk=pk
    )
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
    return _confirm(
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
            _error(request, error)
        else:
            messages.success(request, _("You have declined the invitation."))
        return redirect(meeting.get_absolute_url())
    return _confirm(
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
    registrations = (
        meeting.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("user", "organisation", "registered_by")
        .order_by("status", "waiting_since", "created_at", "pk")
    )
    per_organisation = (
        meeting.registrations.values("organisation__name")
        .annotate(
            registered=Count("pk", filter=Q(status=Registration.Status.REGISTERED)),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
            attended=Count("pk", filter=Q(attended=True)),
        )
        .filter(Q(registered__gt=0) | Q(waiting__gt=0))
        .order_by("organisation__name")
    )
    return render(
        request,
        "meetings/participants.html",
        {"meeting": meeting, "registrations": registrations, "per_organisation": per_organisation},
    )


# --- Topics and agenda --------------------------------------------------------------------


@login_required
def topics(request, pk: int):
    meeting = get_meeting_for(request, pk)
    if meeting.is_case_conference:
        raise Http404
    manage = can_manage_meeting(request.user, meeting)
    may_propose = can_propose_topic(request.user, meeting)
    form = TopicForm(posted(request)) if may_propose else None
    if request.method == "POST":
        if not may_propose:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.topic_propose(meeting=meeting, by=request.user, **form.cleaned_data)
            except MeetingError as error:
                _error(request, error)
            else:
                messages.success(request, _("Thank you, your topic has been proposed."))
                return redirect("meetings:topics", pk=meeting.pk)
    proposals = meeting.topic_proposals.select_related("proposed_by", "organisation")
    if not manage:
        proposals = proposals.filter(proposed_by=request.user)
    deferred = []
    if manage:
        deferred = (
            TopicProposal.objects.filter(
                network=meeting.network, status=TopicProposal.Status.DEFERRED
            )
            .exclude(meeting=meeting)
            .select_related("proposed_by", "organisation", "meeting")
        )
    return render(
        request,
        "meetings/topics.html",
        {
            "meeting": meeting,
            "form": form,
            "proposals": proposals,
            "deferred": deferred,
            "can_manage": manage,
            "decisions": [
                (TopicProposal.Status.ACCEPTED, _("Accept")),
                (TopicProposal.Status.DEFERRED, _("Defer")),
                (TopicProposal.Status.REJECTED, _("Reject")),
            ],
        },
    )


@require_POST
@login_required
def topic_decide(request, pk: int, topic_pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    topic = get_object_or_404(
        TopicProposal.objects.filter(network=meeting.network).filter(
            Q(meeting=meeting) | Q(status=TopicProposal.Status.DEFERRED)
        ),
        pk=topic_pk,
    )
    try:
        services.topic_decide(
            topic=topic,
            meeting=meeting,
            by=request.user,
            decision=request.POST.get("decision", ""),
            note=request.POST.get("note", ""),
        )
    except MeetingError as error:
        _error(request, error)
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
    items = agenda_with_times(
        meeting, meeting.agenda_items.select_related("measure", "topic").order_by("position", "pk")
    )
    total = sum(item.duration_minutes for item, _start in items)
    planned = int((meeting.end - meeting.start).total_seconds() // 60)
    return render(
        request,
        "meetings/agenda.html",
        {"meeting": meeting, "items": items, "form": form, "total": total, "planned": planned},
    )


def _agenda_item_for(request, pk: int, item_pk: int) -> AgendaItem:
    meeting = get_meeting_for(request, pk, action="manage")
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting"), pk=item_pk, meeting=meeting
    )


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
    form = AgendaItemForm(request.POST, instance=AgendaItem.objects.get(pk=item.pk))
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
    return _confirm(
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


# --- Minutes ------------------------------------------------------------------------------


@login_required
def minutes(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    if not meeting.has_started or meeting.status == Meeting.Status.CANCELLED:
        messages.info(request, _("Minutes can be written once the meeting has started."))
        return redirect(meeting.get_absolute_url())
    items = meeting.agenda_items.select_related("measure").order_by("position", "pk")
    registrations = (
        meeting.registrations.filter(status=Registration.Status.REGISTERED)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__name")
    )
    form = MinutesForm(posted(request), meeting=meeting, items=items, registrations=registrations)
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
    measure_form = MeasureForm(network=meeting.network)
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "form": form,
            "measure_form": measure_form,
            "walk_in_form": WalkInForm(meeting=meeting),
            "measures": Measure.objects.filter(meeting=meeting).select_related(
                "responsible_person", "responsible_organisation"
            ),
            "review_items": [item for item in form.items if item.measure_id],
            "measure_statuses": Measure.Status.choices,
        },
    )


@require_POST
@login_required
def measure_add(request, pk: int):
    meeting = get_meeting_for(request, pk, action="manage")
    form = MeasureForm(request.POST, network=meeting.network)
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
        _error(request, error)
    else:
        messages.success(request, _("The person has been added to the attendance."))
    return redirect("meetings:minutes", pk=meeting.pk)


@require_POST
@login_required
def measure_status(request, pk: int, measure_pk: int):
    """Review of an earlier measure during this meeting: set its status."""
    meeting = get_meeting_for(request, pk, action="manage")
    measure = get_object_or_404(Measure, pk=measure_pk, network=meeting.network)
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
            _error(request, error)
        else:
            messages.success(request, _("The minutes have been published to the network."))
        return redirect(meeting.get_absolute_url())
    return _confirm(
        request,
        meeting,
        title=_("Publish minutes"),
        text=_("The network's members can read the minutes and are told by email."),
        button=_("Publish minutes"),
        action=request.path,
    )


# --- Feedback -----------------------------------------------------------------------------


@login_required
def feedback(request, pk: int):
    meeting = get_meeting_for(request, pk)
    manage = can_manage_meeting(request.user, meeting)
    may_give = can_give_feedback(request.user, meeting)
    if not manage and not may_give:
        raise PermissionDenied
    form = None
    if may_give:
        own = Feedback.objects.filter(meeting=meeting, user=request.user).first()
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
    summary, comments, distribution = None, [], []
    if manage:
        summary = meeting.feedback.aggregate(count=Count("pk"), average=Avg("rating"))
        counts = dict(
            meeting.feedback.values_list("rating")
            .annotate(n=Count("pk"))
            .values_list("rating", "n")
        )
        distribution = [(rating, counts.get(rating, 0)) for rating in range(5, 0, -1)]
        # No names: the coordinator reads what was said, not who said it.
        comments = list(
            meeting.feedback.exclude(comment="").order_by("?").values_list("comment", flat=True)
        )
    return render(
        request,
        "meetings/feedback.html",
        {
            "meeting": meeting,
            "form": form,
            "summary": summary,
            "distribution": distribution,
            "comments": comments,
        },
    )


# --- Personal calendar feed ---------------------------------------------------------------


@login_required
def feed_settings(request):
    feed_url = f"{settings.SITE_URL}/meetings/feed/{request.user.calendar_token}.ics"
    return render(request, "meetings/feed.html", {"feed_url": feed_url})


@require_POST
@login_required
def feed_regenerate(request):
    calendar_token_regenerate(user=request.user)
    messages.success(request, _("Your feed has a new address. The old address no longer works."))
    return redirect("meetings:feed")


def feed(request, token: str):
    """The meetings a person registered for; the token in the URL is the only key."""
    user = get_user_model().objects.filter(calendar_token=token, is_active=True).first()
    if user is None:
        raise Http404
    meetings = (
        Meeting.objects.filter(
            registrations__user=user,
            registrations__status=Registration.Status.REGISTERED,
            start__gte=timezone.now() - timedelta(days=365),
        )
        .exclude(status=Meeting.Status.DRAFT)
        .select_related("contact_person")
        .order_by("start")
    )
    response = HttpResponse(
        meetings_ical(meetings, name=_("My meetings")), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Date polls ---------------------------------------------------------------------------


@login_required
def poll_list(request):
    polls = (
        visible_polls(request.user)
        .select_related("network", "meeting")
        .order_by("status", "-created_at")
    )
    page = Paginator(polls, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/poll_list.html",
        {"page": page, "can_create": coordinated_networks(request.user).exists()},
    )


@login_required
def poll_create(request):
    networks = coordinated_networks(request.user)
    if not networks.exists():
        raise PermissionDenied
    form = PollForm(posted(request), networks=networks)
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
            _error(request, error)
        else:
            messages.success(request, _("The date poll is open for answers."))
            return redirect("meetings:poll", pk=poll.pk)
    return render(request, "meetings/poll_form.html", {"form": form})


@login_required
def poll_detail(request, pk: int):
    poll = get_poll_for(request, pk)
    manage = can_manage_poll(request.user, poll)
    slots = list(poll.slots.all())
    answers = list(
        DatePollAnswer.objects.filter(slot__poll=poll)
        .select_related("user")
        .order_by("user__name", "user__email")
    )
    current = {a.slot_id: a.answer for a in answers if a.user_id == request.user.pk}
    form = None
    if can_answer_poll(request.user, poll):
        form = PollAnswerForm(posted(request), poll=poll, slots=slots, current=current)
        if request.method == "POST" and form.is_valid():
            try:
                services.poll_answer(poll=poll, user=request.user, answers=form.answers())
            except MeetingError as error:
                _error(request, error)
            else:
                messages.success(request, _("Your answer has been saved."))
                return redirect("meetings:poll", pk=poll.pk)
    elif request.method == "POST":
        raise PermissionDenied
    totals = {slot.pk: dict.fromkeys(DatePollAnswer.Answer.values, 0) for slot in slots}
    table: dict[int, dict] = {}
    for answer in answers:
        totals[answer.slot_id][answer.answer] += 1
        row = table.setdefault(answer.user_id, {"person": answer.user, "answers": {}})
        row["answers"][answer.slot_id] = answer.get_answer_display()
    summary = [
        (slot, totals[slot.pk]["yes"], totals[slot.pk]["maybe"], totals[slot.pk]["no"])
        for slot in slots
    ]
    rows = [
        (row["person"], [row["answers"].get(slot.pk, "–") for slot in slots])
        for row in table.values()
    ]
    return render(
        request,
        "meetings/poll_detail.html",
        {
            "poll": poll,
            "slots": slots,
            "summary": summary,
            "rows": rows if manage else [],
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
    slot = get_object_or_404(poll.slots, pk=int(slot_id) if slot_id.isdigit() else 0)
    try:
        meeting = services.poll_to_meeting(poll=poll, slot=slot, by=request.user)
    except MeetingError as error:
        _error(request, error)
        return redirect("meetings:poll", pk=poll.pk)
    messages.success(
        request, _("The meeting has been scheduled as a draft. Check it and publish it.")
    )
    return redirect(meeting.get_absolute_url())


# --- Pages at other apps' addresses (routed in config/urls.py) --------------------------------


def network_calendar(request, slug):
    """/networks/<slug>/calendar.ics: the network's upcoming public meetings."""
    network = get_network_for(request, slug)
    response = HttpResponse(
        meetings_ical(upcoming_public_meetings(network), name=network.name),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{network.slug}.ics"'
    return response


def rsvp(request, token: str):
    """Register or decline without logging in; GET shows the meeting, POST acts."""
    try:
        invitation = rsvp_links.invitation_from_token(token)
    except rsvp_links.InvalidToken as error:
        raise Http404 from error
    except rsvp_links.ExpiredToken:
        return render(request, "meetings/rsvp_expired.html", status=410)
    meeting = invitation.meeting
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
            messages.error(request, error.message)
        return redirect("rsvp", token=token)
    invitation.refresh_from_db(fields=["declined_at"])
    registration = Registration.objects.filter(meeting=meeting, user=invitation.user).first()
    return render(
        request,
        "meetings/rsvp.html",
        {
            "invitation": invitation,
            "meeting": meeting,
            "registration": registration,
            "is_open": meeting.status == Meeting.Status.PUBLISHED,
            "show_details": not meeting.is_case_conference,
            "location": ", ".join(filter(None, [meeting.venue_name, meeting.venue_address])),
        },
    )
