from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.models import AuditEvent
from core.sections import page_sections
from providers.models import Organisation

from . import permissions, selectors, services
from .forms import (
    AgreementForm,
    ApplicationForm,
    DecisionForm,
    EndMembershipForm,
    MeasureStatusForm,
    NetworkProfileForm,
    RepresentativeForm,
    WorkingGroupForm,
    WorkingGroupResultForm,
)
from .models import (
    CooperationAgreement,
    Measure,
    Membership,
    Network,
    Representative,
    WorkingGroup,
    WorkingGroupResult,
)
from .permissions import get_network_for
from .tree import subtree_ids

PAGE_SIZE = 25


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# --- Network list and profile ----------------------------------------------------------------


def network_list(request):
    user = request.user
    networks = (
        Network.objects.filter(permissions.visible_networks_q(user))
        .distinct()
        .select_related("parent")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__status=Membership.Status.ACTIVE),
                distinct=True,
            )
        )
        .order_by("name")
    )
    own_memberships = []
    if user.is_authenticated:
        own_memberships = (
            Membership.objects.filter(
                organisation__members__user=user, status__in=Membership.OPEN_STATUSES
            )
            .select_related("network", "organisation")
            .order_by("network__name", "organisation__name")
        )
    return render(
        request,
        "network/network_list.html",
        {"page_obj": _page(request, networks), "own_memberships": own_memberships},
    )


def network_detail(request, slug):
    network = get_network_for(request, slug)
    user = request.user
    admin_org_ids = permissions.admin_organisation_ids(user)
    own = selectors.open_membership_for(network, admin_org_ids) if admin_org_ids else {}
    can_apply = permissions.can_apply(user, network) and len(own) < len(admin_org_ids)
    context = {
        "network": network,
        "subnetworks": network.subnetworks.order_by("name"),
        "municipalities": network.municipalities.order_by("name"),
        "coordinators": network.coordinators.order_by("name"),
        "members_by_kind": selectors.member_organisations_by_kind(network),
        # The meetings app adds the upcoming public meetings.
        "sections": page_sections("network.profile", user=user, network=network),
        "links": [line.strip() for line in network.links.splitlines() if line.strip()],
        "own_memberships": list(own.values()),
        "can_apply": can_apply,
        "is_coordinator": permissions.is_coordinator(user, network),
        "can_see_internal": permissions.can_see_internal(user, network),
        "is_org_admin_member": any(m.status == Membership.Status.ACTIVE for m in own.values()),
    }
    if context["is_coordinator"]:
        context["pending_count"] = selectors.pending_applications(network).count()
    return render(request, "network/network_detail.html", context)


def network_profile_pdf(request, slug):
    from .pdf import network_profile_pdf as render_pdf

    network = get_network_for(request, slug)
    response = HttpResponse(render_pdf(network), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{network.slug}.pdf"'
    return response


@login_required
def network_edit(request, slug):
    network = get_network_for(request, slug, action="coordinate")
    form = NetworkProfileForm(request.POST or None, instance=network)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        # The form validated a copy on the instance; reload so the service sees clean state.
        network.refresh_from_db()
        services.network_update_profile(network=network, by=request.user, fields=fields)
        messages.success(request, _("The network profile has been saved."))
        return redirect(network.get_absolute_url())
    return render(request, "network/network_edit.html", {"network": network, "form": form})


# --- Applications and memberships ------------------------------------------------------------


@login_required
def membership_apply(request, slug):
    network = get_network_for(request, slug)
    admin_org_ids = permissions.admin_organisation_ids(request.user)
    if not admin_org_ids:
        raise PermissionDenied
    if not network.is_open_for_members:
        messages.error(request, _("This network does not accept applications at the moment."))
        return redirect(network.get_absolute_url())
    taken = selectors.open_membership_for(network, admin_org_ids)
    organisations = Organisation.objects.filter(pk__in=admin_org_ids - set(taken)).order_by("name")
    if not organisations.exists():
        messages.info(request, _("Your organisation has already applied or is a member."))
        return redirect(network.get_absolute_url())
    form = ApplicationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_apply(
                organisation=form.cleaned_data["organisation"],
                network=network,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except services.NetworkError as error:
            messages.error(request, error.message)
            return redirect(network.get_absolute_url())
        messages.success(
            request,
            _("Your application has been sent. The coordinators will let you know by email."),
        )
        return redirect(network.get_absolute_url())
    return render(request, "network/membership_apply.html", {"network": network, "form": form})


@login_required
def application_list(request, slug):
    network = get_network_for(request, slug, action="coordinate")
    return render(
        request,
        "network/application_list.html",
        {"network": network, "page_obj": _page(request, selectors.pending_applications(network))},
    )


@login_required
def application_decide(request, slug, pk):
    network = get_network_for(request, slug, action="coordinate")
    membership = get_object_or_404(
        Membership.objects.select_related("organisation", "applied_by"),
        pk=pk,
        network=network,
        status=Membership.Status.APPLIED,
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = request.POST.get("decision")
        reason = form.cleaned_data["reason"]
        try:
            if decision == "accept":
                services.membership_approve(membership=membership, by=request.user, reason=reason)
                messages.success(
                    request,
                    _("%(organisation)s is now a member of the network.")
                    % {"organisation": membership.organisation},
                )
            elif decision == "decline":
                if not reason.strip():
                    form.add_error("reason", _("Please give a reason for declining."))
                    raise _FormInvalid
                services.membership_decline(membership=membership, by=request.user, reason=reason)
                messages.success(
                    request,
                    _("The application of %(organisation)s has been declined.")
                    % {"organisation": membership.organisation},
                )
            else:
                raise _FormInvalid
        except _FormInvalid:
            pass
        except services.NetworkError as error:
            messages.error(request, error.message)
            return redirect("network:applications", slug=network.slug)
        else:
            return redirect("network:applications", slug=network.slug)
    return render(
        request,
        "network/application_decide.html",
        {"network": network, "membership": membership, "form": form},
    )


class _FormInvalid(Exception):
    pass


@login_required
def member_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    memberships = (
        selectors.active_memberships(network)
        .prefetch_related("representatives__person__user")
        .order_by("organisation__name")
    )
    return render(
        request,
        "network/member_list.html",
        {
            "network": network,
            "page_obj": _page(request, memberships),
            "is_coordinator": permissions.is_coordinator(request.user, network),
            "admin_org_ids": permissions.admin_organisation_ids(request.user),
        },
    )


@login_required
def membership_end(request, slug, pk):
    network = get_network_for(request, slug)
    membership = get_object_or_404(
        Membership.objects.select_related("organisation", "network"),
        pk=pk,
        network=network,
        status=Membership.Status.ACTIVE,
    )
    if not permissions.can_end_membership(request.user, membership):
        raise PermissionDenied
    form = EndMembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(
                membership=membership, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.NetworkError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The membership of %(organisation)s has ended.")
                % {"organisation": membership.organisation},
            )
        return redirect(network.get_absolute_url())
    return render(
        request,
        "network/membership_end.html",
        {"network": network, "membership": membership, "form": form},
    )


# --- Representatives -------------------------------------------------------------------------


def _own_memberships(request, network):
    """Current memberships of the organisations the user administers; 403 if none."""
    memberships = list(
        Membership.objects.filter(
            network=network,
            organisation_id__in=permissions.admin_organisation_ids(request.user),
            status__in=Membership.OPEN_STATUSES,
        )
        .select_related("organisation")
        .prefetch_related("representatives__person__user")
        .order_by("organisation__name")
    )
    if not memberships:
        raise PermissionDenied
    return memberships


@login_required
def representatives(request, slug):
    network = get_network_for(request, slug)
    memberships = _own_memberships(request, network)
    forms_by_membership = {}
    for membership in memberships:
        bound = request.method == "POST" and request.POST.get("membership") == str(membership.pk)
        form = RepresentativeForm(
            request.POST if bound else None,
            organisation=membership.organisation,
            prefix=f"m{membership.pk}",
        )
        forms_by_membership[membership.pk] = form
        if bound and form.is_valid():
            try:
                services.representative_add(
                    membership=membership,
                    person=form.cleaned_data["person"],
                    role=form.cleaned_data["role"],
                    by=request.user,
                )
            except services.NetworkError as error:
                form.add_error("person", error.message)
            else:
                messages.success(request, _("The person has been named for the network."))
                return redirect("network:representatives", slug=network.slug)
    rows = [(m, forms_by_membership[m.pk]) for m in memberships]
    return render(request, "network/representatives.html", {"network": network, "rows": rows})


@login_required
def representative_remove(request, slug, pk):
    network = get_network_for(request, slug)
    memberships = _own_memberships(request, network)
    representative = get_object_or_404(
        Representative.objects.select_related("person__user", "membership__organisation"),
        pk=pk,
        membership__in=memberships,
    )
    if request.method == "POST":
        services.representative_remove(representative=representative, by=request.user)
        messages.success(request, _("The person no longer represents the organisation here."))
        return redirect("network:representatives", slug=network.slug)
    return render(
        request,
        "network/representative_remove.html",
        {"network": network, "representative": representative},
    )


# --- Working groups --------------------------------------------------------------------------


def _working_group(network, pk) -> WorkingGroup:
    return get_object_or_404(WorkingGroup.objects.select_related("lead"), pk=pk, network=network)


def _network_people(network):
    """People of the network's active member organisations (candidates for a lead)."""
    return (
        get_user_model()
        .objects.filter(
            organisation_memberships__organisation__network_memberships__network=network,
            organisation_memberships__organisation__network_memberships__status=(
                Membership.Status.ACTIVE
            ),
            is_active=True,
        )
        .distinct()
        .order_by("name", "email")
    )


@login_required
def working_group_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    groups = (
        network.working_groups.select_related("lead")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("name")
    )
    return render(
        request,
        "network/working_group_list.html",
        {
            "network": network,
            "page_obj": _page(request, groups),
            "is_coordinator": permissions.is_coordinator(request.user, network),
        },
    )


@login_required
def working_group_create(request, slug):
    network = get_network_for(request, slug, action="coordinate")
    form = WorkingGroupForm(request.POST or None, people=_network_people(network))
    if request.method == "POST" and form.is_valid():
        group = services.working_group_create(network=network, by=request.user, **form.cleaned_data)
        messages.success(request, _("The working group has been created."))
        return redirect("network:working_group", slug=network.slug, pk=group.pk)
    return render(request, "network/working_group_form.html", {"network": network, "form": form})


@login_required
def working_group_detail(request, slug, pk):
    network = get_network_for(request, slug, action="internal")
    group = _working_group(network, pk)
    members = list(group.members.order_by("name", "email"))
    is_member = any(m.pk == request.user.pk for m in members)
    return render(
        request,
        "network/working_group_detail.html",
        {
            "network": network,
            "group": group,
            "members": members,
            "is_member": is_member,
            "can_add_result": is_member or permissions.is_coordinator(request.user, network),
            "results": group.results.select_related("created_by"),
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
    is_member = group.members.filter(pk=request.user.pk).exists()
    if not (is_member or permissions.is_coordinator(request.user, network)):
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


def _pdf_response(field_file, filename: str) -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="application/pdf", filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def working_group_result_document(request, slug, pk, result_pk):
    network = get_network_for(request, slug, action="internal")
    result = get_object_or_404(
        WorkingGroupResult, pk=result_pk, working_group_id=pk, working_group__network=network
    )
    return _pdf_response(result.document, f"result-{result.pk}.pdf")


# --- Cooperation agreements ------------------------------------------------------------------


@login_required
def agreement_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    agreements = network.agreements.prefetch_related("parties").order_by("-signed_on", "title")
    return render(
        request,
        "network/agreement_list.html",
        {
            "network": network,
            "page_obj": _page(request, agreements),
            "is_coordinator": permissions.is_coordinator(request.user, network),
            "today": timezone.localdate(),
        },
    )


def _agreement(request, network, pk) -> CooperationAgreement:
    agreement = get_object_or_404(CooperationAgreement, pk=pk, network=network)
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
            "parties": agreement.parties.order_by("name"),
            "is_coordinator": permissions.is_coordinator(request.user, network),
        },
    )


@login_required
def agreement_edit(request, slug, pk=None):
    network = get_network_for(request, slug, action="coordinate")
    agreement = get_object_or_404(CooperationAgreement, pk=pk, network=network) if pk else None
    form = AgreementForm(request.POST or None, request.FILES or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        parties = data.pop("parties")
        document = data.pop("document")
        if document is False:  # "clear" ticked
            data["document"] = ""
        upload = document if hasattr(document, "content_type") else None
        if agreement is not None:
            agreement.refresh_from_db()
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
    return _pdf_response(agreement.document, f"agreement-{agreement.pk}.pdf")


# --- Measures --------------------------------------------------------------------------------

MEASURE_FILTERS = {
    "open": Q(status__in=[Measure.Status.OPEN, Measure.Status.IN_PROGRESS]),
    "done": Q(status=Measure.Status.DONE),
}


@login_required
def measure_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    current = request.GET.get("filter", "open")
    measures = permissions.visible_measures(request.user, network).select_related(
        "responsible_person", "responsible_organisation", "meeting"
    )
    if current == "overdue":
        measures = measures.filter(MEASURE_FILTERS["open"], due_date__lt=timezone.localdate())
    elif current in MEASURE_FILTERS:
        measures = measures.filter(MEASURE_FILTERS[current])
    else:
        current = "all"
    is_coordinator = permissions.is_coordinator(request.user, network)
    page_obj = _page(request, measures.order_by("due_date", "pk"))
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
    if back not in ("open", "overdue", "done", "all"):
        back = "open"
    return redirect(f"/networks/{network.slug}/measures/?filter={back}")


# --- Audit log -------------------------------------------------------------------------------


@login_required
def audit_log(request, slug):
    """The audit log of the network and its sub-networks, for its coordinators."""
    network = get_network_for(request, slug, action="coordinate")
    events = AuditEvent.objects.filter(network_id__in=subtree_ids(network)).select_related("actor")
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    return render(request, "network/audit_log.html", {"network": network, "page": page})
