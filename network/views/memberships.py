"""Applications and their decisions, the member list, ending a membership, representatives."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.pagination import page_of

from .. import permissions, selectors, services
from ..forms import ApplicationForm, DecisionForm, EndMembershipForm, RepresentativeForm
from ..models import Membership
from ..permissions import get_network_for


@login_required
def membership_apply(request, slug):
    network = get_network_for(request, slug)
    if not permissions.admin_organisation_ids(request.user):
        # The home page, news and the login link lead everybody here: say why, do not refuse.
        messages.info(
            request,
            _(
                "Only organisation admins can apply for their organisation. Ask the admin of "
                "your organisation."
            ),
        )
        return redirect(network.get_absolute_url())
    if not network.is_open_for_members:
        messages.error(request, _("This network does not accept applications at the moment."))
        return redirect(network.get_absolute_url())
    may_apply = selectors.organisation_ids_that_may_apply(request.user, network)
    if not may_apply:
        messages.info(request, _("Your organisation has already applied or is a member."))
        return redirect(network.get_absolute_url())
    form = ApplicationForm(
        request.POST or None, organisations=selectors.organisations_by_name(may_apply)
    )
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
        {"network": network, "page_obj": page_of(request, selectors.pending_applications(network))},
    )


class _FormInvalid(Exception):
    pass


@login_required
def application_decide(request, slug, pk):
    network = get_network_for(request, slug, action="coordinate")
    membership = get_object_or_404(selectors.pending_applications(network), pk=pk)
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


@login_required
def member_list(request, slug):
    network = get_network_for(request, slug, action="internal")
    return render(
        request,
        "network/member_list.html",
        {
            "network": network,
            "page_obj": page_of(request, selectors.member_list(network)),
            "is_coordinator": permissions.is_coordinator(request.user, network),
            "admin_org_ids": permissions.admin_organisation_ids(request.user),
        },
    )


@login_required
def membership_end(request, slug, pk):
    network = get_network_for(request, slug)
    membership = get_object_or_404(selectors.memberships_to_end(network), pk=pk)
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


def _own_memberships(request, network) -> list[Membership]:
    """Current memberships of the organisations the user administers; 403 if none."""
    memberships = selectors.own_memberships_with_representatives(request.user, network)
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
    representative = get_object_or_404(selectors.representatives_of(memberships), pk=pk)
    if request.method == "POST":
        services.representative_remove(representative=representative, by=request.user)
        messages.success(request, _("The person no longer represents the organisation here."))
        return redirect("network:representatives", slug=network.slug)
    return render(
        request,
        "network/representative_remove.html",
        {"network": network, "representative": representative},
    )
