"""Inside a network, for its members and coordinators: working groups, cooperation agreements,
measures, and (coordinators only) the audit log."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import page_of

from .. import permissions, selectors, services
from ..forms import AgreementForm, MeasureStatusForm, WorkingGroupForm, WorkingGroupResultForm
from ..models import CooperationAgreement, Measure, WorkingGroup
from ..permissions import get_network_for
from .common import pdf_response

# --- Working groups --------------------------------------------------------------------------


def _working_group(network, pk) -> WorkingGroup:
    return get_object_or_404(selectors.working_groups_of(network), pk=pk)


@login_required
def working_group_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    return render(
        request,
        "network/working_group_list.html",
        {
            "network": network,
            "page_obj": page_of(request, selectors.working_groups_to_list(network)),
            "is_coordinator": permissions.is_coordinator(request.user, network),
        },
    )


@login_required
def working_group_create(request, slug):
    network = get_network_for(request, slug, action="coordinate")
    form = WorkingGroupForm(request.POST or None, people=selectors.member_people(network))
    if request.method == "POST" and form.is_valid():
        group = services.working_group_create(network=network, by=request.user, **form.cleaned_data)
        messages.success(request, _("The working group has been created."))
        return redirect("network:working_group", slug=network.slug, pk=group.pk)
    return render(request, "network/working_group_form.html", {"network": network, "form": form})


@login_required
def working_group_detail(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    group = _working_group(network, pk)
    context = selectors.working_group_context(request.user, group)
    return render(
        request,
        "network/working_group_detail.html",
        {
            "network": network,
            "group": group,
            **context,
            "can_add_result": (
                context["is_member"] or permissions.is_coordinator(request.user, network)
            ),
        },
    )


@login_required
@require_POST
def working_group_join(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    group = _working_group(network, pk)
    try:
        services.working_group_join(working_group=group, user=request.user)
    except services.NetworkError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have joined the working group."))
    return redirect("network:working_group", slug=network.slug, pk=group.pk)


@login_required
@require_POST
def working_group_leave(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    group = _working_group(network, pk)
    services.working_group_leave(working_group=group, user=request.user)
    messages.success(request, _("You have left the working group."))
    return redirect("network:working_group", slug=network.slug, pk=group.pk)


@login_required
def working_group_result_add(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    group = _working_group(network, pk)
    if not (
        selectors.is_working_group_member(group, request.user)
        or permissions.is_coordinator(request.user, network)
    ):
        raise PermissionDenied
    form = WorkingGroupResultForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.working_group_result_add(
                working_group=group, by=request.user, **form.cleaned_data
            )
        except services.NetworkError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The result has been saved."))
            return redirect("network:working_group", slug=network.slug, pk=group.pk)
    return render(
        request,
        "network/working_group_result_form.html",
        {"network": network, "group": group, "form": form},
    )


@login_required
def working_group_result_document(request, slug, pk, result_pk):
    network = get_network_for(request, slug, action="internal")
    result = get_object_or_404(selectors.working_group_results(network, pk), pk=result_pk)
    return pdf_response(result.document, f"result-{result.pk}.pdf")


# --- Cooperation agreements ------------------------------------------------------------------


@login_required
def agreement_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    return render(
        request,
        "network/agreement_list.html",
        {
            "network": network,
            "page_obj": page_of(request, selectors.agreements_to_list(network)),
            "is_coordinator": permissions.is_coordinator(request.user, network),
            "today": timezone.localdate(),
        },
    )


def _agreement(request, network, pk) -> CooperationAgreement:
    agreement = get_object_or_404(selectors.network_agreements(network), pk=pk)
    if not permissions.can_view_agreement(request.user, agreement):
        raise PermissionDenied
    return agreement


@login_required
def agreement_detail(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    agreement = _agreement(request, network, pk)
    return render(
        request,
        "network/agreement_detail.html",
        {
            "network": network,
            "agreement": agreement,
            "parties": selectors.agreement_parties(agreement),
            "is_coordinator": permissions.is_coordinator(request.user, network),
        },
    )


@login_required
def agreement_edit(request, slug, pk=None):
    network = get_network_for(request, slug, action="coordinate")
    agreement = get_object_or_404(selectors.network_agreements(network), pk=pk) if pk else None
    # The form validates into a copy; the service gets the agreement as it is stored.
    form = AgreementForm(
        request.POST or None, request.FILES or None, instance=copy(agreement) if agreement else None
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        parties = data.pop("parties")
        document = data.pop("document")
        if document is False:  # "clear" ticked
            data["document"] = ""
        upload = document if hasattr(document, "content_type") else None
        agreement = services.agreement_save(
            network=network,
            by=request.user,
            fields=data,
            parties=parties,
            document=upload,
            agreement=agreement,
        )
        messages.success(request, _("The cooperation agreement has been saved."))
        return redirect("network:agreement", slug=network.slug, pk=agreement.pk)
    return render(
        request,
        "network/agreement_form.html",
        {"network": network, "agreement": agreement, "form": form},
    )


@login_required
def agreement_document(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    agreement = _agreement(request, network, pk)
    return pdf_response(agreement.document, f"agreement-{agreement.pk}.pdf")


# --- Measures --------------------------------------------------------------------------------


@login_required
def measure_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    current = request.GET.get("filter", "open")
    if current not in selectors.MEASURE_FILTERS:
        current = "all"
    is_coordinator = permissions.is_coordinator(request.user, network)
    page_obj = page_of(request, selectors.measures_to_list(request.user, network, show=current))
    for measure in page_obj:
        measure.can_update = is_coordinator or measure.responsible_person_id == request.user.pk
    return render(
        request,
        "network/measure_list.html",
        {
            "network": network,
            "page_obj": page_obj,
            "current": current,
            "filters": [
                ("open", _("Open")),
                ("overdue", _("Overdue")),
                ("done", _("Done")),
                ("all", _("All")),
            ],
            "statuses": Measure.Status.choices,
        },
    )


@login_required
@require_POST
def measure_status(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    measure = get_object_or_404(permissions.visible_measures(request.user, network), pk=pk)
    if not permissions.can_update_measure(request.user, measure):
        raise PermissionDenied
    form = MeasureStatusForm(request.POST)
    if form.is_valid():
        services.measure_set_status(
            measure=measure, by=request.user, status=form.cleaned_data["status"]
        )
        messages.success(request, _("The status of the measure has been updated."))
    else:
        messages.error(request, _("Please choose a valid status."))
    back = request.POST.get("filter", "open")
    if back not in selectors.MEASURE_FILTERS:
        back = "open"
    return redirect(f"/networks/{network.slug}/measures/?filter={back}")


# --- Audit log -------------------------------------------------------------------------------


@login_required
def audit_log(request, slug):
    """The audit log of the network and its sub-networks, for its coordinators."""
    network = get_network_for(request, slug, action="coordinate")
    return render(
        request,
        "network/audit_log.html",
        {"network": network, "page": page_of(request, selectors.audit_events(network))},
    )
