"""Proposals of a network: list, submit, page, comment, support, follow; for coordinators
move, agenda and decision. Thin: access helper → form → service → redirect with a message."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import page_of
from network.models import WorkingGroupResult
from network.permissions import can_see_internal

from . import selectors, services
from .forms import (
    AgendaForm,
    CommentForm,
    MoveForm,
    ProposalFilterForm,
    ProposalForm,
    StageFormSet,
)
from .models import Stage
from .permissions import can_move, can_submit, get_network_for_proposals, get_proposal_for

PAGE_SIZE = 20


@login_required
def proposal_list(request, slug):
    network = get_network_for_proposals(request, slug)
    regions = selectors.planning_regions_for(network)
    form = ProposalFilterForm(
        request.GET or None,
        stages=Stage.objects.filter(network=network).order_by("position", "pk"),
        regions=regions,
    )
    filters = selectors.ProposalFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.ProposalFilters(
            stage=form.cleaned_data.get("stage"),
            planning_region=form.cleaned_data.get("region"),
        )
    proposals = selectors.proposals_to_list(network, filters)
    page = page_of(request, proposals, per_page=PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "network": network,
            "form": form,
            "page_obj": page,
            "filtered": filters.stage is not None or filters.planning_region is not None,
            "query": query.urlencode(),
            "can_submit": can_submit(request.user, network),
            "can_configure": can_move(request.user, network),
        },
    )


def _source_result(request, network, result_id):
    """The working-group result to turn into a proposal to this network's plenary: a result
    of the network's own working groups or of its sub-networks' ones that the person may
    see; else 404 (None without ``result``)."""
    if not result_id or not str(result_id).isdigit():
        return None
    result = get_object_or_404(
        WorkingGroupResult.objects.select_related("working_group__network"),
        Q(working_group__network=network) | Q(working_group__network__parent=network),
        pk=result_id,
    )
    if not can_see_internal(request.user, result.working_group.network):
        raise Http404
    return result


@login_required
def proposal_create(request, slug):
    network = get_network_for_proposals(request, slug)
    if not can_submit(request.user, network):
        raise PermissionDenied
    result = _source_result(request, network, request.GET.get("result"))
    regions = selectors.planning_regions_for(network)
    initial = {}
    if result is not None:
        initial = {"title": result.title, "text": result.text or result.title}
    form = ProposalForm(
        request.POST or None, request.FILES or None, regions=regions, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_submit(
                network=network,
                by=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                attachment=form.cleaned_data.get("attachment"),
                planning_region=form.cleaned_data.get("planning_region"),
                source_result=result,
            )
        except services.ProposalError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your proposal has been submitted."))
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "proposals/proposal_form.html",
        {"network": network, "form": form, "result": result},
    )


@login_required
def proposal_detail(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk)
    context = selectors.proposal_page(request.user, proposal)
    context["comment_form"] = CommentForm()
    return render(request, "proposals/proposal_detail.html", context)


@login_required
def proposal_attachment(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk)
    if not proposal.attachment:
        raise Http404
    try:
        handle = proposal.attachment.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, content_type="application/pdf", filename=f"proposal-{proposal.pk}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def proposal_comment(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk)
    if not can_submit(request.user, proposal.network):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        services.proposal_comment(
            proposal=proposal, by=request.user, text=form.cleaned_data["text"]
        )
        messages.success(request, _("Your comment has been added."))
    else:
        messages.error(request, _("Please write a comment."))
    return redirect(proposal.get_absolute_url())


@login_required
@require_POST
def proposal_support(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk)
    if not can_submit(request.user, proposal.network):
        raise PermissionDenied
    if services.proposal_support_toggle(proposal=proposal, by=request.user):
        messages.success(request, _("You support this proposal and will be told when it moves on."))
    else:
        messages.success(request, _("You no longer support this proposal."))
    return redirect(proposal.get_absolute_url())


@login_required
@require_POST
def proposal_follow(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk)
    if services.proposal_follow_toggle(proposal=proposal, by=request.user):
        messages.success(request, _("You follow this proposal: you get a mail on each move."))
    else:
        messages.success(request, _("You no longer follow this proposal."))
    return redirect(proposal.get_absolute_url())


@login_required
def proposal_move(request, slug, pk):
    """Move to another stage with a dated note; entering a decided stage records the
    committee's decision with its reference."""
    proposal = get_proposal_for(request, slug, pk, coordinate=True)
    stages = selectors.network_stages(proposal.network)
    form = MoveForm(request.POST or None, stages=stages, current=proposal.stage)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_move(
                proposal=proposal,
                by=request.user,
                to_stage=form.cleaned_data["to_stage"],
                on=form.cleaned_data["date"],
                note=form.cleaned_data["note"],
                decision_reference=form.cleaned_data["decision_reference"],
            )
        except services.ProposalError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The proposal is now in the stage “%(stage)s”; its followers are told.")
                % {"stage": form.cleaned_data["to_stage"].name},
            )
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "proposals/proposal_move.html",
        {"network": proposal.network, "proposal": proposal, "form": form, "stages": stages},
    )


@login_required
def proposal_agenda(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk, coordinate=True)
    meetings = services.agenda_meetings(proposal.network)
    form = AgendaForm(request.POST or None, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_put_on_agenda(
                proposal=proposal, by=request.user, meeting=form.cleaned_data["meeting"]
            )
        except services.ProposalError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The proposal is on the agenda of “%(meeting)s”.")
                % {"meeting": form.cleaned_data["meeting"].title},
            )
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "proposals/proposal_agenda.html",
        {"network": proposal.network, "proposal": proposal, "form": form},
    )


@login_required
def stages_configure(request, slug):
    """The coordinator names, orders and adds the stages of the network's decision path."""
    network = get_network_for_proposals(request, slug, coordinate=True)
    # Opening the page shows the default path the network would start with, as rows.
    services.stages_ensure(network=network)
    queryset = Stage.objects.filter(network=network).order_by("position", "pk")
    formset = StageFormSet(request.POST or None, queryset=queryset)
    if request.method == "POST" and formset.is_valid():
        changes = [
            {
                "stage": form.instance if form.instance.pk else None,
                "delete": form.cleaned_data.get("DELETE", False),
                "name": form.cleaned_data.get("name", ""),
                "position": form.cleaned_data.get("position") or 0,
                "kind": form.cleaned_data.get("kind") or Stage.Kind.OPEN,
            }
            for form in formset.forms
            if form.has_changed()
        ]
        try:
            services.stages_configure(network=network, by=request.user, changes=changes)
        except services.ProposalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The decision path has been saved."))
            return redirect(f"{network.get_absolute_url()}proposals/stages/")
    return render(request, "proposals/stages.html", {"network": network, "formset": formset})
