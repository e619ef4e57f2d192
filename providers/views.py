from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import CountedPagePaginator
from core.security import reauthentication_required

from . import services
from .forms import (
    DirectoryFilterForm,
    InviteForm,
    JoinRequestForm,
    MemberForm,
    OfferForm,
    OrganisationForm,
    OrganisationRegisterForm,
)
from .models import Offer, OrganisationMember
from .permissions import EDIT, VIEW, get_organisation_for, member_for
from .selectors import (
    DirectoryFilters,
    directory_organisations,
    join_requests_of,
    members_of,
    my_organisations_context,
    offers_of,
    open_invitations_of,
    organisation_page,
    pending_join_request,
    people_context,
)

PAGE_SIZE = 25


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else DirectoryFilters()
    organisations = directory_organisations(request.user, filters)
    page = CountedPagePaginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "providers/directory.html",
        {
            "form": form,
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "searched": any(v for k, v in request.GET.items() if k != "page"),
        },
    )


def organisation_detail(request, slug):
    organisation = get_organisation_for(request, slug, action=VIEW)
    page = organisation_page(request.user, organisation)
    pending_request = None
    if request.user.is_authenticated and page.member is None:
        pending_request = pending_join_request(organisation, request.user)
    return render(
        request,
        "providers/organisation_detail.html",
        {"organisation": organisation, "page": page, "pending_request": pending_request},
    )


@login_required
def my_organisations(request):
    context = my_organisations_context(request.user)
    # Each open invitation with its token: the page links to accepting it.
    context["invitations"] = [(i, services.invitation_token(i)) for i in context["invitations"]]
    return render(request, "providers/my_organisations.html", context)


@login_required
def organisation_register(request):
    form = OrganisationRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_register(user=request.user, data=form.cleaned_data)
        messages.success(
            request,
            _(
                "Your organisation has been registered. It appears in the public directory "
                "as soon as the portal team has verified it."
            ),
        )
        return redirect(organisation.get_absolute_url())
    return render(request, "providers/organisation_form.html", {"form": form, "organisation": None})


@login_required
def organisation_edit(request, slug):
    organisation = get_organisation_for(request, slug, action=EDIT)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            organisation=organisation, by=request.user, data=form.cleaned_data
        )
        messages.success(request, _("The profile has been saved."))
        return redirect(organisation.get_absolute_url())
    return render(
        request, "providers/organisation_form.html", {"form": form, "organisation": organisation}
    )


# --- People -------------------------------------------------------------------------------


@reauthentication_required  # access is checked first; then the password is asked again
def _hand_over_confirmed(request, organisation, member):
    try:
        services.admin_hand_over(organisation=organisation, by=request.user, to_member=member)
    except services.ProviderError as error:
        messages.error(request, error.message)
        return redirect("providers:people", slug=organisation.slug)
    messages.success(
        request, _("%(name)s is now the organisation's admin.") % {"name": member.user}
    )
    return redirect(organisation.get_absolute_url())


def _member_of(organisation, member_id) -> OrganisationMember:
    return get_object_or_404(members_of(organisation), pk=member_id)


@login_required
def people(request, slug):
    organisation = get_organisation_for(request, slug, action=EDIT)
    return render(
        request,
        "providers/people.html",
        {"organisation": organisation, **people_context(request.user, organisation)},
    )


@login_required
def member_invite(request, slug):
    organisation = get_organisation_for(request, slug, action=EDIT)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_invite(
                organisation=organisation,
                by=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except services.ProviderError as error:
            form.add_error("email", error.message)
        else:
            messages.success(
                request,
                _("The invitation has been sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("providers:people", slug=organisation.slug)
    return render(
        request, "providers/invite_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_POST
def invitation_withdraw(request, slug, invitation_id):
    organisation = get_organisation_for(request, slug, action=EDIT)
    invitation = get_object_or_404(open_invitations_of(organisation), pk=invitation_id)
    services.invitation_withdraw(invitation=invitation, by=request.user)
    messages.success(request, _("The invitation has been withdrawn."))
    return redirect("providers:people", slug=organisation.slug)


@login_required
def member_edit(request, slug, member_id):
    organisation = get_organisation_for(request, slug, action=EDIT)
    member = _member_of(organisation, member_id)
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(
                member=member,
                by=request.user,
                role=form.cleaned_data["role"],
                function_title=form.cleaned_data["function_title"],
                phone=form.cleaned_data["phone"],
                is_public_contact=form.cleaned_data["is_public_contact"],
            )
        except services.ProviderError as error:
            form.add_error("role", error.message)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("providers:people", slug=organisation.slug)
    return render(
        request,
        "providers/member_form.html",
        {"form": form, "organisation": organisation, "member": member},
    )


@login_required
def member_remove(request, slug, member_id):
    organisation = get_organisation_for(request, slug, action=EDIT)
    member = _member_of(organisation, member_id)
    if request.method == "POST":
        try:
            services.member_remove(member=member, by=request.user)
        except services.ProviderError as error:
            messages.error(request, error.message)
            return redirect("providers:people", slug=organisation.slug)
        messages.success(
            request, _("%(name)s no longer belongs to the organisation.") % {"name": member.user}
        )
        if member.user_id == request.user.pk:
            return redirect("providers:mine")
        return redirect("providers:people", slug=organisation.slug)
    return render(
        request,
        "providers/confirm.html",
        {
            "organisation": organisation,
            "title": _("Remove %(name)s?") % {"name": member.user},
            "text": _(
                "%(name)s will no longer belong to %(organisation)s and loses access to its "
                "networks and meetings."
            )
            % {"name": member.user, "organisation": organisation},
            "button": _("Remove"),
            "danger": True,
        },
    )


@login_required
def admin_hand_over(request, slug, member_id):
    organisation = get_organisation_for(request, slug, action=EDIT)
    member = _member_of(organisation, member_id)
    if member_for(request.user, organisation) is None:
        raise Http404  # a site admin who is no member has no role to hand over
    if request.method == "POST":
        return _hand_over_confirmed(request, organisation, member)
    return render(
        request,
        "providers/confirm.html",
        {
            "organisation": organisation,
            "title": _("Hand over the admin role to %(name)s?") % {"name": member.user},
            "text": _(
                "%(name)s becomes admin of %(organisation)s. You stay in the organisation as "
                "staff and can no longer edit its profile, offers or people."
            )
            % {"name": member.user, "organisation": organisation},
            "button": _("Hand over"),
            "danger": False,
        },
    )


@login_required
def organisation_leave(request, slug):
    organisation = get_organisation_for(request, slug, action=VIEW)
    member = member_for(request.user, organisation)
    if member is None:
        raise Http404
    if request.method == "POST":
        try:
            services.member_remove(member=member, by=request.user)
        except services.ProviderError as error:
            messages.error(request, error.message)
            return redirect(organisation.get_absolute_url())
        messages.success(
            request, _("You have left %(organisation)s.") % {"organisation": organisation}
        )
        return redirect("providers:mine")
    return render(
        request,
        "providers/confirm.html",
        {
            "organisation": organisation,
            "title": _("Leave %(organisation)s?") % {"organisation": organisation},
            "text": _(
                "You will no longer belong to the organisation. Its admins can invite you again."
            ),
            "button": _("Leave organisation"),
            "danger": True,
        },
    )


# --- Joining ------------------------------------------------------------------------------


@login_required
def join_request_create(request, slug):
    organisation = get_organisation_for(request, slug, action=VIEW)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_create(
                organisation=organisation,
                user=request.user,
                message=form.cleaned_data["message"],
            )
        except services.ProviderError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Your request has been sent. The organisation's admins will decide on it."),
            )
        return redirect(organisation.get_absolute_url())
    return render(
        request, "providers/join_request_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_POST
def join_request_decide(request, slug, request_id, decision):
    if decision not in ("accept", "decline"):
        raise Http404
    organisation = get_organisation_for(request, slug, action=EDIT)
    join_request = get_object_or_404(join_requests_of(organisation), pk=request_id)
    decide = services.join_request_accept if decision == "accept" else services.join_request_decline
    try:
        decide(join_request=join_request, by=request.user)
    except services.ProviderError as error:
        messages.error(request, error.message)
    else:
        if decision == "accept":
            messages.success(
                request,
                _("%(name)s now belongs to the organisation.") % {"name": join_request.user},
            )
        else:
            messages.success(request, _("The request has been declined."))
    return redirect("providers:people", slug=organisation.slug)


def invitation_accept(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.ProviderError as error:
        return render(
            request, "providers/invitation_invalid.html", {"message": error.message}, status=410
        )
    if not request.user.is_authenticated:
        return render(request, "providers/invitation.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            member = services.invitation_accept(invitation=invitation, user=request.user)
        except services.ProviderError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Welcome! You now belong to %(organisation)s.")
                % {"organisation": member.organisation},
            )
            return redirect(member.organisation.get_absolute_url())
    return render(request, "providers/invitation.html", {"invitation": invitation})


# --- Offers -------------------------------------------------------------------------------


def _offer_of(organisation, offer_id) -> Offer:
    return get_object_or_404(offers_of(organisation), pk=offer_id)


@login_required
def offer_create(request, slug):
    organisation = get_organisation_for(request, slug, action=EDIT)
    form = OfferForm(request.POST or None, instance=Offer(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        services.offer_create(organisation=organisation, by=request.user, data=form.cleaned_data)
        messages.success(request, _("The offer has been added."))
        return redirect(organisation.get_absolute_url())
    return render(
        request,
        "providers/offer_form.html",
        {"form": form, "organisation": organisation, "offer": None},
    )


@login_required
def offer_edit(request, slug, offer_id):
    organisation = get_organisation_for(request, slug, action=EDIT)
    offer = _offer_of(organisation, offer_id)
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        services.offer_update(offer=offer, by=request.user, data=form.cleaned_data)
        messages.success(request, _("The offer has been saved."))
        return redirect(organisation.get_absolute_url())
    return render(
        request,
        "providers/offer_form.html",
        {"form": form, "organisation": organisation, "offer": offer},
    )


@login_required
def offer_delete(request, slug, offer_id):
    organisation = get_organisation_for(request, slug, action=EDIT)
    offer = _offer_of(organisation, offer_id)
    if request.method == "POST":
        services.offer_delete(offer=offer, by=request.user)
        messages.success(request, _("The offer has been deleted."))
        return redirect(organisation.get_absolute_url())
    return render(
        request,
        "providers/confirm.html",
        {
            "organisation": organisation,
            "title": _("Delete the offer “%(title)s”?") % {"title": offer.title},
            "text": _(
                "The offer disappears from the directory. To hide it only for a while, edit "
                "it and untick “active” instead."
            ),
            "button": _("Delete"),
            "danger": True,
        },
    )
